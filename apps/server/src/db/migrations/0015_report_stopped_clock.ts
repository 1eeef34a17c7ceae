import { sql, type Kysely } from 'kysely';

/**
 * The report compares a dossier in progress with the same instant as the inbox (docs/rules/statistics.md,
 * "In progress on time or overdue"): for a dossier open now, `overdue_from` (null while its clock
 * stopped before its appointment: waiting for a supplement or suspended, never overdue meanwhile);
 * for a dossier closed since, its appointment `clock_due_at` (the periods it was in progress are over).
 * That instant is
 *   CASE WHEN closed_at IS NULL THEN overdue_from ELSE clock_due_at END
 * (the statistics query's `appointment` in apps/server/src/modules/reports/reports.repository.ts
 * and the domain's `reportAppointmentOf` say the same). The aggregates' `due` (its local day) and
 * `due_closed` (the later of that day and the close's) now bucket it, NULL in no bucket (never
 * overdue); the triggers of migration 0008 are redefined with `overdue_from` among the columns
 * they watch (a supplement request changes it alone), and the aggregates are rebuilt from the rows.
 * The index of open dossiers' appointments (migration 0014) follows the column compared.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, source] of Object.entries(sources)) {
    await sql.raw(`
      CREATE OR REPLACE FUNCTION motcua_report_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${add(source)};
        RETURN NULL;
      END $fn$`).execute(db);
  }
  await rebuild(db);
  // Today's part of a report as of now finds the open dossiers overdue since earlier today by this.
  await sql`DROP INDEX IF EXISTS dossiers_open_appointment_idx`.execute(db);
  await sql`CREATE INDEX dossiers_open_overdue_from_idx ON dossiers (agency_id, overdue_from) WHERE closed_at IS NULL`.execute(db);
}

/** The aggregates rebuilt from the rows, as the triggers add them (a test compares the two). */
export async function rebuild(db: Kysely<unknown>): Promise<void> {
  await sql`TRUNCATE report_daily, report_monthly`.execute(db);
  await sql.raw(add(`SELECT ${columns}, 1 AS sign FROM dossiers WHERE received_at IS NOT NULL`)).execute(db);
}

const columns = 'agency_id, field, procedure_code, channel, received_at, digitized, closed_at, result_at, result_class, clock_due_at, overdue_from';
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

/** One statement adding the contributions of the rows of `source` (each times its `sign`) to both tables. */
const add = (source: string) => `
  WITH counted AS (
    SELECT x.*, CASE WHEN x.closed_at IS NULL THEN x.overdue_from ELSE x.clock_due_at END AS compared FROM (${source}) x
  ), days AS MATERIALIZED (
    SELECT x.agency_id, x.field, x.procedure_code, x.channel, v.day,
           ${sums.split(', ').map((c) => `sum(v.${c}) AS ${c}`).join(', ')}
      FROM counted x
     CROSS JOIN LATERAL (VALUES
       (motcua_local_date(x.received_at), x.sign, CASE WHEN x.digitized THEN x.sign ELSE 0 END, 0, 0, 0, 0, 0, 0),
       -- STRICT: no close, no row (the day is NULL and filtered out below).
       (motcua_local_date(x.closed_at), 0, 0,
        CASE WHEN x.closed_at = x.result_at AND x.result_class = 'ahead' THEN x.sign ELSE 0 END,
        CASE WHEN x.closed_at = x.result_at AND x.result_class = 'on_time' THEN x.sign ELSE 0 END,
        CASE WHEN x.closed_at = x.result_at AND x.result_class = 'overdue' THEN x.sign ELSE 0 END,
        CASE WHEN x.result_at IS NULL OR x.closed_at <> x.result_at THEN x.sign ELSE 0 END, 0, 0),
       -- No instant to compare with (a clock stopped before the appointment): never overdue, no row.
       (motcua_local_date(x.compared), 0, 0, 0, 0, 0, 0, x.sign, 0),
       -- greatest() skips NULLs: both instants must be there.
       (CASE WHEN x.closed_at IS NOT NULL AND x.compared IS NOT NULL
             THEN greatest(motcua_local_date(x.compared), motcua_local_date(x.closed_at)) END, 0, 0, 0, 0, 0, 0, 0, x.sign)
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
  ${upsert}`;

