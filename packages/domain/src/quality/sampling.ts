/**
 * The sample of a satisfaction survey (docs/rules/service-quality.md, "The sample"): stratified by
 * unit (the agency that received the dossier), drawn without replacement, reproducible from a
 * seed. Anyone with the seed and the list of dossier codes of each unit draws the same sample,
 * whatever order the list is in and on whatever machine.
 *
 * The draw: every dossier gets the key `drawKey(seed, code)`, a 53-bit number computed from the
 * seed and its code; the dossiers of a unit are put in the order of their keys (ties, which a
 * 53-bit key makes rare, by code), and the first `n` are taken. A good mixing function makes that
 * order a uniformly random permutation for a seed chosen at random, so every set of `n` dossiers of
 * the unit is equally likely: a simple random sample within each stratum. `n` comes from the
 * survey's plan: a size per unit, or a fraction of each unit's dossiers (rounded up, with a
 * minimum), never more than the unit has.
 */

/** How many dossiers to take in each unit: `size` of each, or `fraction` (0 < f ≤ 1) of each, at least `minimum`. */
export type SamplingPlan =
  | { mode: 'size'; size: number }
  | { mode: 'fraction'; fraction: number; minimum: number };

export const samplingLimits = { sizeMax: 100_000, minimumMax: 100_000 } as const;

/** What is wrong with a plan (English; the server's schema refuses the same). */
export function samplingPlanIssue(plan: SamplingPlan): string | undefined {
  if (plan.mode === 'size') {
    return Number.isInteger(plan.size) && plan.size >= 1 && plan.size <= samplingLimits.sizeMax ? undefined : `size is a whole number from 1 to ${samplingLimits.sizeMax}`;
  }
  if (!(plan.fraction > 0 && plan.fraction <= 1)) return 'fraction is more than 0 and at most 1';
  if (!Number.isInteger(plan.minimum) || plan.minimum < 0 || plan.minimum > samplingLimits.minimumMax) return `minimum is a whole number from 0 to ${samplingLimits.minimumMax}`;
  return undefined;
}

/**
 * The size of the sample of a unit of `population` dossiers: `min(population, size)`, or
 * `min(population, max(minimum, ⌈fraction × population⌉))`. The product is rounded to 9 decimals
 * before rounding up, so that 0,1 × 30 is 3 and not 4.
 */
export function stratumSampleSize(plan: SamplingPlan, population: number): number {
  if (population <= 0) return 0;
  if (plan.mode === 'size') return Math.min(population, plan.size);
  const exact = Math.round(plan.fraction * population * 1e9) / 1e9;
  return Math.min(population, Math.max(plan.minimum, Math.ceil(exact)));
}

/** Murmur3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The draw key of a dossier: two 32-bit lanes run over the UTF-16 code units of
 * `seed + "\u0000" + code` (multiply–xor with different odd constants), cross-mixed and
 * finalised, then joined into a number below 2^53. Pure and portable: the browser and the server
 * compute the same keys.
 */
export function drawKey(seed: string, code: string): number {
  const text = `${seed}\u0000${code}`;
  let a = 0x811c9dc5 ^ text.length;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const high = fmix32(a ^ Math.imul(b, 0x27d4eb2f));
  const low = fmix32(b ^ Math.imul(high, 0x165667b1));
  return high * 2 ** 21 + (low >>> 11);
}

export interface SampleUnit {
  unit: string;
  /** Dossiers of the unit in the population (closed in the period). */
  population: number;
  /** The codes drawn, in the order of their keys. */
  chosen: string[];
}

/**
 * Draws the sample of `population` (each dossier's code and its unit) under `plan` with `seed`.
 * Units come out in the order of their keys; a dossier listed twice counts once. `units` lists the
 * strata to report even when they have no dossier (a surveyed agency with nothing closed).
 */
export function drawSample(
  population: readonly { code: string; unit: string }[],
  plan: SamplingPlan,
  seed: string,
  units: readonly string[] = [],
): SampleUnit[] {
  const byUnit = new Map<string, Set<string>>(units.map((u) => [u, new Set<string>()]));
  for (const { code, unit } of population) {
    const codes = byUnit.get(unit) ?? new Set<string>();
    codes.add(code);
    byUnit.set(unit, codes);
  }
  return [...byUnit.keys()].sort().map((unit) => {
    const codes = [...byUnit.get(unit)!];
    const size = stratumSampleSize(plan, codes.length);
    const keyed = codes.map((code) => ({ code, key: drawKey(seed, code) }));
    keyed.sort((x, y) => x.key - y.key || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    return { unit, population: codes.length, chosen: keyed.slice(0, size).map((k) => k.code) };
  });
}
