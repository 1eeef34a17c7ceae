/**
 * A procedure's fee schedule as the API shows it (docs/rules/payments.md): the totals a form needs
 * to offer the cases, and each item (fee or charge) with its counter and online amounts, the
 * exemptions, the legal basis and whether the fee is due before processing, all with their words,
 * so that the portal and the console compute nothing.
 */
import { z } from 'zod';
import {
  feeCases, feeFor, feeItemKindLabels, feeItemKinds, feeScheduleOf, formatAmount, formatExemptionShare, formatFee, type Fee,
} from '@motcua/domain';

const Text = z.object({ vi: z.string(), en: z.string() });
const Row = z.object({ label: z.string(), amount: z.number(), onlineAmount: z.number().nullable() });
/** One case of an item: counter and online amounts (the same when not reduced). */
const ItemRow = z.object({ label: z.string(), amount: z.number(), onlineAmount: z.number(), reducedOnline: z.boolean() });

export const FeeView = z.object({
  /** `table`: the amount depends on the case (choose a row of `table`); `fixed`: one amount; `free`: nothing to pay. */
  kind: z.enum(['free', 'fixed', 'table']),
  currency: z.literal('VND'),
  /** Counter total; `null` when it depends on the case (see `table`). */
  amount: z.number().nullable(),
  /** Online total when lower than the counter's, else null. */
  onlineAmount: z.number().nullable(),
  /** By case: each case with its counter total and, when lower, its online total. */
  table: z.array(Row),
  text: Text,
  /** Each fee (phí) or charge (lệ phí) of the schedule, with its amounts in words. */
  items: z.array(z.object({
    kind: z.enum(feeItemKinds),
    kindText: Text,
    label: z.string(),
    /** Counter amount; null for an amount by case (see `table`). */
    amount: z.number().nullable(),
    /** Online amount (the counter amount when not reduced); null for an amount by case. */
    onlineAmount: z.number().nullable(),
    reducedOnline: z.boolean(),
    table: z.array(ItemRow),
    text: Text,
  })),
  /** Who is exempt, in full or in part, as the officer may grant it at reception. */
  exemptions: z.array(z.object({ label: z.string(), share: z.number(), appliesTo: z.enum(feeItemKinds).nullable(), text: Text })),
  /** The text that sets the amounts, when the catalogue gives it. */
  legalBasis: z.string().nullable(),
  /** The fee is paid before the dossier is processed. */
  payBeforeProcessing: z.boolean(),
});

const channels = (r: { amount: number; onlineAmount?: number | undefined }) =>
  ({ amount: r.amount, onlineAmount: r.onlineAmount ?? r.amount, reducedOnline: r.onlineAmount !== undefined && r.onlineAmount < r.amount });

const rowOf = (counter: number | null, online_: number | null, label: string) => ({
  label, amount: counter ?? 0, onlineAmount: online_ !== null && counter !== null && online_ < counter ? online_ : null,
});

export function presentFee(fee: Fee): z.infer<typeof FeeView> {
  const schedule = feeScheduleOf(fee);
  const cases = feeCases(fee);
  const counter = feeFor({ fee }, 'counter');
  const web = feeFor({ fee }, 'online');
  const kind = cases.length ? 'table' : counter.amount ? 'fixed' : web.amount ? 'fixed' : 'free';
  return {
    kind,
    currency: 'VND',
    amount: cases.length ? null : counter.amount ?? 0,
    onlineAmount: cases.length || web.amount === null || counter.amount === null || web.amount >= counter.amount ? null : web.amount,
    table: cases.map((label) => rowOf(feeFor({ fee }, 'counter', label).amount, feeFor({ fee }, 'online', label).amount, label)),
    text: formatFee(fee),
    items: schedule.items.map((item) => {
      const single = 'table' in item ? null : item;
      const rows = 'table' in item ? item.table : [];
      const text = single ? formatFee({ kind: 'fixed', currency: 'VND', amount: single.amount, onlineAmount: single.onlineAmount })
        : formatFee({ kind: 'table', currency: 'VND', table: rows });
      return {
        kind: item.kind,
        kindText: feeItemKindLabels[item.kind],
        label: item.label,
        ...(single ? channels(single) : { amount: null, onlineAmount: null, reducedOnline: rows.some((r) => channels(r).reducedOnline) }),
        table: rows.map((r) => ({ label: r.label, ...channels(r) })),
        text: single && single.amount === 0 && !single.onlineAmount ? formatAmount(0) : text,
      };
    }),
    exemptions: schedule.exemptions.map((e) => ({ label: e.label, share: e.share, appliesTo: e.appliesTo ?? null, text: formatExemptionShare(e) })),
    legalBasis: schedule.legalBasis,
    payBeforeProcessing: schedule.payBeforeProcessing,
  };
}
