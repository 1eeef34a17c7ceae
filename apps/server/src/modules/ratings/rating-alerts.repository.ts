/**
 * SQL for the alerts low ratings raise (migration 0042): who leads a unit, the alerts of a set of
 * subtrees, marking one handled. No rules here (rating-alerts.policies.ts says who sees what).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CriterionPoints, RatingCriterion } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface Leader {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
}

/** The active leaders of the unit itself (role `leader` assigned on that agency). */
export async function unitLeaders(db: Kysely<Database>, agencyId: string): Promise<Leader[]> {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.full_name', 'u.email', 'u.phone'])
    .where('r.agency_id', '=', agencyId)
    .where('r.role', '=', 'leader')
    .where('u.disabled', '=', false)
    .orderBy('u.full_name')
    .execute();
}

export async function insertAlert(db: Kysely<Database>, alert: { dossierId: number; agencyId: string; score: number; at: Date }): Promise<void> {
  await db.insertInto('rating_alerts').values({ dossier_id: alert.dossierId, agency_id: alert.agencyId, score: alert.score, raised_at: alert.at }).execute();
}

export type AlertState = 'open' | 'handled' | 'all';

export interface AlertFilter {
  /** Subtree roots (materialised paths) the caller may see. */
  scopePaths: string[];
  state: AlertState;
  /** One dossier's alert (by code), e.g. the link of a leader's message. */
  code?: string | undefined;
  limit: number;
  offset: number;
}

export interface AlertRow {
  dossier_id: number;
  code: string;
  procedure_version_id: string;
  applicant_name: string;
  agency_code: string;
  agency_name: string;
  agency_path: string;
  score: number;
  comment: string | null;
  rated_at: Date;
  raised_at: Date;
  handled_at: Date | null;
  handled_by_name: string | null;
  handling_note: string | null;
}

function where(f: AlertFilter) {
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(ag.path, ${p})`), sql` OR `);
  const state = f.state === 'open' ? sql`AND a.handled_at IS NULL` : f.state === 'handled' ? sql`AND a.handled_at IS NOT NULL` : sql``;
  const code = f.code ? sql`AND upper(d.code) = upper(${f.code})` : sql``;
  return sql<SqlBool>`(${scope}) ${state} ${code}`;
}

/**
 * One page of the alerts in the caller's subtrees, the newest first, with the number in all and
 * the number still open (for the console's badge). The open ones use `rating_alerts_open`.
 */
export async function listAlerts(db: Kysely<Database>, f: AlertFilter): Promise<{ total: number; open: number; items: AlertRow[] }> {
  if (f.scopePaths.length === 0) return { total: 0, open: 0, items: [] };
  const from = sql`rating_alerts a JOIN agencies ag ON ag.id = a.agency_id JOIN dossiers d ON d.id = a.dossier_id`;
  const [counts, page] = await Promise.all([
    sql<{ total: string; open: string }>`
      SELECT count(*) AS total, count(*) FILTER (WHERE a.handled_at IS NULL) AS open FROM ${from} WHERE ${where(f)}`.execute(db),
    sql<AlertRow>`
      SELECT a.dossier_id, d.code, d.procedure_version_id, d.applicant_name, ag.code AS agency_code, ag.name AS agency_name, ag.path AS agency_path,
             a.score, r.comment, r.rated_at, a.raised_at, a.handled_at, u.full_name AS handled_by_name, a.handling_note
        FROM ${from} JOIN dossier_ratings r ON r.dossier_id = a.dossier_id LEFT JOIN users u ON u.id = a.handled_by
       WHERE ${where(f)}
       ORDER BY a.raised_at DESC, a.dossier_id DESC
       LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db),
  ]);
  const c = counts.rows[0];
  return { total: Number(c?.total ?? 0), open: Number(c?.open ?? 0), items: page.rows.map((r) => ({ ...r, dossier_id: Number(r.dossier_id) })) };
}

/** The number of open alerts in the caller's subtrees (the console home's card). */
export async function openAlertCount(db: Kysely<Database>, scopePaths: string[]): Promise<number> {
  if (scopePaths.length === 0) return 0;
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM rating_alerts a JOIN agencies ag ON ag.id = a.agency_id
     WHERE a.handled_at IS NULL AND (${sql.join(scopePaths.map((p) => sql`starts_with(ag.path, ${p})`), sql` OR `)})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The answers to the criteria of the given dossiers' ratings. */
export async function answersOf(db: Kysely<Database>, dossierIds: number[]): Promise<Map<number, Partial<Record<RatingCriterion, CriterionPoints>>>> {
  const out = new Map<number, Partial<Record<RatingCriterion, CriterionPoints>>>();
  if (dossierIds.length === 0) return out;
  const rows = await db.selectFrom('dossier_rating_answers').select(['dossier_id', 'criterion', 'points']).where('dossier_id', 'in', dossierIds).execute();
  for (const r of rows) {
    const id = Number(r.dossier_id);
    out.set(id, { ...(out.get(id) ?? {}), [r.criterion]: r.points });
  }
  return out;
}

/** One alert with its agency's path (for the caller's rights). */
export async function findAlert(db: Kysely<Database>, dossierId: number) {
  return db
    .selectFrom('rating_alerts as a')
    .innerJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
    .select(['a.dossier_id', 'a.agency_id', 'ag.path as agency_path', 'd.code', 'a.score', 'a.handled_at'])
    .where('a.dossier_id', '=', dossierId)
    .executeTakeFirst();
}

/** Marks the alert handled; false when it was handled meanwhile. */
export async function markHandled(db: Kysely<Database>, dossierId: number, by: string, note: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('rating_alerts').set({ handled_at: at, handled_by: by, handling_note: note })
    .where('dossier_id', '=', dossierId).where('handled_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
