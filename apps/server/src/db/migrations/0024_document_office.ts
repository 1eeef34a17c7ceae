import { sql, type Kysely } from 'kysely';

/**
 * The document office (văn thư, docs/rules/document-office.md): registers of outgoing and
 * incoming documents per agency and year, the documents, and their append-only log.
 *
 * - `document_registers`: one row per agency, year and direction; `last_number` is the last
 *   number given. A number is taken by `INSERT … ON CONFLICT … DO UPDATE … RETURNING` in the
 *   transaction that writes the document, so the row stays locked until it commits: two takers
 *   never share a number and a rolled-back one leaves no gap. The register keeps the agency's
 *   abbreviation it was opened with, so the symbols of a year do not change if the agency is renamed.
 * - `official_documents`: a draft has no number; `(register_id, number)` is unique.
 *   `signed_document_id` names the signed copy (the signed-documents table of the results module),
 *   kept a plain column. `summary_folded` (lower case, no diacritics) is what the register searches.
 * - `official_document_events`: who did what, when; updates and deletes are refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_registers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      year integer NOT NULL CHECK (year BETWEEN 1800 AND 2299),
      direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      agency_abbreviation text NOT NULL CHECK (agency_abbreviation <> ''),
      last_number integer NOT NULL CHECK (last_number >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, year, direction)
    )`.execute(db);

  await sql`
    CREATE TABLE official_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      status text NOT NULL CHECK (status IN ('drafted', 'approved', 'signed', 'issued', 'registered', 'routed', 'handled')),
      document_type text NOT NULL,
      register_id uuid REFERENCES document_registers(id),
      register_year integer,
      number integer CHECK (number > 0),
      symbol text,
      original_number text,
      summary text NOT NULL,
      summary_folded text GENERATED ALWAYS AS (motcua_fold(summary)) STORED,
      issuing_body text,
      recipients text,
      document_date date,
      drafting_unit_id uuid REFERENCES units(id),
      handling_unit_id uuid REFERENCES units(id),
      due_at timestamptz,
      registered_at timestamptz,
      received_at timestamptz,
      approved_at timestamptz,
      signed_at timestamptz,
      issued_at timestamptz,
      handled_at timestamptz,
      created_by uuid NOT NULL REFERENCES users(id),
      signed_by uuid REFERENCES users(id),
      file_id uuid NOT NULL UNIQUE REFERENCES files(id),
      signed_document_id text,
      digitally_signed boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (register_id, number),
      CHECK ((number IS NULL) = (register_id IS NULL)),
      CHECK (direction = 'outgoing' OR number IS NOT NULL),
      CHECK (status <> 'routed' OR (handling_unit_id IS NOT NULL AND due_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX official_documents_agency_idx ON official_documents (agency_id, direction, register_year, number)`.execute(db);
  await sql`CREATE INDEX official_documents_summary_idx ON official_documents USING gin (summary_folded gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX official_documents_open_idx ON official_documents (due_at) WHERE status = 'routed'`.execute(db);
  await sql`CREATE INDEX official_documents_issued_idx ON official_documents (agency_id, issued_at) WHERE status = 'issued'`.execute(db);

  await sql`
    CREATE TABLE official_document_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES official_documents(id),
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      actor_id uuid REFERENCES users(id),
      actor_name text,
      at timestamptz NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX official_document_events_document_idx ON official_document_events (document_id, id)`.execute(db);
  await sql`
    CREATE TRIGGER official_document_events_append_only BEFORE UPDATE OR DELETE ON official_document_events
    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER official_document_events_no_truncate BEFORE TRUNCATE ON official_document_events
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
}
