/** Assisted online filing (docs/rules/assisted-filing.md): prepare for a citizen, resend the code, confirm. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatInstant, idNumberInput, inputText, resultDeliveries } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { confirmPreparation, preparationSummary, prepareForApplicant, resendCode, type CodeSent } from './assisted.usecases.ts';
import { DossierDetailSchema } from './dossiers.presenter.ts';
import { presentContext } from './dossiers.queries.ts';
import { ApplicantInput, DossierCodeParams, DossierIdParams } from './dossiers.schemas.ts';
import { DeclarationAnswers } from '../eforms/eforms.schemas.ts';

const CodeChannel = z.enum(['sms', 'email']);

const CodeSentSchema = z.object({
  channel: CodeChannel,
  destination: z.string().describe('the phone or e-mail, masked'),
  expiresAt: z.string(),
  queued: z.literal(true).describe('the message is in the outbox: the notification dispatcher sends it after commit'),
  devCode: z.string().optional().describe('the code itself, only when the server does not run in production'),
});

const presentSent = (sent: CodeSent) => ({
  channel: sent.channel, destination: sent.destination, expiresAt: formatInstant(sent.expiresAt.getTime()), queued: sent.queued,
  ...(sent.devCode ? { devCode: sent.devCode } : {}),
});

export const AssistedFilingBody = z.object({
  procedureCode: inputText().trim().min(1).max(50),
  agencyId: z.uuid().optional().describe('receiving agency; implied when the preparer has a single assignment'),
  applicant: ApplicantInput.extend({ idNumber: idNumberInput() })
    .describe('the personal ID number is required (a citizen signed in with it confirms), and a phone or an e-mail for the code (else preparation.no_destination)'),
  components: z.array(z.object({ index: z.number().int().min(0).max(200), fileIds: z.array(z.uuid()).max(20), note: inputText().max(500).optional() })).max(100)
    .describe('files per component of the procedure, uploaded first through POST /api/v1/files'),
  resultDelivery: z.enum(resultDeliveries).default('counter'),
  feeRow: inputText().max(200).optional(),
  sendCodeBy: CodeChannel.optional().describe('where the one-time code goes: sms (default when a phone is given) or email'),
  declaration: DeclarationAnswers.optional()
    .describe('the procedure’s declaration e-form filled with the applicant, checked as at the counter; held against their e-ID when they confirm signed in'),
});

export function registerAssistedFilingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/dossiers/assisted', {
    config: {
      access: staffWith('officer', 'helper'),
      problems: [
        'procedure.not_found', 'procedure.not_implemented_here', 'dossier.missing_components', 'file.not_claimable', 'preparation.no_destination',
        'declaration.invalid',
      ],
    },
    schema: {
      tags: ['dossiers'],
      summary: 'Assisted online filing (nộp hộ trực tuyến): an officer or a community helper prepares an online dossier for a citizen; '
        + 'a one-time code is sent to the applicant, who confirms it (nothing is submitted before)',
      headers: IdempotencyHeaders,
      body: AssistedFilingBody,
      response: { 201: DossierDetailSchema.extend({ codeSent: CodeSentSchema }) },
    },
    handler: async (request, reply) => {
      const result = await idempotent(request, deps, 201, async (txDeps) => {
        const { ctx, sent } = await prepareForApplicant(auditContextOf(request), request.body, txDeps);
        return { ...(await presentContext(request.actor, ctx, txDeps)), codeSent: presentSent(sent) };
      });
      return reply.status(result.status as 201).header('idempotent-replayed', String(result.replayed)).send(result.body);
    },
  });

  r.post('/api/v1/dossiers/:id/assisted/resend-code', {
    config: {
      access: staffWith('officer', 'helper'),
      problems: ['dossier.not_found', 'dossier.transition_not_allowed', 'preparation.no_destination'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['dossiers'],
      summary: 'Send the applicant of a prepared dossier a new one-time code (the previous one is void)',
      params: DossierIdParams,
      body: z.object({ sendCodeBy: CodeChannel.optional() }).default({}),
      response: { 200: CodeSentSchema },
    },
    handler: async (request) => presentSent(await resendCode(auditContextOf(request), request.params.id, request.body, deps)),
  });

  r.get('/api/v1/public/dossiers/:code/preparation', {
    config: { access: publicAccess, problems: ['dossier.invalid_code', 'dossier.not_found'], rateLimit: { max: deps.config.publicLookupRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'What was prepared for the applicant to confirm (assisted filing): procedure, agency, components; initials only',
      params: DossierCodeParams,
      response: {
        200: z.object({
          code: z.string(),
          awaitingConfirmation: z.boolean(),
          procedure: z.object({ code: z.string(), name: z.string() }),
          agency: z.object({ code: z.string(), name: z.string() }),
          preparedAt: z.string(),
          preparedByRole: z.enum(['officer', 'helper']),
          applicantInitials: z.string(),
          components: z.array(z.object({ index: z.number(), name: z.string(), files: z.number() })),
          feeAmount: z.number(),
          oneTimeCode: z.object({ channel: CodeChannel, destination: z.string(), expiresAt: z.string(), locked: z.boolean() }).nullable()
            .describe('the live code sent to the applicant (masked destination), if any'),
        }),
      },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const s = await preparationSummary(request.params.code, deps);
      return {
        ...s,
        preparedAt: formatInstant(s.preparedAt.getTime()),
        oneTimeCode: s.oneTimeCode ? { ...s.oneTimeCode, expiresAt: formatInstant(s.oneTimeCode.expiresAt.getTime()) } : null,
      };
    },
  });

  r.post('/api/v1/public/dossiers/:code/confirm', {
    config: {
      access: publicAccess,
      problems: [
        'dossier.invalid_code', 'dossier.not_found', 'dossier.transition_not_allowed', 'preparation.proof_required', 'preparation.code_invalid',
        'preparation.code_expired', 'preparation.code_locked', 'preparation.not_applicant', 'preparation.declaration_mismatch',
      ],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'The applicant confirms a dossier prepared for them (assisted filing): with the one-time code, or signed in with the e-ID '
        + 'as the applicant (no code needed). It is then submitted online; the answer carries the security code of the receipt',
      params: DossierCodeParams,
      body: z.object({ oneTimeCode: inputText().max(20).optional().describe('the six-digit code sent to the applicant') }).default({}),
      response: { 200: z.object({ code: z.string(), proof: z.enum(['eid', 'one_time_code']), accessSecret: z.string(), statusUrl: z.string() }) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const identity = request.citizenSession?.identity;
      const done = await confirmPreparation(auditContextOf(request), request.params.code, { ...request.body, ...(identity ? { identity } : {}) }, deps);
      return { ...done, statusUrl: `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(done.code)}` };
    },
  });
}
