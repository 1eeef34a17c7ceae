/**
 * The figures of the service index per receiving agency and period (docs/rules/service-quality.md,
 * "Where the figures come from"), in SQL over maintained aggregates wherever a year of a province
 * would otherwise read millions of rows. Reviewed like code; the reference is the domain's
 * `ServiceIndexFacts` (each field says what it counts).
 *
 * A period FROM..TO counts up to its end instant E (`reportWindow`, as the statistics do); D is E's
 * local date:
 * - received, online, digitized, resolved (ahead, on time, overdue), in progress overdue: the
 *   statistics report's own query (`statisticsByAgency`, report_daily / report_monthly);
 * - dossiers of procedures offered fully online: the same day aggregates, by procedure code;
 * - ratings, signed results, reuses, payments: `service_index_daily` (migration 0044) for the days
 *   FROM..D−1, and the rows of [D 00:00, E) (empty once the period is over);
 * - overdue dossiers with an apology letter: the dossier rows with an apology (a partial index);
 * - feedback (a few thousand a year) and the catalogue: their rows.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  emptyServiceIndexFacts, localDateOf, type DateRange, type PlainDate, type ServiceIndexFacts,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { countedRows, scopeCte, statisticsByAgency, type ReportWindow } from '../reports/reports.repository.ts';
import { conditionFor } from '../reports/reports.drilldown.ts';

export interface IndexScope {
  /** Subtree roots (materialised paths). */
  scopePaths: string[];
}

export interface IndexUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  level: string;
  path: string;
  parentCode: string | null;
}

/** The agencies of the scope that existed during the period (valid on at least one of its days). */
export async function unitsOf(db: Kysely<Database>, scope: IndexScope, period: DateRange): Promise<IndexUnit[]> {
  if (scope.scopePaths.length === 0) return [];
  const rows = await sql<{ id: string; code: string; name: string; short_name: string | null; level: string; path: string; parent_code: string | null }>`
    SELECT a.id, a.code, a.name, a.short_name, a.level, a.path, p.code AS parent_code
      FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
     WHERE (${sql.join(scope.scopePaths.map((path) => sql`starts_with(a.path, ${path})`), sql` OR `)})
       AND (a.valid_from IS NULL OR a.valid_from <= ${period.to}::date) AND (a.valid_to IS NULL OR a.valid_to >= ${period.from}::date)
     ORDER BY a.path`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.short_name, level: r.level, path: r.path, parentCode: r.parent_code }));
}

/** The last local day a window counts (the day of the instant just before E). */
export const lastCountedDay = (w: ReportWindow): PlainDate => localDateOf(w.end.getTime() - 1);

/**
 * The current catalogue entry of each procedure on day `day`: its latest version begun by then.
 * It is handled when still in force that day, or when it lapsed without being abolished or
 * replaced (an entry left out of date); complete when in force and stating its legal basis, at
 * least one component and its result.
 */
export const catalogueOn = (day: PlainDate): RawBuilder<unknown> => sql`
  SELECT DISTINCT ON (v.procedure_code) v.procedure_code, v.name, v.levels, v.agency_codes, v.fully_online,
         (v.valid_to IS NULL OR v.valid_to >= ${day}::date) AS in_force,
         v.status NOT IN ('abolished', 'replaced') AS kept,
         (coalesce(btrim(v.legal_basis), '') <> '' AND jsonb_array_length(v.components) > 0
           AND coalesce(nullif(btrim(v.result_type), ''), v.result_document_type) IS NOT NULL) AS complete
    FROM procedure_versions v
   WHERE v.valid_from IS NULL OR v.valid_from <= ${day}::date
   ORDER BY v.procedure_code, v.version DESC`;

/** What makes a catalogue entry apply to agency `s`: its level, and its list of agencies when it has one. */
export const appliesTo = sql<SqlBool>`s.level = ANY (c.levels) AND (cardinality(c.agency_codes) = 0 OR s.code = ANY (c.agency_codes))`;

const n = (v: unknown) => Number(v ?? 0);

type Sums = Record<string, string | number | null>;

/** Every figure of the index for each agency of the scope with any (agency id → figures). */
export async function indexFactsByAgency(db: Kysely<Database>, scope: IndexScope, period: DateRange, w: ReportWindow): Promise<Map<string, ServiceIndexFacts>> {
  const out = new Map<string, ServiceIndexFacts>();
  if (scope.scopePaths.length === 0) return out;
  const facts = (agencyId: string) => {
    let f = out.get(agencyId);
    if (!f) out.set(agencyId, (f = emptyServiceIndexFacts()));
    return f;
  };
  const filter = { ...period, scopePaths: scope.scopePaths };
  const day = lastCountedDay(w);
  const begun = w.endDay >= period.from;
  const [statistics, fully, apologies, daily, feedback, catalogue] = await Promise.all([
    statisticsByAgency(db, filter, w),
    begun ? fullyOnline(db, scope, period, w, day) : Promise.resolve([]),
    apologized(db, scope, w),
    begun ? dailySums(db, scope, period, w) : Promise.resolve([]),
    feedbackSums(db, scope, w),
    catalogueSums(db, scope, day),
  ]);
  for (const s of statistics) {
    const f = facts(s.agencyId);
    f.receivedInPeriod = s.receivedInPeriod;
    f.online = s.online;
    f.digitized = s.digitized;
    f.resolved = s.resolved;
    f.resolvedInTime = s.resolvedAhead + s.resolvedOnTime;
    f.overdue = s.resolvedOverdue + s.inProgressOverdue;
  }
  for (const r of fully) Object.assign(facts(String(r.agency_id)), { fullyOnlineReceived: n(r.received), fullyOnlineOnline: n(r.online) });
  for (const r of apologies) facts(String(r.agency_id)).overdueApologized = n(r.n);
  for (const r of daily) {
    Object.assign(facts(String(r.agency_id)), {
      ratings: n(r.ratings), ratingsSatisfied: n(r.ratings_satisfied), ratingPoints: n(r.rating_points), resultsElectronic: n(r.results_signed),
      reused: n(r.reused), payments: n(r.payments), onlinePayments: n(r.online_payments),
    });
  }
  for (const r of feedback) {
    Object.assign(facts(String(r.agency_id)), {
      feedbackConsented: n(r.consented), feedbackPublished: n(r.published), feedbackDue: n(r.due), feedbackAnsweredOnTime: n(r.on_time),
    });
  }
  for (const r of catalogue) Object.assign(facts(String(r.agency_id)), { proceduresHandled: n(r.handled), proceduresComplete: n(r.complete) });
  return out;
}

/** Received, and received online, in the period for procedures whose current entry is offered fully online. */
async function fullyOnline(db: Kysely<Database>, scope: IndexScope, period: DateRange, w: ReportWindow, day: PlainDate): Promise<Sums[]> {
  const rows = await sql<Sums>`
    WITH ${scopeCte(scope)},
    fully AS (SELECT c.procedure_code FROM (${catalogueOn(day)}) c WHERE c.fully_online)
    SELECT r.agency_id, sum(r.received) AS received, sum(r.received) FILTER (WHERE r.channel = 'online') AS online
      FROM (${countedRows(w, { ...period, scopePaths: scope.scopePaths }, period.from, false)}) r
     WHERE r.procedure_code IN (SELECT procedure_code FROM fully)
     GROUP BY r.agency_id
    HAVING sum(r.received) > 0`.execute(db);
  return rows.rows;
}

/**
 * Overdue dossiers (resolved overdue in the period, or in progress and overdue at E: the statistics'
 * definitions) that had an apology letter (form 04: `apology_due_at`).
 */
async function apologized(db: Kysely<Database>, scope: IndexScope, w: ReportWindow): Promise<Sums[]> {
  const rows = await sql<Sums>`
    WITH ${scopeCte(scope)}
    SELECT d.agency_id, count(*) AS n FROM dossiers d
     WHERE d.apology_due_at IS NOT NULL AND d.agency_id IN (SELECT id FROM scope)
       AND ((${conditionFor('resolvedOverdue', w)}) OR (${conditionFor('inProgressOverdue', w)}))
     GROUP BY d.agency_id`.execute(db);
  return rows.rows;
}

/** The rows [s, e) would add to `service_index_daily`, as the triggers of migration 0044 add them. */
export function dailyRowsBetween(s: Date, e: Date, ids: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SELECT d.agency_id, 1 AS ratings, CASE WHEN r.score >= 4 THEN 1 ELSE 0 END AS ratings_satisfied, r.score AS rating_points,
           0 AS results_signed, 0 AS reused, 0 AS payments, 0 AS online_payments
      FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
     WHERE r.rated_at >= ${s} AND r.rated_at < ${e} AND d.agency_id IN (${ids})
    UNION ALL
    SELECT d.agency_id, 0, 0, 0, 1, 0, 0, 0
      FROM signed_documents x JOIN dossiers d ON d.id = x.dossier_id
     WHERE ${signedResult('x')} AND x.updated_at >= ${s} AND x.updated_at < ${e} AND d.agency_id IN (${ids})
    UNION ALL
    SELECT d.agency_id, 0, 0, 0, 0, 1, 0, 0
      FROM document_reuses u JOIN dossiers d ON d.id = u.dossier_id
     WHERE u.at >= ${s} AND u.at < ${e} AND d.agency_id IN (${ids}) AND ${firstReuse('u')}
    UNION ALL
    SELECT f.agency_id, 0, 0, 0, 0, 0, 1, CASE WHEN f.method = 'online' THEN 1 ELSE 0 END
      FROM fee_entries f
     WHERE f.agency_id IN (${ids}) AND f.recorded_at >= ${s} AND f.recorded_at < ${e} AND ${standingPayment('f')}`;
}

/** A dossier's result or refusal decision, current and signed by the person and the agency. */
export const signedResult = (alias: string): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(`${alias}.status`)} = 'signed'
  AND ${sql.ref(`${alias}.superseded_at`)} IS NULL AND ${sql.ref(`${alias}.dossier_id`)} IS NOT NULL
  AND ${sql.ref(`${alias}.kind`)} IN ('dossier_result', 'rejection_decision')`;

/** The first reuse row of its dossier (the lowest id). */
export const firstReuse = (alias: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`NOT EXISTS (SELECT 1 FROM document_reuses o WHERE o.dossier_id = ${sql.ref(`${alias}.dossier_id`)} AND o.id < ${sql.ref(`${alias}.id`)})`;

/** A payment not reversed (whenever the reversal came). */
export const standingPayment = (alias: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(`${alias}.kind`)} = 'payment' AND NOT EXISTS (SELECT 1 FROM fee_entries r WHERE r.reverses = ${sql.ref(`${alias}.id`)})`;

/** Ratings, signed results, reuses and payments of the period: the day aggregates FROM..D−1 and the rows of [D 00:00, E). */
async function dailySums(db: Kysely<Database>, scope: IndexScope, period: DateRange, w: ReportWindow): Promise<Sums[]> {
  const ids = sql`SELECT id FROM scope`;
  const part = w.dayStart.getTime() < w.end.getTime() ? dailyRowsBetween(w.dayStart, w.end, ids) : null;
  const cols = ['ratings', 'ratings_satisfied', 'rating_points', 'results_signed', 'reused', 'payments', 'online_payments'];
  const rows = await sql<Sums>`
    WITH ${scopeCte(scope)}
    SELECT x.agency_id, ${sql.join(cols.map((c) => sql`sum(${sql.ref(`x.${c}`)}) AS ${sql.ref(c)}`))}
      FROM (
        SELECT agency_id, ${sql.join(cols.map((c) => sql.ref(c)))} FROM service_index_daily
         WHERE agency_id IN (${ids}) AND day >= ${period.from}::date AND day < ${w.endDay}::date
        ${part ? sql`UNION ALL ${part}` : sql``}
      ) x
     GROUP BY x.agency_id`.execute(db);
  return rows.rows;
}

/**
 * Feedback of the period at its competent unit: answered in [S, E) with the sender's consent to
 * publication (and among them published before E); due in [S, E), refused ones left out (and
 * among them answered by the due instant).
 */
async function feedbackSums(db: Kysely<Database>, scope: IndexScope, w: ReportWindow): Promise<Sums[]> {
  const s = w.start;
  const e = w.end;
  const answered = sql<SqlBool>`f.answered_at >= ${s} AND f.answered_at < ${e} AND f.publish_consent AND f.status <> 'refused'`;
  const due = sql<SqlBool>`f.due_at >= ${s} AND f.due_at < ${e} AND f.status <> 'refused'`;
  const rows = await sql<Sums>`
    WITH ${scopeCte(scope)}
    SELECT f.agency_id,
           count(*) FILTER (WHERE ${answered}) AS consented,
           count(*) FILTER (WHERE ${answered} AND f.published_at < ${e}) AS published,
           count(*) FILTER (WHERE ${due}) AS due,
           count(*) FILTER (WHERE ${due} AND f.answered_at <= f.due_at) AS on_time
      FROM feedback f
     WHERE f.agency_id IN (SELECT id FROM scope) AND ((${answered}) OR (${due}))
     GROUP BY f.agency_id`.execute(db);
  return rows.rows;
}

/** Procedures each agency handles on `day`, and how many of them have a complete entry in force. */
async function catalogueSums(db: Kysely<Database>, scope: IndexScope, day: PlainDate): Promise<Sums[]> {
  const rows = await sql<Sums>`
    WITH ${scopeCte(scope)}
    SELECT s.id AS agency_id, count(*) AS handled, count(*) FILTER (WHERE c.in_force AND c.complete) AS complete
      FROM scope s JOIN (${catalogueOn(day)}) c ON ${appliesTo}
     WHERE c.in_force OR c.kept
     GROUP BY s.id`.execute(db);
  return rows.rows;
}
