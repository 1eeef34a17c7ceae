import { sql, type Kysely } from 'kysely';

/**
 * The service index of Decision 766/QĐ-TTg (docs/rules/service-quality.md, "The service index").
 *
 * 1. `service_index_versions`: the weights and targets of the indicators as versioned data. A
 *    version takes effect on the first day of a month and is never changed or deleted; a period is
 *    scored with the latest version effective at or before its first day. Version 1 holds the
 *    defaults (`defaultIndicatorSettings` of the domain, written out here as they were when this
 *    migration was made: a migration never changes), effective from 01/08/2022.
 *
 * 2. `service_index_daily`: per receiving agency and local day, the figures of the index that live
 *    outside the dossier rows, kept in step by statement triggers in the same transaction as the
 *    change (like the report aggregates of migration 0005), so that an index over a year of a
 *    province reads a few thousand rows:
 *    - `ratings`, `ratings_satisfied` (4–5), `rating_points`: ratings, on the day they were made,
 *      at the rated dossier's agency (dossier_ratings);
 *    - `results_signed`: a dossier's result or refusal decision fully signed (person and seal), on
 *      the day it became so (its `updated_at` then), at the dossier's agency (signed_documents);
 *    - `reused`: a dossier that reused a document of the applicant's data store, once, on the day
 *      of its first reuse, at its agency (document_reuses, append-only);
 *    - `payments`, `online_payments`: fee payments on the day recorded, at the entry's agency, less
 *      those reversed, whenever the reversal came (fee_entries, append-only).
 *    None of these tables is written by a plain intake: intake pays only for a reuse, when there is
 *    one (one upsert of one row).
 *    The dossier figures (received, online, digitized, resolved, overdue) come from report_daily
 *    and report_monthly, already kept.
 *
 * 3. Indexes for the part of today a period not over yet reads from the rows, and for the overdue
 *    dossiers that had an apology letter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service_index_versions (
      number integer PRIMARY KEY CHECK (number >= 1),
      effective_from date NOT NULL CHECK (extract(day FROM effective_from) = 1),
      indicators jsonb NOT NULL,
      note text,
      created_by uuid REFERENCES users(id),
      created_by_name text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER service_index_versions_append_only BEFORE UPDATE OR DELETE ON service_index_versions
    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()`.execute(db);
  await sql`
    INSERT INTO service_index_versions (number, effective_from, indicators, note, created_by_name, created_at)
    VALUES (1, '2022-08-01', ${JSON.stringify(defaults)}::jsonb, 'Trọng số mặc định', 'Motcua', '2022-08-01T00:00:00+07:00')`.execute(db);

  await sql`
    CREATE TABLE service_index_daily (
      agency_id uuid NOT NULL,
      day date NOT NULL,
      ratings integer NOT NULL DEFAULT 0,
      ratings_satisfied integer NOT NULL DEFAULT 0,
      rating_points integer NOT NULL DEFAULT 0,
      results_signed integer NOT NULL DEFAULT 0,
      reused integer NOT NULL DEFAULT 0,
      payments integer NOT NULL DEFAULT 0,
      online_payments integer NOT NULL DEFAULT 0,
      PRIMARY KEY (agency_id, day)
    )`.execute(db);

  for (const [name, body] of Object.entries(triggers)) {
    await sql.raw(`
      CREATE OR REPLACE FUNCTION motcua_service_index_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${body};
        RETURN NULL;
      END $fn$`).execute(db);
  }
  const on = (table: string, event: string, fn: string, transition: string) => sql.raw(`
    CREATE TRIGGER service_index_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
    REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION motcua_service_index_${fn}()`).execute(db);
  await on('dossier_ratings', 'INSERT', 'ratings_insert', 'NEW TABLE AS new_rows');
  await on('dossier_ratings', 'UPDATE', 'ratings_update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows');
  await on('dossier_ratings', 'DELETE', 'ratings_delete', 'OLD TABLE AS old_rows');
  await on('signed_documents', 'INSERT', 'results_insert', 'NEW TABLE AS new_rows');
  await on('signed_documents', 'UPDATE', 'results_update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows');
  await on('document_reuses', 'INSERT', 'reuses_insert', 'NEW TABLE AS new_rows');
  await on('fee_entries', 'INSERT', 'payments_insert', 'NEW TABLE AS new_rows');

  await rebuild(db);

  await sql`
    CREATE INDEX signed_documents_results_signed_idx ON signed_documents (updated_at)
    WHERE status = 'signed' AND superseded_at IS NULL AND dossier_id IS NOT NULL AND kind IN ('dossier_result', 'rejection_decision')`.execute(db);
  await sql`CREATE INDEX document_reuses_at_idx ON document_reuses (at)`.execute(db);
  await sql`CREATE INDEX dossiers_apology_idx ON dossiers (agency_id, closed_at) WHERE apology_due_at IS NOT NULL`.execute(db);
}

/** The day aggregates rebuilt from the rows, as the triggers add them (existing history; a test compares the two). */
export async function rebuild(db: Kysely<unknown>): Promise<void> {
  await sql`TRUNCATE service_index_daily`.execute(db);
  for (const source of Object.values(rebuildSources)) await sql.raw(add(source)).execute(db);
}

/** `defaultIndicatorSettings` (packages/domain/src/quality/index-versions.ts) when this migration was written. */
const defaults = {
  catalogue_complete: { weight: 2, target: 1 },
  feedback_published: { weight: 1, target: 1 },
  on_time: { weight: 3, target: 1 },
  overdue_apology: { weight: 1, target: 1 },
  digitized: { weight: 2, target: 1 },
  electronic_results: { weight: 2, target: 1 },
  data_reuse: { weight: 1, target: 1 },
  online: { weight: 2, target: 1 },
  fully_online: { weight: 1, target: 1 },
  online_payment: { weight: 1, target: 1 },
  satisfied: { weight: 2, target: 1 },
  rating_average: { weight: 1, target: 1 },
  feedback_on_time: { weight: 1, target: 1 },
};

const sums = ['ratings', 'ratings_satisfied', 'rating_points', 'results_signed', 'reused', 'payments', 'online_payments'];

/**
 * One statement adding rows (agency_id, at, <sums>) of `source` to the day of `at` (local date).
 * A fixed lock order, so that concurrent writers never deadlock on aggregate rows.
 */
const add = (source: string) => `
  INSERT INTO service_index_daily AS t (agency_id, day, ${sums.join(', ')})
  SELECT x.agency_id, motcua_local_date(x.at) AS day, ${sums.map((c) => `sum(x.${c})`).join(', ')}
    FROM (${source}) x
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (agency_id, day) DO UPDATE SET ${sums.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;

/** A rating's contribution (times `sign`), at its dossier's agency. */
const rating = (rows: string, sign: string) => `
  SELECT d.agency_id, r.rated_at AS at, ${sign} AS ratings, CASE WHEN r.score >= 4 THEN ${sign} ELSE 0 END AS ratings_satisfied,
         ${sign} * r.score AS rating_points, 0 AS results_signed, 0 AS reused, 0 AS payments, 0 AS online_payments
    FROM ${rows} r JOIN dossiers d ON d.id = r.dossier_id`;

/** A signed result's contribution (times `sign`): counted while fully signed, current and a dossier's. */
const result = (rows: string, sign: string) => `
  SELECT d.agency_id, s.updated_at AS at, 0 AS ratings, 0 AS ratings_satisfied, 0 AS rating_points, ${sign} AS results_signed,
         0 AS reused, 0 AS payments, 0 AS online_payments
    FROM ${rows} s JOIN dossiers d ON d.id = s.dossier_id
   WHERE s.status = 'signed' AND s.superseded_at IS NULL AND s.kind IN ('dossier_result', 'rejection_decision')`;

const resultColumns = ['kind', 'status', 'superseded_at', 'dossier_id', 'updated_at'];
const resultChanged = `(${resultColumns.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${resultColumns.map((c) => `o.${c}`).join(', ')})`;

/**
 * A dossier's first reuse (the lowest id among all its rows) when it is among `rows`; reuse rows
 * are never changed or deleted.
 */
const reuse = (rows: string) => `
  SELECT d.agency_id, f.at, 0 AS ratings, 0 AS ratings_satisfied, 0 AS rating_points, 0 AS results_signed, 1 AS reused,
         0 AS payments, 0 AS online_payments
    FROM (SELECT DISTINCT ON (n.dossier_id) n.dossier_id, n.id, n.at FROM ${rows} n ORDER BY n.dossier_id, n.id) f
    JOIN dossiers d ON d.id = f.dossier_id
   WHERE NOT EXISTS (SELECT 1 FROM document_reuses o WHERE o.dossier_id = f.dossier_id AND o.id < f.id)`;

/** Payments on the day recorded; a reversal of a payment takes it back on the day of the payment. */
const payment = (rows: string) => `
  SELECT p.agency_id, p.recorded_at AS at, 0 AS ratings, 0 AS ratings_satisfied, 0 AS rating_points, 0 AS results_signed, 0 AS reused,
         1 AS payments, CASE WHEN p.method = 'online' THEN 1 ELSE 0 END AS online_payments
    FROM ${rows} p WHERE p.kind = 'payment'
  UNION ALL
  SELECT p.agency_id, p.recorded_at, 0, 0, 0, 0, 0, -1, CASE WHEN p.method = 'online' THEN -1 ELSE 0 END
    FROM ${rows} r JOIN fee_entries p ON p.id = r.reverses
   WHERE r.kind = 'reversal' AND p.kind = 'payment'`;

const triggers: Record<string, string> = {
  ratings_insert: add(rating('new_rows', '1')),
  ratings_delete: add(rating('old_rows', '-1')),
  ratings_update: add(`${rating('new_rows', '1')} UNION ALL ${rating('old_rows', '-1')}`),
  results_insert: add(result('new_rows', '1')),
  results_update: add(`
    ${result(`(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${resultChanged})`, '1')}
    UNION ALL
    ${result(`(SELECT o.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${resultChanged})`, '-1')}`),
  reuses_insert: add(reuse('new_rows')),
  // A reversal of a payment recorded in the same statement is counted by both branches: +1, −1.
  payments_insert: add(payment('new_rows')),
};

const rebuildSources = {
  ratings: rating('dossier_ratings', '1'),
  results: result('signed_documents', '1'),
  reuses: reuse('document_reuses'),
  payments: payment('fee_entries'),
};
