import { sql, type Kysely } from 'kysely';

/**
 * Incrementally maintained aggregates for the official statistics (docs/rules/statistics.md), so that a year's
 * report over millions of dossiers reads thousands of rows, not millions.
 *
 * Each received dossier contributes, per (receiving agency, field, procedure, channel):
 *   - on the local day of its receipt: received (+ digitized);
 *   - on the local day it closed: resolved ahead / on time / overdue, or withdrawn;
 *   - on the local day of its appointment: due;
 *   - on the later of the two days above, when closed: due_closed.
 * Period boundaries are local midnights, so every comparison of the statistics rules (docs/rules/statistics.md) is one of days:
 *   carriedOver(FROM)  = Σ received[< FROM] − Σ closed[< FROM]
 *   inProgress(TO)     = Σ received[≤ TO] − Σ closed[≤ TO]
 *   inProgressOverdue  = Σ due[≤ TO] − Σ due_closed[≤ TO]   (an appointment is never before receipt)
 * Statement-level triggers keep `report_daily` and `report_monthly` (the same sums by month, for
 * long histories) in step with `dossiers` in the same transaction as the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Local date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), independent of the session time zone.
  await sql`
    CREATE OR REPLACE FUNCTION motcua_local_date(ts timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date $$`.execute(db);

  for (const table of ['report_daily', 'report_monthly']) {
    await sql`
      CREATE TABLE ${sql.raw(table)} (
        agency_id uuid NOT NULL,
        field text NOT NULL,
        procedure_code text NOT NULL,
        channel text NOT NULL,
        day date NOT NULL,
        received integer NOT NULL DEFAULT 0,
        digitized integer NOT NULL DEFAULT 0,
        resolved_ahead integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        resolved_overdue integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        due integer NOT NULL DEFAULT 0,
        due_closed integer NOT NULL DEFAULT 0,
        PRIMARY KEY (agency_id, day, field, procedure_code, channel)
      )`.execute(db);
  }

  // The contribution rows of a set of dossiers, each multiplied by `sign` (+1 new, −1 old).
  const contributions = (source: string, bucket: (day: string) => string) => `
    SELECT agency_id, field, procedure_code, channel, ${bucket('motcua_local_date(received_at)')} AS day,
           sign AS received, CASE WHEN digitized THEN sign ELSE 0 END AS digitized,
           0 AS resolved_ahead, 0 AS resolved_on_time, 0 AS resolved_overdue, 0 AS withdrawn, 0 AS due, 0 AS due_closed
      FROM ${source} WHERE received_at IS NOT NULL
    UNION ALL
    SELECT agency_id, field, procedure_code, channel, ${bucket('motcua_local_date(closed_at)')}, 0, 0,
           CASE WHEN closed_at = result_at AND result_class = 'ahead' THEN sign ELSE 0 END,
           CASE WHEN closed_at = result_at AND result_class = 'on_time' THEN sign ELSE 0 END,
           CASE WHEN closed_at = result_at AND result_class = 'overdue' THEN sign ELSE 0 END,
           CASE WHEN result_at IS NULL OR closed_at <> result_at THEN sign ELSE 0 END, 0, 0
      FROM ${source} WHERE received_at IS NOT NULL AND closed_at IS NOT NULL
    UNION ALL
    SELECT agency_id, field, procedure_code, channel, ${bucket('motcua_local_date(clock_due_at)')}, 0, 0, 0, 0, 0, 0, sign, 0
      FROM ${source} WHERE received_at IS NOT NULL AND clock_due_at IS NOT NULL
    UNION ALL
    SELECT agency_id, field, procedure_code, channel,
           ${bucket('greatest(motcua_local_date(clock_due_at), motcua_local_date(closed_at))')}, 0, 0, 0, 0, 0, 0, 0, sign
      FROM ${source} WHERE received_at IS NOT NULL AND closed_at IS NOT NULL AND clock_due_at IS NOT NULL`;

  const upsert = (table: string, source: string, bucket: (day: string) => string) => `
    INSERT INTO ${table} AS t (agency_id, field, procedure_code, channel, day, received, digitized, resolved_ahead,
                               resolved_on_time, resolved_overdue, withdrawn, due, due_closed)
    SELECT agency_id, field, procedure_code, channel, day, sum(received), sum(digitized), sum(resolved_ahead),
           sum(resolved_on_time), sum(resolved_overdue), sum(withdrawn), sum(due), sum(due_closed)
      FROM (${contributions(source, bucket)}) c
     GROUP BY agency_id, day, field, procedure_code, channel
     -- A fixed lock order, so that concurrent writers never deadlock on aggregate rows.
     ORDER BY agency_id, day, field, procedure_code, channel
    ON CONFLICT (agency_id, day, field, procedure_code, channel) DO UPDATE SET
      received = t.received + EXCLUDED.received, digitized = t.digitized + EXCLUDED.digitized,
      resolved_ahead = t.resolved_ahead + EXCLUDED.resolved_ahead, resolved_on_time = t.resolved_on_time + EXCLUDED.resolved_on_time,
      resolved_overdue = t.resolved_overdue + EXCLUDED.resolved_overdue, withdrawn = t.withdrawn + EXCLUDED.withdrawn,
      due = t.due + EXCLUDED.due, due_closed = t.due_closed + EXCLUDED.due_closed`;

  const daily = (d: string) => d;
  const monthly = (d: string) => `date_trunc('month', ${d})::date`;
  const columns = 'agency_id, field, procedure_code, channel, received_at, digitized, closed_at, result_at, result_class, clock_due_at';
  // Transition tables are only visible in the trigger function itself: do the work there.
  for (const [name, op, body] of [
    ['insert', 'INSERT', `(SELECT ${columns}, 1 AS sign FROM new_rows WHERE received_at IS NOT NULL) x`],
    ['delete', 'DELETE', `(SELECT ${columns}, -1 AS sign FROM old_rows WHERE received_at IS NOT NULL) x`],
    ['update', 'UPDATE', `(
        SELECT ${columns.split(', ').map((c) => `n.${c}`).join(', ')}, 1 AS sign
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.${columns.split(', ').join(', n.')}) IS DISTINCT FROM (o.${columns.split(', ').join(', o.')})
        UNION ALL
        SELECT ${columns.split(', ').map((c) => `o.${c}`).join(', ')}, -1 AS sign
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.${columns.split(', ').join(', n.')}) IS DISTINCT FROM (o.${columns.split(', ').join(', o.')})
      ) x`],
  ] as const) {
    const referencing = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
    await sql.raw(`
      CREATE OR REPLACE FUNCTION motcua_report_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${upsert('report_daily', body, daily)};
        ${upsert('report_monthly', body, monthly)};
        RETURN NULL;
      END $fn$`).execute(db);
    await sql.raw(`
      CREATE TRIGGER dossiers_report_${name} AFTER ${op} ON dossiers
      REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION motcua_report_${name}()`).execute(db);
  }

  // Figures reported beside the main table (refusals at intake, ratings) read the dossiers directly.
  await sql`CREATE INDEX dossiers_refused_idx ON dossiers (agency_id, refused_at) WHERE refused_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX dossier_ratings_rated_idx ON dossier_ratings (rated_at)`.execute(db);
  // Imports find a line loaded before (a file run twice) by its content.
  await sql`CREATE INDEX dossiers_import_hash_idx ON dossiers (import_hash) WHERE import_hash IS NOT NULL`.execute(db);

  // Backfill from the dossiers already there.
  const all = `(SELECT ${columns}, 1 AS sign FROM dossiers WHERE received_at IS NOT NULL) x`;
  await sql.raw(upsert('report_daily', all, daily)).execute(db);
  await sql.raw(upsert('report_monthly', all, monthly)).execute(db);
}
