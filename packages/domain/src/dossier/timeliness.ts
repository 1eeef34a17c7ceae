/**
 * How a dossier stands against its appointment at an instant (docs/rules/time.md, "Overdue as of
 * now"): the one rule every list, filter, count, dossier page, public page and import applies.
 * Pure: the facts are what the dossier's row holds, and the instant comes in.
 */
import { classifyResult } from '../calendar/classify.ts';
import { DAY_MS, type Instant } from '../calendar/time.ts';
import type { DossierState } from './state.ts';
import { clockStoppedStatuses, type DossierStatus } from './statuses.ts';

/**
 * The classes of a dossier at an instant:
 * - `not_received`: not received (yet): no clock runs;
 * - `in_progress_on_time`, `due_soon`, `in_progress_overdue`: received, no result, not withdrawn;
 *   `due_soon` is on time with the appointment less than {@link dueSoonMs} ahead;
 * - `resolved_ahead`, `resolved_on_time`, `resolved_overdue`: the result, classified once;
 * - `closed`: withdrawn (or refused at intake) before any result: never overdue.
 */
export const timelinessClasses = [
  'not_received',
  'in_progress_on_time',
  'due_soon',
  'in_progress_overdue',
  'resolved_ahead',
  'resolved_on_time',
  'resolved_overdue',
  'closed',
] as const;
export type Timeliness = (typeof timelinessClasses)[number];

/** "Due soon": the appointment is less than two calendar days (48 hours) ahead. */
export const dueSoonMs = 2 * DAY_MS;

/** What the dossier's row holds, as epoch milliseconds. */
export interface TimelinessFacts {
  status: DossierStatus;
  /** When an officer received it (imports: the recorded receipt); null before. */
  receivedAt: Instant | null;
  /** Earliest `resolved`/`rejected` (imported history without either: earliest `returned`). */
  resultAt: Instant | null;
  /** Earliest withdrawal. */
  withdrawnAt: Instant | null;
  /**
   * The appointment as moved by the pauses that have ended (imports: the recorded one), never an
   * apology's date. While the clock is stopped, it is the appointment as of the stop.
   */
  dueAt: Instant | null;
  /** When the running stop of the clock (supplement requested, suspended) began; null when it runs. */
  clockStoppedAt: Instant | null;
}

/** Whether the dossier has a result: `resultAt` set and not withdrawn before it. */
function resultOf(f: Pick<TimelinessFacts, 'resultAt' | 'withdrawnAt'>): Instant | null {
  return f.resultAt !== null && (f.withdrawnAt === null || f.resultAt <= f.withdrawnAt) ? f.resultAt : null;
}

/** Whether nothing more can make the dossier late: a result, a withdrawal, a refusal at intake. */
function isClosed(f: Pick<TimelinessFacts, 'status' | 'resultAt' | 'withdrawnAt'>): boolean {
  return f.resultAt !== null || f.withdrawnAt !== null || f.status === 'refused' || f.status === 'withdrawn';
}

/**
 * From which instant the dossier is overdue, or `null` when it cannot become overdue now: not
 * received, closed, or its clock stopped before the appointment (the stop moves the appointment
 * when it ends, so while it lasts the appointment keeps ahead). A clock stopped at or after the
 * appointment leaves the dossier overdue from the appointment.
 *
 * The dossier is overdue at T exactly when `overdueFrom < T` (an appointment at exactly T can still
 * be met). The database stores this instant (`dossiers.overdue_from`) by the same code path that
 * stores the appointment, so its filters are `overdue_from < $at`.
 */
export function overdueFromOf(f: TimelinessFacts): Instant | null {
  if (f.receivedAt === null || f.dueAt === null || isClosed(f)) return null;
  if (f.clockStoppedAt !== null && f.clockStoppedAt < f.dueAt) return null;
  return f.dueAt;
}

/** The class of the dossier at instant `at` (see {@link timelinessClasses}). */
export function timelinessAt(f: TimelinessFacts, at: Instant): Timeliness {
  const resultAt = resultOf(f);
  if (resultAt !== null) {
    // A received dossier always has its appointment; a result without one cannot be late.
    const cls = f.dueAt === null ? 'on_time' : classifyResult(resultAt, f.dueAt);
    return cls === 'ahead' ? 'resolved_ahead' : cls === 'on_time' ? 'resolved_on_time' : 'resolved_overdue';
  }
  if (isClosed(f)) return 'closed';
  if (f.receivedAt === null) return 'not_received';
  const from = overdueFromOf(f);
  if (from === null) return 'in_progress_on_time';
  if (from < at) return 'in_progress_overdue';
  return from - at < dueSoonMs ? 'due_soon' : 'in_progress_on_time';
}

/**
 * Whether the dossier is overdue at `at`: still waiting for its result with the appointment passed
 * (the inbox's `overdue` flag and its `due=overdue` filter). A late result is not "overdue" in
 * this sense; its class says so (`resolved_overdue`).
 */
export function isOverdueAt(f: TimelinessFacts, at: Instant): boolean {
  return timelinessAt(f, at) === 'in_progress_overdue';
}

/** Whether the dossier is in progress and due soon at `at` (the inbox's `due=soon`). */
export function isDueSoonAt(f: TimelinessFacts, at: Instant): boolean {
  return timelinessAt(f, at) === 'due_soon';
}

/**
 * The instant the running stop of the clock began, from the pauses of the dossier's state, or
 * null when the clock runs. Stored as `dossiers.clock_stopped_at`.
 */
export function clockStoppedAtOf(state: { status: DossierStatus | null; pauses: ReadonlyArray<{ from: Instant; to: Instant | null }> }): Instant | null {
  if (state.status === null || !clockStoppedStatuses.has(state.status)) return null;
  const running = state.pauses.filter((p) => p.to === null);
  return running.length ? Math.min(...running.map((p) => p.from)) : null;
}

/**
 * The facts of a dossier from its state (folded from the log) and its appointment as moved by the
 * ended pauses: what the use cases store with the appointment (`clock_stopped_at`, `overdue_from`).
 */
export function timelinessFactsOfState(state: DossierState, dueAt: Instant | null): TimelinessFacts {
  return {
    status: state.status ?? 'draft',
    receivedAt: state.receivedAt,
    resultAt: state.resultAt,
    withdrawnAt: state.withdrawnAt,
    dueAt,
    clockStoppedAt: clockStoppedAtOf(state),
  };
}
