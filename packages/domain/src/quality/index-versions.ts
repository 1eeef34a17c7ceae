/**
 * The weights of the service index as versioned data (docs/rules/service-quality.md, "Versions of
 * the weights"). A version gives every indicator a weight inside its group and a target; it takes
 * effect on the first day of a month. A period is scored with the version in force on its first
 * day: the latest one effective at or before it. An administrator's change never reaches back:
 * it creates a version effective from the first day of the next month, so the current month, the
 * quarter and the year already begun keep the weights they started with.
 */
import { plainDate, type PlainDate } from '../calendar/time.ts';
import { serviceIndexIndicators, type ServiceIndexIndicator } from './index-indicators.ts';
import { serviceIndexGroups, type ServiceIndexGroup } from './vocabulary.ts';

/**
 * How much an indicator counts inside its group (`weight`, 0 leaves it out) and the share at
 * which it earns full marks (`target`, in (0, 1]: with 0.8, a share of 80% or more scores 1).
 */
export interface IndicatorSetting {
  weight: number;
  target: number;
}

export type IndicatorSettings = Record<ServiceIndexIndicator, IndicatorSetting>;

export interface ServiceIndexVersion {
  /** 1, 2, … in the order the versions were made. */
  number: number;
  /** The first day of a month. */
  effectiveFrom: PlainDate;
  indicators: IndicatorSettings;
}

/** The largest weight an indicator may have (weights are relative inside a group). */
export const maxIndicatorWeight = 100;

/**
 * The defaults, seeded as version 1 (migration 0044), effective from 01/08/2022, when the index
 * began to be computed. Inside each group the measure of the group's own subject weighs most:
 * on-time results 3 of 4 in progress, digitized dossiers and signed electronic results 2 each
 * of 5 in digitization, and so on. Every target is 1 (a share scores what it is).
 */
export const defaultIndicatorSettings: IndicatorSettings = {
  catalogue_complete: { weight: 2, target: 1 },
  feedback_published: { weight: 1, target: 1 },
  on_time: { weight: 3, target: 1 },
  overdue_apology: { weight: 1, target: 1 },
  digitized: { weight: 2, target: 1 },
  electronic_results: { weight: 2, target: 1 },
  data_reuse: { weight: 1, target: 1 },
  online: { weight: 2, target: 1 },
  fully_online: { weight: 1, target: 1 },
  online_payment: { weight: 1, target: 1 },
  satisfied: { weight: 2, target: 1 },
  rating_average: { weight: 1, target: 1 },
  feedback_on_time: { weight: 1, target: 1 },
};

export const defaultVersionEffectiveFrom: PlainDate = '2022-08-01';

/**
 * What is wrong with a set of settings (empty when none): every indicator present with a finite
 * weight in [0, 100] and a target in (0, 1]; no unknown indicator; in every group at least one
 * indicator with a positive weight (a group must be able to score).
 */
export function settingsProblems(settings: Record<string, { weight: number; target: number } | undefined>): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const known = new Set<string>(serviceIndexIndicators.map((i) => i.key));
  for (const key of Object.keys(settings)) if (!known.has(key)) problems.push({ path: `indicators.${key}`, message: 'unknown indicator' });
  for (const indicator of serviceIndexIndicators) {
    const s = settings[indicator.key];
    if (!s) {
      problems.push({ path: `indicators.${indicator.key}`, message: 'missing' });
      continue;
    }
    if (!Number.isFinite(s.weight) || s.weight < 0 || s.weight > maxIndicatorWeight) {
      problems.push({ path: `indicators.${indicator.key}.weight`, message: `a weight is a number from 0 to ${maxIndicatorWeight}` });
    }
    if (!Number.isFinite(s.target) || s.target <= 0 || s.target > 1) {
      problems.push({ path: `indicators.${indicator.key}.target`, message: 'a target is a share above 0 and at most 1' });
    }
  }
  for (const group of serviceIndexGroups) {
    const total = serviceIndexIndicators.filter((i) => i.group === group.key).reduce((sum, i) => sum + (settings[i.key]?.weight ?? 0), 0);
    if (!(total > 0)) problems.push({ path: `groups.${group.key}`, message: 'at least one indicator of the group needs a positive weight' });
  }
  return problems;
}

/**
 * The version a period starting on `periodFrom` is scored with: the latest version effective at or
 * before that day (of two effective the same day, the one made later); for a period before every
 * version, the earliest one.
 */
export function indexVersionInForce<V extends Pick<ServiceIndexVersion, 'number' | 'effectiveFrom'>>(versions: readonly V[], periodFrom: PlainDate): V {
  if (versions.length === 0) throw new Error('no version of the service index weights');
  const later = (a: V, b: V) => (a.effectiveFrom !== b.effectiveFrom ? a.effectiveFrom > b.effectiveFrom : a.number > b.number);
  let best: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= periodFrom && (!best || later(v, best))) best = v;
  if (best) return best;
  return versions.reduce((a, b) => (later(a, b) ? b : a));
}

/** The first day of the month after `today` (a local date): when a version made today takes effect. */
export function nextVersionEffectiveFrom(today: PlainDate): PlainDate {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 12 ? plainDate(y + 1, 1, 1) : plainDate(y, m + 1, 1);
}

/** True for the first day of a month (the only days a version may take effect). */
export const isMonthStart = (date: PlainDate): boolean => date.endsWith('-01');

/** The groups' total weights of a set of settings (for showing each indicator's share of its group). */
export function groupWeights(settings: IndicatorSettings): Record<ServiceIndexGroup, number> {
  const out = Object.fromEntries(serviceIndexGroups.map((g) => [g.key, 0])) as Record<ServiceIndexGroup, number>;
  for (const i of serviceIndexIndicators) out[i.group] += settings[i.key].weight;
  return out;
}
