/**
 * The official statistics report (docs/rules/statistics.md): for a period, an agency subtree and filters, every key
 * per receiving agency and in total, with rates and the figures reported beside it (refusals,
 * satisfaction). The same object feeds the API, the CLI (`motcua report`) and the XLSX/PDF exports.
 */
import type { Kysely } from 'kysely';
import {
  AppError, addCounts, addCriteriaTotals, addScoreCounts, checkIdentities, emptyCounts, formatInstant, rate, ratingFigures, withRates,
  type Counts, type CriteriaTotals, type PlainDate, type RatingFigures, type ScoreCounts, type Statistics,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { ratingsByAgency, refusalsByAgency, reportWindow, reusesByAgency, statisticsByAgency, type ReportFilter } from './reports.repository.ts';

export interface ReportRequest {
  from: PlainDate;
  to: PlainDate;
  /** The root of the subtree (agency code); default: every agency in scope. */
  agencyCode?: string | undefined;
  level?: string | undefined;
  field?: string | undefined;
  procedureCode?: string | undefined;
  channel?: 'counter' | 'online' | 'postal' | undefined;
}

export interface Beside {
  refused: number;
  /** Dossiers received in the period that reused the applicant's stored documents (docs/rules/data-store.md). */
  reused: number;
  /** reused / receivedInPeriod, 4 decimals; null when nothing was received. */
  reuseRate: number | null;
  /** Satisfaction ratings given in the period (docs/rules/service-quality.md): count, average, per level, low ones, criteria averages. */
  ratings: RatingFigures;
}

export interface ReportRow extends Statistics, Beside {
  agency: string;
  agencyName: string;
  level: string;
}

export interface StatisticsReport {
  /**
   * `asOf` (an ISO instant) only when the period is not over when the report is made: the report
   * counts up to that instant ("số liệu tính đến …", docs/rules/statistics.md).
   */
  period: { from: PlainDate; to: PlainDate; asOf?: string };
  filters: { agency: string | null; level: string | null; field: string | null; procedure: string | null; channel: string | null };
  generatedAt: string;
  total: Statistics & Beside;
  rows: ReportRow[];
}

function beside(refused: number, scores: ScoreCounts | undefined, criteria: CriteriaTotals | undefined, reused: number, receivedInPeriod: number): Beside {
  return { refused, reused, reuseRate: rate(reused, receivedInPeriod), ratings: ratingFigures(scores, criteria) };
}

/** A period that ends before it starts is refused. */
export function assertPeriod(request: Pick<ReportRequest, 'from' | 'to'>): void {
  if (request.to < request.from) {
    throw new AppError('report.invalid_period', {
      messages: { vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The period must end after it starts' },
      issues: [{ path: 'to', message: 'before from' }],
    });
  }
}

/** The subtree of `agencyCode`, which must be inside `scopePaths` (else it is not found); all of `scopePaths` without one. */
export async function narrowScope(db: Kysely<Database>, scopePaths: string[], agencyCode: string | undefined): Promise<string[]> {
  if (!agencyCode) return scopePaths;
  const agency = await db.selectFrom('agencies').select('path').where('code', '=', agencyCode).executeTakeFirst();
  if (!agency || !scopePaths.some((p) => agency.path.startsWith(p))) {
    throw new AppError('agency.not_found', { issues: [{ path: 'agency', message: `unknown agency "${agencyCode}"` }] });
  }
  return [agency.path];
}

/**
 * Builds the report for the agencies inside `scopePaths` (the caller's, or every root for the CLI),
 * made at `now` (the server's clock): a period that is not over is counted up to `now`.
 */
export async function statisticsReport(
  db: Kysely<Database>,
  scopePaths: string[],
  request: ReportRequest,
  now: number,
): Promise<StatisticsReport> {
  assertPeriod(request);
  const filter: ReportFilter = { ...request, scopePaths: await narrowScope(db, scopePaths, request.agencyCode) };
  const window = reportWindow(request, now);
  const [rows, refusals, ratings, reuses] = await Promise.all([
    statisticsByAgency(db, filter, window),
    refusalsByAgency(db, filter, window),
    ratingsByAgency(db, filter, window),
    reusesByAgency(db, filter, window),
  ]);
  let total: Counts = emptyCounts();
  const reportRows: ReportRow[] = rows.map((r) => {
    const { agencyId, agencyCode, agencyName, level, path: _path, ...counts } = r;
    total = addCounts(total, counts);
    return {
      agency: agencyCode, agencyName, level, ...withRates(counts),
      ...beside(refusals.get(agencyId) ?? 0, ratings.scores.get(agencyId), ratings.criteria.get(agencyId), reuses.get(agencyId) ?? 0, counts.receivedInPeriod),
    };
  });
  const problems = checkIdentities(total);
  if (problems.length) throw new AppError('internal.unexpected', { details: { reportIdentities: problems } });
  const allScores = [...ratings.scores.values()].reduce<ScoreCounts>(addScoreCounts, [0, 0, 0, 0, 0]);
  const allCriteria = [...ratings.criteria.values()].reduce<CriteriaTotals>(addCriteriaTotals, {});
  return {
    period: { from: request.from, to: request.to, ...(window.asOf === null ? {} : { asOf: formatInstant(window.asOf) }) },
    filters: {
      agency: request.agencyCode ?? null, level: request.level ?? null, field: request.field ?? null,
      procedure: request.procedureCode ?? null, channel: request.channel ?? null,
    },
    generatedAt: formatInstant(now),
    total: {
      ...withRates(total),
      ...beside([...refusals.values()].reduce((a, b) => a + b, 0), allScores, allCriteria, [...reuses.values()].reduce((a, b) => a + b, 0), total.receivedInPeriod),
    },
    rows: reportRows,
  };
}

/** Every root agency: the scope of the command line, which runs with the installation's authority. */
export async function installationScope(db: Kysely<Database>): Promise<string[]> {
  const roots = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  return roots.map((r) => r.path);
}
