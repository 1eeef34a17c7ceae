/**
 * Statutory holidays as data, and the default yearly schedule derived from them for years that
 * have no official schedule (Labour Code 2019 art. 111–112).
 *
 * Rule format (`HolidayRule`), one object per holiday:
 * - `id`: a stable identifier (`tet`, `national_day`, …); `name`: the Vietnamese name.
 * - `calendar`: `'solar'` (Gregorian) or `'lunar'` (Vietnamese lunar calendar, UTC+7).
 * - `month`, `day`: the anchor date. A lunar anchor is always in the regular month of that number,
 *   never in a leap month (so Hùng Kings' day in a year with a leap 3rd month is in the first 3rd
 *   month); a lunar day 30 in a month of 29 days means that month's last day.
 * - `offsetDays` (default 0): the first day off relative to the anchor (−1 = the day before).
 * - `lengthDays` (default 1): how many consecutive days off, from that first day.
 * - `fromYear`, `toYear` (optional, inclusive): the (solar or lunar) years the rule is in force.
 * - `citation`: the legal source.
 * Tết is `{calendar: 'lunar', month: 1, day: 1, offsetDays: -1, lengthDays: 5}`: the last day of
 * the old year and the first four of the new one. A new statutory holiday (24 Nov is proposed)
 * is one more object: `{id: 'culture_day', calendar: 'solar', month: 11, day: 24}`.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import { lunarMonthLength, lunarToSolar } from './lunar.ts';
import {
  civilFromEpochDay,
  dayOfWeekOfEpochDay,
  daysInMonth,
  epochDayFromCivil,
  epochDayOf,
  plainDateOfEpochDay,
  type PlainDate,
} from './time.ts';

/** One statutory holiday rule; see the module comment for the format. */
export interface HolidayRule {
  id: string;
  name?: string;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  offsetDays?: number;
  lengthDays?: number;
  fromYear?: number;
  toYear?: number;
  citation?: string;
}

/** A yearly schedule: weekdays off, and weekly rest days that are worked (make-up days). */
export interface YearSchedule {
  daysOff: PlainDate[];
  workingDays: PlainDate[];
}

/** Saturday and Sunday, as `dayOfWeek` numbers (0 = Sunday). */
export const DEFAULT_WEEKLY_DAYS_OFF: readonly number[] = [6, 0];

/** The public holidays of Labour Code 2019 art. 112 (in force since 1 Jan 2021). */
export const defaultHolidayRules: readonly HolidayRule[] = [
  // Labour Code 2019 art. 112.1.a: Tết Dương lịch, 1 January.
  { id: 'new_year', name: 'Tết Dương lịch', calendar: 'solar', month: 1, day: 1, citation: 'BLLĐ 2019 art. 112.1.a' },
  // Labour Code 2019 art. 112.1.b: Tết Âm lịch, 5 days (the Prime Minister fixes them; by default
  // the last day of the old lunar year and the first four of the new one).
  {
    id: 'tet', name: 'Tết Âm lịch', calendar: 'lunar', month: 1, day: 1, offsetDays: -1, lengthDays: 5,
    citation: 'BLLĐ 2019 art. 112.1.b',
  },
  // Labour Code 2019 art. 112.1.đ: Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
  { id: 'hung_kings', name: 'Giỗ Tổ Hùng Vương', calendar: 'lunar', month: 3, day: 10, citation: 'BLLĐ 2019 art. 112.1.đ' },
  // Labour Code 2019 art. 112.1.c: Ngày Chiến thắng, 30 April.
  { id: 'victory_day', name: 'Ngày Chiến thắng', calendar: 'solar', month: 4, day: 30, citation: 'BLLĐ 2019 art. 112.1.c' },
  // Labour Code 2019 art. 112.1.d: Ngày Quốc tế lao động, 1 May.
  { id: 'labour_day', name: 'Ngày Quốc tế lao động', calendar: 'solar', month: 5, day: 1, citation: 'BLLĐ 2019 art. 112.1.d' },
  // Labour Code 2019 art. 112.1.e: Quốc khánh, 2 September and one day before or after it
  // (the day before by default; the official schedule decides).
  {
    id: 'national_day', name: 'Quốc khánh', calendar: 'solar', month: 9, day: 2, offsetDays: -1, lengthDays: 2,
    citation: 'BLLĐ 2019 art. 112.1.e',
  },
];

/** Returns the problems of a list of holiday rules, with paths such as `[2].month`. */
export function validateHolidayRules(rules: unknown): FieldIssue[] {
  if (!Array.isArray(rules)) return [{ path: '', message: 'must be a list of holiday rules' }];
  const issues: FieldIssue[] = [];
  const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  rules.forEach((rule: Partial<HolidayRule> | null, i) => {
    const at = (field: string) => `[${i}]${field ? '.' + field : ''}`;
    if (typeof rule !== 'object' || rule === null) return void issues.push({ path: at(''), message: 'must be an object' });
    if (typeof rule.id !== 'string' || rule.id === '') issues.push({ path: at('id'), message: 'must be a non-empty string' });
    if (rule.calendar !== 'solar' && rule.calendar !== 'lunar') issues.push({ path: at('calendar'), message: "must be 'solar' or 'lunar'" });
    if (!isInt(rule.month, 1, 12)) issues.push({ path: at('month'), message: 'must be a month 1–12' });
    const maxDay = rule.calendar === 'lunar' ? 30 : isInt(rule.month, 1, 12) ? daysInMonth(2024, rule.month!) : 31;
    if (!isInt(rule.day, 1, maxDay)) issues.push({ path: at('day'), message: `must be a day 1–${maxDay}` });
    if (rule.offsetDays !== undefined && !isInt(rule.offsetDays, -366, 366)) issues.push({ path: at('offsetDays'), message: 'must be a whole number of days' });
    if (rule.lengthDays !== undefined && !isInt(rule.lengthDays, 1, 366)) issues.push({ path: at('lengthDays'), message: 'must be at least 1' });
    for (const key of ['fromYear', 'toYear'] as const) {
      if (rule[key] !== undefined && !Number.isInteger(rule[key])) issues.push({ path: at(key), message: 'must be a year' });
    }
  });
  return issues;
}

/** Epoch day of a rule's anchor in the given (solar or lunar) year, or undefined if it has none. */
function anchorDay(rule: HolidayRule, year: number): number | undefined {
  if (rule.fromYear !== undefined && year < rule.fromYear) return undefined;
  if (rule.toYear !== undefined && year > rule.toYear) return undefined;
  if (rule.calendar === 'solar') {
    // 29 February in a common year: the rule is not observed that year.
    if (rule.day > daysInMonth(year, rule.month)) return undefined;
    return epochDayFromCivil(year, rule.month, rule.day);
  }
  const length = lunarMonthLength(year, rule.month, false);
  const day = Math.min(rule.day, length);
  return epochDayOf(lunarToSolar({ year, month: rule.month, day, leap: false }));
}

/** The holiday days (epoch days, each with its rule id) whose date lies between two epoch days. */
function holidayDays(rules: readonly HolidayRule[], fromDay: number, toDay: number): Map<number, string> {
  const days = new Map<number, string>();
  const firstYear = civilFromEpochDay(fromDay).year;
  const lastYear = civilFromEpochDay(toDay).year;
  // A lunar year starts in the solar year of the same number, so lunar anchors of the year before
  // can still fall in range (months 11–12); one more year on each side covers large offsets.
  for (let year = firstYear - 1; year <= lastYear + 1; year++) {
    for (const rule of rules) {
      const anchor = anchorDay(rule, year);
      if (anchor === undefined) continue;
      const first = anchor + (rule.offsetDays ?? 0);
      for (let d = first; d < first + (rule.lengthDays ?? 1); d++) {
        if (d >= fromDay && d <= toDay && !days.has(d)) days.set(d, rule.id);
      }
    }
  }
  return days;
}

/** The statutory holidays falling in a solar year, in date order (a date listed once). */
export function holidaysOfYear(rules: readonly HolidayRule[], year: number): { date: PlainDate; ruleId: string }[] {
  const days = holidayDays(rules, epochDayFromCivil(year, 1, 1), epochDayFromCivil(year, 12, 31));
  return [...days.entries()].sort((a, b) => a[0] - b[0]).map(([d, ruleId]) => ({ date: plainDateOfEpochDay(d), ruleId }));
}

/**
 * The default schedule of a year without an official one (Labour Code 2019 art. 111–112):
 * holidays on working weekdays are days off; each holiday that falls on a weekly rest day is
 * compensated by one working day, taken in order right after the block of consecutive days off
 * (rest days and holidays) that contains it. Two rules on one date count as one holiday. The
 * default schedule has no make-up working days.
 */
export function defaultScheduleForYear(
  rules: readonly HolidayRule[],
  year: number,
  options: { weeklyDaysOff?: readonly number[] } = {},
): YearSchedule {
  const issues = validateHolidayRules(rules);
  if (issues.length) throw new AppError('calendar.invalid_config', { issues });
  const weekly = new Set(options.weeklyDaysOff ?? DEFAULT_WEEKLY_DAYS_OFF);
  if (weekly.size >= 7) throw new AppError('calendar.invalid_config', { details: { weeklyDaysOff: [...weekly] } });
  // A block around New Year can carry compensation across the year boundary: look at the
  // neighbouring years too and keep only the dates of `year`.
  const from = epochDayFromCivil(year - 1, 12, 1);
  const to = epochDayFromCivil(year + 1, 1, 31);
  const holidays = holidayDays(rules, from, to);
  const isRest = (d: number) => weekly.has(dayOfWeekOfEpochDay(d));
  const isOff = (d: number) => isRest(d) || holidays.has(d);
  const compensation = new Set<number>();
  let d = from;
  while (d <= to) {
    if (!isOff(d)) {
      d++;
      continue;
    }
    let owed = 0;
    for (; isOff(d); d++) if (isRest(d) && holidays.has(d)) owed++;
    // Labour Code 2019 art. 111.3: a holiday on a weekly rest day is compensated on the next working day.
    for (let c = d; owed > 0; c++) {
      if (isOff(c) || compensation.has(c)) continue;
      compensation.add(c);
      owed--;
    }
  }
  const yearFrom = epochDayFromCivil(year, 1, 1);
  const yearTo = epochDayFromCivil(year, 12, 31);
  const daysOff: PlainDate[] = [];
  for (let day = yearFrom; day <= yearTo; day++) {
    if ((holidays.has(day) && !isRest(day)) || compensation.has(day)) daysOff.push(plainDateOfEpochDay(day));
  }
  return { daysOff, workingDays: [] };
}
