/**
 * SQL for the procedure catalogue. Versions are inserted, and closed (valid_to, status) when a
 * newer one or an end arrives; their content is never updated (a trigger enforces it).
 * Dates are local plain dates (`YYYY-MM-DD`); "in force on D" means valid_from <= D <= valid_to.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  CatalogueDetails, DocumentType, DossierComponent, EFormDefinition, Fee, InterAgencyParticipant, LegalProcessingTime, ProcedureContent, ProcedureStatus, WorkflowStep,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface ProcedureVersionRow extends ProcedureContent {
  id: string;
  code: string;
  codeVerified: boolean;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  status: ProcedureStatus;
  replacedBy: string | null;
  contentHash: string;
  changeNote: string | null;
  /** Why it ended (abolished, replaced). */
  endNote: string | null;
  createdAt: Date;
}

const versionColumns = [
  'v.id', 'v.procedure_code', 'p.code_verified', 'v.version', 'v.name', 'v.field', 'v.levels', 'v.agency_codes', 'v.processing_time',
  'v.restart_after_supplement', 'v.late_receipt_window_minutes', 'v.fee', 'v.components', 'v.result_type', 'v.result_document_type', 'v.legal_basis',
  'v.fully_online', 'v.inter_agency', 'v.workflow', 'v.valid_from', 'v.valid_to', 'v.status', 'v.replaced_by', 'v.content_hash',
  'v.change_note', 'v.end_note', 'v.created_at', 'v.declaration', 'v.catalogue_details',
] as const;

interface RawVersion {
  id: string; procedure_code: string; code_verified: boolean; version: number; name: string; field: string; levels: string[];
  agency_codes: string[]; processing_time: LegalProcessingTime; restart_after_supplement: boolean; late_receipt_window_minutes: number | null;
  fee: Fee; components: DossierComponent[]; result_type: string | null; result_document_type: DocumentType | null; legal_basis: string | null; fully_online: boolean;
  inter_agency: InterAgencyParticipant[]; workflow: WorkflowStep[]; valid_from: string | null; valid_to: string | null;
  status: ProcedureStatus; replaced_by: string | null; content_hash: string; change_note: string | null; end_note: string | null;
  created_at: Date; declaration: EFormDefinition | null; catalogue_details: CatalogueDetails | null;
}

function toRow(r: RawVersion): ProcedureVersionRow {
  return {
    id: r.id, code: r.procedure_code, codeVerified: r.code_verified, version: r.version, name: r.name, field: r.field,
    levels: r.levels, agencies: r.agency_codes, processingTime: r.processing_time, restartAfterSupplement: r.restart_after_supplement,
    lateReceiptWindowMinutes: r.late_receipt_window_minutes, fee: r.fee, components: r.components, resultType: r.result_type,
    ...(r.result_document_type ? { resultDocumentType: r.result_document_type } : {}),
    legalBasis: r.legal_basis, fullyOnline: r.fully_online, interAgency: r.inter_agency, workflow: r.workflow,
    validFrom: r.valid_from, validTo: r.valid_to, status: r.status, replacedBy: r.replaced_by, contentHash: r.content_hash,
    changeNote: r.change_note, endNote: r.end_note, createdAt: r.created_at,
    ...(r.declaration ? { declaration: r.declaration } : {}),
    ...(r.catalogue_details ? { details: r.catalogue_details } : {}),
  };
}

const versionsQuery = (db: Kysely<Database>) =>
  db.selectFrom('procedure_versions as v').innerJoin('procedures as p', 'p.id', 'v.procedure_id').select(versionColumns);

/** Every version of a procedure, oldest first; empty when the code is unknown. */
export async function findVersionsOfProcedure(db: Kysely<Database>, code: string): Promise<ProcedureVersionRow[]> {
  const rows = await versionsQuery(db).where('v.procedure_code', '=', code).orderBy('v.version').execute();
  return rows.map((r) => toRow(r as RawVersion));
}

/** One version by id: what a dossier bound to it follows. */
export async function findVersionById(db: Kysely<Database>, id: string): Promise<ProcedureVersionRow | undefined> {
  const r = await versionsQuery(db).where('v.id', '=', id).executeTakeFirst();
  return r && toRow(r as RawVersion);
}

/** The latest version of each of the given procedures (all procedures when `codes` is omitted). */
export async function findLatestVersions(db: Kysely<Database>, codes?: readonly string[]): Promise<Map<string, ProcedureVersionRow>> {
  if (codes && codes.length === 0) return new Map();
  let query = versionsQuery(db).distinctOn('v.procedure_code').orderBy('v.procedure_code').orderBy('v.version', 'desc');
  if (codes) query = query.where('v.procedure_code', 'in', [...codes]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.procedure_code, toRow(r as RawVersion)]));
}

export async function allProcedureCodes(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('procedures').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** Agency levels and codes, to check the references of an entry. */
export async function agencyReferences(db: Kysely<Database>): Promise<{ levels: Set<string>; codes: Map<string, { level: string; path: string }> }> {
  const rows = await db.selectFrom('agencies').select(['code', 'level', 'path']).execute();
  return { levels: new Set(rows.map((r) => r.level)), codes: new Map(rows.map((r) => [r.code, { level: r.level, path: r.path }])) };
}

/** The procedure's id, creating its row on first sight; keeps `code_verified` up to date. */
export async function ensureProcedure(
  db: Kysely<Database>,
  code: string,
  codeVerified: boolean | undefined,
): Promise<{ id: string; codeVerifiedChanged: boolean }> {
  const existing = await db.selectFrom('procedures').select(['id', 'code_verified']).where('code', '=', code).executeTakeFirst();
  if (!existing) {
    const r = await db.insertInto('procedures').values({ code, code_verified: codeVerified ?? false }).returning('id').executeTakeFirstOrThrow();
    return { id: r.id, codeVerifiedChanged: false };
  }
  if (codeVerified !== undefined && codeVerified !== existing.code_verified) {
    await db.updateTable('procedures').set({ code_verified: codeVerified, updated_at: new Date() }).where('id', '=', existing.id).execute();
    return { id: existing.id, codeVerifiedChanged: true };
  }
  return { id: existing.id, codeVerifiedChanged: false };
}

export async function insertVersion(
  db: Kysely<Database>,
  input: { procedureId: string; code: string; version: number; content: ProcedureContent; validFrom: string | null; contentHash: string; changeNote: string | null },
): Promise<string> {
  const c = input.content;
  const r = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: input.procedureId,
      procedure_code: input.code,
      version: input.version,
      name: c.name,
      field: c.field,
      levels: c.levels,
      agency_codes: c.agencies,
      processing_time: JSON.stringify(c.processingTime),
      restart_after_supplement: c.restartAfterSupplement,
      late_receipt_window_minutes: c.lateReceiptWindowMinutes,
      fee: JSON.stringify(c.fee),
      components: JSON.stringify(c.components),
      result_type: c.resultType,
      result_document_type: c.resultDocumentType ?? null,
      legal_basis: c.legalBasis,
      fully_online: c.fullyOnline,
      inter_agency: JSON.stringify(c.interAgency),
      workflow: JSON.stringify(c.workflow),
      declaration: c.declaration ? JSON.stringify(c.declaration) : null,
      catalogue_details: c.details ? JSON.stringify(c.details) : null,
      valid_from: input.validFrom,
      valid_to: null,
      status: 'active',
      replaced_by: null,
      content_hash: input.contentHash,
      change_note: input.changeNote,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Records the end of a version: its last day and why it ended. Content stays as it was. */
export async function closeVersion(
  db: Kysely<Database>,
  input: { code: string; version: number; validTo: string; status: Exclude<ProcedureStatus, 'active'>; replacedBy?: string | null; note?: string | null },
): Promise<void> {
  await db
    .updateTable('procedure_versions')
    .set({ valid_to: input.validTo, status: input.status, replaced_by: input.replacedBy ?? null, end_note: input.note ?? null })
    .where('procedure_code', '=', input.code)
    .where('version', '=', input.version)
    .execute();
}

export interface CatalogueFilter {
  /** Local date: only versions in force on it. */
  date: string;
  field?: string | undefined;
  level?: string | undefined;
  /** An agency code: procedures that agency implements (listed explicitly, or by its level). */
  agency?: string | undefined;
}

export interface CatalogueItemRow {
  id: string;
  code: string;
  name: string;
  field: string;
  levels: string[];
  processingTime: LegalProcessingTime;
  fee: Fee;
  fullyOnline: boolean;
  version: number;
  validFrom: string | null;
}

/** The conditions of a catalogue filter on `procedure_versions v` (the search adds its ranking, catalogue-search.repository.ts). */
export function filterConditions(filter: CatalogueFilter): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [
    sql`(v.valid_from IS NULL OR v.valid_from <= ${filter.date}::date)`,
    sql`(v.valid_to IS NULL OR v.valid_to >= ${filter.date}::date)`,
  ];
  if (filter.field) conditions.push(sql`motcua_fold(v.field) = motcua_fold(${filter.field})`);
  if (filter.level) conditions.push(sql`${filter.level} = ANY (v.levels)`);
  if (filter.agency) {
    conditions.push(sql`EXISTS (
      SELECT 1 FROM agencies a WHERE a.code = ${filter.agency}
        AND (a.code = ANY (v.agency_codes) OR (cardinality(v.agency_codes) = 0 AND a.level = ANY (v.levels))))`);
  }
  return conditions;
}

/** Fields (lĩnh vực) of the procedures in force on a date, with how many procedures each has. */
export async function fieldsInForce(db: Kysely<Database>, date: string): Promise<Array<{ field: string; count: number }>> {
  const where = sql.join(filterConditions({ date }), sql` AND `);
  const r = await sql<{ field: string; count: number }>`
    SELECT v.field, count(*)::int AS count FROM procedure_versions v WHERE ${where}
    GROUP BY v.field ORDER BY motcua_fold(v.field), v.field COLLATE "C"`.execute(db);
  return r.rows;
}

/**
 * Every version of the procedures that changed between two dates: a version starting in
 * [from, to], or one ending (valid_to) in [from − 1, to − 1], i.e. ended as of a day in the range.
 * All versions of those procedures come back, so the caller can tell new from amended.
 */
export async function versionsOfProceduresChangedBetween(db: Kysely<Database>, from: string, to: string): Promise<ProcedureVersionRow[]> {
  const changed = db
    .selectFrom('procedure_versions')
    .select('procedure_code')
    .where((eb) =>
      eb.or([
        eb.and([eb('valid_from', '>=', from), eb('valid_from', '<=', to)]),
        eb.and([
          eb('status', 'in', ['abolished', 'replaced']),
          eb('valid_to', '>=', sql<string>`${from}::date - 1`),
          eb('valid_to', '<=', sql<string>`${to}::date - 1`),
        ]),
      ]),
    );
  const rows = await versionsQuery(db).where('v.procedure_code', 'in', changed).orderBy('v.procedure_code').orderBy('v.version').execute();
  return rows.map((r) => toRow(r as RawVersion));
}

/** Names of procedures as they last read (for "replaced by …"). */
export async function latestNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('procedure_versions')
    .distinctOn('procedure_code')
    .select(['procedure_code', 'name'])
    .where('procedure_code', 'in', [...codes])
    .orderBy('procedure_code')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.procedure_code, r.name]));
}
