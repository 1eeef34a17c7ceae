import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dossierFormNumbers, signableForms, type PlainDate } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { registerFormNumbering } from '../document-office/document-office.forms.ts';
import { declarationPdf, dossierForm } from './dossier.forms.ts';
import { signDossierForm, signableFormsOf } from './form-signing.usecases.ts';
import { DossierIdParams } from './dossiers.schemas.ts';
import { trackingBook } from './tracking-book.ts';
import { ratingCardPdf } from './rating-card.ts';
import { ratingInvitation } from './ratings.usecases.ts';

const pdf = (reply: FastifyReply, body: { pdf: Uint8Array; fileName: string }) =>
  sendDownload(reply, { bytes: body.pdf, mediaType: 'application/pdf', fileName: body.fileName });

export function registerDossierFormRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/dossiers/:id/forms/:form', {
    config: { access: anyStaff, problems: ['dossier.not_found', 'dossier.form_not_issued'] },
    schema: {
      tags: ['dossiers'],
      summary: 'A regulated form of the dossier as PDF (01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 stop notice, 06 control sheet); 02–05 take their number from the agency’s outgoing register on the first print, the same on a reprint',
      params: DossierIdParams.extend({ form: z.enum(dossierFormNumbers).exclude(['07']).describe('form 07 is a counter’s book: GET /api/v1/counters/{id}/tracking-book') }),
      produces: ['application/pdf'],
    },
    // Forms 02–05 take their number from the agency's outgoing register on the first print (docs/rules/document-office.md).
    handler: async (request, reply) =>
      pdf(reply, await dossierForm(request.actor, request.params.id, request.params.form, deps, { numbering: registerFormNumbering(request.actor, deps) })),
  });

  r.get('/api/v1/dossiers/:id/forms/signable', {
    config: { access: anyStaff, problems: ['dossier.not_found'] },
    schema: {
      tags: ['dossiers'],
      summary: 'The forms of the dossier the caller may sign digitally now (issued, and theirs to sign: docs/signatures.md)',
      params: DossierIdParams,
      response: { 200: z.object({ forms: z.array(z.enum(signableForms)) }) },
    },
    handler: async (request) => ({ forms: await signableFormsOf(request.actor, request.params.id, deps) }),
  });

  r.post('/api/v1/dossiers/:id/forms/:form/sign', {
    config: {
      access: anyStaff,
      problems: ['dossier.not_found', 'dossier.form_not_issued', 'signing_key.not_found', 'signed_document.unreadable_pdf', 'signed_document.signature_not_allowed'],
    },
    schema: {
      tags: ['dossiers'],
      summary: 'Sign a form digitally (01, 02 by the staff member who issued it; 03, 04, 05 by a leader, with the agency’s seal): answers the signed PDF, which carries its verification QR code',
      params: DossierIdParams.extend({ form: z.enum(signableForms) }),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => pdf(reply, await signDossierForm(auditContextOf(request), request.params.id, request.params.form, deps)),
  });

  r.get('/api/v1/dossiers/:id/rating-card.pdf', {
    config: { access: anyStaff, problems: ['dossier.not_found', 'rating.too_early', 'rating.already_rated'] },
    schema: {
      tags: ['dossiers'],
      summary: 'The rating card handed over with the result (phiếu đánh giá mức độ hài lòng): an A5 PDF with a new one-time rating QR code; '
        + 'once the dossier has a result and until it is rated',
      params: DossierIdParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => pdf(reply, await ratingCardPdf(request.actor, request.params.id, deps)),
  });

  r.post('/api/v1/dossiers/:id/rating-invitation', {
    config: { access: anyStaff, problems: ['dossier.not_found', 'rating.too_early', 'rating.already_rated'] },
    schema: {
      tags: ['dossiers'],
      summary: 'At the return of the result, the officer opens the rating page on the counter’s screen for the applicant: the rating page’s address '
        + 'with a new one-time token in its fragment; once the dossier has a result and until it is rated',
      params: DossierIdParams,
      response: { 201: z.object({ url: z.string().describe('the rating page, `/danh-gia/{code}#<token>`; open it on the screen the applicant touches') }) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { url } = await ratingInvitation(request.actor, request.params.id, deps);
      return reply.status(201).send({ url });
    },
  });

  r.get('/api/v1/dossiers/:id/declaration.pdf', {
    config: { access: anyStaff, problems: ['dossier.not_found', 'declaration.not_found'] },
    schema: {
      tags: ['dossiers'],
      summary: 'The e-form declaration (tờ khai điện tử) of the dossier as PDF, in the layout of the legal form it reproduces',
      params: DossierIdParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => pdf(reply, await declarationPdf(request.actor, request.params.id, deps)),
  });

  r.get('/api/v1/counters/:id/tracking-book', {
    config: { access: anyStaff, problems: ['counter.not_found'] },
    schema: {
      tags: ['dossiers'],
      summary: 'Form 07: the tracking book of a counter for a period (sổ theo dõi hồ sơ), as PDF',
      params: z.object({ id: z.uuid() }),
      querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) =>
      pdf(reply, await trackingBook(request.actor, request.params.id, { from: request.query.from as PlainDate, to: request.query.to as PlainDate }, deps)),
  });
}
