/**
 * The score of a unit for a period (docs/rules/service-quality.md, "Scores"): each indicator's
 * value in 0..1 from the unit's figures, each group's score = its points × the weighted mean of
 * its indicators' values, the total out of 100.
 *
 * An indicator with no data (its denominator is 0: nothing resolved, no rating, no payment…) is
 * left out and the weights of the others in its group share its place; a group none of whose
 * indicators has data is left out, and the total is the sum of the other groups brought back to
 * 100 (Σ scores × 100 / Σ their points). A unit is neither rewarded nor punished for what did not
 * happen: full marks would reward a unit that collects no rating, zero would punish one that had
 * no overdue dossier to apologise for. A unit with no data at all has no index and is not ranked.
 *
 * Rounding, so that what is shown adds up: values to 4 decimals (like every rate of the reports),
 * group scores to 2 decimals, the total from the rounded group scores, to 2 decimals.
 */
import { rate } from '../reports/statistics.ts';
import { serviceIndexIndicators, type ServiceIndexFacts, type ServiceIndexIndicator } from './index-indicators.ts';
import type { IndicatorSettings } from './index-versions.ts';
import { serviceIndexGroups, type ServiceIndexGroup } from './vocabulary.ts';

export interface IndicatorScore {
  key: ServiceIndexIndicator;
  group: ServiceIndexGroup;
  numerator: number;
  denominator: number;
  /** The share (or the mean score brought to 0..1), 4 decimals; null without data. */
  raw: number | null;
  /** min(1, raw / target), 4 decimals; null without data. */
  value: number | null;
  weight: number;
  target: number;
  /** False when the indicator has no data or weight 0: it does not count in its group. */
  counted: boolean;
}

export interface GroupScore {
  key: ServiceIndexGroup;
  points: number;
  /** The weighted mean of the counted indicators' values, 4 decimals; null when none has data. */
  value: number | null;
  /** points × value, 2 decimals; null when no indicator of the group has data. */
  score: number | null;
}

export interface ServiceIndexScore {
  /** Out of 100, 2 decimals; null when no group has data. */
  total: number | null;
  /** The points of the groups that have data (100 when every group has). */
  pointsCounted: number;
  groups: GroupScore[];
  indicators: IndicatorScore[];
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** An indicator's raw value from its figures (null when the denominator is 0). */
export function indicatorRaw(formula: 'share' | 'mean_score', numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  // A share is the reports' own rate (4 decimals): the online payment share is `onlinePaymentShare`'s by count.
  if (formula === 'share') return Math.min(1, rate(numerator, denominator)!);
  return round(Math.min(1, Math.max(0, (numerator / denominator - 1) / 4)), 4);
}

export function scoreServiceIndex(facts: ServiceIndexFacts, settings: IndicatorSettings): ServiceIndexScore {
  const indicators: IndicatorScore[] = serviceIndexIndicators.map((def) => {
    const numerator = facts[def.numerator];
    const denominator = facts[def.denominator];
    const { weight, target } = settings[def.key];
    const raw = indicatorRaw(def.formula, numerator, denominator);
    const value = raw === null ? null : round(Math.min(1, raw / target), 4);
    return { key: def.key, group: def.group, numerator, denominator, raw, value, weight, target, counted: value !== null && weight > 0 };
  });
  const groups: GroupScore[] = serviceIndexGroups.map((g) => {
    const counted = indicators.filter((i) => i.group === g.key && i.counted);
    const weights = counted.reduce((sum, i) => sum + i.weight, 0);
    if (counted.length === 0 || weights <= 0) return { key: g.key, points: g.points, value: null, score: null };
    const value = counted.reduce((sum, i) => sum + i.weight * i.value!, 0) / weights;
    return { key: g.key, points: g.points, value: round(value, 4), score: round(g.points * value, 2) };
  });
  const scored = groups.filter((g) => g.score !== null);
  const pointsCounted = scored.reduce((sum, g) => sum + g.points, 0);
  // Sums in hundredths: the scores are already rounded to 2 decimals.
  const hundredths = scored.reduce((sum, g) => sum + Math.round(g.score! * 100), 0);
  // Σ scores × 100 / Σ points = hundredths / Σ points (exactly the sum when every group has data).
  const total = scored.length === 0 ? null : pointsCounted === 100 ? hundredths / 100 : round(hundredths / pointsCounted, 2);
  return { total, pointsCounted, groups, indicators };
}
