import { sql, type Kysely } from 'kysely';

/**
 * "Overdue" as one stored instant (docs/rules/time.md, "Overdue as of now"): `clock_stopped_at`, when
 * the running stop of the clock (supplement requested, suspended) began, and `overdue_from`, the
 * instant from which the dossier is overdue, null when it cannot become overdue now (not received,
 * a result, withdrawn or refused, or a clock stopped before its appointment). Lists and counts
 * filter with `overdue_from < $at`; the use cases store both columns with the appointment, by the
 * domain's `overdueFromOf`. The backfill below is the same rule for the rows already there.
 *
 * The status groups are written out here, as they stand when this migration runs (a migration
 * never changes after it has landed): clock stopped = supplement_requested, paused; closed =
 * resolved, rejected, returned, refused, withdrawn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN clock_stopped_at timestamptz, ADD COLUMN overdue_from timestamptz`.execute(db);
  await backfill(db);
  // The inbox's "overdue" and "due soon" filters and counts.
  await sql`CREATE INDEX dossiers_overdue_from_idx ON dossiers (overdue_from) WHERE overdue_from IS NOT NULL`.execute(db);
}

/** Both columns for the rows already there (a test compares them with what the use cases store). */
export async function backfill(db: Kysely<unknown>): Promise<void> {
  // The running stop began with the latest supplement request or suspension.
  await sql`
    UPDATE dossiers d SET clock_stopped_at = s.at
      FROM (SELECT e.dossier_id, max(e.at) AS at FROM dossier_events e
             WHERE e.action IN ('request_supplement', 'pause') GROUP BY e.dossier_id) s
     WHERE s.dossier_id = d.id AND d.status IN ('supplement_requested', 'paused')`.execute(db);
  await sql`
    UPDATE dossiers SET overdue_from = clock_due_at
     WHERE received_at IS NOT NULL AND clock_due_at IS NOT NULL
       AND result_at IS NULL AND withdrawn_at IS NULL
       AND status NOT IN ('resolved', 'rejected', 'returned', 'refused', 'withdrawn')
       AND (clock_stopped_at IS NULL OR clock_stopped_at >= clock_due_at)`.execute(db);
}
