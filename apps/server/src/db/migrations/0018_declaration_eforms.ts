import { sql, type Kysely } from 'kysely';

/**
 * Interactive e-forms (docs/eforms.md). A procedure version may carry its declaration form: a
 * column of the version's content, so the trigger of 0002 freezes it with the rest (it compares
 * the whole row but the end columns). A dossier keeps the declaration filled on it (answers and
 * the keys verified by the e-ID), the form it was filled on (`id@version`), and its answers as
 * one text, found by the staff's search through a trigram index on the folded text (a new
 * nullable column without default: no table rewrite; the index holds only dossiers that have one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE procedure_versions ADD COLUMN declaration jsonb`.execute(db);
  await sql`
    ALTER TABLE dossiers
      ADD COLUMN declaration jsonb,
      ADD COLUMN declaration_form text,
      ADD COLUMN declaration_text text,
      ADD CONSTRAINT dossiers_declaration_form_check CHECK ((declaration IS NULL) = (declaration_form IS NULL))`.execute(db);
  await sql`
    CREATE INDEX dossiers_declaration_search_idx ON dossiers USING gin (motcua_fold(declaration_text) gin_trgm_ops)
    WHERE declaration_text IS NOT NULL`.execute(db);
}
