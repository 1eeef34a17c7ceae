/**
 * What may be written to a dossier's fee ledger, and by whom (docs/rules/payments.md): the checks
 * made against the balance before an entry is appended, in the transaction that holds the dossier.
 */
import type { StaffRole } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import { feeBalance, type FeeLedgerEntry } from './balance.ts';
import type { FeeEntryKind, PaymentMethod } from './vocabulary.ts';

/**
 * Who records each kind of entry at the receiving agency. Money changes hands at the one-stop
 * counter (officer: payments, refunds, and the reversal of an entry recorded by mistake); a waiver
 * forgoes money the State is owed, so it is the agency head's decision (leader), recorded with
 * its legal basis.
 */
export const feeEntryRecorders: Record<FeeEntryKind, readonly StaffRole[]> = {
  payment: ['officer'],
  refund: ['officer'],
  waiver: ['leader'],
  reversal: ['officer'],
};

/** How money is taken or given back at the counter; `online` is the gateway's alone. */
export const counterPaymentMethods = ['cash', 'transfer', 'card'] as const satisfies readonly PaymentMethod[];
export type CounterPaymentMethod = (typeof counterPaymentMethods)[number];

/** One entry of the ledger with what the checks need beyond the balance. */
export interface RecordedFeeEntry extends FeeLedgerEntry {
  method: PaymentMethod | null;
}

/** "BL26E 0000012": a receipt's symbol and its number, printed on seven digits. */
export const feeReceiptText = (symbol: string, number: number): string => `${symbol} ${feeReceiptNumber(number)}`;
export const feeReceiptNumber = (number: number): string => String(number).padStart(7, '0');

export type FeeEntryRequest =
  /** Without an amount: what is outstanding. */
  | { kind: 'payment'; amount?: number | undefined }
  | { kind: 'refund'; amount: number }
  /** Without an amount: what is outstanding. */
  | { kind: 'waiver'; amount?: number | undefined }
  | { kind: 'reversal'; entryId: string };

export interface PlannedFeeEntry {
  kind: FeeEntryKind;
  amount: number;
  reverses?: string;
}

function positive(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new AppError('request.invalid', { issues: [{ path: 'amount', message: 'a whole number of đồng greater than zero' }] });
  }
}

/**
 * The entry to append for `request` on a ledger owing `due`, or the reason it is refused:
 * a payment or a waiver covers at most what is outstanding (a payment defaults to all of it);
 * a refund gives back at most what was paid and not yet refunded; a reversal cancels one entry
 * once — never a reversal, never an online payment (the gateway holds that money: it is refunded),
 * and never a payment whose money has already been refunded.
 */
export function planFeeEntry(due: number, entries: readonly RecordedFeeEntry[], request: FeeEntryRequest): PlannedFeeEntry {
  const balance = feeBalance(due, entries);
  switch (request.kind) {
    case 'payment':
    case 'waiver': {
      if (balance.outstanding === 0) throw new AppError('fee.nothing_outstanding');
      const amount = request.amount ?? balance.outstanding;
      positive(amount);
      if (amount > balance.outstanding) throw new AppError('fee.amount_exceeds_outstanding', { details: { outstanding: balance.outstanding } });
      return { kind: request.kind, amount };
    }
    case 'refund': {
      positive(request.amount);
      const refundable = balance.paid - balance.refunded;
      if (request.amount > refundable) throw new AppError('fee.refund_exceeds_paid', { details: { refundable } });
      return { kind: 'refund', amount: request.amount };
    }
    case 'reversal': {
      const entry = entries.find((e) => e.id === request.entryId);
      if (!entry) throw new AppError('fee.entry_not_found');
      if (entries.some((e) => e.kind === 'reversal' && e.reverses === entry.id)) throw new AppError('fee.already_reversed');
      if (entry.kind === 'reversal' || entry.method === 'online') throw new AppError('fee.not_reversible', { details: { kind: entry.kind, method: entry.method } });
      if (entry.kind === 'payment') {
        const after = feeBalance(due, [...entries, { id: '', kind: 'reversal', amount: entry.amount, reverses: entry.id }]);
        if (after.refunded > after.paid) {
          throw new AppError('fee.not_reversible', {
            messages: { vi: 'Khoản thu này đã được hoàn trả: hủy bút toán hoàn trả trước', en: 'This payment has been refunded: reverse the refund first' },
          });
        }
      }
      return { kind: 'reversal', amount: entry.amount, reverses: entry.id };
    }
  }
}
