/**
 * Months of the portal's list of catalogue changes: `YYYY-MM` in Vietnam's calendar, whatever the
 * time zone of the citizen's device (a change "in April" is April at the counter).
 */
import { isCatalogueMonth } from '@motcua/domain';
import { toVietnamWallTime } from '../shared/vietnamTime.ts';
import { recentChangesParam } from './paths.ts';

/** How far back the month picker goes, and how far ahead (changes are often published before they take effect). */
export const monthsBack = 23;
export const monthsAhead = 3;
/** The "last 12 months" view: this month and the eleven before it. */
export const recentMonths = 12;

/** Today in Vietnam, `YYYY-MM-DD`. */
export function vietnamToday(now: number): string {
  return (toVietnamWallTime(now) ?? new Date(now).toISOString()).slice(0, 10);
}

/** The month `by` months after `month` (before, when negative). */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026-04` → `{ month: '04', year: '2026' }`, for "Tháng 04/2026". */
export function monthParts(month: string): { month: string; year: string } {
  return { year: month.slice(0, 4), month: month.slice(5, 7) };
}

/** The months a citizen can pick, newest first: a few ahead of `current`, two years back, and `selected` if it is outside. */
export function monthOptions(current: string, selected: string): string[] {
  const months = Array.from({ length: monthsAhead + monthsBack + 1 }, (_, i) => shiftMonth(current, monthsAhead - i));
  if (!months.includes(selected)) months.push(selected);
  return months.sort().reverse();
}

/** The page's period, read from its address: `?thang=YYYY-MM`, or `?xem=12-thang`; this month otherwise. */
export type ChangesView = { kind: 'month'; month: string } | { kind: 'recent'; from: string; to: string };

export function changesViewOf(params: URLSearchParams, current: string): ChangesView {
  if (params.get('xem') === recentChangesParam) return { kind: 'recent', from: shiftMonth(current, 1 - recentMonths), to: current };
  const month = params.get('thang') ?? '';
  return { kind: 'month', month: isCatalogueMonth(month) ? month : current };
}
