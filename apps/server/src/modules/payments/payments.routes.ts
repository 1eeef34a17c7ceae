/**
 * A dossier's fee account and what the counter records in it (docs/rules/payments.md), for staff
 * who see the dossier; and the same account, read-only, for the applicant in "Hồ sơ của tôi".
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { counterPaymentMethods, inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, signedInCitizen } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { DossierCodeParams, DossierIdParams } from '../dossiers/dossiers.schemas.ts';
import { myDossierContext } from '../dossiers/my-dossiers.queries.ts';
import { recordCounterEntry, type CounterEntryInput } from './counter-entries.usecases.ts';
import { FeeAccountSchema, RecordedFeeEntrySchema } from './fee-account.presenter.ts';
import { myFeeAccount, staffFeeAccount } from './fee-account.queries.ts';
import { feeReceiptPdf, signFeeReceipt } from './fee-receipts.usecases.ts';

const Amount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('whole đồng');
const Method = z.enum(counterPaymentMethods);
const Reason = inputText().trim().min(1).max(1000);

const PaymentBody = z.object({
  method: Method,
  amount: Amount.optional().describe('whole đồng; what is outstanding when omitted; never more than that'),
  payerName: inputText().trim().max(200).optional().describe('who paid, when not the applicant'),
  note: inputText().max(1000).optional(),
});
const RefundBody = z.object({ method: Method, amount: Amount.describe('at most what was paid and not yet refunded'), reason: Reason });
const WaiverBody = z.object({
  amount: Amount.optional().describe('what is outstanding when omitted'),
  reason: Reason,
  legalBasis: inputText().trim().min(1).max(500).describe('the decision or article that exempts'),
});
const ReversalBody = z.object({ reason: Reason });
const ReceiptParams = { entryId: inputText().max(64).describe('the payment entry’s id') };

const recordProblems = [
  'dossier.not_found', 'fee.nothing_outstanding', 'fee.amount_exceeds_outstanding', 'fee.refund_exceeds_paid', 'fee.entry_not_found', 'fee.already_reversed',
  'fee.not_reversible',
] as const;

const pdf = (reply: FastifyReply, file: { pdf: Uint8Array; fileName: string }) =>
  sendDownload(reply, { bytes: file.pdf, mediaType: 'application/pdf', fileName: file.fileName });

export function registerPaymentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Records one entry once per Idempotency-Key; a new payment's receipt is signed after the commit. */
  async function record(request: FastifyRequest, reply: FastifyReply, dossierId: number, input: CounterEntryInput) {
    const context = auditContextOf(request);
    const result = await idempotent(request, deps, 201, (txDeps) => recordCounterEntry(context, dossierId, input, txDeps));
    if (!result.replayed && result.body.entry.receipt) {
      try {
        const ctx = await loadDossierContext(deps.db, deps.references, request.actor, dossierId);
        await signFeeReceipt(context, ctx, result.body.entry.id, deps);
        result.body.entry.receipt = { ...result.body.entry.receipt, signed: true };
      } catch (error) {
        // The payment stands; its receipt is served unsigned until its collector downloads it with a key.
        request.log.warn({ err: error, entry: result.body.entry.id }, 'fee receipt not signed');
      }
    }
    return reply.status(201).header('idempotent-replayed', String(result.replayed)).send(result.body);
  }

  r.get('/api/v1/dossiers/:id/fees', {
    config: { access: anyStaff, problems: ['dossier.not_found'] },
    schema: {
      tags: ['payments'],
      summary: 'The dossier’s fee account: terms fixed at reception, balance, ledger entries with receipts, online payment orders, and what the caller may record',
      params: DossierIdParams,
      response: { 200: FeeAccountSchema },
    },
    handler: async (request) => staffFeeAccount(request.actor, request.params.id, deps),
  });

  r.post('/api/v1/dossiers/:id/fees/payments', {
    config: { access: anyStaff, problems: [...recordProblems] },
    schema: {
      tags: ['payments'],
      summary: 'Record a payment at the counter (officer of the receiving agency): cash, transfer or card, at most what is outstanding; issues the electronic receipt',
      headers: IdempotencyHeaders,
      params: DossierIdParams,
      body: PaymentBody,
      response: { 201: RecordedFeeEntrySchema },
    },
    handler: async (request, reply) => record(request, reply, request.params.id, { kind: 'payment', ...request.body }),
  });

  r.post('/api/v1/dossiers/:id/fees/refunds', {
    config: { access: anyStaff, problems: [...recordProblems] },
    schema: {
      tags: ['payments'],
      summary: 'Record a refund (officer of the receiving agency): at most what was paid and not yet refunded, with its reason',
      headers: IdempotencyHeaders,
      params: DossierIdParams,
      body: RefundBody,
      response: { 201: RecordedFeeEntrySchema },
    },
    handler: async (request, reply) => record(request, reply, request.params.id, { kind: 'refund', ...request.body }),
  });

  r.post('/api/v1/dossiers/:id/fees/waivers', {
    config: { access: anyStaff, problems: [...recordProblems] },
    schema: {
      tags: ['payments'],
      summary: 'Grant a waiver (leader of the receiving agency): at most what is outstanding, with its reason and legal basis',
      headers: IdempotencyHeaders,
      params: DossierIdParams,
      body: WaiverBody,
      response: { 201: RecordedFeeEntrySchema },
    },
    handler: async (request, reply) => record(request, reply, request.params.id, { kind: 'waiver', ...request.body }),
  });

  r.post('/api/v1/dossiers/:id/fees/entries/:entryId/reversal', {
    config: { access: anyStaff, problems: [...recordProblems] },
    schema: {
      tags: ['payments'],
      summary: 'Reverse an entry recorded by mistake (officer of the receiving agency): a new entry cancelling it, once; the entry itself is never changed',
      headers: IdempotencyHeaders,
      params: DossierIdParams.extend({ entryId: z.uuid() }),
      body: ReversalBody,
      response: { 201: RecordedFeeEntrySchema },
    },
    handler: async (request, reply) => record(request, reply, request.params.id, { kind: 'reversal', entryId: request.params.entryId, reason: request.body.reason }),
  });

  r.get('/api/v1/dossiers/:id/fees/receipts/:entryId.pdf', {
    config: { access: anyStaff, problems: ['dossier.not_found', 'fee.receipt_not_found'] },
    schema: {
      tags: ['payments'],
      summary: 'The electronic receipt (biên lai điện tử thu phí, lệ phí) of a payment as PDF, signed when a key was available',
      params: DossierIdParams.extend(ReceiptParams),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const ctx = await loadDossierContext(deps.db, deps.references, request.actor, request.params.id);
      const context = auditContextOf(request);
      return pdf(reply, await feeReceiptPdf({ actor: request.actor, context }, ctx, request.params.entryId, deps, (error) =>
        request.log.warn({ err: error, entry: request.params.entryId }, 'fee receipt not signed')));
    },
  });

  r.get('/api/v1/citizen/dossiers/:code/fees', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found'] },
    schema: {
      tags: ['citizen'],
      summary: 'The fee account of the signed-in citizen’s dossier: what is owed, what was paid, the receipts (404 when not theirs)',
      params: DossierCodeParams,
      response: { 200: FeeAccountSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myFeeAccount(request.actor, request.params.code, deps);
    },
  });

  r.get('/api/v1/citizen/dossiers/:code/fees/receipts/:entryId.pdf', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found', 'fee.receipt_not_found'] },
    schema: {
      tags: ['citizen'],
      summary: 'The electronic receipt of a payment for the signed-in citizen’s dossier, as PDF',
      params: DossierCodeParams.extend(ReceiptParams),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const ctx = await myDossierContext(request.actor, request.params.code, deps);
      return pdf(reply, await feeReceiptPdf({ actor: request.actor }, ctx, request.params.entryId, deps, () => undefined));
    },
  });
}
