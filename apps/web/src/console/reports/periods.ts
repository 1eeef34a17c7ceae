/**
 * The reporting periods offered by the dashboard. Official periods follow Decree 09/2019/NĐ-CP:
 * they run from the 15th of the month before to the 14th ("9 tháng 2023" = 15/12/2022–14/09/2023);
 * calendar periods follow the months. The dates come from the domain's `reportingPeriod`, the same
 * function the server and the command line use, so "9 tháng 2023" means the same dates everywhere.
 *
 * The address holds only `from` and `to`: a period is recognised from its dates, so a shared link
 * shows the same choice in the picker.
 */
import { isPlainDate, localDateOf, reportingPeriod, type PlainDate, type ReportingPeriodKind } from '@motcua/domain';

export type PeriodKind = 'official' | 'month' | 'quarter' | 'year' | 'custom';
export const periodKinds: readonly PeriodKind[] = ['official', 'month', 'quarter', 'year', 'custom'];

/** The parts of an official year: quarters I–IV, the first 6 months, the first 9 months, the year. */
export type OfficialPart = 'q1' | 'q2' | 'q3' | 'q4' | 'h1' | 'm9' | 'year';
export const officialParts: readonly OfficialPart[] = ['q1', 'q2', 'q3', 'q4', 'h1', 'm9', 'year'];

export interface PeriodOption {
  /** Stable id: `official:2023:m9`, `month:2023:3`, `quarter:2023:1`, `year:2023`. */
  id: string;
  kind: Exclude<PeriodKind, 'custom'>;
  year: number;
  /** `OfficialPart` for official periods, the month (1–12) or quarter (1–4) number otherwise. */
  part: OfficialPart | number | null;
  from: PlainDate;
  to: PlainDate;
}

export interface DateRange {
  from: PlainDate;
  to: PlainDate;
}

const officialSpans: Record<OfficialPart, [ReportingPeriodKind, number | undefined]> = {
  q1: ['quarter', 1], q2: ['quarter', 2], q3: ['quarter', 3], q4: ['quarter', 4],
  h1: ['six_months', 1], m9: ['nine_months', undefined], year: ['year', undefined],
};

export function officialPeriod(year: number, part: OfficialPart): PeriodOption {
  const [kind, index] = officialSpans[part];
  const range = reportingPeriod(kind, year, index, { official: true });
  return { id: `official:${year}:${part}`, kind: 'official', year, part, ...range };
}

export function calendarMonth(year: number, month: number): PeriodOption {
  return { id: `month:${year}:${month}`, kind: 'month', year, part: month, ...reportingPeriod('month', year, month) };
}

export function calendarQuarter(year: number, quarter: number): PeriodOption {
  return { id: `quarter:${year}:${quarter}`, kind: 'quarter', year, part: quarter, ...reportingPeriod('quarter', year, quarter) };
}

export function calendarYear(year: number): PeriodOption {
  return { id: `year:${year}`, kind: 'year', year, part: null, ...reportingPeriod('year', year) };
}

function optionsOfYear(kind: Exclude<PeriodKind, 'custom'>, year: number): PeriodOption[] {
  switch (kind) {
    case 'official': return officialParts.map((part) => officialPeriod(year, part));
    case 'month': return Array.from({ length: 12 }, (_, i) => calendarMonth(year, i + 1));
    case 'quarter': return [1, 2, 3, 4].map((q) => calendarQuarter(year, q));
    case 'year': return [calendarYear(year)];
  }
}

/** The local date in Vietnam of an instant (the dashboard's "today"). */
export function vietnamToday(now: number): PlainDate {
  return localDateOf(now);
}

const yearOf = (date: PlainDate) => Number(date.slice(0, 4));

/**
 * The periods of a kind that have started by `today`: the newest year first, each year's periods
 * in their order (quarters, then 6 and 9 months, then the year), over the last `years` years (and
 * the next year's official quarter 1, which starts on 15 December).
 */
export function periodOptions(kind: Exclude<PeriodKind, 'custom'>, today: PlainDate, years = 7): PeriodOption[] {
  const current = yearOf(today);
  const out: PeriodOption[] = [];
  for (let year = current + 1; year > current - years; year--) {
    out.push(...optionsOfYear(kind, year).filter((option) => option.from <= today));
  }
  return out;
}

/** The preset with exactly these dates, if any (official periods first: they are what managers report). */
export function recognizePeriod(range: DateRange): PeriodOption | undefined {
  const year = yearOf(range.to);
  if (!Number.isInteger(year) || year < 1901 || year > 2199) return undefined;
  for (const kind of ['official', 'quarter', 'month', 'year'] as const) {
    const match = optionsOfYear(kind, year).find((o) => o.from === range.from && o.to === range.to);
    if (match) return match;
  }
  return undefined;
}

/** The official quarter that contains `today`: the default period of the dashboard. */
export function currentOfficialQuarter(today: PlainDate): PeriodOption {
  const year = yearOf(today);
  const candidates = [...optionsOfYear('official', year + 1), ...optionsOfYear('official', year)]
    .filter((o) => typeof o.part === 'string' && o.part.startsWith('q'));
  return candidates.find((o) => o.from <= today && today <= o.to) ?? officialPeriod(year, 'q1');
}

/**
 * The period of `kind` that best continues the current choice when the user switches kind: the
 * one containing the current end date (month of `to`, quarter of `to`, …), else the newest.
 */
export function periodOfKindNear(kind: Exclude<PeriodKind, 'custom'>, range: DateRange, today: PlainDate): PeriodOption | undefined {
  const options = periodOptions(kind, today);
  const anchor = range.to > today ? today : range.to;
  if (kind === 'official') {
    // Prefer the quarter, then the cumulative periods, that contain the anchor.
    return options.find((o) => o.from <= anchor && anchor <= o.to && typeof o.part === 'string' && o.part.startsWith('q'))
      ?? options.find((o) => o.from <= anchor && anchor <= o.to)
      ?? options[0];
  }
  return options.find((o) => o.from <= anchor && anchor <= o.to) ?? options[0];
}

/** Whether a `from`..`to` pair from the address is usable. */
export function isValidRange(from: string | null, to: string | null): boolean {
  return isPlainDate(from) && isPlainDate(to) && from <= to;
}
