import { sql, type Kysely } from 'kysely';

/**
 * What the public catalogue shows of a procedure version beyond how a dossier is handled
 * (docs/bundle-format.md): implementing agency, applicants, conditions, ways of submitting and the
 * legal texts, as one JSON object; null when the version gives none of it. Part of the frozen
 * content: the trigger of 0048 compares every column but its listed exceptions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE procedure_versions ADD COLUMN catalogue_details jsonb`.execute(db);
}
