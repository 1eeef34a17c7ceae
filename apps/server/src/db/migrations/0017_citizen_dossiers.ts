import { sql, type Kysely } from 'kysely';

/**
 * "Hồ sơ của tôi" (docs/my-dossiers.md): a dossier is a signed-in citizen's when its applicant is
 * their identity (personal ID number, or a business's tax code) or when they submitted it while
 * signed in. The submitter is recorded on the dossier; two partial indexes serve the citizen's
 * list newest first, one per way a dossier can be theirs (the planner ORs them in a bitmap or
 * reads each in order), and the applicant one replaces the plain index on the ID number.
 *
 * A rating proven by the signed-in applicant's e-ID records the proof `eid`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN submitter_citizen_id uuid REFERENCES citizens(id)`.execute(db);
  await sql`
    CREATE INDEX dossiers_applicant_submitted_idx ON dossiers (applicant_id_number, submitted_at DESC, id DESC)
    WHERE applicant_id_number IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS dossiers_applicant_id_idx`.execute(db);
  await sql`
    CREATE INDEX dossiers_submitter_submitted_idx ON dossiers (submitter_citizen_id, submitted_at DESC, id DESC)
    WHERE submitter_citizen_id IS NOT NULL`.execute(db);

  await sql`ALTER TABLE dossier_ratings DROP CONSTRAINT IF EXISTS dossier_ratings_proof_check`.execute(db);
  await sql`ALTER TABLE dossier_ratings ADD CONSTRAINT dossier_ratings_proof_check CHECK (proof IN ('security_code', 'token', 'eid'))`.execute(db);
}
