/** The document office API (docs/rules/document-office.md): the registers, incoming and outgoing documents, the dashboard's figures. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerReaderRoles } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { documentDetail, documentFile, documentList, documentSummary } from './document-office.queries.ts';
import {
  DocumentActionBody, DocumentDetail, DocumentIdParams, DocumentListItem, DocumentListQuery, IncomingBody, OutgoingBody, SummaryQuery, SummaryRow,
} from './document-office.schemas.ts';
import { actOnDocument, createOutgoingDraft, registerIncoming } from './document-office.usecases.ts';

export function registerDocumentOfficeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = staffWith(...registerReaderRoles);
  const tags = ['document office'];

  r.get('/api/v1/documents', {
    config: { access: readers },
    schema: { tags, summary: 'Search the registers of outgoing and incoming documents of the caller’s agencies', querystring: DocumentListQuery, response: { 200: z.object({ items: z.array(DocumentListItem), total: z.number() }) } },
    handler: async (request) => documentList(request.actor, request.query, deps),
  });

  r.get('/api/v1/documents/summary', {
    config: { access: readers, problems: ['report.invalid_period', 'calendar.invalid_date', 'calendar.out_of_range'] },
    schema: { tags, summary: 'Per agency: outgoing documents issued and the share signed digitally; incoming documents overdue', querystring: SummaryQuery, response: { 200: z.object({ items: z.array(SummaryRow) }) } },
    handler: async (request) => ({ items: await documentSummary(request.actor, request.query, deps) }),
  });

  r.get('/api/v1/documents/:id', {
    config: { access: readers, problems: ['office.document_not_found'] },
    schema: { tags, summary: 'One document with its log and the steps the caller may take now', params: DocumentIdParams, response: { 200: DocumentDetail } },
    handler: async (request) => documentDetail(request.actor, request.params.id, deps),
  });

  r.get('/api/v1/documents/:id/file', {
    config: { access: readers, problems: ['office.document_not_found'] },
    schema: { tags, summary: 'The document’s file', params: DocumentIdParams, produces: ['application/pdf', 'image/jpeg', 'image/png'] },
    handler: async (request, reply) => {
      const file = await documentFile(request.actor, request.params.id, deps);
      return sendDownload(reply, { bytes: deps.storage.read(file.storageKey), mediaType: file.mediaType, fileName: file.fileName });
    },
  });

  r.post('/api/v1/documents/incoming', {
    config: { access: staffWith('officer'), problems: ['agency.not_found', 'file.not_claimable', 'office.unit_not_found', 'office.invalid_deadline'] },
    schema: { tags, summary: 'Register an incoming document (văn bản đến) with its scan, and route it at once if asked', body: IncomingBody, response: { 201: DocumentDetail } },
    handler: async (request, reply) => {
      const body = request.body;
      const id = await registerIncoming(auditContextOf(request), { ...body, receivedAt: body.receivedAt ? new Date(body.receivedAt) : undefined }, deps);
      return reply.status(201).send(await documentDetail(request.actor, id, deps));
    },
  });

  r.post('/api/v1/documents/outgoing', {
    config: { access: staffWith('specialist', 'officer'), problems: ['agency.not_found', 'file.not_claimable', 'file.unsupported_type', 'office.unit_not_found', 'office.drafting_unit_required'] },
    schema: { tags, summary: 'Draft an outgoing document (văn bản đi) from a PDF', body: OutgoingBody, response: { 201: DocumentDetail } },
    handler: async (request, reply) => {
      const id = await createOutgoingDraft(auditContextOf(request), request.body, deps);
      return reply.status(201).send(await documentDetail(request.actor, id, deps));
    },
  });

  r.post('/api/v1/documents/:id/actions', {
    config: {
      access: readers,
      problems: ['office.document_not_found', 'office.transition_not_allowed', 'office.unit_not_found', 'office.invalid_deadline', 'office.drafting_unit_required', 'office.register_busy',
        'signed_document.unreadable_pdf', 'signed_document.signature_not_allowed'],
    },
    schema: { tags, summary: 'Take a step: approve, send back, sign, issue (takes the number), route, handle', params: DocumentIdParams, body: DocumentActionBody, response: { 200: DocumentDetail } },
    handler: async (request) => {
      await actOnDocument(auditContextOf(request), request.params.id, request.body, deps);
      return documentDetail(request.actor, request.params.id, deps);
    },
  });
}
