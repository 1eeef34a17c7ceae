/**
 * The legal clock: the appointment (due instant) of a dossier and working-time arithmetic, as in
 * docs/rules/time.md. All instants are epoch milliseconds; local dates are Asia/Ho_Chi_Minh.
 */
import { AppError } from '../errors.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import {
  DAY_MS,
  HOUR_MS,
  LOCAL_OFFSET_MS,
  MINUTE_MS,
  assertInstant,
  localEpochDay,
  parseTimeOfDay,
  type Instant,
} from './time.ts';

/** The units of a legal processing time (docs/rules/agencies-and-catalogue.md). */
export type DurationUnit = 'working_days' | 'working_hours' | 'same_day' | 'days';

/** A legal processing time: `{value: 15, unit: 'working_days'}`, `{value: 0, unit: 'same_day', cutoff: '15:00'}`. */
export interface ProcessingTime {
  value: number;
  unit: DurationUnit;
  /** Only for `same_day`: the local cut-off time `HH:mm` or `HH:mm:ss`, default `15:00`. */
  cutoff?: string;
}

/** A half-open interval `[from, to)` of instants, e.g. a pause of the clock. */
export interface Interval {
  from: Instant;
  to: Instant;
}

export interface DueInput {
  /** The instant an officer formally received the dossier. */
  receivedAt: Instant;
  duration: ProcessingTime;
  /** Intervals during which the clock stopped (supplement requested, legal suspension). */
  pauses?: readonly Interval[];
  /** The procedure restarts the whole time when the supplement is received: that instant. */
  restartAt?: Instant;
  /** A receipt within the last N minutes of a working day counts as received at the next working day's start. */
  lateReceiptWindowMinutes?: number;
}

const DEFAULT_CUTOFF = '15:00';

/** Merges pauses (sorted, overlapping and touching ones joined) and drops the part before `after`. */
export function mergePauses(pauses: readonly Interval[] | undefined, after: Instant): Interval[] {
  if (!pauses || pauses.length === 0) return [];
  for (const pause of pauses) {
    assertInstant(pause?.from, 'pauses.from');
    assertInstant(pause.to, 'pauses.to');
    if (pause.to < pause.from) throw new AppError('calendar.invalid_pause', { details: { ...pause } });
  }
  const sorted = pauses.length === 1 ? [pauses[0]!] : [...pauses].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const { from, to } of sorted) {
    const start = Math.max(from, after);
    if (to <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last.to) {
      if (to > last.to) last.to = to;
    } else {
      merged.push({ from: start, to });
    }
  }
  return merged;
}

/** Core of the working-time arithmetic: earliest instant after `start` with `amount` of unpaused working time. */
function advance(calendar: WorkingCalendar, start: Instant, amount: number, merged: readonly Interval[]): Instant {
  let cursor = start;
  let remaining = amount;
  let clock = calendar.workingClock(cursor);
  for (const pause of merged) {
    const available = calendar.workingClock(pause.from) - clock;
    if (available >= remaining) break;
    remaining -= available;
    cursor = pause.to;
    clock = calendar.workingClock(cursor);
  }
  return calendar.instantAtWorkingClock(clock + remaining);
}

/**
 * The earliest instant at or after `start` at which `ms` of working time, pauses removed, has
 * elapsed: a period's end or a pause's start rather than the next period's start. `ms = 0`
 * gives `start` itself.
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Instant, ms: number, pauses?: readonly Interval[]): Instant {
  assertInstant(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) throw new AppError('calendar.invalid_duration', { details: { ms } });
  if (ms === 0) return start;
  return advance(calendar, start, Math.round(ms), mergePauses(pauses, start));
}

/** Working time in milliseconds between two instants, pauses removed (0 if `to` is not after `from`). */
export function workingTimeBetween(calendar: WorkingCalendar, from: Instant, to: Instant, pauses?: readonly Interval[]): number {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  if (to <= from) return 0;
  let total = calendar.workingClock(to) - calendar.workingClock(from);
  for (const pause of mergePauses(pauses, from)) {
    if (pause.from >= to) break;
    total -= calendar.workingClock(Math.min(pause.to, to)) - calendar.workingClock(pause.from);
  }
  return total;
}

/**
 * Where the legal time starts counting: the receipt (or the restart after a supplement), moved to
 * the next working day's start when a late-receipt window applies.
 */
function countedReceipt(calendar: WorkingCalendar, input: DueInput): Instant {
  assertInstant(input.receivedAt, 'receivedAt');
  let origin = input.receivedAt;
  if (input.restartAt !== undefined) {
    assertInstant(input.restartAt, 'restartAt');
    if (input.restartAt < origin) throw new AppError('calendar.invalid_instant', { details: { field: 'restartAt', value: input.restartAt } });
    origin = input.restartAt;
  }
  const window = input.lateReceiptWindowMinutes;
  if (window !== undefined && window !== 0) {
    if (!Number.isFinite(window) || window < 0) throw new AppError('calendar.invalid_duration', { details: { lateReceiptWindowMinutes: window } });
    // A procedure version may declare that a receipt late in the day counts from the next one
    // (docs/rules/time.md, "Late-receipt window").
    if (calendar.isWorkingInstant(origin)) {
      const endOfDay = calendar.endOfWorkingEpochDay(localEpochDay(origin));
      if (endOfDay - origin <= window * MINUTE_MS) origin = calendar.nextWorkingInstant(endOfDay);
    }
  }
  return origin;
}

function validateDuration(duration: ProcessingTime): void {
  const ok =
    typeof duration === 'object' && duration !== null &&
    (duration.unit === 'working_days' || duration.unit === 'working_hours' || duration.unit === 'same_day' || duration.unit === 'days') &&
    typeof duration.value === 'number' && Number.isFinite(duration.value) && duration.value >= 0 &&
    (duration.unit !== 'days' || Number.isInteger(duration.value));
  if (!ok) throw new AppError('calendar.invalid_duration', { details: { duration } });
}

/**
 * The appointment of a dossier (docs/rules/time.md): from the receipt (or the restart after a supplement),
 * counted in the procedure's unit on the agency's calendar, with pauses removed.
 * - `working_days` / `working_hours`: the earliest instant at which N standard working days
 *   (hours) of working time have elapsed — a period's end or a pause's start, never the next
 *   period's start.
 * - `same_day`: the end of the working day of the effective start if that is at or before the
 *   cut-off (whole seconds), else the end of the next working day; pauses do not apply.
 * - `days` (Civil Code 2015 art. 147–148): the local date of receipt + N days + the merged pause
 *   time in 24-hour days rounded up once, moved to the next working day if needed, at the end of
 *   its working hours.
 * A zero duration gives the effective start (the next working instant).
 */
export function computeDueAt(calendar: WorkingCalendar, input: DueInput): Instant {
  const { duration } = input;
  validateDuration(duration);
  const origin = countedReceipt(calendar, input);
  switch (duration.unit) {
    case 'same_day': {
      const start = calendar.nextWorkingInstant(origin);
      const day = localEpochDay(start);
      const cutoff = parseTimeOfDay(duration.cutoff ?? DEFAULT_CUTOFF);
      const timeOfDay = start + LOCAL_OFFSET_MS - day * DAY_MS;
      // One-second precision, fractions dropped: 15:00:00.9 is in time, 15:00:01 is not.
      const inTime = Math.floor(timeOfDay / 1000) * 1000 <= cutoff;
      return calendar.endOfWorkingEpochDay(inTime ? day : calendar.workingEpochDayFrom(day + 1));
    }
    case 'days': {
      if (duration.value === 0) return calendar.nextWorkingInstant(origin);
      let paused = 0;
      for (const pause of mergePauses(input.pauses, origin)) paused += pause.to - pause.from;
      // Civil Code 2015 art. 147–148: a period in days ends at the end of its last day, moved
      // to the next working day when that day is not one.
      const target = localEpochDay(origin) + duration.value + Math.ceil(paused / DAY_MS);
      return calendar.endOfWorkingEpochDay(calendar.workingEpochDayFrom(target));
    }
    default: {
      const unitMs = duration.unit === 'working_days' ? calendar.standardDayMs : HOUR_MS;
      const amount = Math.round(duration.value * unitMs);
      if (amount === 0) return calendar.nextWorkingInstant(origin);
      return advance(calendar, origin, amount, mergePauses(input.pauses, origin));
    }
  }
}
