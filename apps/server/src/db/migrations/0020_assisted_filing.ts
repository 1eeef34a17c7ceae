import { sql, type Kysely } from 'kysely';

/**
 * Assisted online filing (docs/rules/assisted-filing.md): an officer or a community helper
 * prepares an online dossier that the applicant confirms.
 *
 * - the community helper (`helper`, tổ công nghệ số cộng đồng) becomes a staff role;
 * - a dossier remembers who prepared it (`prepared_by`): a helper sees only those;
 * - `dossier_confirmation_codes`: the six-digit one-time codes sent to the applicant. Only a salted
 *   SHA-256 is kept, with its expiry, the wrong attempts counted (5 lock the code), and when it was
 *   used, voided by a newer code, or locked. At most one code of a dossier is live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE role_assignments DROP CONSTRAINT IF EXISTS role_assignments_role_check`.execute(db);
  await sql`
    ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check
      CHECK (role IN ('officer', 'specialist', 'leader', 'manager', 'admin', 'helper'))`.execute(db);

  await sql`ALTER TABLE dossiers ADD COLUMN prepared_by uuid REFERENCES users(id)`.execute(db);
  await sql`CREATE INDEX dossiers_prepared_by_idx ON dossiers (prepared_by) WHERE prepared_by IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE dossier_confirmation_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id bigint NOT NULL REFERENCES dossiers(id),
      salt text NOT NULL,
      code_hash text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      destination_masked text NOT NULL,
      issued_by uuid REFERENCES users(id),
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      locked_at timestamptz,
      used_at timestamptz,
      voided_at timestamptz
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX dossier_confirmation_codes_live_idx ON dossier_confirmation_codes (dossier_id)
      WHERE used_at IS NULL AND voided_at IS NULL`.execute(db);
}
