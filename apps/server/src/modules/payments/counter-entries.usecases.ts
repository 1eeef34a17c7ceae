/**
 * What the counter records in a dossier's fee ledger (docs/rules/payments.md): a payment (cash,
 * transfer, card), a refund, a waiver granted by the agency's leader, the reversal of an entry
 * recorded by mistake. Each is checked against the balance (the domain's `planFeeEntry`) with the
 * dossier locked, then appended by the ledger's one writer, which also audits it.
 */
import { AppError, planFeeEntry, type CounterPaymentMethod, type FeeEntryRequest } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { verificationUrl } from '../signed-documents/signed-documents.usecases.ts';
import { presentFeeEntry, type RecordedFeeEntrySchema } from './fee-account.presenter.ts';
import { staffReceiptBase } from './fee-account.queries.ts';
import { appendFeeEntry, feeEntriesOf } from './fee-ledger.repository.ts';
import { canRecordFeeEntry } from './payments.policies.ts';
import type { z } from 'zod';

export type CounterEntryInput =
  | { kind: 'payment'; method: CounterPaymentMethod; amount?: number | undefined; payerName?: string | undefined; note?: string | undefined }
  | { kind: 'refund'; method: CounterPaymentMethod; amount: number; reason: string }
  | { kind: 'waiver'; amount?: number | undefined; reason: string; legalBasis: string }
  | { kind: 'reversal'; entryId: string; reason: string };

const requestOf = (input: CounterEntryInput): FeeEntryRequest =>
  input.kind === 'reversal' ? { kind: 'reversal', entryId: input.entryId } : { kind: input.kind, amount: input.amount } as FeeEntryRequest;

/** Records one entry in the caller's transaction (`deps.db`); answers the entry and the balance after it. */
export async function recordCounterEntry(
  context: AuditContext,
  dossierId: number,
  input: CounterEntryInput,
  deps: Pick<Deps, 'db' | 'references' | 'config' | 'clock'>,
): Promise<z.infer<typeof RecordedFeeEntrySchema>> {
  const actor = context.actor;
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId, { lock: true });
  if (actor.kind !== 'staff' || !canRecordFeeEntry(actor, input.kind, ctx.agencies.receivingPath)) {
    throw new AppError('auth.forbidden', { details: { kind: input.kind } });
  }
  const entries = await feeEntriesOf(deps.db, ctx.dossier.id);
  const plan = planFeeEntry(ctx.dossier.fee_amount, entries, requestOf(input));
  const { entry, balance } = await appendFeeEntry(deps.db, {
    dossierId: ctx.dossier.id,
    kind: plan.kind,
    amount: plan.amount,
    reverses: plan.reverses,
    method: input.kind === 'payment' || input.kind === 'refund' ? input.method : undefined,
    // The receipt names who paid: the applicant unless someone else paid for them.
    payerName: input.kind === 'payment' ? input.payerName?.trim() || ctx.dossier.applicant_name : undefined,
    reason: (input.kind === 'payment' ? input.note : input.reason)?.trim() || undefined,
    legalBasis: input.kind === 'waiver' ? input.legalBasis.trim() : undefined,
    recordedBy: actor.userId,
    recordedAt: deps.clock(),
  }, context);
  const names = await deps.references.userNames(deps.db, [actor.userId]);
  return {
    entry: presentFeeEntry(entry, {
      names, signed: new Map(), receiptBase: staffReceiptBase(ctx.dossier.id), verificationUrl: (id) => verificationUrl(deps.config, id),
    }, null),
    balance,
  };
}
