import { describe, expect, it } from 'vitest';
import { feeBalance, nationalStatusOf, type FeeLedgerEntry } from '../../src/index.ts';

const e = (id: string, kind: FeeLedgerEntry['kind'], amount: number, reverses: string | null = null): FeeLedgerEntry => ({ id, kind, amount, reverses });

describe('the balance of a fee ledger', () => {
  it('owes the whole amount before any entry, nothing when the amount is zero', () => {
    expect(feeBalance(50_000, [])).toEqual({ due: 50_000, paid: 0, refunded: 0, waived: 0, outstanding: 50_000, overpaid: 0, settled: false });
    expect(feeBalance(0, [])).toMatchObject({ outstanding: 0, settled: true });
  });

  it('adds payments, takes refunds back, counts waivers as covered and ignores reversed entries', () => {
    const entries = [e('a', 'payment', 30_000), e('b', 'payment', 30_000), e('c', 'reversal', 30_000, 'b'), e('d', 'waiver', 10_000)];
    // 30 000 paid (the second payment was a mistake), 10 000 waived: 10 000 of 50 000 still owed.
    expect(feeBalance(50_000, entries)).toMatchObject({ paid: 30_000, waived: 10_000, outstanding: 10_000, settled: false });
    const settled = [...entries, e('f', 'payment', 10_000)];
    expect(feeBalance(50_000, settled)).toMatchObject({ outstanding: 0, overpaid: 0, settled: true });
  });

  it('shows what was paid twice as overpaid until it is refunded', () => {
    const twice = [e('a', 'payment', 50_000), e('b', 'payment', 50_000)];
    expect(feeBalance(50_000, twice)).toMatchObject({ paid: 100_000, overpaid: 50_000, outstanding: 0 });
    expect(feeBalance(50_000, [...twice, e('r', 'refund', 50_000)])).toMatchObject({ refunded: 50_000, overpaid: 0, outstanding: 0, settled: true });
  });
});

describe('national status 6 (financial obligation requested)', () => {
  it('is reported while a fee due before processing is outstanding on a received or processing dossier', () => {
    expect(nationalStatusOf('received', { outstanding: 1, payBeforeProcessing: true })).toBe(6);
    expect(nationalStatusOf('processing', { outstanding: 1, payBeforeProcessing: true })).toBe(6);
  });
  it('is not reported once paid, when the fee may be paid later, or outside reception and processing', () => {
    expect(nationalStatusOf('received', { outstanding: 0, payBeforeProcessing: true })).toBe(2);
    expect(nationalStatusOf('processing', { outstanding: 5, payBeforeProcessing: false })).toBe(4);
    expect(nationalStatusOf('supplement_requested', { outstanding: 5, payBeforeProcessing: true })).toBe(5);
    expect(nationalStatusOf('resolved', { outstanding: 5, payBeforeProcessing: true })).toBe(9);
  });
});
