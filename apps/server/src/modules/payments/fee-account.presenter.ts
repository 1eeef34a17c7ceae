/**
 * A dossier's fee account as the console and "Hồ sơ của tôi" show it: the terms fixed at reception,
 * the balance (the domain's `feeBalance`), the ledger with labels and receipts, and the online
 * payment orders (read-only here).
 */
import { z } from 'zod';
import {
  feeBalance, feeEntryKindLabels, feeEntryKinds, feeItemKinds, formatInstant, paymentMethodLabels, paymentMethods, paymentOrderStatusLabels,
  paymentOrderStatuses, paymentProviderLabels, paymentProviders, feeReceiptText, planFeeEntry, type FeeTerms,
} from '@motcua/domain';
import type { FeeEntryRow } from './fee-ledger.repository.ts';
import type { PaymentOrderRow } from './fee-account.repository.ts';

const Labels = z.object({ vi: z.string(), en: z.string() });

export const FeeTermsSchema = z.object({
  currency: z.literal('VND'),
  amount: z.number().describe('the amount due, in đồng: the items less the exemption'),
  items: z.array(z.object({ kind: z.enum(feeItemKinds), label: z.string(), amount: z.number() })),
  exemption: z.object({ label: z.string(), waived: z.number() }).optional(),
  payBeforeProcessing: z.boolean(),
  legalBasis: z.string().nullable(),
});

export const FeeBalanceSchema = z.object({
  due: z.number(),
  paid: z.number().describe('payments received, less those reversed'),
  refunded: z.number(),
  waived: z.number(),
  outstanding: z.number().describe('what is still owed; never negative'),
  overpaid: z.number(),
  settled: z.boolean(),
});

export const FeeEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(feeEntryKinds),
  kindLabel: Labels,
  method: z.enum(paymentMethods).nullable(),
  methodLabel: Labels.nullable(),
  amount: z.number(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable().describe('the staff member who recorded it; null for a gateway’s notification'),
  payerName: z.string().nullable(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  reverses: z.string().nullable().describe('for a reversal: the entry it cancels'),
  reversedBy: z.string().nullable().describe('the reversal that cancelled this entry, if any'),
  reversible: z.boolean().describe('the caller may reverse this entry now (its role, and the ledger’s rules)'),
  receipt: z.object({
    symbol: z.string(),
    number: z.number(),
    year: z.number(),
    text: z.string().describe('"BL26E 0000012": symbol and number as printed'),
    pdf: z.string().describe('GET it for the electronic receipt (biên lai điện tử) as PDF'),
    signed: z.boolean().describe('signed digitally with the collector’s key and the agency’s seal'),
    verifyUrl: z.string().nullable().describe('the public verification page of the signed receipt'),
  }).nullable(),
});

export const PaymentOrderSchema = z.object({
  id: z.string(),
  reference: z.string(),
  provider: z.enum(paymentProviders),
  providerLabel: Labels,
  amount: z.number(),
  status: z.enum(paymentOrderStatuses),
  statusLabel: Labels,
  createdAt: z.string(),
  paidAt: z.string().nullable(),
});

export const FeeAccountSchema = z.object({
  dossierId: z.number(),
  code: z.string(),
  terms: FeeTermsSchema.nullable().describe('null when nothing was fixed at reception (no fee, or not received yet)'),
  balance: FeeBalanceSchema,
  refundable: z.number().describe('what may still be refunded: paid and not yet refunded'),
  entries: z.array(FeeEntrySchema).describe('oldest first; never edited: a correction is a reversal plus a new entry'),
  orders: z.array(PaymentOrderSchema).describe('online payments started with a gateway'),
  may: z.array(z.enum(feeEntryKinds)).describe('the kinds of entry the caller may record now (empty for the applicant)'),
});
export type FeeAccount = z.infer<typeof FeeAccountSchema>;

/** The answer to recording an entry: the entry and the balance after it. */
export const RecordedFeeEntrySchema = z.object({ entry: FeeEntrySchema, balance: FeeBalanceSchema });

export interface FeeAccountFacts {
  dossier: { id: number; code: string; fee_amount: number; fee_terms: FeeTerms | null };
  entries: FeeEntryRow[];
  names: ReadonlyMap<string, string>;
  signed: ReadonlyMap<string, string>;
  orders: PaymentOrderRow[];
  /** Where this caller downloads a receipt: `${receiptBase}/${entryId}.pdf`. */
  receiptBase: string;
  verificationUrl: (documentId: string) => string;
  may: FeeAccount['may'];
}

const iso = (d: Date) => formatInstant(d.getTime());

export function presentFeeEntry(
  e: FeeEntryRow,
  facts: Pick<FeeAccountFacts, 'names' | 'signed' | 'receiptBase' | 'verificationUrl'>,
  reversedBy: string | null,
  reversible = false,
): z.infer<typeof FeeEntrySchema> {
  const signedId = facts.signed.get(e.id);
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: feeEntryKindLabels[e.kind],
    method: e.method,
    methodLabel: e.method ? paymentMethodLabels[e.method] : null,
    amount: e.amount,
    recordedAt: iso(e.recorded_at),
    recordedBy: e.recorded_by ? { id: e.recorded_by, name: facts.names.get(e.recorded_by) ?? '' } : null,
    payerName: e.payer_name,
    reason: e.reason,
    legalBasis: e.legal_basis,
    reverses: e.reverses,
    reversedBy,
    reversible,
    receipt: e.receipt_number !== null && e.receipt_year !== null && e.receipt_symbol !== null
      ? {
        symbol: e.receipt_symbol,
        number: e.receipt_number,
        year: e.receipt_year,
        text: feeReceiptText(e.receipt_symbol, e.receipt_number),
        pdf: `${facts.receiptBase}/${e.id}.pdf`,
        signed: signedId !== undefined,
        verifyUrl: signedId ? facts.verificationUrl(signedId) : null,
      }
      : null,
  };
}

export function presentFeeAccount(facts: FeeAccountFacts): FeeAccount {
  const { dossier, entries } = facts;
  const reversedBy = new Map(entries.flatMap((e) => (e.reverses ? [[e.reverses, e.id] as const] : [])));
  const balance = feeBalance(dossier.fee_amount, entries);
  // The ledger's own rule says which entries a reversal would be accepted for.
  const reversible = (id: string) => {
    if (!facts.may.includes('reversal')) return false;
    try {
      planFeeEntry(dossier.fee_amount, entries, { kind: 'reversal', entryId: id });
      return true;
    } catch {
      return false;
    }
  };
  return {
    dossierId: dossier.id,
    code: dossier.code,
    terms: dossier.fee_terms,
    balance,
    refundable: balance.paid - balance.refunded,
    entries: entries.map((e) => presentFeeEntry(e, facts, reversedBy.get(e.id) ?? null, reversible(e.id))),
    orders: facts.orders.map((o) => ({
      id: o.id, reference: o.reference, provider: o.provider, providerLabel: paymentProviderLabels[o.provider], amount: o.amount,
      status: o.status, statusLabel: paymentOrderStatusLabels[o.status], createdAt: iso(o.created_at), paidAt: o.paid_at ? iso(o.paid_at) : null,
    })),
    may: facts.may,
  };
}
