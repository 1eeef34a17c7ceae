/**
 * The balance of a dossier's fee ledger: one rule for the console, the portal, form 01, the
 * receipt, national status 6 and the reports (docs/rules/payments.md).
 */
import type { DossierStatus } from '../dossier/statuses.ts';
import { nationalStatusCode } from '../dossier/statuses.ts';
import type { FeeEntryKind } from './vocabulary.ts';

export interface FeeLedgerEntry {
  id: string;
  kind: FeeEntryKind;
  /** Always positive; the kind says which way it goes. */
  amount: number;
  /** For a `reversal`: the id of the entry it cancels. */
  reverses: string | null;
}

export interface FeeBalance {
  due: number;
  /** Payments received, less those reversed. */
  paid: number;
  refunded: number;
  /** Waivers granted after reception (an exemption at reception already lowered `due`). */
  waived: number;
  /** What the applicant still owes: never negative. */
  outstanding: number;
  /** Paid beyond what is owed and not yet refunded. */
  overpaid: number;
  /** Nothing is owed: `due` is zero or covered. */
  settled: boolean;
}

export function feeBalance(due: number, entries: readonly FeeLedgerEntry[]): FeeBalance {
  const reversed = new Set(entries.filter((e) => e.kind === 'reversal' && e.reverses !== null).map((e) => e.reverses));
  let paid = 0;
  let refunded = 0;
  let waived = 0;
  for (const e of entries) {
    if (reversed.has(e.id)) continue;
    if (e.kind === 'payment') paid += e.amount;
    else if (e.kind === 'refund') refunded += e.amount;
    else if (e.kind === 'waiver') waived += e.amount;
  }
  const covered = paid - refunded + waived;
  return {
    due,
    paid,
    refunded,
    waived,
    outstanding: Math.max(0, due - covered),
    overpaid: Math.max(0, paid - refunded - Math.max(0, due - waived)),
    settled: covered >= due,
  };
}

/** Statuses in which an unpaid fee that must be paid before processing holds the dossier at national status 6. */
const awaitingProcessing: ReadonlySet<DossierStatus> = new Set(['received', 'processing']);

/**
 * The national status code of a dossier, with the fee taken into account: 6 (financial obligation
 * requested) while a fee required before processing is outstanding, else the status's own code.
 */
export function nationalStatusOf(status: DossierStatus, fee: { outstanding: number; payBeforeProcessing: boolean }): number | null {
  if (fee.payBeforeProcessing && fee.outstanding > 0 && awaitingProcessing.has(status)) return 6;
  return nationalStatusCode[status];
}
