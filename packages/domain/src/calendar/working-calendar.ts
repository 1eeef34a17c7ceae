/**
 * A working-time calendar: which instants are working time for an agency (docs/rules/time.md). Per-agency
 * calendars differ only by their configuration. Day information is cached in lazily grown typed
 * arrays — a working-day flag per day, the cumulative count of working days, and the day of each
 * working day by ordinal — so that converting between an instant and the working time elapsed
 * since a fixed origin costs a few array reads.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import {
  DEFAULT_WEEKLY_DAYS_OFF,
  defaultHolidayRules,
  defaultScheduleForYear,
  validateHolidayRules,
  type HolidayRule,
  type YearSchedule,
} from './holiday-rules.ts';
import { parseHolidaySchedules, type OfficialSchedules } from './schedules.ts';
import {
  DAY_MS,
  LOCAL_OFFSET_MS,
  MAX_YEAR,
  MIN_YEAR,
  civilFromEpochDay,
  dayOfWeekOfEpochDay,
  epochDayFromCivil,
  epochDayOf,
  isLeapYear,
  parseTimeOfDay,
  plainDateOfEpochDay,
  type Instant,
  type PlainDate,
} from './time.ts';

/** A working period of the day, local time, half-open: `{start: '08:00', end: '12:00'}`. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** What makes one agency's calendar; every field has its default (docs/rules/time.md). */
export interface WorkingCalendarConfig {
  /** Working periods of a working day, in order; default 08:00–12:00 and 13:00–17:00. */
  periods?: readonly WorkingPeriod[];
  /** Weekly rest days as day-of-week numbers (0 = Sunday); default Saturday and Sunday. */
  weeklyDaysOff?: readonly number[];
  /** Statutory holiday rules for years without an official schedule; default Labour Code 2019. */
  statutoryRules?: readonly HolidayRule[];
  /** Official schedules by year (`"2025"`); in such a year they alone decide. Default none. */
  officialSchedules?: OfficialSchedules;
}

export interface WorkingCalendar {
  readonly periods: readonly WorkingPeriod[];
  readonly weeklyDaysOff: readonly number[];
  readonly statutoryRules: readonly HolidayRule[];
  readonly officialSchedules: Readonly<OfficialSchedules>;
  /** The standard working day: the sum of the periods, in milliseconds (8 h by default). */
  readonly standardDayMs: number;
  /** Whether a local date is a working day. */
  isWorkingDay(date: PlainDate): boolean;
  /** Whether a day (days since 1970-01-01, local) is a working day. */
  isWorkingEpochDay(epochDay: number): boolean;
  /** The first working day on or after a day (days since 1970-01-01, local). */
  workingEpochDayFrom(epochDay: number): number;
  /** The end of the last working period of a date (meant for working days). */
  endOfWorkingDay(date: PlainDate): Instant;
  /** The same for a day given as days since 1970-01-01 (local). */
  endOfWorkingEpochDay(epochDay: number): Instant;
  /** Whether an instant lies inside a working period of a working day. */
  isWorkingInstant(instant: Instant): boolean;
  /** The instant itself if it is working time, else the start of the next working period. */
  nextWorkingInstant(instant: Instant): Instant;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: PlainDate): PlainDate;
  /** The schedule in force for a year: the official one, or the one derived from the rules. */
  scheduleForYear(year: number): YearSchedule & { official: boolean };
  /**
   * Working time (ms) elapsed between the calendar's internal origin and `instant`: a
   * non-decreasing function, flat outside working time. Differences of two values are working
   * time; low level, for deadline arithmetic.
   */
  workingClock(instant: Instant): number;
  /** The earliest instant at which `workingClock` reaches `value` (low level, inverse of the above). */
  instantAtWorkingClock(value: number): Instant;
}

const DEFAULT_PERIODS: readonly WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

function normalizePeriods(periods: readonly WorkingPeriod[]): { starts: number[]; ends: number[] } {
  const issues: FieldIssue[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new AppError('calendar.invalid_config', { issues: [{ path: 'periods', message: 'needs at least one period' }] });
  }
  periods.forEach((p, i) => {
    let start = NaN;
    let end = NaN;
    try {
      start = parseTimeOfDay(p.start);
      end = parseTimeOfDay(p.end);
    } catch {
      issues.push({ path: `periods[${i}]`, message: 'start and end must be times HH:mm' });
      return;
    }
    if (start >= end) issues.push({ path: `periods[${i}]`, message: 'must end after it starts' });
    else if (ends.length && start < ends[ends.length - 1]!) {
      issues.push({ path: `periods[${i}]`, message: 'must start after the previous period ends' });
    }
    starts.push(start);
    ends.push(end);
  });
  if (issues.length) throw new AppError('calendar.invalid_config', { issues });
  return { starts, ends };
}

function normalizeWeeklyDaysOff(days: readonly number[]): Set<number> {
  const valid = Array.isArray(days) && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  const set = new Set(valid ? days : []);
  if (!valid || set.size >= 7) {
    throw new AppError('calendar.invalid_config', {
      issues: [{ path: 'weeklyDaysOff', message: 'must be days of the week 0–6 (0 = Sunday), not all seven' }],
    });
  }
  return set;
}

/** Builds a working calendar from its configuration (the defaults of docs/rules/time.md for what is left out). */
export function createWorkingCalendar(config: WorkingCalendarConfig = {}): WorkingCalendar {
  const periods = config.periods ?? DEFAULT_PERIODS;
  const { starts, ends } = normalizePeriods(periods);
  const weeklyDaysOff = config.weeklyDaysOff ?? DEFAULT_WEEKLY_DAYS_OFF;
  const weekly = normalizeWeeklyDaysOff(weeklyDaysOff);
  const statutoryRules = config.statutoryRules ?? defaultHolidayRules;
  const ruleIssues = validateHolidayRules(statutoryRules);
  if (ruleIssues.length) {
    throw new AppError('calendar.invalid_config', { issues: ruleIssues.map((i) => ({ ...i, path: 'statutoryRules' + i.path })) });
  }
  const officialSchedules = parseHolidaySchedules({ years: config.officialSchedules ?? {} });
  const periodCount = starts.length;
  const firstStart = starts[0]!;
  const lastEnd = ends[periodCount - 1]!;
  let standardDayMs = 0;
  for (let i = 0; i < periodCount; i++) standardDayMs += ends[i]! - starts[i]!;

  const schedules = new Map<number, YearSchedule & { official: boolean }>();
  function scheduleForYear(year: number): YearSchedule & { official: boolean } {
    let schedule = schedules.get(year);
    if (!schedule) {
      const official = officialSchedules[String(year)];
      schedule = official
        ? { ...official, official: true }
        : { ...defaultScheduleForYear(statutoryRules, year, { weeklyDaysOff }), official: false };
      schedules.set(year, schedule);
    }
    return schedule;
  }

  const flagsByYear = new Map<number, Uint8Array>();
  function yearFlags(year: number): Uint8Array {
    const cached = flagsByYear.get(year);
    if (cached) return cached;
    const first = epochDayFromCivil(year, 1, 1);
    const flags = new Uint8Array(isLeapYear(year) ? 366 : 365);
    for (let i = 0; i < flags.length; i++) flags[i] = weekly.has(dayOfWeekOfEpochDay(first + i)) ? 0 : 1;
    const schedule = scheduleForYear(year);
    for (const date of schedule.daysOff) flags[epochDayOf(date) - first] = 0;
    for (const date of schedule.workingDays) flags[epochDayOf(date) - first] = 1;
    flagsByYear.set(year, flags);
    return flags;
  }

  // The day table covers whole years [firstYear, lastYear]. `cum[i]` counts the working days
  // from the fixed origin day to day `firstDay + i` (negative before the origin), so clock values
  // stay valid when the table grows; `ordinalDays[k - ordinalBase]` is the k-th working day.
  let firstYear = 0;
  let lastYear = -1;
  let firstDay = 0;
  let endDay = 0;
  let originDay: number | undefined;
  let working = new Uint8Array(0);
  let cum = new Int32Array(1);
  let ordinalDays = new Int32Array(0);
  let ordinalBase = 0;

  function grow(year: number): void {
    if (year < MIN_YEAR || year > MAX_YEAR) throw new AppError('calendar.out_of_range', { details: { year } });
    const empty = lastYear < firstYear;
    const fromYear = Math.max(MIN_YEAR, empty ? year - 1 : Math.min(firstYear, year - 1));
    const toYear = Math.min(MAX_YEAR, empty ? year + 2 : Math.max(lastYear, year + 2));
    const from = epochDayFromCivil(fromYear, 1, 1);
    const to = epochDayFromCivil(toYear + 1, 1, 1);
    originDay ??= from;
    const nextWorking = new Uint8Array(to - from);
    for (let y = fromYear; y <= toYear; y++) nextWorking.set(yearFlags(y), epochDayFromCivil(y, 1, 1) - from);
    const nextCum = new Int32Array(to - from + 1);
    for (let i = 0; i < nextWorking.length; i++) nextCum[i + 1] = nextCum[i]! + nextWorking[i]!;
    const shift = nextCum[originDay - from]!;
    for (let i = 0; i < nextCum.length; i++) nextCum[i] = nextCum[i]! - shift;
    const nextOrdinals = new Int32Array(nextCum[nextCum.length - 1]! - nextCum[0]!);
    for (let i = 0, k = 0; i < nextWorking.length; i++) if (nextWorking[i]) nextOrdinals[k++] = from + i;
    firstYear = fromYear;
    lastYear = toYear;
    firstDay = from;
    endDay = to;
    working = nextWorking;
    cum = nextCum;
    ordinalDays = nextOrdinals;
    ordinalBase = nextCum[0]!;
  }

  function ensureDay(day: number): void {
    if (day < firstDay || day >= endDay) grow(civilFromEpochDay(day).year);
  }

  function isWorkingEpochDay(day: number): boolean {
    ensureDay(day);
    return working[day - firstDay] === 1;
  }

  /** The day of the working day with ordinal k, growing the table as needed. */
  function dayOfOrdinal(k: number): number {
    if (originDay === undefined) grow(2000);
    while (k - ordinalBase >= ordinalDays.length) grow(lastYear + 1);
    while (k < ordinalBase) grow(firstYear - 1);
    return ordinalDays[k - ordinalBase]!;
  }

  function workingEpochDayFrom(day: number): number {
    ensureDay(day);
    return dayOfOrdinal(cum[day - firstDay]!);
  }

  function workingClock(instant: Instant): number {
    const local = instant + LOCAL_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (day < firstDay || day >= endDay) grow(civilFromEpochDay(day).year);
    const i = day - firstDay;
    let value = cum[i]! * standardDayMs;
    if (working[i] === 1) {
      const offset = local - day * DAY_MS;
      for (let p = 0; p < periodCount; p++) {
        const start = starts[p]!;
        if (offset <= start) break;
        const end = ends[p]!;
        if (offset < end) return value + offset - start;
        value += end - start;
      }
    }
    return value;
  }

  function instantAtWorkingClock(value: number): Instant {
    const k = Math.ceil(value / standardDayMs) - 1;
    const day = dayOfOrdinal(k);
    let rest = value - k * standardDayMs; // in (0, standardDayMs]
    let p = 0;
    for (; p < periodCount - 1; p++) {
      const length = ends[p]! - starts[p]!;
      if (rest <= length) break;
      rest -= length;
    }
    return day * DAY_MS - LOCAL_OFFSET_MS + starts[p]! + rest;
  }

  function isWorkingInstant(instant: Instant): boolean {
    const local = instant + LOCAL_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (!isWorkingEpochDay(day)) return false;
    const offset = local - day * DAY_MS;
    for (let p = 0; p < periodCount; p++) if (offset >= starts[p]! && offset < ends[p]!) return true;
    return false;
  }

  function nextWorkingInstant(instant: Instant): Instant {
    const local = instant + LOCAL_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (isWorkingEpochDay(day)) {
      const offset = local - day * DAY_MS;
      for (let p = 0; p < periodCount; p++) {
        if (offset < starts[p]!) return day * DAY_MS - LOCAL_OFFSET_MS + starts[p]!;
        if (offset < ends[p]!) return instant;
      }
    }
    return workingEpochDayFrom(day + 1) * DAY_MS - LOCAL_OFFSET_MS + firstStart;
  }

  return {
    periods: periods.map((p) => ({ ...p })),
    weeklyDaysOff: [...weekly],
    statutoryRules,
    officialSchedules,
    standardDayMs,
    isWorkingDay: (date) => isWorkingEpochDay(epochDayOf(date)),
    isWorkingEpochDay,
    workingEpochDayFrom,
    endOfWorkingDay: (date) => epochDayOf(date) * DAY_MS - LOCAL_OFFSET_MS + lastEnd,
    endOfWorkingEpochDay: (day) => day * DAY_MS - LOCAL_OFFSET_MS + lastEnd,
    isWorkingInstant,
    nextWorkingInstant,
    nextWorkingDay: (date) => plainDateOfEpochDay(workingEpochDayFrom(epochDayOf(date) + 1)),
    scheduleForYear: (year) => {
      const s = scheduleForYear(year);
      return { daysOff: [...s.daysOff], workingDays: [...s.workingDays], official: s.official };
    },
    workingClock,
    instantAtWorkingClock,
  };
}

/**
 * A copy of a calendar with official schedules added or replaced (an administrator loads a new
 * year); the original calendar, and appointments computed with it, are unchanged.
 */
export function withOfficialSchedules(calendar: WorkingCalendar, schedules: OfficialSchedules): WorkingCalendar {
  return createWorkingCalendar({
    periods: calendar.periods,
    weeklyDaysOff: calendar.weeklyDaysOff,
    statutoryRules: calendar.statutoryRules,
    officialSchedules: { ...calendar.officialSchedules, ...schedules },
  });
}

/** Whether a local date is a working day of the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, date: PlainDate): boolean {
  return calendar.isWorkingDay(date);
}

/** The end of the last working period of a date (17:00 by default). */
export function endOfWorkingDay(calendar: WorkingCalendar, date: PlainDate): Instant {
  return calendar.endOfWorkingDay(date);
}

/** Whether an instant is working time (inside a working period of a working day). */
export function isWorkingInstant(calendar: WorkingCalendar, instant: Instant): boolean {
  return calendar.isWorkingInstant(instant);
}

/** The instant itself if it is working time, else the start of the next working period. */
export function nextWorkingInstant(calendar: WorkingCalendar, instant: Instant): Instant {
  return calendar.nextWorkingInstant(instant);
}
