/**
 * Verification of signed documents (docs/rules/results.md): the public page's data, the check of
 * an uploaded file, the file for its applicant; and the file for staff.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, publicAccess } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { returnOnDownload } from '../dossiers/result-delivery.usecases.ts';
import { fileErrors } from '../files/files.usecases.ts';
import { PublicSignedDocumentSchema, VerificationSchema } from './signed-documents.presenter.ts';
import { applicantSignedFile, checkUpload, publicSignedDocument, staffSignedFile } from './signed-documents.queries.ts';
import { readAll } from './signed-documents.usecases.ts';

/** A document's public id: 16 letters a–z and digits 2–7; anything else is simply not found. */
const IdParams = z.object({ id: inputText().min(1).max(64).describe('the public id printed in the QR code: 16 letters a–z and digits 2–7') });

const fileName = (row: { file_name: string }) => row.file_name.replace(/(\.pdf)?$/i, '.pdf');

export function registerSignedDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/public/signed-documents/:id', {
    config: { access: publicAccess, problems: ['signed_document.not_found'], rateLimit: { max: deps.config.publicLookupRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Verify a signed document (xác thực văn bản điện tử): issuer, signers and their certificates, signing times, number, SHA-256, '
        + 'and the check of the stored file’s signatures; no personal data beyond the signers’ names and the title',
      params: IdParams,
      response: { 200: PublicSignedDocumentSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicSignedDocument(request.params.id, deps);
    },
  });

  r.post('/api/v1/public/signed-documents/:id/check', {
    config: {
      access: publicAccess,
      problems: ['signed_document.not_found', 'file.too_large'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'Check a file against a signed document (field "file", a PDF): it matches when its SHA-256 is the stored one; its own signatures are verified too. Nothing is stored',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 200: z.object({ matches: z.boolean(), sha256: z.string(), storedSha256: z.string(), verification: VerificationSchema }) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!request.isMultipart()) throw fileErrors.missing();
      const max = deps.config.maxUploadBytes;
      const part = await request.file({ limits: { fileSize: max + 1, files: 1 } });
      if (!part) throw fileErrors.missing();
      const bytes = await readAll(part.file);
      if (part.file.truncated || bytes.length > max) throw fileErrors.tooLarge(max);
      return checkUpload(request.params.id, bytes, deps);
    },
  });

  r.get('/api/v1/public/signed-documents/:id/file', {
    config: {
      access: publicAccess,
      problems: ['signed_document.not_found', 'signed_document.file_access_denied'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['public'],
      summary: 'Download the signed file of a dossier’s result for its applicant: signed in with the e-ID as the dossier’s citizen, or with the dossier’s '
        + 'security code in the x-security-code header. The first download by the applicant of an online-delivery result records its return (delivery: download)',
      params: IdParams,
      headers: z.object({ 'x-security-code': inputText().max(200).optional().describe('the security code printed on the online receipt') }),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const session = request.citizenSession;
      const actor = session?.actor ?? request.actor;
      const found = await applicantSignedFile(request.params.id, { actor, securityCode: request.headers['x-security-code'] }, deps);
      const context = found.proof === 'eid' && session
        ? { ...auditContextOf(request), actor: session.actor, actorName: session.identity.fullName }
        : { ...auditContextOf(request), actor: { kind: 'citizen' as const, citizenId: `dossier:${found.dossierCode}` } };
      await returnOnDownload(context, found.fileId, found.proof, deps);
      return sendDownload(reply, { bytes: deps.storage.read(found.row.storage_key), mediaType: 'application/pdf', fileName: fileName(found.row), disposition: 'attachment' });
    },
  });

  r.get('/api/v1/signed-documents/:id/file', {
    config: { access: anyStaff, problems: ['signed_document.not_found'] },
    schema: {
      tags: ['signed-documents'],
      summary: 'The current file of a signed document (unsigned, signed by the person, or signed), for staff who see its dossier or its agency',
      params: IdParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const row = await staffSignedFile(request.actor, request.params.id, deps);
      return sendDownload(reply, { bytes: deps.storage.read(row.storage_key), mediaType: 'application/pdf', fileName: fileName(row) });
    },
  });
}
