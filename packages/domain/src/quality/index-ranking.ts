/**
 * Rankings of units by their service index (docs/rules/service-quality.md, "Rankings"): units of
 * one level inside one scope (the communes of a district, the districts of a province) ranked by
 * total, highest first, with standard competition ranking — equal totals share a rank and the
 * next rank skips as many places (1, 2, 2, 4) — so that "xếp thứ 3/10" says that two units did
 * better. Totals are compared as shown, to 2 decimals. A unit without an index is not ranked and
 * does not count in "/10"; nor does a unit that handled no dossier in the period (none received,
 * resolved or overdue): its index would be its catalogue alone, and rank a unit that served nobody
 * above one that served people imperfectly. The previous period is ranked the same way, on its own units; the
 * change is the previous rank minus the current one (positive: moved up).
 */
import { addDays, daysBetween, daysInMonth, plainDate } from '../calendar/time.ts';
import type { DateRange } from '../calendar/periods.ts';
import type { ServiceIndexFacts } from './index-indicators.ts';

/** The total a unit is ranked by: its index when it handled at least one dossier in the period, else null (not ranked). */
export function rankableTotal(facts: Pick<ServiceIndexFacts, 'receivedInPeriod' | 'resolved' | 'overdue'>, total: number | null): number | null {
  return facts.receivedInPeriod + facts.resolved + facts.overdue > 0 ? total : null;
}

/**
 * Standard competition ranks of `totals` (1 = highest); null for a null total. Ties are totals
 * equal to 2 decimals.
 */
export function competitionRanks(totals: ReadonlyArray<number | null>): Array<number | null> {
  const key = (t: number) => Math.round(t * 100);
  const present = totals.filter((t): t is number => t !== null).map(key);
  return totals.map((t) => {
    if (t === null) return null;
    const k = key(t);
    return 1 + present.filter((other) => other > k).length;
  });
}

export interface Ranked {
  /** 1-based; null when the unit has no index in the period. */
  rank: number | null;
  /** How many units are ranked (the "10" of "3/10"). */
  of: number;
  previousRank: number | null;
  previousOf: number;
  /** previousRank − rank (positive: moved up); null unless ranked in both periods. */
  change: number | null;
}

/** Ranks `units` by their total now and in the previous period (null: no index then). */
export function rankUnits<T>(
  units: readonly T[],
  total: (unit: T) => number | null,
  previousTotal: (unit: T) => number | null = () => null,
): Array<Ranked & { unit: T }> {
  const now = competitionRanks(units.map(total));
  const before = competitionRanks(units.map(previousTotal));
  const of = now.filter((r) => r !== null).length;
  const previousOf = before.filter((r) => r !== null).length;
  return units.map((unit, i) => {
    const rank = now[i]!;
    const previousRank = before[i]!;
    return { unit, rank, of, previousRank, previousOf, change: rank !== null && previousRank !== null ? previousRank - rank : null };
  });
}

/**
 * The period a ranking is compared with: the same number of whole months just before, when the
 * period is whole months (a month, a quarter, a year: the month, quarter or year before);
 * otherwise the same number of days just before it.
 */
export function previousPeriod(period: DateRange): DateRange {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  if (fd === 1 && td === daysInMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const startIndex = fy * 12 + (fm - 1) - months;
    const endIndex = fy * 12 + (fm - 1) - 1;
    const at = (index: number): [number, number] => [Math.floor(index / 12), (index % 12) + 1];
    const [sy, sm] = at(startIndex);
    const [ey, em] = at(endIndex);
    return { from: plainDate(sy, sm, 1), to: plainDate(ey, em, daysInMonth(ey, em)) };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
