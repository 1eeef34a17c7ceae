/**
 * The data store's routes (docs/rules/data-store.md): the signed-in citizen's own documents and
 * their files, and the counter's lookup of an applicant's documents after checking the ID card.
 * Using a stored document in a dossier goes through the intake routes (`storedDocumentIds`).
 */
import type { FastifyInstance } from 'fastify';
import { sendDownload } from '../../http/download.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentTypes, inputText, personalIdPattern, taxCodePattern } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { signedInCitizen, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { uploadMediaTypes } from '../../infra/sniff.ts';
import { returnOnDownload } from '../dossiers/result-delivery.usecases.ts';
import { applicantDocuments, myDocumentFile, myDocuments } from './data-store.queries.ts';

const Text = z.object({ vi: z.string(), en: z.string() });

export const StoredDocumentSchema = z.object({
  id: z.string(),
  documentType: z.enum(documentTypes).nullable().describe('the kind of paper; null for a document of no listed kind (it cannot stand for a component)'),
  documentTypeText: Text.nullable(),
  title: z.string(),
  origin: z.enum(['digitized_component', 'result']),
  sourceDossier: z.object({ id: z.number().nullable(), code: z.string() }).nullable(),
  issuingAgency: z.string(),
  issuedOn: z.string().describe('local date YYYY-MM-DD'),
  validUntil: z.string().nullable().describe('last local day it is valid; null: does not expire'),
  validity: z.enum(['valid', 'expired']).describe('on `today`'),
  sha256: z.string().describe('SHA-256 of the file, hex'),
});

const DocumentList = z.object({ today: z.string().describe('the local date validity is judged on'), items: z.array(StoredDocumentSchema) });
const TypeQuery = z.object({ documentType: z.enum(documentTypes).optional() });

export function registerDataStoreRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/citizen/documents', {
    config: { access: signedInCitizen },
    schema: {
      tags: ['citizen'],
      summary: 'My data store (kho dữ liệu): the digitized components and electronic results of my dossiers',
      querystring: TypeQuery,
      response: { 200: DocumentList },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myDocuments(request.actor, request.query, deps);
    },
  });

  r.get('/api/v1/citizen/documents/:id/file', {
    config: { access: signedInCitizen, problems: ['stored_document.not_found'] },
    schema: {
      tags: ['citizen'], summary: 'Download one of my stored documents', params: z.object({ id: z.uuid() }), produces: [...uploadMediaTypes],
    },
    handler: async (request, reply) => {
      const file = await myDocumentFile(request.actor, request.params.id, deps);
      // A signed result downloaded from the store is its return, as from "Hồ sơ của tôi" (docs/rules/results.md).
      const session = request.citizenSession;
      if (session) await returnOnDownload({ ...auditContextOf(request), actor: session.actor, actorName: session.identity.fullName }, file.id, 'eid', deps);
      return sendDownload(reply, { bytes: deps.storage.read(file.storage_key), mediaType: file.media_type, fileName: file.original_name });
    },
  });

  r.get('/api/v1/applicant-documents', {
    config: { access: staffWith('officer') },
    schema: {
      tags: ['dossiers'],
      summary: 'At the counter, after checking the applicant’s ID card: their stored documents (every lookup is audited)',
      querystring: z.object({
        personalId: inputText().regex(personalIdPattern, '12 digits').optional(),
        taxCode: inputText().regex(taxCodePattern, 'a tax code: 10 digits, or 10-3').optional(),
        documentType: z.enum(documentTypes).optional(),
      }).refine((q) => (q.personalId === undefined) !== (q.taxCode === undefined), { message: 'give personalId or taxCode', path: ['personalId'] }),
      response: { 200: DocumentList },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return applicantDocuments(auditContextOf(request), request.query, deps);
    },
  });
}
