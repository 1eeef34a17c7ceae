/**
 * SQL of the public catalogue search (docs/rules/catalogue-search.md) and of its vocabulary. The
 * query's readings come from the domain (`readCatalogueQuery`); here each version in force gets the
 * best rank any reading earns, and the list is ordered by it.
 */
import type { CatalogueSearchQuery, Fee, LegalProcessingTime } from '@motcua/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { filterConditions, type CatalogueFilter, type CatalogueItemRow } from './procedures.repository.ts';

export interface SearchTermRow {
  kind: 'ignored' | 'synonym';
  phrase: string;
  means: string[];
}

/** The vocabulary as loaded, in the file's order. */
export async function readSearchTerms(db: Kysely<Database>): Promise<SearchTermRow[]> {
  const rows = await db.selectFrom('catalogue_search_terms').select(['kind', 'phrase', 'means']).orderBy('position').execute();
  return rows.map((r) => ({ kind: r.kind, phrase: r.phrase, means: r.means }));
}

export async function replaceSearchTerms(db: Kysely<Database>, rows: readonly SearchTermRow[]): Promise<void> {
  await db.deleteFrom('catalogue_search_terms').execute();
  if (rows.length === 0) return;
  await db.insertInto('catalogue_search_terms').values(rows.map((r, position) => ({ position, kind: r.kind, phrase: r.phrase, means: r.means }))).execute();
}

interface RankedRow {
  id: string; procedure_code: string; name: string; field: string; levels: string[]; processing_time: LegalProcessingTime;
  fee: Fee; fully_online: boolean; version: number; valid_from: string | null; total: number;
}

const toItem = (r: RankedRow): CatalogueItemRow => ({
  id: r.id, code: r.procedure_code, name: r.name, field: r.field, levels: r.levels, processingTime: r.processing_time,
  fee: r.fee, fullyOnline: r.fully_online, version: r.version, validFrom: r.valid_from,
});

/**
 * Procedures in force on a date, filtered, and, with a query, searched. Each version takes the
 * best rank any reading of the query earns, best first:
 *   0 the code itself · 1 the name is the reading · 2 every word of the reading is a whole word of
 *   the name · 3 the code contains the query · 4 every word is a whole word of the name or field ·
 *   5 every word is at least the start of one (words under three letters still whole) · 6 at least
 *   half the words (one of two letters or more among them) are whole words there · 7 close by
 *   strict trigram word similarity (pg_trgm, at least 0.5: typos); nothing else is listed.
 * Within a rank: a larger share of whole words, then the trigram similarity of the best reading and
 * the name (a shorter name that says the same ranks first), then the folded name and the code, the same on
 * every database. Words are compared on the folded text with punctuation as a space, so "tru" is
 * not found in "truoc". The catalogue in force is small (a few thousand rows): this is one scan.
 */
export async function searchCatalogue(
  db: Kysely<Database>,
  filter: Omit<CatalogueFilter, 'q'> & { query?: CatalogueSearchQuery | undefined; limit: number; offset: number },
): Promise<{ items: CatalogueItemRow[]; total: number }> {
  const where = sql.join(filterConditions(filter), sql` AND `);
  const columns = sql`v.id, v.procedure_code, v.name, v.field, v.levels, v.processing_time, v.fee, v.fully_online, v.version, v.valid_from`;
  const query = filter.query;
  if (!query || query.readings.length === 0) {
    const rows = await sql<RankedRow>`
      SELECT ${columns}, count(*) OVER ()::int AS total FROM procedure_versions v WHERE ${where}
      ORDER BY v.name_folded, v.name COLLATE "C", v.procedure_code
      LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db);
    return { items: rows.rows.map(toItem), total: await totalOf(db, rows.rows, filter.offset, sql`SELECT count(*)::int AS n FROM procedure_versions v WHERE ${where}`) };
  }
  const code = query.folded;
  // Typos: versions close to a reading by strict trigram word similarity (pg_trgm's `<<%`, threshold
  // 0.5), found through the trigram index rather than computed for every version.
  // The readings' words are split once (`words`); each version then looks each word up in its
  // stored, space-padded words (migration 0048) and keeps its best reading.
  const ranked = sql`
    WITH words AS (
      SELECT r.n AS reading_no, r.reading, ' ' || w || ' ' AS whole, ' ' || w AS start, length(w) AS letters
      FROM jsonb_array_elements_text(${JSON.stringify(query.readings)}::jsonb) WITH ORDINALITY AS r(reading, n)
      CROSS JOIN LATERAL unnest(string_to_array(r.reading, ' ')) AS w
    ),
    close AS (SELECT DISTINCT c.id FROM (SELECT DISTINCT reading FROM words) r JOIN procedure_versions c ON r.reading <<% c.search_text)
    SELECT ${columns}, v.name_folded, m.tier, m.whole, similarity(m.reading, v.name_folded) AS closeness
    FROM procedure_versions v
    CROSS JOIN LATERAL (
      SELECT CASE
          WHEN lower(v.procedure_code) = ${code} THEN 0
          WHEN v.name_words = ' ' || c.reading || ' ' THEN 1
          WHEN c.in_name = c.words THEN 2
          WHEN length(${code}) >= 4 AND strpos(lower(v.procedure_code), ${code}) > 0 THEN 3
          WHEN c.whole = c.words THEN 4
          WHEN c.started = c.words THEN 5
          WHEN c.strong > 0 AND c.whole * 2 >= c.words THEN 6
          WHEN v.id IN (SELECT id FROM close) THEN 7
        END AS tier,
        c.whole::float / c.words AS whole, c.reading
      FROM (
        SELECT x.reading_no, min(x.reading) AS reading, count(*) AS words,
          count(*) FILTER (WHERE x.in_name) AS in_name, count(*) FILTER (WHERE x.hit) AS whole,
          count(*) FILTER (WHERE x.hit OR x.begun) AS started, count(*) FILTER (WHERE x.hit AND x.letters >= 2) AS strong
        FROM (
          SELECT reading_no, reading, letters, strpos(v.name_words, whole) > 0 AS in_name, strpos(v.search_words, whole) > 0 AS hit,
            letters >= 3 AND strpos(v.search_words, start) > 0 AS begun
          FROM words OFFSET 0
        ) x
        GROUP BY x.reading_no
      ) c
      ORDER BY 1 NULLS LAST, 2 DESC, c.reading_no
      LIMIT 1
    ) m
    WHERE m.tier IS NOT NULL AND ${where}`;
  // The planner cannot know that a query has a handful of words: its estimate of this per-version
  // lookup is high enough for PostgreSQL to JIT-compile the query, which costs more than the search.
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL jit = off`.execute(tx);
    const rows = await sql<RankedRow>`
      SELECT *, count(*) OVER ()::int AS total FROM (${ranked}) AS ranked
      ORDER BY tier, whole DESC, closeness DESC, name_folded, name COLLATE "C", procedure_code
      LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(tx);
    return {
      items: rows.rows.map(toItem),
      total: await totalOf(tx, rows.rows, filter.offset, sql`SELECT count(*)::int AS n FROM (${ranked}) AS ranked`),
    };
  });
}

/** The total from the page's rows, or counted apart when the page is past the end. */
async function totalOf(db: Kysely<Database>, rows: readonly RankedRow[], offset: number, count: RawBuilder<unknown>): Promise<number> {
  if (rows.length > 0 || offset === 0) return Number(rows[0]?.total ?? 0);
  const r = await sql<{ n: number }>`${count}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
