/**
 * The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's astronomical rules ("Thuật toán tính âm
 * lịch", 2004), computed for the meridian of UTC+07:00 (since 1968) — which is why Tết falls on a
 * different day than in China in some years (1985, 2007, 2030):
 * - a month starts on the local day that contains a new moon;
 * - the 11th month is the one that contains the winter solstice;
 * - when 13 new moons separate two 11th months, the first month after the 11th in which the sun
 *   does not enter a new 30° sector of longitude (no "major solar term") is the leap month and
 *   repeats the number of the month before it.
 * New moons and solar longitudes use Jean Meeus's short series. Results are memoised per year
 * (pure and deterministic).
 */
import { AppError } from '../errors.ts';
import { civilFromEpochDay, epochDayFromCivil, epochDayOf, plainDateOfEpochDay, type PlainDate } from './time.ts';

/** A date of the Vietnamese lunar calendar. `leap` marks the repeated (intercalary) month. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** One month of a lunar year, with its first solar day and its length (29 or 30). */
export interface LunarMonth {
  year: number;
  month: number;
  leap: boolean;
  start: PlainDate;
  length: number;
}

const SYNODIC_MONTH = 29.530588853;
/** Julian day number of 1970-01-01, the origin of epoch days. */
const EPOCH_JDN = 2_440_588;
const RAD = Math.PI / 180;
/** 1968-01-01T00:00 UT as a Julian date. */
const UTC7_FROM_JD = epochDayFromCivil(1968, 1, 1) + EPOCH_JDN - 0.5;

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, short series). */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(sunAnomaly + 2 * moonAnomaly);
  // ΔT, the difference between dynamical time and universal time, in days.
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/**
 * The time zone the calendar is computed for, in days. North Vietnam moved its calendar from
 * China's UTC+8 to UTC+7 at the end of 1967 (hence Tết Mậu Thân 1968 on 29 January in the North,
 * 30 January in the South); the calendar in use before that is reproduced with UTC+8.
 */
function zoneDaysAt(jd: number): number {
  return jd < UTC7_FROM_JD ? 8 / 24 : 7 / 24;
}

/** Julian day number of the local day that contains the k-th new moon. */
function newMoonDay(k: number): number {
  const jd = newMoonJulianDate(k);
  return Math.floor(jd + 0.5 + zoneDaysAt(jd));
}

/** Which 30° sector (0–11) the sun's apparent longitude is in at local midnight starting a day. */
function sunSector(jdn: number): number {
  const t = (jdn - 0.5 - zoneDaysAt(jdn) - 2451545) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  let longitude = (meanLongitude + centre) * RAD;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** Index of the new moon that starts the 11th lunar month around the end of solar year `year`. */
function eleventhMonthIndex(year: number): number {
  const lastDay = epochDayFromCivil(year, 12, 31) + EPOCH_JDN;
  const k = Math.floor((lastDay - 2415021) / SYNODIC_MONTH);
  // The month containing the winter solstice (longitude 270°, sector 9): if the sun is already
  // past it when this month starts, the solstice fell in the month before.
  return sunSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** The months from one 11th month to the next: 11, 12 of lunar year `year`, then 1–10 of the next. */
interface Segment {
  /** Julian day numbers of the month starts, one more than the months (the next 11th month). */
  starts: number[];
  months: { year: number; month: number; leap: boolean }[];
}

const segments = new Map<number, Segment>();



function segment(year: number): Segment {
  const cached = segments.get(year);
  if (cached) return cached;
  const first = eleventhMonthIndex(year);
  const count = eleventhMonthIndex(year + 1) - first;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(first + i));
  let leapIndex = -1;
  if (count === 13) {
    leapIndex = 12;
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i]!) === sunSector(starts[i + 1]!)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months = [];
  for (let i = 0; i < count; i++) {
    const afterLeap = leapIndex >= 0 && i >= leapIndex;
    let month = i + (afterLeap ? 10 : 11);
    if (month > 12) month -= 12;
    months.push({ year: month >= 11 && i < 4 ? year : year + 1, month, leap: i === leapIndex });
  }
  const result = { starts, months };
  segments.set(year, result);
  return result;
}

/** Converts a solar (Gregorian) date to the Vietnamese lunar calendar. */
export function solarToLunar(date: PlainDate): LunarDate {
  const epochDay = epochDayOf(date);
  const jdn = epochDay + EPOCH_JDN;
  const { year } = civilFromEpochDay(epochDay);
  let seg = segment(year);
  if (jdn < seg.starts[0]!) seg = segment(year - 1);
  let i = seg.months.length - 1;
  while (seg.starts[i]! > jdn) i--;
  const m = seg.months[i]!;
  return { year: m.year, month: m.month, day: jdn - seg.starts[i]! + 1, leap: m.leap };
}

function findMonth(year: number, month: number, leap: boolean): { seg: Segment; index: number } | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const seg = segment(month >= 11 ? year : year - 1);
  const index = seg.months.findIndex((m) => m.year === year && m.month === month && m.leap === leap);
  return index < 0 ? undefined : { seg, index };
}

/**
 * Converts a Vietnamese lunar date to the solar calendar. Throws `calendar.invalid_lunar_date`
 * for a leap month the year does not have or a day beyond the month's length.
 */
export function lunarToSolar(lunar: LunarDate): PlainDate {
  const found = findMonth(lunar.year, lunar.month, lunar.leap);
  const start = found?.seg.starts[found.index];
  const length = found ? found.seg.starts[found.index + 1]! - start! : 0;
  if (start === undefined || !Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > length) {
    throw new AppError('calendar.invalid_lunar_date', { details: { ...lunar } });
  }
  return plainDateOfEpochDay(start + lunar.day - 1 - EPOCH_JDN);
}

/** Number of days (29 or 30) of a lunar month, or 0 if the year has no such month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const found = findMonth(year, month, leap);
  return found ? found.seg.starts[found.index + 1]! - found.seg.starts[found.index]! : 0;
}

/** The solar date of Tết Nguyên Đán, the first day of lunar year `year`. */
export function lunarNewYear(year: number): PlainDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}

/** The months of lunar year `year` in order (12, or 13 with the leap month). */
export function lunarMonthsOfYear(year: number): LunarMonth[] {
  const result: LunarMonth[] = [];
  for (const seg of [segment(year - 1), segment(year)]) {
    seg.months.forEach((m, i) => {
      if (m.year !== year) return;
      const start = seg.starts[i]!;
      result.push({ ...m, start: plainDateOfEpochDay(start - EPOCH_JDN), length: seg.starts[i + 1]! - start });
    });
  }
  return result;
}

/** The number of the leap month of lunar year `year`, or `null` when it has none. */
export function leapMonthOf(year: number): number | null {
  return lunarMonthsOfYear(year).find((m) => m.leap)?.month ?? null;
}
