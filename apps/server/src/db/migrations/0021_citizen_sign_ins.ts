import { sql, type Kysely } from 'kysely';

/**
 * Citizens' sign-ins under way at the e-ID provider (docs/citizen-sign-in.md): one row per
 * redirect to the provider, holding what the callback must check. The `state` sent to the provider
 * is kept only as its SHA-256 (it is also the browser's short-lived binding cookie); the nonce and
 * the PKCE code verifier stay here and never leave the server. `used_at` is set by the one callback
 * that consumes the row, so a state works once; rows are short-lived (`expires_at`, ~10 minutes)
 * and deleted a day after expiry by the next sign-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE citizen_sign_ins (
      state_hash text PRIMARY KEY,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      ip text
    )`.execute(db);
  await sql`CREATE INDEX citizen_sign_ins_expires_idx ON citizen_sign_ins (expires_at)`.execute(db);
}
