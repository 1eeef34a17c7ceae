/** Fees by channel: what a dossier of a procedure version costs when filed at the counter, by post or online. */
import type { DossierChannel } from '../dossier/vocabulary.ts';
import type { Fee, FeeRow } from './procedure.ts';

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

const rowAmount = (row: { amount: number; onlineAmount?: number | undefined }, channel: FilingChannel): number =>
  channel === 'online' && row.onlineAmount !== undefined ? row.onlineAmount : row.amount;

/**
 * The fee of a version for a channel. Online filing may carry a reduced amount (docs/rules/agencies-and-catalogue.md). For a
 * table, `rowLabel` picks the row; without it, or with an unknown label, the amount is `null`.
 */
export function feeFor(version: { fee: Fee }, channel: FilingChannel, rowLabel?: string): FeeQuote {
  const fee = version.fee;
  if (fee.kind === 'free') return { currency: 'VND', amount: 0, reducedOnline: false, options: [] };
  if (fee.kind === 'fixed') {
    return {
      currency: 'VND',
      amount: rowAmount(fee, channel),
      reducedOnline: channel === 'online' && fee.onlineAmount !== undefined && fee.onlineAmount < fee.amount,
      options: [],
    };
  }
  const options = fee.table.map((r: FeeRow) => ({ label: r.label, amount: rowAmount(r, channel) }));
  const chosen = rowLabel === undefined ? undefined : options.find((o) => o.label === rowLabel);
  const chosenRow = rowLabel === undefined ? undefined : fee.table.find((r) => r.label === rowLabel);
  return {
    currency: 'VND',
    amount: chosen?.amount ?? null,
    reducedOnline: channel === 'online' && chosenRow?.onlineAmount !== undefined && chosenRow.onlineAmount < chosenRow.amount,
    options,
  };
}
