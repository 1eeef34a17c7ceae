/**
 * "Hồ sơ của tôi": the signed-in citizen's dossiers and their actions without the security code
 * (docs/my-dossiers.md). Citizen access only: a staff cookie is not read here (401).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { signedInCitizen } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { uploadMediaTypes } from '../../infra/sniff.ts';
import { ApplicantActionBody, DossierCodeParams, RatingFields } from './dossiers.schemas.ts';
import { RatingResultSchema } from './ratings.presenter.ts';
import { returnOnDownload } from './result-delivery.usecases.ts';
import { MyDossierDetailSchema, MyDossierListSchema } from './my-dossiers.presenter.ts';
import { actOnMyDossier, listMyDossiers, myDeclarationPdf, myDossier, myDossierFile, myReceiptPdf, rateMyDossier } from './my-dossiers.queries.ts';

const MyDossiersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: inputText().max(40).regex(/^\d{1,15}\.\d{1,18}$/, 'a nextCursor of the previous page').optional(),
});

/** The request's citizen, named as the e-ID names them, for the log and the audit trail. */
function citizenContext(request: FastifyRequest) {
  const session = request.citizenSession;
  if (!session) throw new AppError('auth.unauthenticated');
  return { ...auditContextOf(request), actor: session.actor, actorName: session.identity.fullName };
}

export function registerMyDossierRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/citizen/dossiers', {
    config: { access: signedInCitizen },
    schema: {
      tags: ['citizen'],
      summary: 'Hồ sơ của tôi: every dossier whose applicant is the signed-in identity (counter ones included) or that they submitted, newest first',
      querystring: MyDossiersQuery,
      response: { 200: MyDossierListSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyDossiers(request.actor, request.query, deps);
    },
  });

  r.get('/api/v1/citizen/dossiers/:code', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found'] },
    schema: {
      tags: ['citizen'],
      summary: 'One of the signed-in citizen’s dossiers in full: steps, applicant, components, files, what is asked, what they may do (404 when not theirs)',
      params: DossierCodeParams,
      response: { 200: MyDossierDetailSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myDossier(request.actor, request.params.code, deps);
    },
  });

  r.get('/api/v1/citizen/dossiers/:code/files/:fileId', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found', 'file.not_found'] },
    schema: {
      tags: ['citizen'],
      summary: 'Download a file of the signed-in citizen’s dossier (a component, a supplement, the electronic result); 404 when the dossier is not theirs or the file not its',
      params: DossierCodeParams.extend({ fileId: z.uuid() }),
      produces: [...uploadMediaTypes],
    },
    handler: async (request, reply) => {
      const file = await myDossierFile(request.actor, request.params.code, request.params.fileId, deps);
      // The first download of the signed result of an online-delivery dossier is its return (docs/rules/results.md).
      await returnOnDownload(citizenContext(request), file.id, 'eid', deps);
      return sendDownload(reply, { bytes: deps.storage.read(file.storage_key), mediaType: file.media_type, fileName: file.original_name });
    },
  });

  r.get('/api/v1/citizen/dossiers/:code/declaration.pdf', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found', 'declaration.not_found'] },
    schema: {
      tags: ['citizen'],
      summary: 'The e-form declaration (tờ khai điện tử) of the signed-in citizen’s dossier as PDF, in the layout of its legal form',
      params: DossierCodeParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const { pdf, fileName } = await myDeclarationPdf(request.actor, request.params.code, deps);
      return sendDownload(reply, { bytes: pdf, mediaType: 'application/pdf', fileName });
    },
  });

  r.get('/api/v1/citizen/dossiers/:code/receipt.pdf', {
    config: { access: signedInCitizen, problems: ['dossier.invalid_code', 'dossier.not_found', 'dossier.form_not_issued'] },
    schema: {
      tags: ['citizen'],
      summary: 'The receipt (form 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả) of the signed-in citizen’s dossier as PDF, once received',
      params: DossierCodeParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const { pdf, fileName } = await myReceiptPdf(request.actor, request.params.code, deps);
      return sendDownload(reply, { bytes: pdf, mediaType: 'application/pdf', fileName });
    },
  });

  r.post('/api/v1/citizen/dossiers/:code/actions', {
    config: {
      access: signedInCitizen,
      problems: ['dossier.invalid_code', 'dossier.not_found', 'dossier.transition_not_allowed', 'file.not_claimable'],
      rateLimit: { max: 20, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['citizen'],
      summary: 'The signed-in citizen sends the requested supplement (files uploaded first through POST /api/v1/public/files) or withdraws their dossier, '
        + 'proven by their e-ID instead of the security code',
      headers: IdempotencyHeaders,
      params: DossierCodeParams,
      body: ApplicantActionBody.omit({ accessSecret: true }),
      response: { 200: MyDossierDetailSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const context = citizenContext(request);
      const result = await idempotent(request, deps, 200, (txDeps) => actOnMyDossier(context, request.params.code, request.body, txDeps));
      return reply.status(result.status as 200).header('idempotent-replayed', String(result.replayed)).send(result.body);
    },
  });

  r.post('/api/v1/citizen/dossiers/:code/rating', {
    config: {
      access: signedInCitizen,
      problems: ['dossier.invalid_code', 'dossier.not_found', 'rating.too_early', 'rating.already_rated'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['citizen'],
      summary: 'The signed-in citizen rates their dossier once it has a result (đánh giá mức độ hài lòng), proven by their e-ID: 5 very satisfied … 1 very dissatisfied, '
        + 'the optional criteria of the one-stop scoring tool and a comment',
      params: DossierCodeParams,
      body: z.object(RatingFields),
      response: { 201: RatingResultSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await rateMyDossier(citizenContext(request), request.params.code, request.body, deps)),
  });
}
