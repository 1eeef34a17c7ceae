import { describe, expect, it } from 'vitest';
import {
  addFeeFigures, effectiveFeeEntries, emptyFeeFigures, feeFiguresOf, feeMonthOf, feeReportWindow, onlinePaymentShare,
  type FeeDossierFacts, type FeeEntryFacts, type PlainDate,
} from '../../src/index.ts';

const at = (iso: string) => Date.parse(iso);
const december = feeReportWindow({ from: '2026-12-01' as PlainDate, to: '2026-12-31' as PlainDate }, at('2027-03-01T00:00:00+07:00'));
let n = 0;
const entry = (dossierId: number, kind: FeeEntryFacts['kind'], amount: number, recordedAt: string, extra: Partial<FeeEntryFacts> = {}): FeeEntryFacts => ({
  id: `e${++n}`, dossierId, kind, amount, method: kind === 'payment' || kind === 'refund' ? 'cash' : null, reverses: null, recordedAt: at(recordedAt), ...extra,
});

describe('the period of a fee report', () => {
  it('runs from local midnight of the first day to local midnight after the last, in Vietnam', () => {
    expect(december.start).toBe(at('2026-12-01T00:00:00+07:00'));
    expect(december.end).toBe(at('2027-01-01T00:00:00+07:00'));
    expect(december.asOf).toBeNull();
  });

  it('stops at the instant the report is made when the period is not over', () => {
    const now = at('2026-12-07T14:05:00+07:00');
    expect(feeReportWindow({ from: '2026-12-01' as PlainDate, to: '2026-12-31' as PlainDate }, now)).toEqual({ start: december.start, end: now, asOf: now });
  });

  it('puts an entry at 23:59 on 31/12 in December and one at 00:00 on 01/01 in January (Vietnam time)', () => {
    const late = entry(1, 'payment', 10_000, '2026-12-31T23:59:00+07:00');
    const early = entry(1, 'payment', 20_000, '2027-01-01T00:00:00+07:00');
    expect(feeFiguresOf({ dossiers: [], entries: [late, early], pendingOrders: [] }, december).collected.total).toBe(10_000);
    expect(feeMonthOf(late.recordedAt)).toBe('2026-12');
    expect(feeMonthOf(early.recordedAt)).toBe('2027-01');
    // 16:59 UTC on 31/12 is already 01/01 in Vietnam.
    expect(feeMonthOf(at('2026-12-31T17:00:00Z'))).toBe('2027-01');
  });
});

describe('the online payment share', () => {
  it('divides online payments by all payments, by count and by amount, to four decimals', () => {
    // 2 of 3 payments; 150 000 of 200 000 đồng.
    expect(onlinePaymentShare({ payments: 3, onlinePayments: 2, collected: 200_000, collectedOnline: 150_000 })).toEqual({ byCount: 0.6667, byAmount: 0.75 });
  });

  it('is null with no payment', () => {
    expect(onlinePaymentShare({ payments: 0, onlinePayments: 0, collected: 0, collectedOnline: 0 })).toEqual({ byCount: null, byAmount: null });
  });
});

describe('what a fee report counts', () => {
  const dossiers: FeeDossierFacts[] = [
    { id: 1, receivedAt: at('2026-12-02T09:00:00+07:00'), due: 100_000, exemption: 0 },
    { id: 2, receivedAt: at('2026-12-03T09:00:00+07:00'), due: 50_000, exemption: 50_000 },
    { id: 3, receivedAt: at('2026-12-04T09:00:00+07:00'), due: 0, exemption: 20_000 },
    // Received before the period: its payment in December counts, its due does not.
    { id: 4, receivedAt: at('2026-11-28T09:00:00+07:00'), due: 30_000, exemption: 0 },
  ];
  const mistaken = entry(1, 'payment', 99_000, '2026-12-02T09:10:00+07:00', { method: 'card' });
  const entries = [
    entry(1, 'payment', 60_000, '2026-12-02T09:15:00+07:00', { method: 'transfer' }),
    mistaken,
    entry(1, 'reversal', 99_000, '2027-01-05T10:00:00+07:00', { reverses: mistaken.id }),
    entry(1, 'refund', 10_000, '2026-12-10T10:00:00+07:00'),
    entry(2, 'payment', 50_000, '2026-12-03T10:00:00+07:00', { method: 'online' }),
    entry(2, 'waiver', 5_000, '2026-12-05T10:00:00+07:00'),
    entry(4, 'payment', 30_000, '2026-12-01T08:00:00+07:00'),
    // After the period: not collected in December, but it lowers what dossier 1 still owes.
    entry(1, 'payment', 30_000, '2027-01-02T08:00:00+07:00'),
  ];
  const figures = feeFiguresOf({ dossiers, entries, pendingOrders: [{ amount: 40_000, createdAt: at('2026-12-20T08:00:00+07:00') }, { amount: 1, createdAt: at('2026-11-20T08:00:00+07:00') }] }, december);

  it('leaves out a reversed entry and its reversal, even when the reversal comes in a later period', () => {
    expect(effectiveFeeEntries(entries).map((e) => e.id)).not.toContain(mistaken.id);
    expect(figures.collected).toEqual({ total: 140_000, cash: 30_000, transfer: 60_000, card: 0, online: 50_000 });
    expect(figures.payments).toBe(3);
  });

  it('adds exemptions at reception to the waivers, and counts due and outstanding on dossiers received in the period', () => {
    expect(figures.refunded).toBe(10_000);
    // 5 000 waived later + 50 000 + 20 000 exempted at reception.
    expect(figures).toMatchObject({ waived: 75_000, waivedAtReception: 70_000, dossiersWithFee: 2, amountDue: 150_000 });
    // Dossier 1: 100 000 − (60 000 − 10 000 + 30 000 in January) = 20 000; dossier 2: 50 000 − 50 000 − 5 000 → 0.
    expect(figures.outstanding).toBe(20_000);
    expect(figures).toMatchObject({ pendingOrders: 1, pendingOnline: 40_000 });
    // 1 of 3 payments online; 50 000 of 140 000 đồng.
    expect(figures.onlineShare).toEqual({ byCount: 0.3333, byAmount: 0.3571 });
  });

  it('adds groups up with the share recomputed from the sums, not averaged', () => {
    const other = { ...emptyFeeFigures(), payments: 1, collected: { total: 10_000, cash: 10_000, transfer: 0, card: 0, online: 0 } };
    const sum = addFeeFigures(figures, other);
    expect(sum.collected.total).toBe(150_000);
    expect(sum.onlineShare).toEqual({ byCount: 0.25, byAmount: 0.3333 });
  });
});
