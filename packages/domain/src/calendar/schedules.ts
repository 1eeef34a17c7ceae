/**
 * Official yearly schedules, in the shape of `holidays.json`:
 * `{"years": {"2025": {"daysOff": ["2025-01-01", …], "workingDays": ["2025-04-26"], …}}}`.
 * In a year that has one, its two lists alone decide which days are worked (docs/rules/time.md). Schedules
 * arrive as data (a bundle, an administrator's upload), never read from a file here.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import type { YearSchedule } from './holiday-rules.ts';
import { isPlainDate, type PlainDate } from './time.ts';

/** Official schedules by year (`"2025"`). */
export type OfficialSchedules = Record<string, YearSchedule>;

const YEAR_KEY = /^\d{4}$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function checkList(value: unknown, path: string, year: string, issues: FieldIssue[]): Map<string, number> {
  const seen = new Map<string, number>();
  if (value === undefined) return seen;
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'must be a list of dates YYYY-MM-DD' });
    return seen;
  }
  value.forEach((date: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof date !== 'string' || !DATE_SHAPE.test(date) || !isPlainDate(date)) {
      issues.push({ path: at, message: `${JSON.stringify(date)} is not a date YYYY-MM-DD` });
    } else if (!date.startsWith(year + '-')) {
      issues.push({ path: at, message: `${date} is outside the year ${year}` });
    } else if (seen.has(date)) {
      issues.push({ path: at, message: `${date} is listed twice (also at [${seen.get(date)}])` });
    } else {
      seen.set(date, i);
    }
  });
  return seen;
}

/**
 * Lists the problems of a holidays document (`{years: {...}}`), each with a precise path such as
 * `years.2026.daysOff[3]`: a malformed date, a date outside its year, a date listed twice, a date
 * both off and worked. An empty list means the document can be loaded. Other keys (`notes`,
 * `confidence`, `about`) are allowed and ignored.
 */
export function validateHolidaySchedules(json: unknown): FieldIssue[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [{ path: '', message: 'must be an object' }];
  const years = (json as { years?: unknown }).years;
  if (typeof years !== 'object' || years === null || Array.isArray(years)) {
    return [{ path: 'years', message: 'must be an object keyed by year' }];
  }
  const issues: FieldIssue[] = [];
  for (const [year, schedule] of Object.entries(years)) {
    const path = `years.${year}`;
    if (!YEAR_KEY.test(year)) {
      issues.push({ path, message: 'the key must be a year YYYY' });
      continue;
    }
    if (typeof schedule !== 'object' || schedule === null || Array.isArray(schedule)) {
      issues.push({ path, message: 'must be an object with daysOff and workingDays' });
      continue;
    }
    const { daysOff, workingDays } = schedule as { daysOff?: unknown; workingDays?: unknown };
    if (daysOff === undefined && workingDays === undefined) {
      issues.push({ path, message: 'needs daysOff and/or workingDays' });
      continue;
    }
    const off = checkList(daysOff, `${path}.daysOff`, year, issues);
    const worked = checkList(workingDays, `${path}.workingDays`, year, issues);
    for (const [date, i] of worked) {
      // A date in both lists is a data error, refused at load (docs/rules/time.md, "Holidays").
      if (off.has(date)) {
        issues.push({ path: `${path}.workingDays[${i}]`, message: `${date} is also a day off (daysOff[${off.get(date)}])` });
      }
    }
  }
  return issues;
}

/**
 * Validates a holidays document and returns its schedules by year, sorted. Throws
 * `calendar.schedule_conflict` when a date is both off and worked, `calendar.invalid_schedule`
 * for any other problem, with every issue listed.
 */
export function parseHolidaySchedules(json: unknown): OfficialSchedules {
  const issues = validateHolidaySchedules(json);
  if (issues.length) {
    const conflict = issues.some((issue) => issue.message.includes('is also a day off'));
    throw new AppError(conflict ? 'calendar.schedule_conflict' : 'calendar.invalid_schedule', { issues });
  }
  const result: OfficialSchedules = {};
  const years = (json as { years: Record<string, { daysOff?: PlainDate[]; workingDays?: PlainDate[] }> }).years;
  for (const [year, schedule] of Object.entries(years)) {
    result[year] = {
      daysOff: [...(schedule.daysOff ?? [])].sort(),
      workingDays: [...(schedule.workingDays ?? [])].sort(),
    };
  }
  return result;
}
