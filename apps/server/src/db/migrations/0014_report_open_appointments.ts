import { sql, type Kysely } from 'kysely';

/**
 * A report on a period that is not over counts up to the instant it is made (docs/rules/statistics.md,
 * "The end instant"): the whole days before today from the aggregates, today's part from the
 * dossier rows. Among those, the dossiers still open whose appointment fell today before now
 * (overdue since then) are found by this index: open dossiers only, so it stays small.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX dossiers_open_appointment_idx ON dossiers (agency_id, clock_due_at) WHERE closed_at IS NULL`.execute(db);
}
