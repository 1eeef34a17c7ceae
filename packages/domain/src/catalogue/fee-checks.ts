/**
 * What a fee entry must say beyond its shape (docs/bundle-format.md, "Fees"): one of an amount, a
 * table or items; online amounts never above the counter's; tables with distinct cases, the same
 * cases in every table of a schedule; exemptions that exist and waive a whole percentage.
 */
import type { FeeInput, FeeItemInput, FeeRow } from './procedure.ts';

export interface FeeIssue {
  at: Array<string | number>;
  message: string;
}

type At = Array<string | number>;

/** Every problem of a procedure entry's `fee`, with paths under `fee`. */
export function checkFee(fee: FeeInput | undefined): FeeIssue[] {
  if (!fee) return [];
  const issues: FeeIssue[] = [];
  const push = (at: At, message: string) => issues.push({ at: ['fee', ...at], message });
  const given = (['amount', 'table', 'items'] as const).filter((k) => fee[k] !== undefined);
  if (given.length !== 1) {
    push([given[1] ?? 'amount'], given.length ? `give one of amount, table or items, not ${given.join(' and ')}` : 'a fee has an amount, a table or items');
    return issues;
  }
  if (fee.items !== undefined) {
    if (fee.kind !== undefined || fee.label !== undefined) push([fee.kind !== undefined ? 'kind' : 'label'], 'with items, each item has its own kind and label');
    if (fee.items.length === 0) push(['items'], 'a fee schedule has at least one item; leave the fee out for a free procedure');
    fee.items.forEach((item, i) => {
      if (fee.items!.findIndex((o) => o.label === item.label) !== i) push(['items', i, 'label'], `item "${item.label}" is listed twice`);
      checkItem(item, (at, m) => push(['items', i, ...at], m));
    });
    checkSameCases(fee.items, (at, m) => push(at, m));
  } else {
    checkItem(fee, push);
  }
  const kinds = new Set((fee.items ?? [{ kind: fee.kind ?? 'charge' }]).map((i) => i.kind));
  (fee.exemptions ?? []).forEach((e, i) => {
    if (fee.exemptions!.findIndex((o) => o.label === e.label) !== i) push(['exemptions', i, 'label'], `exemption "${e.label}" is listed twice`);
    if (!Number.isInteger(e.share) || e.share < 1 || e.share > 100) push(['exemptions', i, 'share'], `share ${e.share} is not a whole percentage from 1 to 100 (100: exempt in full)`);
    if (e.appliesTo !== undefined && !kinds.has(e.appliesTo)) push(['exemptions', i, 'appliesTo'], `the schedule has no ${e.appliesTo === 'fee' ? 'fee (phí)' : 'charge (lệ phí)'} to exempt from`);
  });
  if (fee.payBeforeProcessing && issues.length === 0 && nothingToPay(fee)) {
    push(['payBeforeProcessing'], 'every amount is zero: there is nothing to pay before processing');
  }
  return issues;
}

function checkItem(item: Pick<FeeItemInput, 'amount' | 'onlineAmount' | 'table'>, push: (at: At, message: string) => void): void {
  if (item.table !== undefined && item.amount !== undefined) push(['amount'], 'an item has an amount or a table, not both');
  else if (item.table === undefined && item.amount === undefined) push(['amount'], 'an item has an amount or a table');
  if (item.table !== undefined) {
    if (item.onlineAmount !== undefined) push(['onlineAmount'], 'a fee table gives online amounts per row');
    if (item.table.length === 0) push(['table'], 'a fee table has at least one row');
    item.table.forEach((row, i) => {
      if (item.table!.findIndex((r) => r.label === row.label) !== i) push(['table', i, 'label'], `label "${row.label}" is listed twice`);
      if (row.onlineAmount !== undefined && row.onlineAmount > row.amount) {
        push(['table', i, 'onlineAmount'], `the online fee ${row.onlineAmount} is higher than the fee ${row.amount}`);
      }
    });
  } else if (item.amount !== undefined && item.onlineAmount !== undefined && item.onlineAmount > item.amount) {
    push(['onlineAmount'], `the online fee ${item.onlineAmount} is higher than the fee ${item.amount}`);
  }
}

/** One case is chosen for the whole dossier: every table of a schedule lists the same cases. */
function checkSameCases(items: readonly FeeItemInput[], push: (at: At, message: string) => void): void {
  const tables = items.map((item, i) => ({ i, table: item.table })).filter((t): t is { i: number; table: FeeRow[] } => t.table !== undefined);
  const first = tables[0];
  if (!first) return;
  const cases = (t: FeeRow[]) => [...new Set(t.map((r) => r.label))].sort();
  const expected = cases(first.table);
  for (const t of tables.slice(1)) {
    const got = cases(t.table);
    if (got.join('\u0000') !== expected.join('\u0000')) {
      push(['items', t.i, 'table'], `the cases (${got.join('; ')}) differ from those of items[${first.i}] (${expected.join('; ')}): every table of a schedule lists the same cases`);
    }
  }
}

function nothingToPay(fee: FeeInput): boolean {
  const amounts = (fee.items ?? [fee]).flatMap((i) => (i.table ? i.table.map((r) => r.amount) : [i.amount ?? 0]));
  return amounts.every((a) => a === 0);
}
