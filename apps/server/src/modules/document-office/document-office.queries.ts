/** Reads of the document office, shaped for the API (scoped to the caller's agencies). */
import {
  AppError, compareDates, endOfLocalDay, startOfLocalDay, toPlainDate, allowedOfficeActions, foldVietnamese, formatDocumentNumber, formatInstant, isHandlingOverdue, numberAndSymbol, registerReaderRoles, scopePaths,
  type Actor, type DocumentDirection, type OfficeLogAction, type OfficialDocumentStatus, type OfficialDocumentType, type PlainDate,
} from '@motcua/domain';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { findSignedDocument } from '../signed-documents/signed-documents.repository.ts';
import * as repo from './document-office.repository.ts';
import { canReadRegisters, documentNotFound, rolesAt } from './document-office.policies.ts';
import type { DocumentDetail, DocumentListItem, DocumentListQuery, SummaryRow } from './document-office.schemas.ts';

const iso = (d: Date | null | undefined) => (d ? formatInstant(d.getTime()) : null);

interface ItemRow {
  id: string; agency_id: string; agency_name: string; direction: DocumentDirection; status: OfficialDocumentStatus; document_type: OfficialDocumentType;
  register_year: number | null; number: number | null; symbol: string | null; original_number: string | null; summary: string; issuing_body: string | null;
  recipients: string | null; document_date: string | Date | null; registered_at: Date | null; received_at: Date | null; issued_at: Date | null;
  due_at: Date | null; handled_at: Date | null; handling_unit_name: string | null; digitally_signed: boolean; created_at: Date;
}

function numberText(row: Pick<ItemRow, 'number' | 'symbol'>): string | null {
  if (row.number === null) return null;
  return row.symbol ? numberAndSymbol(row.number, row.symbol) : formatDocumentNumber(row.number);
}

const plainDate = (d: string | Date | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : formatInstant(d.getTime()).slice(0, 10));

function presentItem(row: ItemRow, now: Date): z.infer<typeof DocumentListItem> {
  return {
    id: row.id, agencyId: row.agency_id, agencyName: row.agency_name, direction: row.direction, status: row.status, type: row.document_type,
    year: row.register_year, number: row.number, numberText: numberText(row), originalNumber: row.original_number, summary: row.summary,
    issuingBody: row.issuing_body, recipients: row.recipients, documentDate: plainDate(row.document_date),
    registeredAt: iso(row.registered_at), receivedAt: iso(row.received_at), issuedAt: iso(row.issued_at), dueAt: iso(row.due_at), handledAt: iso(row.handled_at),
    handlingUnitName: row.handling_unit_name, digitallySigned: row.digitally_signed,
    overdue: isHandlingOverdue({ status: row.status, dueAt: row.due_at?.getTime() ?? null }, now.getTime()),
    createdAt: iso(row.created_at)!,
  };
}

export async function documentList(actor: Actor, q: z.infer<typeof DocumentListQuery>, deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock();
  const words = q.q ? foldVietnamese(q.q).split(' ').filter(Boolean) : undefined;
  const page = await repo.listDocuments(deps.db, {
    scopePaths: scopePaths(actor, registerReaderRoles), agencyId: q.agencyId, direction: q.direction, year: q.year, type: q.type, status: q.status,
    number: q.number, symbol: q.symbol, words, overdueAt: q.overdue === 'true' ? now : undefined, limit: q.limit, offset: q.offset,
  });
  return { total: page.total, items: page.items.map((row) => presentItem(row as ItemRow, now)) };
}

export async function documentDetail(actor: Actor, id: string, deps: Pick<Deps, 'db' | 'clock'>): Promise<z.infer<typeof DocumentDetail>> {
  const doc = await repo.findDocument(deps.db, id);
  if (!doc || !canReadRegisters(actor, doc.agency_path)) throw documentNotFound();
  const [events, units] = await Promise.all([repo.documentEvents(deps.db, id), repo.unitsOfAgency(deps.db, doc.agency_id)]);
  return {
    ...presentItem(doc as unknown as ItemRow, deps.clock()),
    agencyCode: doc.agency_code,
    draftingUnitName: doc.drafting_unit_name,
    handlingUnitId: doc.handling_unit_id,
    signedDocumentId: doc.signed_document_id,
    file: doc.file_id ? { id: doc.file_id, name: doc.file_name, mediaType: doc.file_media_type } : null,
    allowedActions: allowedOfficeActions(doc.direction, doc.status, rolesAt(actor, doc.agency_path)),
    units,
    events: events.map((e) => ({ action: e.action as OfficeLogAction, from: e.from_status as OfficialDocumentStatus | null, to: e.to_status as OfficialDocumentStatus, actorName: e.actor_name, at: iso(e.at)!, details: e.details })),
  };
}

/** The file of a document the caller may read: once signed, the signed copy (with its QR code and signatures). */
export async function documentFile(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const doc = await repo.findDocument(deps.db, id);
  if (!doc || !canReadRegisters(actor, doc.agency_path) || !doc.file_storage_key) throw documentNotFound();
  const signed = doc.signed_document_id ? await findSignedDocument(deps.db, doc.signed_document_id) : undefined;
  if (signed) return { storageKey: signed.storage_key, mediaType: 'application/pdf', fileName: signed.file_name };
  return { storageKey: doc.file_storage_key, mediaType: doc.file_media_type ?? 'application/pdf', fileName: doc.file_name ?? 'van-ban.pdf' };
}

/** The dashboard's figures per agency for the days `from`–`to` (Vietnam time, both included). */
export async function documentSummary(actor: Actor, q: { from: string; to: string; agencyId?: string | undefined }, deps: Pick<Deps, 'db' | 'clock'>) {
  const from: PlainDate = toPlainDate(q.from);
  const to: PlainDate = toPlainDate(q.to);
  if (compareDates(from, to) > 0) throw new AppError('report.invalid_period');
  const rows = await repo.officeSummary(deps.db, {
    scopePaths: scopePaths(actor, registerReaderRoles), agencyId: q.agencyId,
    from: new Date(startOfLocalDay(from)), to: new Date(endOfLocalDay(to)), now: deps.clock(),
  });
  return rows.map((r): z.infer<typeof SummaryRow> => {
    const issued = Number(r.issued);
    const digitallySigned = Number(r.digitally_signed);
    return {
      agencyId: r.agency_id, agencyCode: r.agency_code, agencyName: r.agency_name, issued, digitallySigned,
      digitalShare: issued === 0 ? null : digitallySigned / issued,
      incomingRegistered: Number(r.incoming_registered), incomingOverdue: Number(r.incoming_overdue), incomingHandledLate: Number(r.incoming_handled_late),
    };
  });
}
