/**
 * Fee reports for managers and accounting (docs/rules/payments.md, "Reports"): what counts as
 * collected, refunded, waived, outstanding and pending in a period, and the share of payments made
 * online. The server's query computes the same figures in SQL; `feeFiguresOf` is the reference the
 * tests compare it with.
 */
import type { DateRange } from '../calendar/periods.ts';
import { endOfLocalDay, localDateOf, startOfLocalDay, type Instant } from '../calendar/time.ts';
import { rate } from '../reports/statistics.ts';
import { paymentMethods, type FeeEntryKind, type PaymentMethod } from './vocabulary.ts';

/** One entry of the ledger, as a report reads it. */
export interface FeeEntryFacts {
  id: string;
  dossierId: number;
  kind: FeeEntryKind;
  method: PaymentMethod | null;
  amount: number;
  reverses: string | null;
  recordedAt: Instant;
}

/** A dossier's fee terms, as a report reads them. */
export interface FeeDossierFacts {
  id: number;
  /** When it was received (null: not yet received, owes nothing yet). */
  receivedAt: Instant | null;
  /** The amount due fixed at reception (`fee_amount`), after the exemption. */
  due: number;
  /** What an exemption at reception took off (`fee_terms.exemption.waived`), 0 without one. */
  exemption: number;
}

/** An online payment order still waiting for the gateway's word. */
export interface PendingOrderFacts {
  amount: number;
  createdAt: Instant;
}

export type CollectedByMethod = Record<PaymentMethod, number>;

/** The share of payments made online (a fraction, 4 decimals), by number and by amount; null with no payment. */
export interface OnlineShare {
  byCount: number | null;
  byAmount: number | null;
}

export interface FeeFigures {
  /** Dossiers received in the period with something due. */
  dossiersWithFee: number;
  /** What they owe, fixed at reception (after exemptions at reception). */
  amountDue: number;
  /** Payments recorded in the period, in total and by method. */
  collected: CollectedByMethod & { total: number };
  /** Number of payments recorded in the period, and how many of them online. */
  payments: number;
  onlinePayments: number;
  /** Refunds recorded in the period. */
  refunded: number;
  /** Exemptions at reception (dossiers received in the period) plus waivers recorded in the period. */
  waived: number;
  waivedAtReception: number;
  /** What the dossiers received in the period still owe when the report is made. */
  outstanding: number;
  /** Online orders created in the period and still pending: how many, and their amount. */
  pendingOrders: number;
  pendingOnline: number;
  onlineShare: OnlineShare;
}

/**
 * Online payments over all payments, by count and by amount (rounded like every rate of the
 * reports). The service index (Decision 766/QĐ-TTg, online payment indicator) calls this too.
 */
export function onlinePaymentShare(p: { payments: number; onlinePayments: number; collected: number; collectedOnline: number }): OnlineShare {
  return { byCount: rate(p.onlinePayments, p.payments), byAmount: rate(p.collectedOnline, p.collected) };
}

/**
 * The instants a fee report on the local dates FROM..TO counts: [FROM 00:00, TO+1 00:00) in
 * Vietnam, the end moved back to `madeAt` when the period is not over yet (the report is then as
 * of that instant, like the statistics); a period that has not begun counts nothing.
 */
export function feeReportWindow(period: DateRange, madeAt: Instant): { start: Instant; end: Instant; asOf: Instant | null } {
  const start = startOfLocalDay(period.from);
  const end = endOfLocalDay(period.to);
  if (madeAt >= end) return { start, end, asOf: null };
  return { start: Math.min(start, madeAt), end: madeAt, asOf: madeAt };
}

/** The month a fee entry or a dossier belongs to when a report is grouped by month: its local (Vietnam) month, "YYYY-MM". */
export const feeMonthOf = (instant: Instant): string => localDateOf(instant).slice(0, 7);

/**
 * The entries that count: a reversal and the entry it cancels are both left out, whenever the
 * reversal was recorded (the cancelled entry was a mistake and never happened).
 */
export function effectiveFeeEntries<E extends Pick<FeeEntryFacts, 'id' | 'kind' | 'reverses'>>(entries: readonly E[]): E[] {
  const reversed = new Set(entries.filter((e) => e.kind === 'reversal').map((e) => e.reverses));
  return entries.filter((e) => e.kind !== 'reversal' && !reversed.has(e.id));
}

export function emptyFeeFigures(): FeeFigures {
  return {
    dossiersWithFee: 0, amountDue: 0, collected: { total: 0, cash: 0, transfer: 0, card: 0, online: 0 }, payments: 0, onlinePayments: 0,
    refunded: 0, waived: 0, waivedAtReception: 0, outstanding: 0, pendingOrders: 0, pendingOnline: 0, onlineShare: { byCount: null, byAmount: null },
  };
}

/** The sum of two groups' figures, with the online share recomputed from the sums. */
export function addFeeFigures(a: FeeFigures, b: FeeFigures): FeeFigures {
  const collected = { total: a.collected.total + b.collected.total } as FeeFigures['collected'];
  for (const m of paymentMethods) collected[m] = a.collected[m] + b.collected[m];
  const payments = a.payments + b.payments;
  const onlinePayments = a.onlinePayments + b.onlinePayments;
  return {
    dossiersWithFee: a.dossiersWithFee + b.dossiersWithFee,
    amountDue: a.amountDue + b.amountDue,
    collected,
    payments,
    onlinePayments,
    refunded: a.refunded + b.refunded,
    waived: a.waived + b.waived,
    waivedAtReception: a.waivedAtReception + b.waivedAtReception,
    outstanding: a.outstanding + b.outstanding,
    pendingOrders: a.pendingOrders + b.pendingOrders,
    pendingOnline: a.pendingOnline + b.pendingOnline,
    onlineShare: onlinePaymentShare({ payments, onlinePayments, collected: collected.total, collectedOnline: collected.online }),
  };
}

/**
 * The reference definition of a fee report on the instants [start, end) (a period of local dates
 * FROM..TO is [FROM 00:00, TO+1 00:00) in Vietnam, `end` moved back to the instant the report is
 * made when the period is not over: `reportInstants`):
 * - an entry belongs to the period when it was recorded in it; reversed entries never count;
 * - collected = payments, refunded = refunds, waived = waiver entries + exemptions at reception of
 *   the dossiers received in the period;
 * - dossiers with a fee, amount due and outstanding are of the dossiers received in the period;
 *   outstanding is what each still owes when the report is made (`feeBalance`: due − paid +
 *   refunded − waived, never below 0), counting all its entries, in whatever period they fall
 *   (a stock, "còn phải thu": for a period that is not over, `end` is that instant anyway);
 * - pending: online orders created in the period and still waiting for the gateway.
 */
export function feeFiguresOf(
  data: { dossiers: readonly FeeDossierFacts[]; entries: readonly FeeEntryFacts[]; pendingOrders: readonly PendingOrderFacts[] },
  window: { start: Instant; end: Instant },
): FeeFigures {
  const inPeriod = (t: Instant) => t >= window.start && t < window.end;
  const figures = emptyFeeFigures();
  const effective = effectiveFeeEntries(data.entries);
  for (const e of effective) {
    if (!inPeriod(e.recordedAt)) continue;
    if (e.kind === 'payment') {
      figures.collected.total += e.amount;
      figures.collected[e.method!] += e.amount;
      figures.payments++;
      if (e.method === 'online') figures.onlinePayments++;
    } else if (e.kind === 'refund') figures.refunded += e.amount;
    else if (e.kind === 'waiver') figures.waived += e.amount;
  }
  for (const d of data.dossiers) {
    if (d.receivedAt === null || !inPeriod(d.receivedAt)) continue;
    figures.waivedAtReception += d.exemption;
    figures.waived += d.exemption;
    if (d.due <= 0) continue;
    figures.dossiersWithFee++;
    figures.amountDue += d.due;
    let covered = 0;
    for (const e of effective) if (e.dossierId === d.id) covered += e.kind === 'refund' ? -e.amount : e.amount;
    figures.outstanding += Math.max(0, d.due - covered);
  }
  for (const o of data.pendingOrders) {
    if (!inPeriod(o.createdAt)) continue;
    figures.pendingOrders++;
    figures.pendingOnline += o.amount;
  }
  figures.onlineShare = onlinePaymentShare({
    payments: figures.payments, onlinePayments: figures.onlinePayments, collected: figures.collected.total, collectedOnline: figures.collected.online,
  });
  return figures;
}
