import { sql, type Kysely } from 'kysely';

/**
 * Citizens' and businesses' accounts, known from their e-ID (docs/rules/citizen-identity.md), and
 * their sessions, kept apart from staff ones: a staff cookie is never looked up here and a
 * citizen's never in `sessions`.
 *
 * An account is keyed by the provider's issuer and subject; what the provider vouched for at the
 * latest sign-in is kept with it (claims change: a new address, a new phone). The session keeps
 * the ID token for the provider's logout (id_token_hint) and the refresh token, so that a session
 * can be renewed at the provider and ended there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE citizens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      issuer text NOT NULL,
      subject text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('citizen', 'business')),
      full_name text NOT NULL,
      personal_id text CHECK (personal_id ~ '^[0-9]{12}$'),
      birth_date date,
      gender text CHECK (gender IN ('male', 'female')),
      address text,
      phone text,
      email text,
      eid_level smallint NOT NULL CHECK (eid_level IN (1, 2)),
      organization_name text,
      tax_code text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_signed_in_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (issuer, subject)
    )`.execute(db);
  await sql`CREATE INDEX citizens_personal_id_idx ON citizens (personal_id) WHERE personal_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX citizens_tax_code_idx ON citizens (tax_code) WHERE tax_code IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE citizen_sessions (
      id text PRIMARY KEY,
      citizen_id uuid NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      id_token text,
      refresh_token text,
      access_expires_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id)`.execute(db);
  await sql`CREATE INDEX citizen_sessions_expires_idx ON citizen_sessions (expires_at)`.execute(db);
}
