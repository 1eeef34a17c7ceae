/** SQL of the external figures (migration 0043): SIPAS and PAR Index as published. No rules here. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ExternalFigureKind } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface FigureFilter {
  years?: readonly number[] | undefined;
  /** Instead of `years`: for each agency and index, the figure of this year or, when it is not published yet, of the latest year before it. */
  latestUpTo?: number | undefined;
  kind?: ExternalFigureKind | undefined;
  /**
   * Agency paths: only the figures of these agencies, of the agencies above them (a province's
   * figure beside its communes' survey) and of those below them (a province's districts).
   */
  around?: readonly string[] | undefined;
}

export async function listFigures(db: Kysely<Database>, f: FigureFilter) {
  let q = db.selectFrom('external_figures as f').innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .select(['f.id', 'f.year', 'f.kind', 'f.value', 'f.rank', 'f.rank_of', 'f.source', 'f.published_on', 'f.note', 'f.entered_at',
      'a.code as agency_code', 'a.name as agency_name', 'a.level', 'a.path']);
  if (f.years) q = f.years.length ? q.where('f.year', 'in', [...f.years]) : q.where(sql<SqlBool>`false`);
  if (f.latestUpTo !== undefined) q = q.where('f.year', '<=', f.latestUpTo);
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  if (f.around) {
    const paths = f.around;
    q = paths.length
      ? q.where(sql<SqlBool>`(${sql.join(paths.map((p) => sql`starts_with(${p}, a.path) OR starts_with(a.path, ${p})`), sql` OR `)})`)
      : q.where(sql<SqlBool>`false`);
  }
  const rows = await q.orderBy('f.year', 'desc').orderBy('a.path').orderBy('f.kind').execute();
  if (f.latestUpTo === undefined) return rows;
  // Newest first: the first row of each agency and index is its latest.
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.agency_code}:${r.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((x, y) => x.path.localeCompare(y.path) || x.kind.localeCompare(y.kind));
}

export async function findFigure(db: Kysely<Database>, id: string) {
  return db.selectFrom('external_figures as f').innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .selectAll('f').select(['a.path', 'a.code as agency_code']).where('f.id', '=', id).executeTakeFirst();
}

export async function findFigureOf(db: Kysely<Database>, agencyId: string, year: number, kind: ExternalFigureKind) {
  return db.selectFrom('external_figures').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).where('kind', '=', kind).executeTakeFirst();
}

export interface FigureValues {
  agencyId: string;
  year: number;
  kind: ExternalFigureKind;
  value: number;
  rank: number | null;
  rankOf: number | null;
  source: string;
  publishedOn: string | null;
  note: string | null;
}

/** Enters or replaces the figure of an agency, year and kind; returns its id. */
export async function upsertFigure(db: Kysely<Database>, v: FigureValues, by: string | null, at: Date): Promise<string> {
  const values = {
    value: v.value, rank: v.rank, rank_of: v.rankOf, source: v.source, published_on: v.publishedOn, note: v.note, entered_by: by, entered_at: at,
  };
  const row = await db.insertInto('external_figures').values({ agency_id: v.agencyId, year: v.year, kind: v.kind, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'kind']).doUpdateSet(values))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteFigure(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('external_figures').where('id', '=', id).execute();
}
