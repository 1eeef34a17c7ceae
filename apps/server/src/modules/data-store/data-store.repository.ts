/**
 * SQL of the citizen's data store (migration 0019, docs/rules/data-store.md): stored documents by
 * owner, and the record of their reuse. No rule here: which document may stand for which
 * component is the domain's (`storedDocumentUsable`).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CitizenDocumentsTable } from '../../db/schema-dossiers.ts';

export type CitizenDocumentRow = Selectable<CitizenDocumentsTable>;

/** Whose store: a person by personal ID number, a business by tax code. */
export interface Owner {
  kind: 'citizen' | 'business';
  id: string;
}

export interface NewDocument {
  owner: Owner;
  documentType: string | null;
  title: string;
  sourceDossierId: number;
  sourceDossierCode: string;
  componentIndex: number | null;
  issuingAgencyId: string;
  issuingAgencyName: string;
  issuedOn: string;
  validUntil: string | null;
  fileId: string;
  fileSha256: string;
  origin: 'digitized_component' | 'result';
  at: Date;
}

/** Stores documents; one already held by the owner (same kind, same file content) is left as it is. */
export async function insertDocuments(db: Kysely<Database>, documents: NewDocument[]): Promise<number> {
  if (documents.length === 0) return 0;
  const rows = await db
    .insertInto('citizen_documents')
    .values(documents.map((d) => ({
      owner_kind: d.owner.kind,
      owner_id: d.owner.id,
      document_type: d.documentType,
      title: d.title,
      source_dossier_id: d.sourceDossierId,
      source_dossier_code: d.sourceDossierCode,
      component_index: d.componentIndex,
      issuing_agency_id: d.issuingAgencyId,
      issuing_agency_name: d.issuingAgencyName,
      issued_on: d.issuedOn,
      valid_until: d.validUntil,
      file_id: d.fileId,
      file_sha256: d.fileSha256,
      origin: d.origin,
      created_at: d.at,
    })))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** The owner's documents, newest first, optionally of one kind. */
export async function documentsOf(db: Kysely<Database>, owner: Owner, documentType?: string): Promise<CitizenDocumentRow[]> {
  let query = db.selectFrom('citizen_documents').selectAll()
    .where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id);
  if (documentType) query = query.where('document_type', '=', documentType);
  return query.orderBy('issued_on', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Documents by id (any owner: the caller checks whose they are). */
export async function documentsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<CitizenDocumentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('citizen_documents').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** The file rows of `fileIds` that a dossier claimed: what a dossier's components bring to the store. */
export async function filesOfDossier(db: Kysely<Database>, dossierId: number, fileIds: readonly string[]) {
  if (fileIds.length === 0) return [];
  return db.selectFrom('files').select(['id', 'sha256', 'original_name', 'component_index'])
    .where('dossier_id', '=', dossierId).where('id', 'in', [...fileIds]).execute();
}

/**
 * A copy of a stored document's file row for a new dossier: the same stored bytes (storage key and
 * hash), claimed by that dossier for one component, so its staff see it with the dossier's files.
 */
export async function copyFileForDossier(
  db: Kysely<Database>,
  fileId: string,
  target: { dossierId: number | null; componentIndex: number; actorKind: string; actorId: string | null; at: Date },
): Promise<string> {
  const file = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
  const row = await db.insertInto('files').values({
    dossier_id: target.dossierId,
    purpose: 'component',
    component_index: target.componentIndex,
    original_name: file.original_name,
    media_type: file.media_type,
    size_bytes: file.size_bytes,
    sha256: file.sha256,
    storage_key: file.storage_key,
    upload_token_hash: null,
    uploaded_by_kind: target.actorKind,
    uploaded_by: target.actorId,
    created_at: target.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The copies made for a dossier being created become its files. */
export async function claimCopies(db: Kysely<Database>, dossierId: number, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db.updateTable('files').set({ dossier_id: dossierId }).where('id', 'in', [...fileIds]).where('dossier_id', 'is', null).execute();
}

export interface NewReuse {
  documentId: string;
  dossierId: number;
  componentIndex: number;
  fileId: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

export async function insertReuses(db: Kysely<Database>, reuses: NewReuse[]): Promise<void> {
  if (reuses.length === 0) return;
  await db.insertInto('document_reuses').values(reuses.map((r) => ({
    document_id: r.documentId, dossier_id: r.dossierId, component_index: r.componentIndex, file_id: r.fileId,
    actor_kind: r.actorKind, actor_id: r.actorId, actor_name: r.actorName, at: r.at,
  }))).execute();
}

/** The stored file behind a document, for its download. */
export async function fileOfDocument(db: Kysely<Database>, fileId: string) {
  return db.selectFrom('files').select(['id', 'storage_key', 'media_type', 'original_name']).where('id', '=', fileId).executeTakeFirst();
}
