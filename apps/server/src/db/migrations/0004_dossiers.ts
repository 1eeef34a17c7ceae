import { sql, type Kysely } from 'kysely';

/**
 * Dossiers and their append-only action log (docs/rules/dossier-lifecycle.md), uploaded files, daily code counters and
 * idempotency keys. The `dossiers` row is a projection of the log, rewritten in the same
 * transaction as each log row; the log itself is never updated or deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossiers (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      handling_agency_id uuid NOT NULL REFERENCES agencies(id),
      counter_id uuid REFERENCES counters(id),
      procedure_version_id uuid NOT NULL REFERENCES procedure_versions(id),
      procedure_code text NOT NULL,
      field text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
      result_delivery text NOT NULL DEFAULT 'counter' CHECK (result_delivery IN ('counter', 'post', 'online')),
      status text NOT NULL,
      national_status smallint,
      step_index integer,
      participant integer NOT NULL DEFAULT 0,
      assignee_id uuid REFERENCES users(id),
      applicant_kind text NOT NULL CHECK (applicant_kind IN ('citizen', 'organization')),
      applicant_name text NOT NULL,
      applicant_id_number text,
      applicant_phone text,
      applicant_email text,
      applicant_address text,
      applicant jsonb NOT NULL,
      components jsonb NOT NULL DEFAULT '[]'::jsonb,
      sets integer NOT NULL DEFAULT 1 CHECK (sets >= 1),
      fee_amount bigint NOT NULL DEFAULT 0,
      fee_paid boolean NOT NULL DEFAULT false,
      submitted_at timestamptz,
      received_at timestamptz,
      -- The appointment printed on form 01 (hẹn trả kết quả); never recomputed afterwards.
      due_at timestamptz,
      -- The appointment as moved only by pauses (docs/rules/time.md): what classification compares with.
      clock_due_at timestamptz,
      apology_due_at timestamptz,
      result_at timestamptz,
      returned_at timestamptz,
      withdrawn_at timestamptz,
      refused_at timestamptz,
      closed_at timestamptz,
      result_class text CHECK (result_class IN ('ahead', 'on_time', 'overdue')),
      digitized boolean NOT NULL DEFAULT false,
      imported boolean NOT NULL DEFAULT false,
      import_hash text,
      access_secret_hash text,
      lock_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX dossiers_inbox_idx ON dossiers (handling_agency_id, status, clock_due_at)`.execute(db);
  await sql`CREATE INDEX dossiers_agency_received_idx ON dossiers (agency_id, received_at)`.execute(db);
  await sql`CREATE INDEX dossiers_agency_closed_idx ON dossiers (agency_id, closed_at)`.execute(db);
  await sql`CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_id) WHERE assignee_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX dossiers_counter_received_idx ON dossiers (counter_id, received_at)`.execute(db);
  await sql`CREATE INDEX dossiers_applicant_id_idx ON dossiers (applicant_id_number) WHERE applicant_id_number IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE dossier_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id bigint NOT NULL REFERENCES dossiers(id),
      seq integer NOT NULL,
      action text NOT NULL,
      at timestamptz NOT NULL,
      actor_kind text NOT NULL,
      actor_id text,
      actor_name text,
      actor_role text,
      from_status text,
      to_status text NOT NULL,
      step_index integer,
      step_name text,
      participant integer,
      handling_agency_id uuid,
      assignee_id uuid,
      step_due_at timestamptz,
      clock_due_at timestamptz,
      note text,
      reasons jsonb,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      form text,
      request_id text,
      UNIQUE (dossier_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX dossier_events_at_idx ON dossier_events (at)`.execute(db);
  await sql`
    CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change()`.execute(db);

  await sql`
    CREATE TABLE dossier_code_counters (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      local_date date NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (agency_id, local_date)
    )`.execute(db);

  await sql`
    CREATE TABLE files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id bigint REFERENCES dossiers(id),
      purpose text NOT NULL CHECK (purpose IN ('component', 'supplement', 'result', 'attachment')),
      component_index integer,
      original_name text NOT NULL,
      media_type text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      upload_token_hash text,
      uploaded_by_kind text NOT NULL,
      uploaded_by text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX files_dossier_idx ON files (dossier_id)`.execute(db);

  // Satisfaction rating of one dossier's handling: five levels, from very satisfied (5) to very
  // dissatisfied (1) (Decision 766/QĐ-TTg; docs/rules/service-quality.md). One per dossier.
  await sql`
    CREATE TABLE dossier_ratings (
      dossier_id bigint PRIMARY KEY REFERENCES dossiers(id),
      score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
      comment text,
      rated_at timestamptz NOT NULL DEFAULT now(),
      ip text
    )`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`.execute(db);
}
