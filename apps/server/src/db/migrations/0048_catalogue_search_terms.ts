import { sql, type Kysely } from 'kysely';

/**
 * The public catalogue search (docs/rules/catalogue-search.md):
 * - the province's search vocabulary: words a search ignores, and phrases people type
 *   (abbreviations, everyday words) with what they mean in the catalogue's words; loaded whole from
 *   a bundle's `search-terms.json`, in the file's order;
 * - each version's words, folded, punctuation turned into spaces and padded with a space at both
 *   ends, so that "is `tru` a whole word" is one `strpos(search_words, ' tru ')`. Computed once when
 *   the version is stored, not for every row of every search.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE catalogue_search_terms (
      position integer PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('ignored', 'synonym')),
      phrase text NOT NULL,
      means text[] NOT NULL DEFAULT '{}',
      CHECK (kind = 'ignored' OR cardinality(means) > 0)
    )`.execute(db);

  await sql`
    ALTER TABLE procedure_versions
      ADD COLUMN name_words text GENERATED ALWAYS AS
        (' ' || btrim(regexp_replace(motcua_fold(name), '[^a-z0-9]+', ' ', 'g')) || ' ') STORED,
      ADD COLUMN search_words text GENERATED ALWAYS AS
        (' ' || btrim(regexp_replace(motcua_fold(procedure_code || ' ' || name || ' ' || field), '[^a-z0-9]+', ' ', 'g')) || ' ') STORED`.execute(db);

  // As in 0002, with the two new generated columns left out of the comparison (not yet computed in NEW).
  await sql`
    CREATE OR REPLACE FUNCTION motcua_procedure_version_frozen() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'procedure.version_frozen: procedure versions are never deleted' USING ERRCODE = 'P0001';
      END IF;
      -- Generated columns are not yet computed in NEW here; they follow the content anyway.
      IF (to_jsonb(NEW) - '{valid_to,status,replaced_by,end_note,name_folded,search_text,name_words,search_words}'::text[])
         IS DISTINCT FROM (to_jsonb(OLD) - '{valid_to,status,replaced_by,end_note,name_folded,search_text,name_words,search_words}'::text[]) THEN
        RAISE EXCEPTION 'procedure.version_frozen: the content of procedure version % is frozen; add a new version', OLD.id USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$
  `.execute(db);
}
