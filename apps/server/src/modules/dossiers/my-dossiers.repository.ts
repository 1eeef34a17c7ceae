/**
 * SQL for "Hồ sơ của tôi": the dossiers matching a citizen's keys (dossiers.policies.ts,
 * `citizensDossierKeys`, which says what makes a dossier theirs), newest first. No rules here.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CitizensDossierKeys } from './dossiers.policies.ts';
import type { DossierEventRow, DossierRow } from './dossiers.repository.ts';

/** Where a page starts: after the dossier submitted at `submittedAt` with id `id` (keyset pagination). */
export interface PagePosition {
  submittedAt: Date;
  id: number;
}

/**
 * One page of the citizen's dossiers, newest first by submission, with whether each was rated.
 * Each way a dossier can be theirs has its partial index in this order (migration 0017); the
 * planner combines them (a bitmap OR, then a sort of a few dozen rows at most).
 */
export async function citizensDossiers(
  db: Kysely<Database>,
  keys: CitizensDossierKeys,
  page: { limit: number; after?: PagePosition | undefined },
): Promise<Array<DossierRow & { rated: boolean }>> {
  const after = page.after ? sql`AND (d.submitted_at, d.id) < (${page.after.submittedAt}, ${page.after.id})` : sql``;
  const r = await sql<DossierRow & { rated: boolean }>`
    SELECT d.*, EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id) AS rated
      FROM dossiers d
     WHERE (d.submitter_citizen_id = ${keys.citizenId}::uuid OR d.applicant_id_number = ANY(${keys.applicantIdNumbers}::text[]))
       ${after}
     ORDER BY d.submitted_at DESC, d.id DESC
     LIMIT ${page.limit}`.execute(db);
  return r.rows;
}

/** The action logs of the given dossiers, each in order. */
export async function eventsOfDossiers(db: Kysely<Database>, ids: number[]): Promise<Map<number, DossierEventRow[]>> {
  const byDossier = new Map<number, DossierEventRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byDossier;
  const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute();
  for (const e of rows) byDossier.get(Number(e.dossier_id))?.push(e);
  return byDossier;
}

/** The files of a dossier, as the applicant sees them listed. */
export async function filesOfDossier(db: Kysely<Database>, dossierId: number, purposes: readonly string[]) {
  return db
    .selectFrom('files')
    .select(['id', 'original_name', 'media_type', 'size_bytes', 'purpose', 'component_index'])
    .where('dossier_id', '=', dossierId)
    .where('purpose', 'in', purposes as Array<'component'>)
    .orderBy('created_at')
    .execute();
}

/** One file of a dossier (with where it is stored), if it belongs to that dossier. */
export async function fileOfDossier(db: Kysely<Database>, dossierId: number, fileId: string) {
  return db
    .selectFrom('files')
    .select(['id', 'original_name', 'media_type', 'purpose', 'storage_key'])
    .where('id', '=', fileId)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
}
