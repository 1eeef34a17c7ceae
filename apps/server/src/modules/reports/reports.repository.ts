/**
 * The statistics query (docs/rules/statistics.md) over the maintained aggregates of migration 0005. Reviewed like
 * code; the identities are tested against the domain's reference implementation.
 *
 * For a period FROM..TO (local dates) and per receiving agency:
 *   inPeriod(x)  = Σ x over days FROM..TO
 *   before(x)    = Σ x over days < FROM      (months wholly before FROM's month from report_monthly)
 *   upTo(x)      = before(x) + inPeriod(x)
 *   closed       = resolved_ahead + resolved_on_time + resolved_overdue + withdrawn
 *   carriedOver  = before(received) − before(closed)
 *   inProgress   = upTo(received) − upTo(closed)
 *   inProgressOverdue = upTo(due) − upTo(due_closed)
 */
import { sql, type Kysely } from 'kysely';
import { addDays, type Counts, type PlainDate } from '@motcua/domain';
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

const monthStart = (d: PlainDate) => `${d.slice(0, 7)}-01` as PlainDate;

export async function statisticsByAgency(db: Kysely<Database>, f: ReportFilter): Promise<AgencyCounts[]> {
  if (f.scopePaths.length === 0) return [];
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const filters = sql.join(
    [
      sql`TRUE`,
      ...(f.field ? [sql`r.field = ${f.field}`] : []),
      ...(f.procedureCode ? [sql`r.procedure_code = ${f.procedureCode}`] : []),
      ...(f.channel ? [sql`r.channel = ${f.channel}`] : []),
    ],
    sql` AND `,
  );
  const first = monthStart(f.from);
  const result = await sql<{
    agency_id: string; code: string; name: string; level: string; path: string;
    received_before: string | null; closed_before: string | null;
    received_in: string | null; online_in: string | null; counter_in: string | null; postal_in: string | null; digitized_in: string | null;
    ahead_in: string | null; on_time_in: string | null; overdue_in: string | null; withdrawn_in: string | null;
    received_upto: string | null; closed_upto: string | null; due_upto: string | null; due_closed_upto: string | null;
  }>`
    WITH scope AS (
      SELECT a.id, a.code, a.name, a.level, a.path FROM agencies a
       WHERE (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
    ),
    rows AS (
      SELECT r.*, FALSE AS whole_month FROM report_daily r
       WHERE r.agency_id IN (SELECT id FROM scope) AND r.day >= ${first}::date AND r.day <= ${f.to}::date AND ${filters}
      UNION ALL
      SELECT r.*, TRUE FROM report_monthly r
       WHERE r.agency_id IN (SELECT id FROM scope) AND r.day < ${first}::date AND ${filters}
    ),
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
export async function refusalsByAgency(db: Kysely<Database>, f: ReportFilter): Promise<Map<string, number>> {
  if (f.scopePaths.length === 0) return new Map();
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const rows = await sql<{ agency_id: string; n: string }>`
    SELECT d.agency_id, count(*) AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id
     WHERE d.refused_at IS NOT NULL
       AND motcua_local_date(d.refused_at) BETWEEN ${f.from}::date AND ${f.to}::date
       AND d.refused_at >= (${f.from}::date - 1)::timestamptz AND d.refused_at < (${addDays(f.to, 2)}::date)::timestamptz
       AND (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
       ${f.field ? sql`AND d.field = ${f.field}` : sql``} ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
       ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}
     GROUP BY d.agency_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.agency_id, Number(r.n)]));
}

/** Satisfaction ratings given in the period (five levels), beside the main table. */
export async function ratingsByAgency(db: Kysely<Database>, f: ReportFilter): Promise<Map<string, number[]>> {
  if (f.scopePaths.length === 0) return new Map();
  const scope = sql.join(f.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const rows = await sql<{ agency_id: string; score: number; n: string }>`
    SELECT d.agency_id, r.score, count(*) AS n FROM dossier_ratings r
      JOIN dossiers d ON d.id = r.dossier_id JOIN agencies a ON a.id = d.agency_id
     WHERE r.rated_at >= (${f.from}::date - 1)::timestamptz AND r.rated_at < (${addDays(f.to, 2)}::date)::timestamptz
       AND motcua_local_date(r.rated_at) BETWEEN ${f.from}::date AND ${f.to}::date
       AND (${scope}) ${f.level ? sql`AND a.level = ${f.level}` : sql``}
       ${f.field ? sql`AND d.field = ${f.field}` : sql``} ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
       ${f.channel ? sql`AND d.channel = ${f.channel}` : sql``}
     GROUP BY d.agency_id, r.score`.execute(db);
  const out = new Map<string, number[]>();
  for (const r of rows.rows) {
    const scores = out.get(r.agency_id) ?? [0, 0, 0, 0, 0];
    scores[r.score - 1] = Number(r.n);
    out.set(r.agency_id, scores);
  }
  return out;
}
