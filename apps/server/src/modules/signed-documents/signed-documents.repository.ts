/** SQL of the signed documents (migration 0023). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SignatureRecord, SignedDocumentsTable, SlotRect } from '../../db/schema-signed-documents.ts';
import type { SignedDocumentKind, SignedDocumentStatus } from '@motcua/domain';

export type SignedDocumentRow = Selectable<SignedDocumentsTable>;
export type { SignatureRecord, SlotRect };

export interface NewSignedDocument {
  id: string;
  kind: SignedDocumentKind;
  agencyId: string;
  dossierId: number | null;
  number: string | null;
  title: string;
  fileName: string;
  storageKey: string;
  size: number;
  sha256: string;
  signatureSlot: SlotRect | null;
  createdBy: string | null;
  at: Date;
}

export async function insertSignedDocument(db: Kysely<Database>, d: NewSignedDocument): Promise<SignedDocumentRow> {
  return db.insertInto('signed_documents').values({
    id: d.id, kind: d.kind, agency_id: d.agencyId, dossier_id: d.dossierId, number: d.number, title: d.title, file_name: d.fileName,
    storage_key: d.storageKey, size_bytes: d.size, sha256: d.sha256, signature_slot: d.signatureSlot ? JSON.stringify(d.signatureSlot) : null,
    created_by: d.createdBy, created_at: d.at, updated_at: d.at,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findSignedDocument(db: Kysely<Database>, id: string, options: { lock?: boolean } = {}): Promise<SignedDocumentRow | undefined> {
  let q = db.selectFrom('signed_documents').selectAll().where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The dossier's current result (or refusal decision): the one not superseded. */
export async function currentResultOf(db: Kysely<Database>, dossierId: number, options: { lock?: boolean } = {}): Promise<SignedDocumentRow | undefined> {
  let q = db.selectFrom('signed_documents').selectAll()
    .where('dossier_id', '=', dossierId).where('superseded_at', 'is', null).where('kind', 'in', ['dossier_result', 'rejection_decision']);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function supersede(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('signed_documents').set({ superseded_at: at, updated_at: at }).where('id', '=', id).execute();
}

/** Records one more signature: the new bytes, their hash, the status and the signatures list. */
export async function recordSignature(
  db: Kysely<Database>,
  id: string,
  change: { storageKey: string; size: number; sha256: string; status: SignedDocumentStatus; signatures: SignatureRecord[]; at: Date },
): Promise<SignedDocumentRow> {
  return db.updateTable('signed_documents').set({
    storage_key: change.storageKey, size_bytes: change.size, sha256: change.sha256, status: change.status,
    signatures: JSON.stringify(change.signatures), updated_at: change.at,
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setResultFile(db: Kysely<Database>, id: string, fileId: string): Promise<void> {
  await db.updateTable('signed_documents').set({ result_file_id: fileId }).where('id', '=', id).execute();
}

/** The signed result whose `files` row is `fileId` (a download of it may be the return of the result). */
export async function findByResultFile(db: Kysely<Database>, fileId: string): Promise<SignedDocumentRow | undefined> {
  return db.selectFrom('signed_documents').selectAll().where('result_file_id', '=', fileId).executeTakeFirst();
}

/** A `files` row for the signed bytes handed to the applicant (purpose `result`, claimed by the dossier). */
export async function insertResultFile(
  db: Kysely<Database>,
  f: { dossierId: number; name: string; size: number; sha256: string; storageKey: string; userId: string | null; at: Date },
): Promise<string> {
  const row = await db.insertInto('files').values({
    dossier_id: f.dossierId, purpose: 'result', component_index: null, original_name: f.name, media_type: 'application/pdf',
    size_bytes: f.size, sha256: f.sha256, storage_key: f.storageKey, upload_token_hash: null, uploaded_by_kind: 'staff', uploaded_by: f.userId, created_at: f.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The number and symbol a document was given (an outgoing document's, at its issue). */
export async function setDocumentNumber(db: Kysely<Database>, id: string, number: string): Promise<void> {
  await db.updateTable('signed_documents').set({ number }).where('id', '=', id).execute();
}
