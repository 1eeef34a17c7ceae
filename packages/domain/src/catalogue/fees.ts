/**
 * Fees by channel and case (docs/rules/payments.md): what a dossier of a procedure version costs
 * when filed at the counter, by post or online, and the terms fixed when it is received.
 */
import type { DossierChannel } from '../dossier/vocabulary.ts';
import { AppError } from '../errors.ts';
import type { FeeTerms, FeeTermsItem } from '../payments/terms.ts';
import type { Fee, FeeItem, FeeRow, FeeSchedule } from './procedure.ts';

export type FilingChannel = DossierChannel;

export interface FeeQuote {
  currency: 'VND';
  /** The amount due; `null` for a table until a row is chosen (pass its label). */
  amount: number | null;
  /** True when the online amount is lower than the counter amount. */
  reducedOnline: boolean;
  /** For a table: every row with the amount for this channel. */
  options: Array<{ label: string; amount: number }>;
}

/** What a legacy fee (one amount or one table, not said to be a fee or a charge) is called as an item. */
export const legacyFeeItemLabel = 'Phí, lệ phí';

const amountFor = (row: { amount: number; onlineAmount?: number | undefined }, channel: FilingChannel): number =>
  channel === 'online' && row.onlineAmount !== undefined ? row.onlineAmount : row.amount;

/**
 * Any fee as a schedule: a legacy `fixed` or `table` fee is one item, counted as a charge (lệ phí),
 * with no exemption, no legal basis of its own and payable at any time.
 */
export function feeScheduleOf(fee: Fee): FeeSchedule {
  const none = { currency: 'VND' as const, exemptions: [], legalBasis: null, payBeforeProcessing: false };
  if (fee.kind === 'schedule') return fee;
  if (fee.kind === 'free') return { kind: 'schedule', items: [], ...none };
  const item: FeeItem = fee.kind === 'fixed'
    ? { kind: 'charge', label: legacyFeeItemLabel, amount: fee.amount, ...(fee.onlineAmount === undefined ? {} : { onlineAmount: fee.onlineAmount }) }
    : { kind: 'charge', label: legacyFeeItemLabel, table: fee.table };
  return { kind: 'schedule', items: [item], ...none };
}

/** The cases of a schedule by case (the row labels its tables share); empty when no item depends on the case. */
export function feeCases(fee: Fee): string[] {
  const table = feeScheduleOf(fee).items.find((i): i is Extract<FeeItem, { table: FeeRow[] }> => 'table' in i);
  return table ? table.table.map((r) => r.label) : [];
}

/** The amount of an item for a channel and case (`undefined` when the item has no row of that case). */
function itemAmount(item: FeeItem, channel: FilingChannel, row: string | undefined): number | undefined {
  if (!('table' in item)) return amountFor(item, channel);
  const found = item.table.find((r) => r.label === row);
  return found && amountFor(found, channel);
}

/**
 * The fee of a version for a channel, before any exemption. Online filing may carry a reduced
 * amount. For a fee by case, `rowLabel` picks the case; without it, or with an unknown label, the
 * amount is `null`.
 */
export function feeFor(version: { fee: Fee }, channel: FilingChannel, rowLabel?: string): FeeQuote {
  const schedule = feeScheduleOf(version.fee);
  const cases = feeCases(version.fee);
  const total = (ch: FilingChannel, row: string | undefined) =>
    schedule.items.reduce<number | null>((sum, item) => {
      const a = itemAmount(item, ch, row);
      return sum === null || a === undefined ? null : sum + a;
    }, 0);
  const known = cases.length === 0 || (rowLabel !== undefined && cases.includes(rowLabel));
  const amount = known ? total(channel, rowLabel) : null;
  const counter = known ? total('counter', rowLabel) : null;
  return {
    currency: 'VND',
    amount,
    reducedOnline: channel === 'online' && amount !== null && counter !== null && amount < counter,
    options: cases.map((label) => ({ label, amount: total(channel, label) ?? 0 })),
  };
}

/** What the officer chooses at reception: the case (a row of the schedule's tables) and an exemption, by label. */
export interface FeeChoice {
  row?: string | undefined;
  exemption?: string | undefined;
}

/** Where a wrong choice is reported (the fields of the intake and receive requests). */
export const feeChoiceFields = { row: 'feeRow', exemption: 'feeExemption' } as const;

/**
 * The fee terms a dossier is received under (docs/rules/payments.md): the schedule's items for its
 * channel and case, less the exemption chosen, with the legal basis and whether the fee is due
 * before processing. A percentage exemption waives `ceil(base × share / 100)`: a fraction of a
 * đồng cannot be collected, and the rounding goes the applicant's way, so what is charged never
 * exceeds the share the law leaves them to pay. Throws `request.invalid` naming `feeRow` or
 * `feeExemption` when the case is missing or unknown, or the exemption unknown.
 */
export function feeTermsFor(version: { fee: Fee }, channel: FilingChannel, choice: FeeChoice = {}): FeeTerms {
  const schedule = feeScheduleOf(version.fee);
  const cases = feeCases(version.fee);
  const row = cases.length ? choice.row : undefined;
  if (cases.length && (row === undefined || !cases.includes(row))) {
    throw choiceError(feeChoiceFields.row, row === undefined ? 'choose the case of the fee' : `unknown case "${row}"`, cases,
      { vi: 'Chọn trường hợp tính phí, lệ phí của hồ sơ', en: 'Choose the case the fee is charged for' });
  }
  const items: FeeTermsItem[] = schedule.items.map((item) => ({ kind: item.kind, label: item.label, amount: itemAmount(item, channel, row)! }));
  const total = items.reduce((sum, i) => sum + i.amount, 0);
  let exemption: FeeTerms['exemption'];
  if (choice.exemption !== undefined) {
    const granted = schedule.exemptions.find((e) => e.label === choice.exemption);
    if (!granted) {
      throw choiceError(feeChoiceFields.exemption, schedule.exemptions.length ? `unknown exemption "${choice.exemption}"` : 'this procedure has no exemption',
        schedule.exemptions.map((e) => e.label), { vi: 'Đối tượng miễn, giảm không có trong biểu phí của thủ tục', en: 'No such exemption in the procedure’s fee schedule' });
    }
    const base = items.filter((i) => granted.appliesTo === undefined || i.kind === granted.appliesTo).reduce((sum, i) => sum + i.amount, 0);
    exemption = { label: granted.label, waived: waivedShare(base, granted.share), share: granted.share };
  }
  return {
    currency: 'VND',
    amount: total - (exemption?.waived ?? 0),
    items,
    ...(row === undefined ? {} : { case: row }),
    ...(exemption ? { exemption } : {}),
    payBeforeProcessing: schedule.payBeforeProcessing,
    legalBasis: schedule.legalBasis,
  };
}

/** `share` percent (a whole number, 1–100) of `base` whole đồng, rounded up to the đồng: ⌈base × share / 100⌉ in integers. */
export function waivedShare(base: number, share: number): number {
  return Math.min(base, Math.floor((base * share + 99) / 100));
}

function choiceError(path: string, message: string, options: readonly string[], messages: { vi: string; en: string }): AppError {
  return new AppError('request.invalid', {
    messages,
    issues: [{ path, message: options.length ? `${message}; one of: ${options.join('; ')}` : message }],
  });
}
