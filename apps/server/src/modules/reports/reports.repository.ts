/**
 * The statistics query (docs/rules/statistics.md) over the maintained aggregates of migration 0005
 * (their triggers as of migration 0015). Reviewed like code; the identities are tested against the
 * domain's reference implementation.
 *
 * A report on FROM..TO counts up to its end instant E, the earlier of TO+1 00:00 and the instant it
 * is made (`reportInstants`). Let D be E's local date: the whole days before D come from the
 * aggregates, and the part of D before E (empty when the period is over: E is then D's midnight)
 * from the dossier rows, shaped like aggregate rows of day D (`partOfDay`). Per receiving agency:
 *   inPeriod(x)  = Σ x over the days FROM..D−1, and D's part
 *   before(x)    = Σ x over days < FROM      (months wholly before FROM's month from report_monthly)
 *   upTo(x)      = before(x) + inPeriod(x)
 *   closed       = resolved_ahead + resolved_on_time + resolved_overdue + withdrawn
 *   carriedOver  = before(received) − before(closed)
 *   inProgress   = upTo(received) − upTo(closed)
 *   inProgressOverdue = upTo(due) − upTo(due_closed)
 * (A period that has not begun yet counts its start as E: everything up to now is "before".)
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  addDays, localDateOf, reportInstants, startOfLocalDay,
  type Counts, type CriteriaTotals, type DateRange, type Instant, type PlainDate, type RatingCriterion, type ScoreCounts,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface ReportFilter {
  from: PlainDate;
  to: PlainDate;
  /** Subtree roots (materialised paths) of the agencies to count. */
  scopePaths: string[];
  level?: string | undefined;
  field?: string | undefined;
  procedureCode?: string | undefined;
  channel?: 'counter' | 'online' | 'postal' | undefined;
}

export interface AgencyCounts extends Counts {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  level: string;
  path: string;
}

/**
 * What makes a dossier in progress at T overdue, in one place for every statistics query and
 * drill-down (docs/rules/statistics.md, "In progress on time or overdue"): the instant it is
 * compared with is strictly before T. That instant (`appointment` of dossier row `d`) is, for a
 * dossier open now, `overdue_from` — the inbox's rule: NULL while its clock stopped before its
 * appointment, never overdue — and for a dossier closed since, its appointment `clock_due_at` (as
 * moved only by pauses). The domain's reference is `reportAppointmentOf`. The day aggregates
 * (migration 0015: `due` on that instant's local day, `due_closed`) bucket the same expression,
 * and migration 0015 indexes `overdue_from` of open dossiers: a change of what "overdue" compares
 * with changes those with it.
 */
const openAppointment = sql.ref('d.overdue_from');
const closedAppointment = sql.ref('d.clock_due_at');
const appointment = sql`CASE WHEN d.closed_at IS NULL THEN ${openAppointment} ELSE ${closedAppointment} END`;
export const appointmentBefore = (t: Date): RawBuilder<SqlBool> => sql<SqlBool>`${appointment} < ${t}`;
/** `instant` is in [from, to) (written so an index range serves it). */
const within = (instant: RawBuilder<unknown>, from: Date, to: Date): RawBuilder<SqlBool> => sql<SqlBool>`${instant} >= ${from} AND ${instant} < ${to}`;

/** The instants and days a report on a period, made at an instant, reads. */
export interface ReportWindow {
  /** Start of the period (or E, for a period that has not begun). */
  start: Date;
  /** The end instant E. */
  end: Date;
  /** E when the period is not over (the report is as of then), else null. */
  asOf: Instant | null;
  /** E's local date D: the aggregates are read for the days before it. */
  endDay: PlainDate;
  /** D 00:00: [dayStart, end) is read from the dossier rows (empty when E is a midnight). */
  dayStart: Date;
}

export function reportWindow(period: DateRange, madeAt: Instant): ReportWindow {
  const { start, end, asOf } = reportInstants(period, madeAt);
  const endDay = localDateOf(end);
  return { start: new Date(start), end: new Date(end), asOf, endDay, dayStart: new Date(startOfLocalDay(endDay)) };
}

const monthStart = (d: PlainDate) => `${d.slice(0, 7)}-01` as PlainDate;
const minDate = (a: PlainDate, b: PlainDate) => (a < b ? a : b);

/**
 * The receiving agencies of the scope (and level), as the `scope` CTE every statistics query opens
 * with (a CTE the query reads twice is materialised once: the planner then joins the sums per
 * agency once, instead of once per agency).
 */
export function scopeCte(f: Pick<ReportFilter, 'scopePaths' | 'level'>): RawBuilder<unknown> {
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  return sql`scope AS (
      SELECT a.id, a.code, a.name, a.level, a.path FROM agencies a
       WHERE (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
    )`;
}

/** The filters on an aggregate row `r` (or a row of `partOfDay`). */
function rowFilters(f: ReportFilter): RawBuilder<SqlBool> {
  return sql.join(
    [
      sql`TRUE`,
      ...(f.field ? [sql`r.field = ${f.field}`] : []),
      ...(f.procedureCode ? [sql`r.procedure_code = ${f.procedureCode}`] : []),
      ...(f.channel ? [sql`r.channel = ${f.channel}`] : []),
    ],
    sql` AND `,
  ) as RawBuilder<SqlBool>;
}

/**
 * The part of day D before E, from the dossier rows, as rows of the aggregates' shape dated D:
 * what the triggers would have added for the receipts and closes in [D 00:00, E), and for the
 * appointments `due` − `due_closed` as it stands at E (the compared instants — `appointment` — in
 * [D 00:00, E) of dossiers open at E, less the earlier ones closed in [D 00:00, E)). Null when the
 * part is empty (a period that is over). Each branch is one index range of one agency:
 * (agency_id, received_at), (agency_id, closed_at), (agency_id, overdue_from) of open dossiers
 * (migration 0015).
 */
function partOfDay(w: ReportWindow, ids: RawBuilder<unknown>): RawBuilder<unknown> | null {
  if (w.dayStart.getTime() >= w.end.getTime()) return null;
  const s = w.dayStart;
  const e = w.end;
  const day = sql`${w.endDay}::date`;
  const cols = sql`d.agency_id, d.field, d.procedure_code, d.channel, ${day} AS day`;
  const mine = sql`d.agency_id IN (${ids}) AND d.received_at IS NOT NULL`;
  return sql`
      SELECT ${cols}, 1 AS received, CASE WHEN d.digitized THEN 1 ELSE 0 END AS digitized,
             0 AS resolved_ahead, 0 AS resolved_on_time, 0 AS resolved_overdue, 0 AS withdrawn, 0 AS due, 0 AS due_closed
        FROM dossiers d WHERE ${mine} AND d.received_at >= ${s} AND d.received_at < ${e}
      UNION ALL
      SELECT ${cols}, 0, 0,
             CASE WHEN d.closed_at = d.result_at AND d.result_class = 'ahead' THEN 1 ELSE 0 END,
             CASE WHEN d.closed_at = d.result_at AND d.result_class = 'on_time' THEN 1 ELSE 0 END,
             CASE WHEN d.closed_at = d.result_at AND d.result_class = 'overdue' THEN 1 ELSE 0 END,
             CASE WHEN d.result_at IS NULL OR d.closed_at <> d.result_at THEN 1 ELSE 0 END,
             0, CASE WHEN ${appointmentBefore(s)} THEN 1 ELSE 0 END
        FROM dossiers d WHERE ${mine} AND d.closed_at >= ${s} AND d.closed_at < ${e}
      UNION ALL
      SELECT ${cols}, 0, 0, 0, 0, 0, 0, 1, 0
        FROM dossiers d WHERE ${mine} AND d.closed_at IS NULL AND ${within(openAppointment, s, e)}
      UNION ALL
      SELECT ${cols}, 0, 0, 0, 0, 0, 0, 1, 0
        FROM dossiers d WHERE ${mine} AND d.closed_at >= ${e} AND ${within(closedAppointment, s, e)}`;
}

/**
 * The aggregate rows a report reads: days from `fromDay` to D−1 (months wholly before `fromDay`'s
 * month from report_monthly when `withMonths`), and D's part before E. Filtered; columns of the
 * aggregates; under a `scopeCte`.
 */
export function countedRows(w: ReportWindow, f: ReportFilter, fromDay: PlainDate, withMonths: boolean): RawBuilder<unknown> {
  const ids = sql`SELECT id FROM scope`;
  const filters = rowFilters(f);
  const first = withMonths ? monthStart(fromDay) : fromDay;
  const cols = sql`r.agency_id, r.field, r.procedure_code, r.channel, r.day, r.received, r.digitized, r.resolved_ahead,
                   r.resolved_on_time, r.resolved_overdue, r.withdrawn, r.due, r.due_closed`;
  const part = partOfDay(w, ids);
  return sql`
      SELECT ${cols} FROM report_daily r
       WHERE r.agency_id IN (${ids}) AND r.day >= ${first}::date AND r.day < ${w.endDay}::date AND ${filters}
      ${withMonths ? sql`UNION ALL
      SELECT ${cols} FROM report_monthly r
       WHERE r.agency_id IN (${ids}) AND r.day < ${first}::date AND ${filters}` : sql``}
      ${part ? sql`UNION ALL
      SELECT ${cols} FROM (${part}) r WHERE ${filters}${withMonths ? sql`` : sql` AND r.day >= ${fromDay}::date`}` : sql``}`;
}

export async function statisticsByAgency(db: Kysely<Database>, f: ReportFilter, w: ReportWindow): Promise<AgencyCounts[]> {
  if (f.scopePaths.length === 0) return [];
  // A period that has not begun has no days of its own: everything up to E is before it.
  const fromDay = minDate(f.from, w.endDay);
  const result = await sql<{
    agency_id: string; code: string; name: string; level: string; path: string;
    received_before: string | null; closed_before: string | null;
    received_in: string | null; online_in: string | null; counter_in: string | null; postal_in: string | null; digitized_in: string | null;
    ahead_in: string | null; on_time_in: string | null; overdue_in: string | null; withdrawn_in: string | null;
    received_upto: string | null; closed_upto: string | null; due_upto: string | null; due_closed_upto: string | null;
  }>`
    WITH ${scopeCte(f)},
    rows AS (${countedRows(w, f, fromDay, true)}),
    agg AS (
      SELECT agency_id,
        sum(received) FILTER (WHERE day < ${f.from}::date) AS received_before,
        sum(resolved_ahead + resolved_on_time + resolved_overdue + withdrawn) FILTER (WHERE day < ${f.from}::date) AS closed_before,
        sum(received) FILTER (WHERE day >= ${f.from}::date) AS received_in,
        sum(received) FILTER (WHERE day >= ${f.from}::date AND channel = 'online') AS online_in,
        sum(received) FILTER (WHERE day >= ${f.from}::date AND channel = 'counter') AS counter_in,
        sum(received) FILTER (WHERE day >= ${f.from}::date AND channel = 'postal') AS postal_in,
        sum(digitized) FILTER (WHERE day >= ${f.from}::date) AS digitized_in,
        sum(resolved_ahead) FILTER (WHERE day >= ${f.from}::date) AS ahead_in,
        sum(resolved_on_time) FILTER (WHERE day >= ${f.from}::date) AS on_time_in,
        sum(resolved_overdue) FILTER (WHERE day >= ${f.from}::date) AS overdue_in,
        sum(withdrawn) FILTER (WHERE day >= ${f.from}::date) AS withdrawn_in,
        sum(received) AS received_upto,
        sum(resolved_ahead + resolved_on_time + resolved_overdue + withdrawn) AS closed_upto,
        sum(due) AS due_upto,
        sum(due_closed) AS due_closed_upto
      FROM rows GROUP BY agency_id
    )
    SELECT s.id AS agency_id, s.code, s.name, s.level, s.path, agg.*
      FROM agg JOIN scope s ON s.id = agg.agency_id
     ORDER BY s.path`.execute(db);
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return result.rows
    .map((r) => {
      const receivedInPeriod = n(r.received_in);
      const carriedOver = n(r.received_before) - n(r.closed_before);
      const resolvedAhead = n(r.ahead_in);
      const resolvedOnTime = n(r.on_time_in);
      const resolvedOverdue = n(r.overdue_in);
      const inProgress = n(r.received_upto) - n(r.closed_upto);
      const inProgressOverdue = n(r.due_upto) - n(r.due_closed_upto);
      return {
        agencyId: r.agency_id, agencyCode: r.code, agencyName: r.name, level: r.level, path: r.path,
        received: carriedOver + receivedInPeriod, carriedOver, receivedInPeriod,
        online: n(r.online_in), counter: n(r.counter_in), postal: n(r.postal_in),
        resolved: resolvedAhead + resolvedOnTime + resolvedOverdue, resolvedAhead, resolvedOnTime, resolvedOverdue,
        withdrawn: n(r.withdrawn_in), inProgress, inProgressOnTime: inProgress - inProgressOverdue, inProgressOverdue,
        digitized: n(r.digitized_in),
      };
    })
    .filter((r) => r.received > 0);
}

/** Refusals at intake (form 03) in the period, beside the main table. */
export async function refusalsByAgency(db: Kysely<Database>, f: ReportFilter, w: ReportWindow): Promise<Map<string, number>> {
  if (f.scopePaths.length === 0) return new Map();
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const rows = await sql<{ agency_id: string; n: string }>`
    SELECT d.agency_id, count(*) AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id
     WHERE d.refused_at IS NOT NULL
       AND motcua_local_date(d.refused_at) BETWEEN ${f.from}::date AND ${f.to}::date
       AND d.refused_at >= (${f.from}::date - 1)::timestamptz AND d.refused_at < (${addDays(f.to, 2)}::date)::timestamptz AND d.refused_at < ${w.end}
       AND (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
       ${f.field ? sql`AND d.field = ${f.field}` : sql``} ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
       ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}
     GROUP BY d.agency_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.agency_id, Number(r.n)]));
}

/**
 * Satisfaction ratings given in the period (local dates of `rated_at`, up to E), beside the main
 * table, per receiving agency: the count at each of the five levels, and for each criterion of
 * the one-stop scoring tool how many ratings answered it and their points (docs/rules/service-quality.md).
 * The criteria's query reads the same ratings (the same conditions) joined to their answers.
 */
export async function ratingsByAgency(db: Kysely<Database>, f: ReportFilter, w: ReportWindow): Promise<AgencyRatings> {
  if (f.scopePaths.length === 0) return { scores: new Map(), criteria: new Map() };
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const joins = sql`JOIN dossiers d ON d.id = r.dossier_id JOIN agencies a ON a.id = d.agency_id`;
  const conditions = sql`
       r.rated_at >= (${f.from}::date - 1)::timestamptz AND r.rated_at < (${addDays(f.to, 2)}::date)::timestamptz AND r.rated_at < ${w.end}
       AND motcua_local_date(r.rated_at) BETWEEN ${f.from}::date AND ${f.to}::date
       AND (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
       ${f.field ? sql`AND d.field = ${f.field}` : sql``} ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
       ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}`;
  const [byScore, byCriterion] = await Promise.all([
    sql<{ agency_id: string; score: number; n: string }>`
      SELECT d.agency_id, r.score, count(*) AS n FROM dossier_ratings r ${joins} WHERE ${conditions} GROUP BY d.agency_id, r.score`.execute(db),
    sql<{ agency_id: string; criterion: RatingCriterion; n: string; points: string }>`
      SELECT d.agency_id, x.criterion, count(*) AS n, sum(x.points) AS points
        FROM dossier_ratings r JOIN dossier_rating_answers x ON x.dossier_id = r.dossier_id ${joins}
       WHERE ${conditions}
       GROUP BY d.agency_id, x.criterion`.execute(db),
  ]);
  const scores = new Map<string, [number, number, number, number, number]>();
  for (const r of byScore.rows) {
    const counts = scores.get(r.agency_id) ?? [0, 0, 0, 0, 0];
    counts[r.score - 1] = Number(r.n);
    scores.set(r.agency_id, counts);
  }
  const criteria = new Map<string, CriteriaTotals>();
  for (const r of byCriterion.rows) {
    criteria.set(r.agency_id, { ...(criteria.get(r.agency_id) ?? {}), [r.criterion]: { count: Number(r.n), points: Number(r.points) } });
  }
  return { scores, criteria };
}

export interface AgencyRatings {
  /** Per receiving agency: counts at scores 1…5 (index 0 = score 1). */
  scores: Map<string, ScoreCounts>;
  criteria: Map<string, CriteriaTotals>;
}

/**
 * Dossiers received in the period (the instants [FROM 00:00, TO+1 00:00) before E) that reused at
 * least one document of the applicant's data store (docs/rules/data-store.md), beside the main
 * table: a count over `document_reuses`, which holds only the dossiers that reused, joined to their
 * dossier rows by primary key.
 */
export async function reusesByAgency(db: Kysely<Database>, f: ReportFilter, w: ReportWindow): Promise<Map<string, number>> {
  if (f.scopePaths.length === 0) return new Map();
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const rows = await sql<{ agency_id: string; n: string }>`
    SELECT d.agency_id, count(*) AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id
     WHERE d.id IN (SELECT dossier_id FROM document_reuses)
       AND d.received_at >= ${w.start} AND d.received_at < ${w.end}
       AND (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
       ${f.field ? sql`AND d.field = ${f.field}` : sql``} ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
       ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}
     GROUP BY d.agency_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.agency_id, Number(r.n)]));
}

/** An agency by code with its parent (name and level), for the heading of a report it issues. */
export async function agencyWithParent(
  db: Kysely<Database>,
  code: string,
): Promise<{ name: string; level: string; parent: { name: string; level: string } | undefined } | undefined> {
  const row = await db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .select(['a.name', 'a.level', 'p.name as parent_name', 'p.level as parent_level'])
    .where('a.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return { name: row.name, level: row.level, parent: row.parent_name && row.parent_level ? { name: row.parent_name, level: row.parent_level } : undefined };
}
