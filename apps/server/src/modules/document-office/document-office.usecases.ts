/**
 * The document office's use cases (docs/rules/document-office.md): register an incoming document
 * and route it to a unit with a deadline on the legal clock; draft an outgoing one and take it
 * through approval, signature and issue, which takes its number. Each step writes the document,
 * its log row and the audit row in one transaction, with the document row locked.
 */
import type { Kysely } from 'kysely';
import {
  AppError, DEFAULT_HANDLING_WORKING_DAYS, decideOfficeAction, handlingDueAt, type Actor, type OfficeAction, type OfficialDocumentType,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import * as repo from './document-office.repository.ts';
import { peekOutgoingNumber, takeNumber, takeOutgoingNumber } from './document-office.numbers.ts';
import { canDraftOutgoing, canRegisterIncoming, canReadRegisters, documentNotFound, rolesAt } from './document-office.policies.ts';
import {
  prepareOutgoingSignature, prepareSeal, recordOutgoingSignature, recordSeal, type PreparedSignature,
} from './document-office.signing.ts';

type UseCaseDeps = Pick<Deps, 'db' | 'clock' | 'calendars' | 'storage' | 'references' | 'config'>;

async function agencyOrThrow(deps: UseCaseDeps, agencyId: string) {
  const agency = (await deps.references.agencies(deps.db, [agencyId])).get(agencyId);
  if (!agency) throw new AppError('agency.not_found');
  return agency;
}

async function unitOfAgency(db: Kysely<Database>, unitId: string, agencyId: string, path: string) {
  const unit = await repo.findUnit(db, unitId);
  if (!unit || unit.agency_id !== agencyId || !unit.active) {
    throw new AppError('office.unit_not_found', { issues: [{ path, message: 'not a unit of the document’s agency' }] });
  }
  return unit;
}

/** The file must be the caller's own upload, claimed by no dossier, no other document and no reform task's evidence. */
async function claimableFile(tx: Kysely<Database>, actor: Actor, fileId: string, pdfOnly: boolean): Promise<void> {
  const file = await repo.findFileForClaim(tx, fileId);
  const mine = file && actor.kind === 'staff' && file.uploaded_by === actor.userId && file.dossier_id === null && file.document_id === null && !file.reform_evidence;
  if (!mine) throw new AppError('file.not_claimable', { issues: [{ path: 'fileId', message: 'unknown, already used, or not yours' }] });
  if (pdfOnly && file.media_type !== 'application/pdf') {
    throw new AppError('file.unsupported_type', { messages: { vi: 'Văn bản đi phải là tệp PDF', en: 'An outgoing document must be a PDF' }, issues: [{ path: 'fileId', message: 'not a PDF' }] });
  }
}

async function actorName(db: Kysely<Database>, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'staff') return null;
  return (await repo.findUser(db, actor.userId))?.full_name ?? actor.username;
}

const staffId = (actor: Actor): string => {
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  return actor.userId;
};

export interface RouteInput {
  unitId: string;
  /** Working days from now; default DEFAULT_HANDLING_WORKING_DAYS. */
  workingDays?: number | undefined;
  note?: string | undefined;
}

export interface IncomingInput {
  agencyId: string;
  type: OfficialDocumentType;
  summary: string;
  /** The body that issued it (cơ quan ban hành). */
  issuingBody: string;
  /** Its own number and symbol, as printed ("123/UBND-VP"). */
  originalNumber?: string | undefined;
  /** Its date (ngày văn bản), YYYY-MM-DD. */
  documentDate?: string | undefined;
  /** When it arrived, if before it is registered; default now. */
  receivedAt?: Date | undefined;
  fileId: string;
  /** Route it at once. */
  route?: RouteInput | undefined;
}

/** Registers an incoming document (văn bản đến) with the next arrival number of the agency's year. */
export async function registerIncoming(context: AuditContext, input: IncomingInput, deps: UseCaseDeps): Promise<string> {
  const agency = await agencyOrThrow(deps, input.agencyId);
  if (!canRegisterIncoming(context.actor, agency.path)) throw new AppError('auth.forbidden');
  const calendars = await deps.calendars.current();
  const now = context.at ?? deps.clock();
  if (input.receivedAt && input.receivedAt.getTime() > now.getTime()) {
    throw new AppError('request.invalid', { issues: [{ path: 'receivedAt', message: 'after the registration' }] });
  }
  const name = await actorName(deps.db, context.actor);
  return inTransaction(deps.db, async (tx) => {
    await claimableFile(tx, context.actor, input.fileId, false);
    const taken = await takeNumber(tx, { agencyId: agency.id, direction: 'incoming', at: now });
    const id = await repo.insertDocument(tx, {
      agency_id: agency.id, direction: 'incoming', status: 'registered', document_type: input.type,
      register_id: taken.registerId, register_year: taken.registerYear, number: taken.number,
      original_number: input.originalNumber ?? null, summary: input.summary, issuing_body: input.issuingBody,
      document_date: input.documentDate ?? null, registered_at: now, received_at: input.receivedAt ?? now,
      created_by: staffId(context.actor), file_id: input.fileId, created_at: now, updated_at: now,
    });
    await repo.insertDocumentEvent(tx, { documentId: id, action: 'register', from: null, to: 'registered', actorId: staffId(context.actor), actorName: name, at: now, details: { number: taken.number, year: taken.registerYear } });
    await recordAudit(tx, context, { action: 'document.register', entityType: 'official_document', entityId: id, agencyId: agency.id, details: { number: taken.number, year: taken.registerYear }, at: now });
    if (input.route) await routeLocked(tx, context, id, input.route, name, now, calendars.forAgency(agency.id));
    return id;
  });
}

export interface OutgoingInput {
  agencyId: string;
  type: OfficialDocumentType;
  summary: string;
  recipients?: string | undefined;
  /** The drafting unit; a letter (công văn) needs one, its code goes into the symbol. Default: the drafter's unit. */
  draftingUnitId?: string | undefined;
  fileId: string;
}

/** Drafts an outgoing document (văn bản đi); it has no number until it is issued. */
export async function createOutgoingDraft(context: AuditContext, input: OutgoingInput, deps: UseCaseDeps): Promise<string> {
  const agency = await agencyOrThrow(deps, input.agencyId);
  if (!canDraftOutgoing(context.actor, agency.path)) throw new AppError('auth.forbidden');
  const now = context.at ?? deps.clock();
  const userId = staffId(context.actor);
  const name = await actorName(deps.db, context.actor);
  let draftingUnitId = input.draftingUnitId ?? null;
  if (draftingUnitId) await unitOfAgency(deps.db, draftingUnitId, agency.id, 'draftingUnitId');
  else {
    const ownUnit = (await repo.findUser(deps.db, userId))?.unit_id;
    if (ownUnit && (await repo.findUnit(deps.db, ownUnit))?.agency_id === agency.id) draftingUnitId = ownUnit;
  }
  if (input.type === 'cong_van' && !draftingUnitId) throw new AppError('office.drafting_unit_required', { issues: [{ path: 'draftingUnitId', message: 'required for a letter' }] });
  return inTransaction(deps.db, async (tx) => {
    await claimableFile(tx, context.actor, input.fileId, true);
    const id = await repo.insertDocument(tx, {
      agency_id: agency.id, direction: 'outgoing', status: 'drafted', document_type: input.type, summary: input.summary,
      recipients: input.recipients ?? null, drafting_unit_id: draftingUnitId, created_by: userId, file_id: input.fileId, created_at: now, updated_at: now,
    });
    await repo.insertDocumentEvent(tx, { documentId: id, action: 'draft', from: null, to: 'drafted', actorId: userId, actorName: name, at: now });
    await recordAudit(tx, context, { action: 'document.draft', entityType: 'official_document', entityId: id, agencyId: agency.id, at: now });
    return id;
  });
}

export interface ActionInput {
  action: OfficeAction;
  /** `route`: the handling unit and its time. */
  route?: RouteInput | undefined;
  note?: string | undefined;
}

async function routeLocked(
  tx: Kysely<Database>, context: AuditContext, id: string, route: RouteInput, name: string | null, now: Date,
  calendar: Parameters<typeof handlingDueAt>[0],
): Promise<void> {
  const doc = await repo.findDocument(tx, id, true);
  if (!doc) throw documentNotFound();
  const decision = decideOfficeAction(doc.direction, doc.status, 'route', rolesAt(context.actor, doc.agency_path));
  const unit = await unitOfAgency(tx, route.unitId, doc.agency_id, 'route.unitId');
  const workingDays = route.workingDays ?? DEFAULT_HANDLING_WORKING_DAYS;
  const dueAt = new Date(handlingDueAt(calendar, now.getTime(), workingDays));
  await repo.updateDocument(tx, id, { status: decision.to, handling_unit_id: unit.id, due_at: dueAt, updated_at: now });
  const details = { unit: unit.code, unitName: unit.name, workingDays, dueAt: dueAt.toISOString(), ...(route.note ? { note: route.note } : {}) };
  await repo.insertDocumentEvent(tx, { documentId: id, action: 'route', from: decision.from, to: decision.to, actorId: staffId(context.actor), actorName: name, at: now, details });
  await recordAudit(tx, context, { action: 'document.route', entityType: 'official_document', entityId: id, agencyId: doc.agency_id, details, at: now });
}

/** Another issue took the number the seal was made with: the issue starts again. */
class NumberTakenMeanwhile extends Error {}

/**
 * Takes one step on a document: the domain's table decides whether the caller may, in its state.
 * Signing steps sign before the transaction and record inside it (document-office.signing.ts); an
 * issue whose expected number was taken meanwhile by another issue is done again with the next one.
 */
export async function actOnDocument(context: AuditContext, id: string, input: ActionInput, deps: Deps): Promise<void> {
  const calendars = await deps.calendars.current();
  const now = context.at ?? deps.clock();
  const name = await actorName(deps.db, context.actor);
  const before = await repo.findDocument(deps.db, id);
  if (!before || !canReadRegisters(context.actor, before.agency_path)) throw documentNotFound();
  // Refused steps sign nothing.
  if (input.action !== 'route') decideOfficeAction(before.direction, before.status, input.action, rolesAt(context.actor, before.agency_path));
  for (let attempt = 1; ; attempt++) {
    const signature = input.action === 'sign'
      ? await prepareOutgoingSignature(context, {
        documentId: id, agencyId: before.agency_id, fileId: before.file_id ?? '', storageKey: before.file_storage_key ?? '', fileName: before.file_name ?? 'van-ban.pdf',
        summary: before.summary, at: now,
      }, deps)
      : null;
    const expected = input.action === 'issue'
      ? await peekOutgoingNumber(deps.db, { agencyId: before.agency_id, type: before.document_type, at: now, draftingUnitCode: before.drafting_unit_code })
      : null;
    const seal = expected
      ? await prepareSeal(context, { documentId: id, agencyId: before.agency_id, signedDocumentId: before.signed_document_id, numberAndSymbol: expected.numberAndSymbol, at: now }, deps)
      : null;
    try {
      await inTransaction(deps.db, (tx) => takeStep(tx, context, id, input, { name, now, calendar: calendars.forAgency(before.agency_id), signature, seal, expected }));
      return;
    } catch (error) {
      if (!(error instanceof NumberTakenMeanwhile)) throw error;
      if (attempt >= 10) throw new AppError('office.register_busy');
    }
  }
}

async function takeStep(
  tx: Kysely<Database>, context: AuditContext, id: string, input: ActionInput,
  prepared: {
    name: string | null; now: Date; calendar: Parameters<typeof handlingDueAt>[0];
    signature: PreparedSignature | null; seal: PreparedSignature | null; expected: { numberAndSymbol: string } | null;
  },
): Promise<void> {
  const { name, now } = prepared;
  const doc = await repo.findDocument(tx, id, true);
  if (!doc || !canReadRegisters(context.actor, doc.agency_path)) throw documentNotFound();
  if (input.action === 'route') {
    if (!input.route) throw new AppError('request.invalid', { issues: [{ path: 'route', message: 'the handling unit is required to route' }] });
    await routeLocked(tx, context, id, input.route, name, now, prepared.calendar);
    return;
  }
  const decision = decideOfficeAction(doc.direction, doc.status, input.action, rolesAt(context.actor, doc.agency_path));
  const userId = staffId(context.actor);
  const changes: repo.DocumentChanges = { status: decision.to, updated_at: now };
  const details: Record<string, unknown> = input.note ? { note: input.note } : {};
  switch (input.action) {
    case 'approve':
      changes.approved_at = now;
      break;
    case 'send_back':
      changes.approved_at = null;
      break;
    case 'sign': {
      const signature = await recordOutgoingSignature(tx, context, prepared.signature);
      Object.assign(changes, { signed_at: now, signed_by: userId, signed_document_id: signature.signedDocumentId, digitally_signed: signature.digitallySigned });
      Object.assign(details, { digitallySigned: signature.digitallySigned, signedDocumentId: signature.signedDocumentId });
      break;
    }
    case 'issue': {
      // Decree 30/2020 art. 15: the clerk's office gives the number and date once the competent person has signed.
      const taken = await takeOutgoingNumber(tx, { agencyId: doc.agency_id, type: doc.document_type, at: now, draftingUnitCode: doc.drafting_unit_code });
      if (prepared.seal && taken.numberAndSymbol !== prepared.expected?.numberAndSymbol) throw new NumberTakenMeanwhile();
      await recordSeal(tx, context, prepared.seal);
      Object.assign(changes, { issued_at: now, register_id: taken.registerId, register_year: taken.registerYear, number: taken.number, symbol: taken.symbol });
      Object.assign(details, { number: taken.number, year: taken.registerYear, symbol: taken.numberAndSymbol });
      break;
    }
    case 'handle':
      changes.handled_at = now;
      break;
  }
  await repo.updateDocument(tx, id, changes);
  await repo.insertDocumentEvent(tx, { documentId: id, action: input.action, from: decision.from, to: decision.to, actorId: userId, actorName: name, at: now, details });
  await recordAudit(tx, context, { action: `document.${input.action}`, entityType: 'official_document', entityId: id, agencyId: doc.agency_id, details, at: now });
}
