/**
 * Instants and plain dates, in integer arithmetic only. Instants are epoch milliseconds; local
 * time is Asia/Ho_Chi_Minh, a fixed UTC+07:00 without daylight saving, so no Date method that
 * depends on the server's time zone is ever called here.
 */
import { AppError } from '../errors.ts';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

/** A calendar date `YYYY-MM-DD` in Asia/Ho_Chi_Minh, without a time. */
export type PlainDate = `${number}-${number}-${number}`;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+07:00 all year. */
export const LOCAL_OFFSET_MS = 7 * HOUR_MS;

/** Dates outside these years are refused: the lunar algorithm and the tables are checked there. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2299;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0, so the leap day is last
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian year, month (1–12) and day of a count of days since 1970-01-01. */
export function civilFromEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether `year` has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats a year, month and day as a `PlainDate` (no validation beyond the digits). */
export function plainDate(year: number, month: number, day: number): PlainDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as PlainDate;
}

/** The `PlainDate` of a count of days since 1970-01-01. */
export function plainDateOfEpochDay(epochDay: number): PlainDate {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return plainDate(year, month, day);
}

/** Whether `value` is a real date written `YYYY-MM-DD` within the supported years. */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks a `YYYY-MM-DD` string and returns it typed; throws `calendar.invalid_date` otherwise. */
export function toPlainDate(value: string): PlainDate {
  if (!isPlainDate(value)) throw new AppError('calendar.invalid_date', { details: { value } });
  return value;
}

/** Days since 1970-01-01 of a `PlainDate`; throws `calendar.invalid_date` if it is not one. */
export function epochDayOf(date: PlainDate): number {
  if (!isPlainDate(date)) throw new AppError('calendar.invalid_date', { details: { value: date } });
  return epochDayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The local (Asia/Ho_Chi_Minh) day number, days since 1970-01-01, of an instant. */
export function localEpochDay(instant: Instant): number {
  return Math.floor((instant + LOCAL_OFFSET_MS) / DAY_MS);
}

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant. */
export function localDateOf(instant: Instant): PlainDate {
  assertInstant(instant);
  return plainDateOfEpochDay(localEpochDay(instant));
}

/** The instant of local midnight (00:00 Asia/Ho_Chi_Minh) starting `date`. */
export function startOfLocalDay(date: PlainDate): Instant {
  return epochDayOf(date) * DAY_MS - LOCAL_OFFSET_MS;
}

/** Where a filter "up to and including `date`" stops: the start of the next local day (exclusive). */
export function endOfLocalDay(date: PlainDate): Instant {
  return (epochDayOf(date) + 1) * DAY_MS - LOCAL_OFFSET_MS;
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: PlainDate, days: number): PlainDate {
  if (!Number.isInteger(days)) throw new AppError('calendar.invalid_date', { details: { days } });
  return plainDateOfEpochDay(epochDayOf(date) + days);
}

/** Day of the week of a date: 0 = Sunday, 1 = Monday … 6 = Saturday (as `Date#getDay`). */
export function dayOfWeek(date: PlainDate): number {
  return dayOfWeekOfEpochDay(epochDayOf(date));
}

/** Day of the week (0 = Sunday) of a count of days since 1970-01-01, which was a Thursday. */
export function dayOfWeekOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Orders two dates: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // `YYYY-MM-DD` sorts as text
}

/** Number of days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return epochDayOf(b) - epochDayOf(a);
}

/** Throws `calendar.invalid_instant` unless `instant` is a whole number of milliseconds in range. */
export function assertInstant(instant: unknown, field = 'instant'): asserts instant is Instant {
  if (typeof instant !== 'number' || !Number.isInteger(instant) || !inSupportedRange(instant)) {
    throw new AppError('calendar.invalid_instant', { details: { field, value: instant } });
  }
}

const MIN_INSTANT = epochDayFromCivil(MIN_YEAR, 1, 1) * DAY_MS;
const MAX_INSTANT = epochDayFromCivil(MAX_YEAR, 12, 31) * DAY_MS;

function inSupportedRange(instant: number): boolean {
  return instant >= MIN_INSTANT && instant <= MAX_INSTANT;
}

/**
 * Parses an ISO 8601 instant that carries its offset (`Z`, `+07:00`, `+0700` or `+07`), e.g.
 * `2024-03-12T10:00:00+07:00`. A string without an offset is ambiguous and refused with
 * `calendar.invalid_instant`. Fractions beyond milliseconds are dropped.
 */
export function parseInstant(iso: string): Instant {
  const m = typeof iso === 'string' ? INSTANT_RE.exec(iso) : null;
  if (!m) throw new AppError('calendar.invalid_instant', { details: { value: iso } });
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const offsetHours = oh === undefined ? 0 : Number(oh);
  const offsetMinutes = om === undefined ? 0 : Number(om);
  const valid =
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 &&
    day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 &&
    offsetHours <= 23 && offsetMinutes <= 59;
  if (!valid || zone === undefined) throw new AppError('calendar.invalid_instant', { details: { value: iso } });
  const millis = frac === undefined ? 0 : Number((frac + '00').slice(0, 3));
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * HOUR_MS + offsetMinutes * MINUTE_MS);
  return epochDayFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis - offset;
}

/**
 * Writes an instant in local time as `YYYY-MM-DDTHH:mm:ss+07:00`, with `.SSS` only when the
 * instant has milliseconds.
 */
export function formatInstant(instant: Instant): string {
  assertInstant(instant);
  const local = instant + LOCAL_OFFSET_MS;
  const epochDay = Math.floor(local / DAY_MS);
  let rest = local - epochDay * DAY_MS;
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = Math.floor(rest / MINUTE_MS);
  rest -= minute * MINUTE_MS;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  const time = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${millis ? '.' + pad(millis, 3) : ''}`;
  return `${plainDateOfEpochDay(epochDay)}T${time}+07:00`;
}

/**
 * Parses a local time of day `HH:mm` or `HH:mm:ss` (`24:00` allowed as the end of a day) into
 * milliseconds after local midnight; throws `calendar.invalid_time_of_day` otherwise.
 */
export function parseTimeOfDay(value: string): number {
  const m = typeof value === 'string' ? /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value) : null;
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  const second = m?.[3] === undefined ? 0 : Number(m[3]);
  const ms = hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
  if (!m || minute > 59 || second > 59 || ms > DAY_MS) {
    throw new AppError('calendar.invalid_time_of_day', { details: { value } });
  }
  return ms;
}
