import { sql, type Kysely } from 'kysely';

/**
 * Legacy codes and honest ratings (docs/rules/dossier-lifecycle.md, docs/rules/service-quality.md).
 *
 * A dossier code is unique whatever its letters' case: an imported `gt-x19-039574` and
 * `GT-X19-039574` would be the same code read out by a citizen. The plain unique constraint on
 * `code` becomes a unique index on `upper(code)`, which every lookup by code uses.
 *
 * A rating needs a proof that the rater is the applicant. Besides the security code of an online
 * receipt, form 01 carries a one-time rating token as a QR code: only its SHA-256 is kept, with
 * who printed it, and it is spent by the rating it proves. The rating records which proof it had.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dossiers DROP CONSTRAINT IF EXISTS dossiers_code_key`.execute(db);
  await sql`CREATE UNIQUE INDEX dossiers_code_key ON dossiers (upper(code))`.execute(db);

  await sql`
    CREATE TABLE dossier_rating_tokens (
      token_hash text PRIMARY KEY,
      dossier_id bigint NOT NULL REFERENCES dossiers(id),
      issued_at timestamptz NOT NULL DEFAULT now(),
      issued_by uuid,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX dossier_rating_tokens_dossier_idx ON dossier_rating_tokens (dossier_id)`.execute(db);
  await sql`ALTER TABLE dossier_ratings ADD COLUMN proof text CHECK (proof IN ('security_code', 'token'))`.execute(db);
}
