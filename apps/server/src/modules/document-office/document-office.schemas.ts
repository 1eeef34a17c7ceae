/** Input and output schemas of the document office API (they also document it in OpenAPI). */
import { z } from 'zod';
import {
  MAX_HANDLING_WORKING_DAYS, documentDirections, inputText, officeActions, officeLogActions, officialDocumentStatuses, officialDocumentTypes,
} from '@motcua/domain';

const PlainDateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');

export const DocumentIdParams = z.object({ id: z.uuid() });

export const RouteInputSchema = z.object({
  unitId: z.uuid().describe('the handling unit, one of the document’s agency'),
  workingDays: z.number().int().min(1).max(MAX_HANDLING_WORKING_DAYS).optional().describe('handling time in working days from now on the agency’s calendar; default 7'),
  note: inputText().trim().max(1000).optional(),
});

export const IncomingBody = z.object({
  agencyId: z.uuid(),
  type: z.enum(officialDocumentTypes),
  summary: inputText().trim().min(1).max(2000).describe('trích yếu'),
  issuingBody: inputText().trim().min(1).max(300).describe('the body that issued it'),
  originalNumber: inputText().trim().max(100).optional().describe('its own number and symbol, e.g. 123/UBND-VP'),
  documentDate: PlainDateInput.optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('when it arrived, if before now'),
  fileId: z.uuid().describe('an upload of the caller (POST /api/v1/files)'),
  route: RouteInputSchema.optional().describe('route it at once'),
});

export const OutgoingBody = z.object({
  agencyId: z.uuid(),
  type: z.enum(officialDocumentTypes),
  summary: inputText().trim().min(1).max(2000).describe('trích yếu'),
  recipients: inputText().trim().max(2000).optional().describe('nơi nhận'),
  draftingUnitId: z.uuid().optional().describe('default: the drafter’s unit; a letter (công văn) needs one'),
  fileId: z.uuid().describe('a PDF uploaded by the caller (POST /api/v1/files)'),
});

export const DocumentActionBody = z.object({
  action: z.enum(officeActions),
  route: RouteInputSchema.optional().describe('for route'),
  note: inputText().trim().max(1000).optional(),
});

export const DocumentListQuery = z.object({
  agencyId: z.uuid().optional(),
  direction: z.enum(documentDirections).optional(),
  year: z.coerce.number().int().min(1800).max(2299).optional(),
  type: z.enum(officialDocumentTypes).optional(),
  status: z.enum(officialDocumentStatuses).optional(),
  number: z.coerce.number().int().min(1).max(10_000_000).optional(),
  symbol: inputText().trim().max(100).optional().describe('part of the symbol, ours or the sender’s'),
  q: inputText().trim().max(200).optional().describe('words of the summary or the sender, with or without diacritics'),
  overdue: z.enum(['true', 'false']).optional().describe('true: routed and past the deadline now'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const SummaryQuery = z.object({
  from: PlainDateInput.describe('first day of the period (Vietnam time)'),
  to: PlainDateInput.describe('last day of the period, included'),
  agencyId: z.uuid().optional(),
});

export const DocumentListItem = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  direction: z.enum(documentDirections),
  status: z.enum(officialDocumentStatuses),
  type: z.enum(officialDocumentTypes),
  year: z.number().nullable().describe('register year; null for a draft'),
  number: z.number().nullable().describe('number in the register (arrival number for incoming); null for a draft'),
  numberText: z.string().nullable().describe('as printed: 12/QĐ-UBND (outgoing), 05 (incoming arrival number)'),
  originalNumber: z.string().nullable().describe('incoming: the sender’s number and symbol'),
  summary: z.string(),
  issuingBody: z.string().nullable(),
  recipients: z.string().nullable(),
  documentDate: z.string().nullable(),
  registeredAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  handlingUnitName: z.string().nullable(),
  digitallySigned: z.boolean(),
  overdue: z.boolean().describe('routed and past its deadline at the instant of the answer'),
  createdAt: z.string(),
});

export const DocumentDetail = DocumentListItem.extend({
  agencyCode: z.string(),
  draftingUnitName: z.string().nullable(),
  handlingUnitId: z.uuid().nullable(),
  signedDocumentId: z.string().nullable(),
  file: z.object({ id: z.uuid(), name: z.string().nullable(), mediaType: z.string().nullable() }).nullable().describe('null for a dossier’s form listed in the register'),
  allowedActions: z.array(z.enum(officeActions)).describe('the steps the caller may take now'),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })).describe('the agency’s units, to route to'),
  events: z.array(z.object({
    action: z.enum(officeLogActions), from: z.enum(officialDocumentStatuses).nullable(), to: z.enum(officialDocumentStatuses), actorName: z.string().nullable(), at: z.string(), details: z.record(z.string(), z.unknown()),
  })),
});

export const SummaryRow = z.object({
  agencyId: z.uuid(),
  agencyCode: z.string(),
  agencyName: z.string(),
  issued: z.number().describe('outgoing documents issued in the period'),
  digitallySigned: z.number().describe('of those, signed digitally'),
  digitalShare: z.number().nullable().describe('digitallySigned / issued, 0–1; null when none was issued'),
  incomingRegistered: z.number(),
  incomingOverdue: z.number().describe('routed, not handled, past the deadline now'),
  incomingHandledLate: z.number().describe('handled in the period after the deadline'),
});
