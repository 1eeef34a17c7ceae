/**
 * The dossiers behind any number of the report (drill-down): the same definitions as the report (docs/rules/statistics.md),
 * written on the dossier rows of one agency (or subtree), paged.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { periodInstants, type PlainDate, type StatisticsKey } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export function conditionFor(key: StatisticsKey, from: PlainDate, to: PlainDate): RawBuilder<SqlBool> {
  const { start, end } = periodInstants({ from, to });
  const s = new Date(start);
  const e = new Date(end);
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
    case 'inProgressOverdue': return sql<SqlBool>`${inProgress} AND d.clock_due_at < ${e}`;
    case 'inProgressOnTime': return sql<SqlBool>`${inProgress} AND d.clock_due_at >= ${e}`;
  }
}

export async function dossiersBehind(
  db: Kysely<Database>,
  q: {
    key: StatisticsKey; from: PlainDate; to: PlainDate; scopePaths: string[]; agencyOnly?: boolean; level?: string | undefined; field?: string | undefined;
    procedureCode?: string | undefined; channel?: string | undefined; limit: number; offset: number;
  },
) {
  if (!q.scopePaths.length) return { items: [], total: 0 };
  // A row of the report counts its own agency's dossiers; the total counts the subtree.
  const scope = q.agencyOnly
    ? sql.join(q.scopePaths.map((p) => sql`a.path = ${p}`), sql` OR `)
    : sql.join(q.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const where = sql.join([
    sql`(${scope})`,
    conditionFor(q.key, q.from, q.to),
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

/** Month by month: received, resolved by class, from the aggregates. */
export async function monthlyTrend(
  db: Kysely<Database>,
  q: { from: PlainDate; to: PlainDate; scopePaths: string[]; level?: string | undefined; field?: string | undefined; procedureCode?: string | undefined; channel?: string | undefined },
) {
  if (!q.scopePaths.length) return [];
  const scope = sql.join(q.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const rows = await sql<{ month: string; received: string; online: string; digitized: string; ahead: string; on_time: string; overdue: string; withdrawn: string }>`
    SELECT to_char(r.day, 'YYYY-MM') AS month, sum(r.received) AS received, sum(r.received) FILTER (WHERE r.channel = 'online') AS online,
           sum(r.digitized) AS digitized, sum(r.resolved_ahead) AS ahead, sum(r.resolved_on_time) AS on_time,
           sum(r.resolved_overdue) AS overdue, sum(r.withdrawn) AS withdrawn
      FROM report_daily r JOIN agencies a ON a.id = r.agency_id
     WHERE (${scope}) AND r.day BETWEEN ${q.from}::date AND ${q.to}::date
       ${q.level ? sql`AND a.level = ${q.level}` : sql``} ${q.field ? sql`AND r.field = ${q.field}` : sql``}
       ${q.procedureCode ? sql`AND r.procedure_code = ${q.procedureCode}` : sql``} ${q.channel ? sql`AND r.channel = ${q.channel}` : sql``}
     GROUP BY 1 ORDER BY 1`.execute(db);
  const n = (v: string | null) => Number(v ?? 0);
  return rows.rows.map((r) => ({
    month: r.month, receivedInPeriod: n(r.received), online: n(r.online), digitized: n(r.digitized),
    resolvedAhead: n(r.ahead), resolvedOnTime: n(r.on_time), resolvedOverdue: n(r.overdue), withdrawn: n(r.withdrawn),
  }));
}
