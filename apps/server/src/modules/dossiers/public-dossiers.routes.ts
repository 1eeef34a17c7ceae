import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { publicAccess } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { actAsApplicant } from './applicant-actions.usecases.ts';
import { submitOnline } from './intake.usecases.ts';
import { PublicDossierSchema } from './dossiers.presenter.ts';
import { publicDossier } from './dossiers.queries.ts';
import { checkRatingProof, rateDossier } from './ratings.usecases.ts';
import { RatingCheckSchema, RatingResultSchema } from './ratings.presenter.ts';
import { ApplicantActionBody, DossierCodeParams, OnlineSubmissionBody, RatingFields, RatingProofFields } from './dossiers.schemas.ts';

export function registerPublicDossierRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/public/dossiers/:code', {
    config: { access: publicAccess, problems: ['dossier.invalid_code', 'dossier.not_found'], rateLimit: { max: deps.config.publicLookupRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Public status of a dossier (tra cứu hồ sơ): status, step, appointment, time left; initials only',
      params: DossierCodeParams,
      response: { 200: PublicDossierSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicDossier(request.params.code, deps);
    },
  });

  r.post('/api/v1/public/dossiers', {
    config: {
      access: publicAccess,
      problems: [
        'procedure.not_found', 'procedure.not_implemented_here', 'agency.not_found', 'dossier.missing_components', 'file.not_claimable',
        'stored_document.not_usable', 'stored_document.sign_in_required', 'dossier.verified_field_changed', 'declaration.invalid',
      ],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'Submit a dossier online (nộp hồ sơ trực tuyến); an officer receives it, which starts the clock. '
        + 'Signed in with the e-ID, the dossier is the citizen’s (“Hồ sơ của tôi”) and, when the applicant is the signed-in person, '
        + 'their verified details come from the identity (a different value typed for one is refused)',
      headers: IdempotencyHeaders,
      body: OnlineSubmissionBody,
      response: { 201: z.object({ id: z.number(), code: z.string(), accessSecret: z.string(), statusUrl: z.string() }) },
    },
    handler: async (request, reply) => {
      const result = await idempotent(request, deps, 201, async (txDeps) => {
        const session = request.citizenSession;
        const submitter = session ? { citizenId: session.actor.citizenId, identity: session.identity } : undefined;
        const created = await submitOnline(auditContextOf(request), { ...request.body, identity: session?.identity }, txDeps, submitter);
        return { ...created, statusUrl: `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(created.code)}` };
      });
      return reply.status(result.status as 201).send(result.body);
    },
  });

  r.post('/api/v1/public/dossiers/:code/actions', {
    config: {
      access: publicAccess,
      problems: ['dossier.invalid_code', 'dossier.not_found', 'dossier.access_denied', 'dossier.transition_not_allowed', 'file.not_claimable'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'The applicant of an online dossier sends the requested supplement (nộp bổ sung trực tuyến) or withdraws it (rút hồ sơ), with the access secret of the receipt',
      headers: IdempotencyHeaders,
      params: DossierCodeParams,
      body: ApplicantActionBody,
      response: { 200: PublicDossierSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const result = await idempotent(request, deps, 200, async (txDeps) => {
        const { accessSecret, ...action } = request.body;
        await actAsApplicant(auditContextOf(request), request.params.code, { ...action, proof: { kind: 'security_code', secret: accessSecret } }, txDeps);
        return publicDossier(request.params.code, txDeps);
      });
      return reply.status(result.status as 200).header('idempotent-replayed', String(result.replayed)).send(result.body);
    },
  });

  r.post('/api/v1/public/dossiers/:code/rating/check', {
    config: {
      access: publicAccess,
      problems: ['dossier.invalid_code', 'dossier.not_found', 'rating.proof_required', 'rating.proof_invalid', 'rating.too_early', 'rating.already_rated'],
      rateLimit: { max: 20, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'Before the questions (the counter’s kiosk, a phone opening a rating QR code): whether this proof rates the dossier now, '
        + 'answered with what the rating page shows of it; the same refusals as the rating itself, and nothing written but a refused proof',
      params: DossierCodeParams,
      body: z.object(RatingProofFields),
      response: { 200: RatingCheckSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return checkRatingProof(auditContextOf(request), request.params.code, request.body, deps);
    },
  });

  r.post('/api/v1/public/dossiers/:code/rating', {
    config: {
      access: publicAccess,
      problems: ['dossier.invalid_code', 'dossier.not_found', 'rating.proof_required', 'rating.proof_invalid', 'rating.too_early', 'rating.already_rated'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'The applicant rates the handling of a dossier once it has a result (đánh giá mức độ hài lòng): 5 very satisfied … 1 very dissatisfied, '
        + 'the optional criteria of the one-stop scoring tool and a comment; proven with the security code of an online receipt or the one-time token '
        + 'of a rating QR code (form 01, the rating card handed over with the result)',
      params: DossierCodeParams,
      body: z.object({ ...RatingFields, ...RatingProofFields }),
      response: { 201: RatingResultSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await rateDossier(auditContextOf(request), request.params.code, request.body, deps)),
  });
}
