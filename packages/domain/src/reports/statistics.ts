/**
 * The official statistics of dossier handling (docs/rules/statistics.md): which dossier counts where,
 * for a period of local dates. This is the reference definition; the database's incrementally
 * maintained aggregates must give the same numbers (the tests compare them).
 */
import { classifyInProgress, classifyResult, type ResultClass } from '../calendar/classify.ts';
import { periodInstants, type DateRange } from '../calendar/periods.ts';
import type { Instant } from '../calendar/time.ts';
import type { DossierChannel } from '../dossier/vocabulary.ts';

export type Channel = DossierChannel;

/** What the statistics need to know about one received dossier. */
export interface DossierFacts {
  receivedAt: Instant;
  channel: Channel;
  /** The appointment as moved only by pauses (imports: the recorded one); never an apology's date. */
  dueAt: Instant;
  /**
   * While the dossier is open: from which instant it is overdue (`overdueFromOf`, stored as
   * `dossiers.overdue_from`): its appointment, or null while its clock stopped before it (waiting
   * for a supplement, suspended). Not read once the dossier is closed.
   */
  overdueFrom: Instant | null;
  /** Earliest `resolved`/`rejected` (imports without either: earliest `returned`), or null. */
  resultAt: Instant | null;
  /** Earliest `withdrawn`, or null. */
  withdrawnAt: Instant | null;
  digitized: boolean;
}

/** The keys of the official report (docs/rules/statistics.md), in the order of the official table. */
export const statisticsKeys = [
  'received', 'carriedOver', 'receivedInPeriod', 'online', 'counter', 'postal',
  'resolved', 'resolvedAhead', 'resolvedOnTime', 'resolvedOverdue',
  'withdrawn', 'inProgress', 'inProgressOnTime', 'inProgressOverdue', 'digitized',
] as const;
export type StatisticsKey = (typeof statisticsKeys)[number];

export type Counts = Record<StatisticsKey, number>;

export interface Rates {
  /** digitized / receivedInPeriod. */
  digitizationRate: number | null;
  /** online / receivedInPeriod. */
  onlineRate: number | null;
  /** (ahead + on time) / resolved. */
  onTimeRate: number | null;
}

export type Statistics = Counts & Rates;

export const emptyCounts = (): Counts => Object.fromEntries(statisticsKeys.map((k) => [k, 0])) as Counts;

/**
 * The close instant: the earlier of the result and the withdrawal; a withdrawal at or after the
 * result changes nothing (docs/rules/statistics.md).
 */
export function closeOf(f: Pick<DossierFacts, 'resultAt' | 'withdrawnAt'>): { at: Instant; kind: 'resolved' | 'withdrawn' } | null {
  if (f.resultAt !== null && (f.withdrawnAt === null || f.resultAt <= f.withdrawnAt)) return { at: f.resultAt, kind: 'resolved' };
  if (f.withdrawnAt !== null) return { at: f.withdrawnAt, kind: 'withdrawn' };
  return null;
}

/**
 * The instant an in-progress dossier is compared with (docs/rules/statistics.md, "In progress on
 * time or overdue"): for a dossier open now, the instant it is overdue from as it stands now
 * (null, never overdue, while its clock stopped before its appointment: the inbox's rule); for a
 * dossier closed since, its appointment. The statistics query writes the same expression once
 * (`appointment` in apps/server/src/modules/reports/reports.repository.ts) and the aggregates'
 * triggers bucket it (migration 0015).
 */
export function reportAppointmentOf(f: Pick<DossierFacts, 'resultAt' | 'withdrawnAt' | 'dueAt' | 'overdueFrom'>): Instant | null {
  return closeOf(f) === null ? f.overdueFrom : f.dueAt;
}

/** The instants a report counts between, and whether it is a report as of now. */
export interface ReportInstants {
  /** FROM 00:00 (local), or the end instant when that is earlier (a period that has not begun). */
  start: Instant;
  /** The end instant: the earlier of TO+1 00:00 (local) and the instant the report is made. */
  end: Instant;
  /** The instant the report is made when the period is not over (the report is "as of now"), else null. */
  asOf: Instant | null;
}

/**
 * The end instant of a report on FROM..TO made at `madeAt` (docs/rules/statistics.md, "The end instant"):
 * the earlier of TO+1 00:00 (local) and `madeAt`. A period that is not over is reported as of
 * `madeAt`: nothing after it counts, and nobody is overdue whose appointment is still ahead.
 * Without `madeAt` the period is taken as over.
 */
export function reportInstants(period: DateRange, madeAt?: Instant): ReportInstants {
  const { start, end } = periodInstants(period);
  if (madeAt === undefined || madeAt >= end) return { start, end, asOf: null };
  return { start: Math.min(start, madeAt), end: madeAt, asOf: madeAt };
}

/**
 * The keys a dossier counts in for the period (each 0 or 1), for a report made at `madeAt`
 * (default: after the period). `received` = `carriedOver` + `receivedInPeriod` = `resolved` +
 * `withdrawn` + `inProgress`.
 */
export function contributionOf(f: DossierFacts, period: DateRange, madeAt?: Instant): Counts {
  const { start, end } = reportInstants(period, madeAt);
  const c = emptyCounts();
  if (f.receivedAt >= end) return c;
  const close = closeOf(f);
  if (close && close.at < start) return c;
  // Received before the end and not closed before the start.
  c.received = 1;
  if (f.receivedAt >= start) {
    c.receivedInPeriod = 1;
    c[f.channel] = 1;
    if (f.digitized) c.digitized = 1;
  } else {
    c.carriedOver = 1;
  }
  if (close && close.at < end) {
    if (close.kind === 'withdrawn') c.withdrawn = 1;
    else {
      c.resolved = 1;
      const cls: ResultClass = classifyResult(close.at, f.dueAt);
      c[cls === 'ahead' ? 'resolvedAhead' : cls === 'on_time' ? 'resolvedOnTime' : 'resolvedOverdue'] = 1;
    }
  } else {
    c.inProgress = 1;
    // Overdue when the instant it is compared with is strictly before the end instant (null: never).
    const appointment = reportAppointmentOf(f);
    c[appointment !== null && classifyInProgress(end, appointment) === 'in_progress_overdue' ? 'inProgressOverdue' : 'inProgressOnTime'] = 1;
  }
  return c;
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts();
  for (const k of statisticsKeys) out[k] = a[k] + b[k];
  return out;
}

/** A fraction rounded to 4 decimals, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

export function withRates(c: Counts): Statistics {
  return {
    ...c,
    digitizationRate: rate(c.digitized, c.receivedInPeriod),
    onlineRate: rate(c.online, c.receivedInPeriod),
    onTimeRate: rate(c.resolvedAhead + c.resolvedOnTime, c.resolved),
  };
}

/** The statistics of a set of dossiers for a period, made at `madeAt`: the reference implementation. */
export function statisticsOf(dossiers: Iterable<DossierFacts>, period: DateRange, madeAt?: Instant): Statistics {
  let total = emptyCounts();
  for (const f of dossiers) total = addCounts(total, contributionOf(f, period, madeAt));
  return withRates(total);
}

/** The identities every report satisfies; a report that breaks one is wrong. */
export function checkIdentities(c: Counts): string[] {
  const problems: string[] = [];
  if (c.received !== c.carriedOver + c.receivedInPeriod) problems.push('received ≠ carriedOver + receivedInPeriod');
  if (c.received !== c.resolved + c.withdrawn + c.inProgress) problems.push('received ≠ resolved + withdrawn + inProgress');
  if (c.receivedInPeriod !== c.online + c.counter + c.postal) problems.push('receivedInPeriod ≠ online + counter + postal');
  if (c.resolved !== c.resolvedAhead + c.resolvedOnTime + c.resolvedOverdue) problems.push('resolved ≠ ahead + on time + overdue');
  if (c.inProgress !== c.inProgressOnTime + c.inProgressOverdue) problems.push('inProgress ≠ on time + overdue');
  return problems;
}
