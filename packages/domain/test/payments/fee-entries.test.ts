import { describe, expect, it } from 'vitest';
import { AppError, feeEntryRecorders, planFeeEntry, type RecordedFeeEntry } from '../../src/index.ts';

const e = (id: string, kind: RecordedFeeEntry['kind'], amount: number, extra: Partial<RecordedFeeEntry> = {}): RecordedFeeEntry => ({
  id, kind, amount, reverses: null, method: kind === 'payment' || kind === 'refund' ? 'cash' : null, ...extra,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

describe('what may be written to a fee ledger', () => {
  it('takes what is outstanding when a payment names no amount, and refuses more than that', () => {
    expect(planFeeEntry(50_000, [e('a', 'payment', 20_000)], { kind: 'payment' })).toEqual({ kind: 'payment', amount: 30_000 });
    expect(planFeeEntry(50_000, [], { kind: 'payment', amount: 20_000 })).toEqual({ kind: 'payment', amount: 20_000 });
    expect(codeOf(() => planFeeEntry(50_000, [], { kind: 'payment', amount: 50_001 }))).toBe('fee.amount_exceeds_outstanding');
    expect(codeOf(() => planFeeEntry(50_000, [], { kind: 'payment', amount: 0 }))).toBe('request.invalid');
    expect(codeOf(() => planFeeEntry(50_000, [], { kind: 'payment', amount: -5 }))).toBe('request.invalid');
  });

  it('refuses a payment or a waiver when nothing is owed', () => {
    expect(codeOf(() => planFeeEntry(0, [], { kind: 'payment' }))).toBe('fee.nothing_outstanding');
    expect(codeOf(() => planFeeEntry(50_000, [e('a', 'payment', 50_000)], { kind: 'waiver', amount: 1 }))).toBe('fee.nothing_outstanding');
    expect(planFeeEntry(50_000, [e('a', 'payment', 20_000)], { kind: 'waiver', amount: 30_000 })).toEqual({ kind: 'waiver', amount: 30_000 });
  });

  it('refunds at most what was paid and not yet refunded, reversed payments left out', () => {
    const entries = [e('a', 'payment', 50_000), e('b', 'payment', 50_000), e('c', 'refund', 30_000)];
    expect(planFeeEntry(50_000, entries, { kind: 'refund', amount: 70_000 })).toEqual({ kind: 'refund', amount: 70_000 });
    expect(codeOf(() => planFeeEntry(50_000, entries, { kind: 'refund', amount: 70_001 }))).toBe('fee.refund_exceeds_paid');
    const reversed = [...entries, e('d', 'reversal', 50_000, { reverses: 'b' })];
    expect(codeOf(() => planFeeEntry(50_000, reversed, { kind: 'refund', amount: 20_001 }))).toBe('fee.refund_exceeds_paid');
  });

  it('reverses an entry once, with its amount; never a reversal, an online payment or a refunded payment', () => {
    const entries = [e('a', 'payment', 50_000), e('b', 'waiver', 10_000), e('c', 'reversal', 10_000, { reverses: 'b' }), e('o', 'payment', 5_000, { method: 'online' })];
    expect(planFeeEntry(50_000, entries, { kind: 'reversal', entryId: 'a' })).toEqual({ kind: 'reversal', amount: 50_000, reverses: 'a' });
    expect(codeOf(() => planFeeEntry(50_000, entries, { kind: 'reversal', entryId: 'b' }))).toBe('fee.already_reversed');
    expect(codeOf(() => planFeeEntry(50_000, entries, { kind: 'reversal', entryId: 'c' }))).toBe('fee.not_reversible');
    expect(codeOf(() => planFeeEntry(50_000, entries, { kind: 'reversal', entryId: 'o' }))).toBe('fee.not_reversible');
    expect(codeOf(() => planFeeEntry(50_000, entries, { kind: 'reversal', entryId: 'zz' }))).toBe('fee.entry_not_found');
    const refunded = [e('a', 'payment', 50_000), e('r', 'refund', 50_000)];
    expect(codeOf(() => planFeeEntry(50_000, refunded, { kind: 'reversal', entryId: 'a' }))).toBe('fee.not_reversible');
    expect(planFeeEntry(50_000, refunded, { kind: 'reversal', entryId: 'r' })).toEqual({ kind: 'reversal', amount: 50_000, reverses: 'r' });
  });

  it('leaves waivers to the agency’s leader and the counter’s money to its officers', () => {
    expect(feeEntryRecorders).toEqual({ payment: ['officer'], refund: ['officer'], waiver: ['leader'], reversal: ['officer'] });
  });
});
