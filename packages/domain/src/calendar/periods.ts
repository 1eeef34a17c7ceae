/**
 * Reporting periods (docs/rules/statistics.md, "Periods"). Calendar periods follow the months; official ones
 * (Decree 09/2019/NĐ-CP) run from the 15th of the previous month to the 14th: quarter 1 =
 * 15 Dec – 14 Mar, 6 months = 15 Dec – 14 Jun, 9 months = 15 Dec – 14 Sep, year = 15 Dec – 14 Dec.
 */
import { AppError } from '../errors.ts';
import { DAY_MS, LOCAL_OFFSET_MS, daysInMonth, epochDayOf, plainDate, type Instant, type PlainDate } from './time.ts';

export type ReportingPeriodKind = 'month' | 'quarter' | 'six_months' | 'nine_months' | 'year';

/** Local dates FROM..TO, both included. */
export interface DateRange {
  from: PlainDate;
  to: PlainDate;
}

/** Months covered (first, last; 1–12) by each kind and index, in calendar terms. */
function monthSpan(kind: ReportingPeriodKind, index: number | undefined): [number, number] | undefined {
  switch (kind) {
    case 'month':
      return index !== undefined && Number.isInteger(index) && index >= 1 && index <= 12 ? [index, index] : undefined;
    case 'quarter':
      return index !== undefined && Number.isInteger(index) && index >= 1 && index <= 4 ? [index * 3 - 2, index * 3] : undefined;
    case 'six_months':
      // The first six months by default; index 2 is the second half-year.
      if (index === undefined || index === 1) return [1, 6];
      return index === 2 ? [7, 12] : undefined;
    case 'nine_months':
      return index === undefined || index === 1 ? [1, 9] : undefined;
    case 'year':
      return index === undefined || index === 1 ? [1, 12] : undefined;
    default:
      return undefined;
  }
}

/**
 * The local dates of a reporting period of `year`: `month` (index 1–12), `quarter` (1–4),
 * `six_months` (1 = first half, the default; 2 = second half), `nine_months`, `year`. With
 * `official: true` the period runs from the 15th of the month before its first month to the
 * 14th of its last month (Decree 09/2019/NĐ-CP): "9 months of 2023" = 2022-12-15..2023-09-14.
 */
export function reportingPeriod(
  kind: ReportingPeriodKind,
  year: number,
  index?: number,
  options: { official: boolean } = { official: false },
): DateRange {
  const span = Number.isInteger(year) && year >= 1900 && year <= 2200 ? monthSpan(kind, index) : undefined;
  if (!span) throw new AppError('calendar.invalid_period', { details: { kind, year, index } });
  const [first, last] = span;
  if (!options.official) return { from: plainDate(year, first, 1), to: plainDate(year, last, daysInMonth(year, last)) };
  // Decree 09/2019/NĐ-CP art. 12: the reporting data period closes on the 14th.
  const from = first === 1 ? plainDate(year - 1, 12, 15) : plainDate(year, first - 1, 15);
  return { from, to: plainDate(year, last, 14) };
}

/** The instants of a period of local dates: `[from 00:00, to + 1 day 00:00)` in Asia/Ho_Chi_Minh. */
export function periodInstants(range: DateRange): { start: Instant; end: Instant } {
  const from = epochDayOf(range.from);
  const to = epochDayOf(range.to);
  if (to < from) throw new AppError('calendar.invalid_period', { details: { ...range } });
  return { start: from * DAY_MS - LOCAL_OFFSET_MS, end: (to + 1) * DAY_MS - LOCAL_OFFSET_MS };
}
