import { sql, type Kysely } from 'kysely';

/**
 * The service index counts the overdue dossiers that had an apology letter (form 04), per agency,
 * for any period: resolved overdue in it, or in progress and overdue at its end
 * (service-index.repository.ts, `apologized`). Migration 0044's partial index found those rows but
 * left every one to be read from the table: over a province's ten million dossiers, a hundred
 * thousand scattered heap pages per index. The index now carries every column the two conditions
 * read, so the count is an index-only scan of the apologized rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS dossiers_apology_idx`.execute(db);
  await sql`
    CREATE INDEX dossiers_apology_idx ON dossiers (agency_id, closed_at)
    INCLUDE (received_at, result_at, result_class, overdue_from, clock_due_at)
    WHERE apology_due_at IS NOT NULL`.execute(db);
}
