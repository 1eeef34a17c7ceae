/**
 * The dossiers behind any number of the report (drill-down): the same definitions as the report (docs/rules/statistics.md),
 * written on the dossier rows of one agency (or subtree), paged, between the same instants (a
 * report as of now lists what it counts as of now).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Instant, PlainDate, StatisticsKey } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { appointmentBefore, countedRows, reportWindow, scopeCte, type ReportWindow } from './reports.repository.ts';

export function conditionFor(key: StatisticsKey, w: Pick<ReportWindow, 'start' | 'end'>): RawBuilder<SqlBool> {
  const s = w.start;
  const e = w.end;
  const inPeriod = sql<SqlBool>`d.received_at >= ${s} AND d.received_at < ${e}`;
  const open = (at: Date) => sql<SqlBool>`(d.closed_at IS NULL OR d.closed_at >= ${at})`;
  const received = sql<SqlBool>`d.received_at < ${e} AND ${open(s)}`;
  const closedIn = sql<SqlBool>`d.closed_at >= ${s} AND d.closed_at < ${e}`;
  const resolved = sql<SqlBool>`${closedIn} AND d.closed_at = d.result_at`;
  const inProgress = sql<SqlBool>`d.received_at < ${e} AND ${open(e)}`;
  switch (key) {
    case 'received': return received;
    case 'carriedOver': return sql<SqlBool>`d.received_at < ${s} AND ${open(s)}`;
    case 'receivedInPeriod': return inPeriod;
    case 'online': case 'counter': case 'postal': return sql<SqlBool>`${inPeriod} AND d.channel = ${key}`;
    case 'digitized': return sql<SqlBool>`${inPeriod} AND d.digitized`;
    case 'resolved': return resolved;
    case 'resolvedAhead': return sql<SqlBool>`${resolved} AND d.result_class = 'ahead'`;
    case 'resolvedOnTime': return sql<SqlBool>`${resolved} AND d.result_class = 'on_time'`;
    case 'resolvedOverdue': return sql<SqlBool>`${resolved} AND d.result_class = 'overdue'`;
    case 'withdrawn': return sql<SqlBool>`${closedIn} AND (d.result_at IS NULL OR d.closed_at <> d.result_at)`;
    case 'inProgress': return inProgress;
    case 'inProgressOverdue': return sql<SqlBool>`${inProgress} AND ${appointmentBefore(e)}`;
    case 'inProgressOnTime': return sql<SqlBool>`${inProgress} AND NOT coalesce(${appointmentBefore(e)}, FALSE)`;
  }
}

export async function dossiersBehind(
  db: Kysely<Database>,
  q: {
    key: StatisticsKey; from: PlainDate; to: PlainDate; scopePaths: string[]; agencyOnly?: boolean; level?: string | undefined; field?: string | undefined;
    procedureCode?: string | undefined; channel?: string | undefined; limit: number; offset: number;
  },
  madeAt: Instant,
) {
  if (!q.scopePaths.length) return { items: [], total: 0 };
  // A row of the report counts its own agency's dossiers; the total counts the subtree.
  const scope = q.agencyOnly
    ? sql.join(q.scopePaths.map((p) => sql`a.path = ${p}`), sql` OR `)
    : sql.join(q.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const where = sql.join([
    sql`(${scope})`,
    conditionFor(q.key, reportWindow(q, madeAt)),
    ...(q.level ? [sql`a.level = ${q.level}`] : []),
    ...(q.field ? [sql`d.field = ${q.field}`] : []),
    ...(q.procedureCode ? [sql`d.procedure_code = ${q.procedureCode}`] : []),
    ...(q.channel ? [sql`d.channel = ${q.channel}`] : []),
  ], sql` AND `);
  const [rows, count] = await Promise.all([
    sql<{
      id: number; code: string; status: string; procedure_code: string; applicant_name: string; channel: string; agency_code: string;
      received_at: Date; clock_due_at: Date | null; result_at: Date | null; withdrawn_at: Date | null; result_class: string | null;
    }>`SELECT d.id, d.code, d.status, d.procedure_code, d.applicant_name, d.channel, a.code AS agency_code, d.received_at,
              d.clock_due_at, d.result_at, d.withdrawn_at, d.result_class
         FROM dossiers d JOIN agencies a ON a.id = d.agency_id
        WHERE ${where}
        ORDER BY d.received_at, d.id LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db),
    sql<{ n: string }>`SELECT count(*) AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** Month by month: received, resolved by class, withdrawn, from the rows the report reads (up to its end instant). */
export async function monthlyTrend(
  db: Kysely<Database>,
  q: {
    from: PlainDate; to: PlainDate; scopePaths: string[]; level?: string | undefined; field?: string | undefined; procedureCode?: string | undefined;
    channel?: 'counter' | 'online' | 'postal' | undefined;
  },
  madeAt: Instant,
) {
  if (!q.scopePaths.length) return [];
  const w = reportWindow(q, madeAt);
  if (w.endDay < q.from) return [];
  const rows = await sql<{ month: string; received: string; online: string; digitized: string; ahead: string; on_time: string; overdue: string; withdrawn: string }>`
    WITH ${scopeCte(q)}
    SELECT to_char(r.day, 'YYYY-MM') AS month, sum(r.received) AS received, sum(r.received) FILTER (WHERE r.channel = 'online') AS online,
           sum(r.digitized) AS digitized, sum(r.resolved_ahead) AS ahead, sum(r.resolved_on_time) AS on_time,
           sum(r.resolved_overdue) AS overdue, sum(r.withdrawn) AS withdrawn
      FROM (${countedRows(w, q, q.from, false)}) r
     GROUP BY 1 ORDER BY 1`.execute(db);
  const n = (v: string | null) => Number(v ?? 0);
  return rows.rows.map((r) => ({
    month: r.month, receivedInPeriod: n(r.received), online: n(r.online), digitized: n(r.digitized),
    resolvedAhead: n(r.ahead), resolvedOnTime: n(r.on_time), resolvedOverdue: n(r.overdue), withdrawn: n(r.withdrawn),
  }));
}
