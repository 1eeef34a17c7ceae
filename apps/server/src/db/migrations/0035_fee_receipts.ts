import { sql, type Kysely } from 'kysely';

/**
 * Counter payments and their electronic receipts (docs/rules/payments.md).
 * - `fee_entries.legal_basis`: the legal basis of a waiver (the decision or article that exempts).
 * - `signed_documents.kind` gains `fee_receipt` (biên lai điện tử thu phí, lệ phí).
 * - `fee_receipts`: the signed receipt of a payment entry. The ledger is append-only, so the link
 *   lives here; one signed receipt per entry (a second signing of the same entry is refused).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE fee_entries ADD COLUMN legal_basis text`.execute(db);
  await sql`ALTER TABLE signed_documents DROP CONSTRAINT signed_documents_kind_check`.execute(db);
  await sql`
    ALTER TABLE signed_documents ADD CONSTRAINT signed_documents_kind_check
    CHECK (kind IN ('dossier_result', 'rejection_decision', 'form', 'outgoing', 'report', 'fee_receipt'))`.execute(db);
  await sql`
    CREATE TABLE fee_receipts (
      entry_id uuid PRIMARY KEY REFERENCES fee_entries(id),
      signed_document_id text NOT NULL UNIQUE REFERENCES signed_documents(id),
      created_at timestamptz NOT NULL
    )`.execute(db);
}
