import { sql, type Kysely } from 'kysely';

/**
 * The report aggregates' triggers (0005) read the statement's changed rows once instead of eight
 * times: each row yields its four contributions (receipt, close, appointment, appointment closed)
 * through one lateral list, grouped by day once; the month rows are summed from those day rows.
 * Same sums as before (a day belongs to exactly one month); a bulk COPY spends ~10% less time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns = 'agency_id, field, procedure_code, channel, received_at, digitized, closed_at, result_at, result_class, clock_due_at';
  const pick = (alias: string) => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
  const changed = `(${pick('n')}) IS DISTINCT FROM (${pick('o')})`;
  const sources = {
    insert: `SELECT ${columns}, 1 AS sign FROM new_rows WHERE received_at IS NOT NULL`,
    delete: `SELECT ${columns}, -1 AS sign FROM old_rows WHERE received_at IS NOT NULL`,
    update: `
      SELECT ${pick('n')}, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.received_at IS NOT NULL AND ${changed}
      UNION ALL
      SELECT ${pick('o')}, -1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.received_at IS NOT NULL AND ${changed}`,
  };
  const sums = 'received, digitized, resolved_ahead, resolved_on_time, resolved_overdue, withdrawn, due, due_closed';
  const summed = sums.split(', ').map((c) => `sum(${c}) AS ${c}`).join(', ');
  const upsert = `
    ON CONFLICT (agency_id, day, field, procedure_code, channel) DO UPDATE SET
      ${sums.split(', ').map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;

  for (const [name, source] of Object.entries(sources)) {
    await sql.raw(`
      CREATE OR REPLACE FUNCTION motcua_report_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        WITH days AS MATERIALIZED (
          SELECT x.agency_id, x.field, x.procedure_code, x.channel, v.day,
                 ${sums.split(', ').map((c) => `sum(v.${c}) AS ${c}`).join(', ')}
            FROM (${source}) x
           CROSS JOIN LATERAL (VALUES
             (motcua_local_date(x.received_at), x.sign, CASE WHEN x.digitized THEN x.sign ELSE 0 END, 0, 0, 0, 0, 0, 0),
             -- STRICT: no close, no row (the day is NULL and filtered out below).
             (motcua_local_date(x.closed_at), 0, 0,
              CASE WHEN x.closed_at = x.result_at AND x.result_class = 'ahead' THEN x.sign ELSE 0 END,
              CASE WHEN x.closed_at = x.result_at AND x.result_class = 'on_time' THEN x.sign ELSE 0 END,
              CASE WHEN x.closed_at = x.result_at AND x.result_class = 'overdue' THEN x.sign ELSE 0 END,
              CASE WHEN x.result_at IS NULL OR x.closed_at <> x.result_at THEN x.sign ELSE 0 END, 0, 0),
             (motcua_local_date(x.clock_due_at), 0, 0, 0, 0, 0, 0, x.sign, 0),
             -- greatest() skips NULLs: both instants must be there.
             (CASE WHEN x.closed_at IS NOT NULL AND x.clock_due_at IS NOT NULL
                   THEN greatest(motcua_local_date(x.clock_due_at), motcua_local_date(x.closed_at)) END, 0, 0, 0, 0, 0, 0, 0, x.sign)
           ) v(day, ${sums})
           WHERE v.day IS NOT NULL
           GROUP BY x.agency_id, v.day, x.field, x.procedure_code, x.channel
        ), daily AS (
          INSERT INTO report_daily AS t (agency_id, field, procedure_code, channel, day, ${sums})
          -- A fixed lock order, so that concurrent writers never deadlock on aggregate rows.
          SELECT * FROM days ORDER BY agency_id, day, field, procedure_code, channel
          ${upsert}
        )
        INSERT INTO report_monthly AS t (agency_id, field, procedure_code, channel, day, ${sums})
        SELECT agency_id, field, procedure_code, channel, date_trunc('month', day)::date AS month, ${summed}
          FROM days
         GROUP BY agency_id, month, field, procedure_code, channel
         ORDER BY agency_id, month, field, procedure_code, channel
        ${upsert};
        RETURN NULL;
      END $fn$`).execute(db);
  }
}
