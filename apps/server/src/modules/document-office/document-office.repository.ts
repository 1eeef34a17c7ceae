/** SQL of the document office. No rules here: the use cases decide, these read and write. */
import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { DocumentDirection, OfficialDocumentStatus, OfficialDocumentType } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { OfficialDocumentsTable } from '../../db/schema-document-office.ts';
import { containsPattern } from '../../db/like.ts';

/**
 * Takes the next number of a register, opening the register (at 1) when it is the first of its
 * agency, year and direction. The upsert locks the register's row until the caller's transaction
 * ends: a concurrent taker waits and then reads the committed number, so two documents never share
 * a number, and a rolled-back transaction gives its number back (no gap).
 */
export async function takeRegisterNumber(
  tx: Kysely<Database>,
  input: { agencyId: string; year: number; direction: DocumentDirection; agencyAbbreviation: string },
): Promise<{ registerId: string; number: number; agencyAbbreviation: string }> {
  const row = await tx
    .insertInto('document_registers')
    .values({ agency_id: input.agencyId, year: input.year, direction: input.direction, agency_abbreviation: input.agencyAbbreviation, last_number: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'direction']).doUpdateSet({ last_number: sql`document_registers.last_number + 1` }))
    .returning(['id', 'last_number', 'agency_abbreviation'])
    .executeTakeFirstOrThrow();
  return { registerId: row.id, number: row.last_number, agencyAbbreviation: row.agency_abbreviation };
}

export async function findUnit(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('units').select(['id', 'agency_id', 'code', 'name', 'active']).where('id', '=', unitId).executeTakeFirst();
}

export async function unitsOfAgency(db: Kysely<Database>, agencyId: string) {
  return db.selectFrom('units').select(['id', 'code', 'name']).where('agency_id', '=', agencyId).where('active', '=', true).orderBy('code').execute();
}

export async function findUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['id', 'full_name', 'unit_id']).where('id', '=', userId).executeTakeFirst();
}

/** The uploaded file with what already claims it (a dossier, a document, a reform task's evidence). Locked when in a transaction. */
export async function findFileForClaim(tx: Kysely<Database>, fileId: string) {
  return tx
    .selectFrom('files')
    .leftJoin('official_documents as d', 'd.file_id', 'files.id')
    .select((eb) => [
      'files.id', 'files.uploaded_by', 'files.dossier_id', 'files.media_type', 'd.id as document_id',
      eb.exists(eb.selectFrom('reform_task_evidence as e').select('e.file_id').whereRef('e.file_id', '=', 'files.id')).as('reform_evidence'),
    ])
    .where('files.id', '=', fileId)
    .forUpdate('files')
    .executeTakeFirst();
}

export type NewDocument = Insertable<OfficialDocumentsTable>;
export type DocumentChanges = Omit<Updateable<OfficialDocumentsTable>, 'agency_id' | 'direction' | 'created_by' | 'file_id'>;

export async function insertDocument(tx: Kysely<Database>, values: NewDocument): Promise<string> {
  const row = await tx.insertInto('official_documents').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDocument(tx: Kysely<Database>, id: string, values: DocumentChanges): Promise<void> {
  await tx.updateTable('official_documents').set(values).where('id', '=', id).execute();
}

export async function insertDocumentEvent(
  tx: Kysely<Database>,
  event: { documentId: string; action: string; from: string | null; to: string; actorId: string | null; actorName: string | null; at: Date; details?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('official_document_events')
    .values({
      document_id: event.documentId, action: event.action, from_status: event.from, to_status: event.to,
      actor_id: event.actorId, actor_name: event.actorName, at: event.at, details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** One document with its agency's path, locked for the caller's transaction when `lock`. */
export async function findDocument(db: Kysely<Database>, id: string, lock = false) {
  let q = db
    .selectFrom('official_documents as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .leftJoin('units as du', 'du.id', 'd.drafting_unit_id')
    .leftJoin('units as hu', 'hu.id', 'd.handling_unit_id')
    .leftJoin('files as f', 'f.id', 'd.file_id')
    .selectAll('d')
    .select(['a.path as agency_path', 'a.name as agency_name', 'a.code as agency_code', 'du.code as drafting_unit_code', 'du.name as drafting_unit_name', 'hu.name as handling_unit_name', 'f.original_name as file_name', 'f.media_type as file_media_type', 'f.storage_key as file_storage_key'])
    .where('d.id', '=', id);
  if (lock) q = q.forUpdate('d');
  return q.executeTakeFirst();
}
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export async function documentEvents(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('official_document_events')
    .select(['action', 'from_status', 'to_status', 'actor_name', 'at', 'details'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
}

export interface DocumentFilter {
  /** Agency subtrees the caller reads (materialised paths); empty: nothing. */
  scopePaths: string[];
  agencyId?: string | undefined;
  direction?: DocumentDirection | undefined;
  year?: number | undefined;
  type?: OfficialDocumentType | undefined;
  status?: OfficialDocumentStatus | undefined;
  number?: number | undefined;
  /** Part of a symbol, ours or the sender's ("QĐ-UBND", "123/SXD"), case-insensitive. */
  symbol?: string | undefined;
  /** Words of the summary or the sender, folded (lower case, no diacritics): each must occur. */
  words?: string[] | undefined;
  /** Routed, not handled, and past the deadline at this instant. */
  overdueAt?: Date | undefined;
  limit: number;
  offset: number;
}

/** A page of the registers, newest first: by year, then number (drafts, unnumbered, first), then creation. */
export async function listDocuments(db: Kysely<Database>, f: DocumentFilter) {
  const where = (eb: any): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      f.scopePaths.length ? eb.or(f.scopePaths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))) : sql<SqlBool>`false`,
    ];
    if (f.agencyId) conditions.push(eb('d.agency_id', '=', f.agencyId));
    if (f.direction) conditions.push(eb('d.direction', '=', f.direction));
    if (f.year !== undefined) conditions.push(eb.or([eb('d.register_year', '=', f.year), eb.and([eb('d.register_year', 'is', null), sql<SqlBool>`extract(year from d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = ${f.year}`])]));
    if (f.type) conditions.push(eb('d.document_type', '=', f.type));
    if (f.status) conditions.push(eb('d.status', '=', f.status));
    if (f.number !== undefined) conditions.push(eb('d.number', '=', f.number));
    if (f.symbol) {
      const pattern = containsPattern(f.symbol);
      conditions.push(eb.or([eb('d.symbol', 'ilike', pattern), eb('d.original_number', 'ilike', pattern)]));
    }
    for (const word of f.words ?? []) {
      const pattern = containsPattern(word);
      conditions.push(eb.or([eb('d.summary_folded', 'like', pattern), eb(sql`motcua_fold(coalesce(d.issuing_body, ''))`, 'like', pattern)]));
    }
    if (f.overdueAt) conditions.push(eb.and([eb('d.status', '=', 'routed'), eb('d.due_at', '<', f.overdueAt)]));
    return eb.and(conditions);
  };
  const base = db.selectFrom('official_documents as d').innerJoin('agencies as a', 'a.id', 'd.agency_id').where(where);
  const [items, total] = await Promise.all([
    base
      .leftJoin('units as hu', 'hu.id', 'd.handling_unit_id')
      .select([
        'd.id', 'd.agency_id', 'a.name as agency_name', 'd.direction', 'd.status', 'd.document_type', 'd.register_year', 'd.number', 'd.symbol',
        'd.original_number', 'd.summary', 'd.issuing_body', 'd.recipients', 'd.document_date', 'd.registered_at', 'd.received_at', 'd.issued_at',
        'd.due_at', 'd.handled_at', 'hu.name as handling_unit_name', 'd.digitally_signed', 'd.created_at',
      ])
      .orderBy('d.register_year', sql`desc nulls first`)
      .orderBy('d.number', sql`desc nulls first`)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * Per agency of the caller's scope: outgoing documents issued in `[from, to)` and how many of them
 * were signed digitally; incoming documents open past their deadline at `now`, and handled in the
 * period after it.
 */
export async function officeSummary(db: Kysely<Database>, input: { scopePaths: string[]; agencyId?: string | undefined; from: Date; to: Date; now: Date }) {
  if (input.scopePaths.length === 0) return [];
  let q = db
    .selectFrom('official_documents as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .where((eb) => eb.or(input.scopePaths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))))
    .select([
      'a.id as agency_id', 'a.code as agency_code', 'a.name as agency_name',
      sql<string>`count(*) FILTER (WHERE d.status = 'issued' AND d.issued_at >= ${input.from} AND d.issued_at < ${input.to})`.as('issued'),
      sql<string>`count(*) FILTER (WHERE d.status = 'issued' AND d.issued_at >= ${input.from} AND d.issued_at < ${input.to} AND d.digitally_signed)`.as('digitally_signed'),
      sql<string>`count(*) FILTER (WHERE d.status = 'routed' AND d.due_at < ${input.now})`.as('incoming_overdue'),
      sql<string>`count(*) FILTER (WHERE d.status = 'handled' AND d.handled_at >= ${input.from} AND d.handled_at < ${input.to} AND d.handled_at > d.due_at)`.as('incoming_handled_late'),
      sql<string>`count(*) FILTER (WHERE d.direction = 'incoming' AND d.registered_at >= ${input.from} AND d.registered_at < ${input.to})`.as('incoming_registered'),
    ])
    .groupBy(['a.id', 'a.code', 'a.name'])
    .orderBy('a.code');
  if (input.agencyId) q = q.where('d.agency_id', '=', input.agencyId);
  return q.execute();
}
