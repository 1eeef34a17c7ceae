import { sql, type Kysely } from 'kysely';

/** Agencies, staff, sessions, sign-in throttling and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper naming its dictionary can be indexed.
  await sql`
    CREATE OR REPLACE FUNCTION motcua_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, input)), '\\s+', ' ', 'g')) $$
  `.execute(db);

  await sql`
    CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      level text NOT NULL,
      parent_id uuid REFERENCES agencies(id),
      path text NOT NULL UNIQUE,
      valid_from date,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agencies_parent_idx ON agencies (parent_id)`.execute(db);
  await sql`CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops)`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      full_name text NOT NULL,
      email text,
      phone text,
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_idx ON users (lower(username))`.execute(db);

  await sql`
    CREATE TABLE role_assignments (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('officer', 'specialist', 'leader', 'manager', 'admin')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (user_id, role, agency_id)
    )`.execute(db);
  await sql`CREATE INDEX role_assignments_agency_idx ON role_assignments (agency_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`.execute(db);

  await sql`
    CREATE TABLE login_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL,
      ip text,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX login_failures_username_idx ON login_failures (lower(username), at)`.execute(db);
  await sql`CREATE INDEX login_failures_ip_idx ON login_failures (ip, at)`.execute(db);

  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_kind text NOT NULL,
      actor_id text,
      actor_name text,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      agency_id uuid,
      ip text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at)`.execute(db);
  await sql`CREATE INDEX audit_events_agency_idx ON audit_events (agency_id, at)`.execute(db);
  await sql`CREATE INDEX audit_events_at_idx ON audit_events (at)`.execute(db);
  // Append-only: updates and deletes are refused by the database itself, whoever asks.
  await sql`
    CREATE OR REPLACE FUNCTION motcua_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'audit.immutable: % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001'; END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
}
