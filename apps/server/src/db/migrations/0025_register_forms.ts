import { sql, type Kysely } from 'kysely';

/**
 * The forms an agency issues for a dossier (02–05) take their number from its outgoing register
 * (docs/rules/document-office.md), and the register lists them: one `official_documents` row per
 * form issued, found again by `form_key` (the dossier's log row that issued the form), so a reprint
 * shows the number it was given and the register has no gap. Such a row has no uploaded file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE official_documents ADD COLUMN form_key text UNIQUE`.execute(db);
  await sql`ALTER TABLE official_documents ALTER COLUMN file_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE official_documents ADD CONSTRAINT official_documents_file_or_form CHECK (file_id IS NOT NULL OR form_key IS NOT NULL)`.execute(db);
}
