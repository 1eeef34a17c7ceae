import { sql, type Kysely } from 'kysely';

/**
 * The versioned procedure catalogue (docs/rules/agencies-and-catalogue.md). Dossiers reference `procedure_versions.id`, so a
 * version's content is frozen: the database refuses to change anything but its end (valid_to,
 * status, replaced_by, end_note) and refuses deletes. The current version is derived (highest number).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE procedures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      code_verified boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE procedure_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      procedure_code text NOT NULL REFERENCES procedures(code),
      version integer NOT NULL CHECK (version >= 1),
      name text NOT NULL,
      field text NOT NULL,
      levels text[] NOT NULL,
      agency_codes text[] NOT NULL DEFAULT '{}',
      processing_time jsonb NOT NULL,
      restart_after_supplement boolean NOT NULL DEFAULT false,
      late_receipt_window_minutes integer,
      fee jsonb NOT NULL,
      components jsonb NOT NULL,
      result_type text,
      legal_basis text,
      fully_online boolean NOT NULL,
      inter_agency jsonb NOT NULL DEFAULT '[]'::jsonb,
      workflow jsonb NOT NULL,
      valid_from date,
      valid_to date,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'amended', 'replaced', 'abolished')),
      replaced_by text,
      -- Why the version ended (abolition or replacement decision), recorded with its end.
      end_note text,
      content_hash text NOT NULL,
      change_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- Folded (lower case, no diacritics, đ → d) for search "dang ky khai sinh" = "Đăng ký khai sinh".
      name_folded text GENERATED ALWAYS AS (motcua_fold(name)) STORED,
      search_text text GENERATED ALWAYS AS (motcua_fold(procedure_code || ' ' || name || ' ' || field)) STORED,
      UNIQUE (procedure_code, version),
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from),
      CHECK ((status = 'replaced') = (replaced_by IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX procedure_versions_validity_idx ON procedure_versions (valid_from, valid_to)`.execute(db);
  await sql`CREATE INDEX procedure_versions_field_idx ON procedure_versions (field)`.execute(db);

  // Frozen content: only the end of a version (valid_to, status, replaced_by, end_note) may be recorded after it is stored.
  await sql`
    CREATE OR REPLACE FUNCTION motcua_procedure_version_frozen() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'procedure.version_frozen: procedure versions are never deleted' USING ERRCODE = 'P0001';
      END IF;
      -- Generated columns are not yet computed in NEW here; they follow the content anyway.
      IF (to_jsonb(NEW) - '{valid_to,status,replaced_by,end_note,name_folded,search_text}'::text[])
         IS DISTINCT FROM (to_jsonb(OLD) - '{valid_to,status,replaced_by,end_note,name_folded,search_text}'::text[]) THEN
        RAISE EXCEPTION 'procedure.version_frozen: the content of procedure version % is frozen; add a new version', OLD.id USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER procedure_versions_frozen BEFORE UPDATE OR DELETE ON procedure_versions
    FOR EACH ROW EXECUTE FUNCTION motcua_procedure_version_frozen()`.execute(db);
}
