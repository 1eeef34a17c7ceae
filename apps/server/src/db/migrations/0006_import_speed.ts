import { sql, type Kysely } from 'kysely';

/**
 * Imports at scale: an imported line's content hash is unique (the same dossier twice is skipped
 * by the database itself, even from two batches at once); the action log loses an index that no
 * query uses (every read of the log goes through (dossier_id, seq)); the counters' index leaves
 * out imported history, which has no counter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS dossier_events_at_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS dossiers_import_hash_idx`.execute(db);
  await sql`CREATE UNIQUE INDEX dossiers_import_hash_key ON dossiers (import_hash) WHERE import_hash IS NOT NULL`.execute(db);
  // Imported history has no counter: the tracking book's index need not hold it.
  await sql`DROP INDEX IF EXISTS dossiers_counter_received_idx`.execute(db);
  await sql`CREATE INDEX dossiers_counter_received_idx ON dossiers (counter_id, received_at) WHERE counter_id IS NOT NULL`.execute(db);
}
