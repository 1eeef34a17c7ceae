import { sql, type Kysely } from 'kysely';

/**
 * Documents meant to be signed (docs/rules/results.md): a dossier's electronic result, a refusal
 * decision, a form, an outgoing document, a report. `id` is the public id of the verification
 * page `/xac-thuc/<id>` (16 random base32 letters: unguessable, so the list of documents cannot be
 * walked). Each signature replaces the stored bytes (`storage_key`, `sha256`: the current file)
 * and appends one entry to `signatures`; `status` follows unsigned → signed_by_person → signed.
 * `signature_slot` is where the document left room for the signature image (a PageRect in PDF
 * points), absent for a PDF laid out elsewhere. A dossier's result replaced before it was signed
 * keeps its row with `superseded_at` (its QR still answers, saying it was replaced); at most one
 * current result per dossier. `result_file_id` is the `files` row of the signed result handed to
 * the applicant ("Hồ sơ của tôi", the data store).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signed_documents (
      id text PRIMARY KEY CHECK (id ~ '^[a-z2-7]{16}$'),
      kind text NOT NULL CHECK (kind IN ('dossier_result', 'rejection_decision', 'form', 'outgoing', 'report')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      dossier_id bigint REFERENCES dossiers(id),
      number text,
      title text NOT NULL,
      file_name text NOT NULL,
      storage_key text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      status text NOT NULL DEFAULT 'unsigned' CHECK (status IN ('unsigned', 'signed_by_person', 'signed')),
      signature_slot jsonb,
      signatures jsonb NOT NULL DEFAULT '[]',
      result_file_id uuid REFERENCES files(id),
      created_by uuid REFERENCES users(id),
      superseded_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX signed_documents_dossier_idx ON signed_documents (dossier_id) WHERE dossier_id IS NOT NULL`.execute(db);
  await sql`
    CREATE UNIQUE INDEX signed_documents_current_result_idx ON signed_documents (dossier_id)
    WHERE dossier_id IS NOT NULL AND superseded_at IS NULL AND kind IN ('dossier_result', 'rejection_decision')`.execute(db);
}
