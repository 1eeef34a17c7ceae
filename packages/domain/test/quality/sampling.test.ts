import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawKey, drawSample, samplingPlanIssue, stratumSampleSize, type SamplingPlan } from '../../src/index.ts';

const dossiers = (unit: string, n: number) => Array.from({ length: n }, (_, i) => ({ code: `${unit}-2025-${String(i + 1).padStart(4, '0')}`, unit }));

describe('the size of a unit’s sample', () => {
  it.each([
    [{ mode: 'size', size: 30 }, 100, 30],
    [{ mode: 'size', size: 30 }, 12, 12],
    [{ mode: 'size', size: 30 }, 0, 0],
    [{ mode: 'fraction', fraction: 0.1, minimum: 0 }, 30, 3],
    [{ mode: 'fraction', fraction: 0.1, minimum: 0 }, 31, 4],
    [{ mode: 'fraction', fraction: 0.1, minimum: 5 }, 30, 5],
    [{ mode: 'fraction', fraction: 0.1, minimum: 5 }, 4, 4],
    [{ mode: 'fraction', fraction: 1, minimum: 0 }, 17, 17],
    [{ mode: 'fraction', fraction: 0.07, minimum: 0 }, 100, 7],
  ] as Array<[SamplingPlan, number, number]>)('%o of %i dossiers draws %i', (plan, population, expected) => {
    expect(stratumSampleSize(plan, population)).toBe(expected);
  });

  it('refuses impossible plans', () => {
    expect(samplingPlanIssue({ mode: 'size', size: 0 })).toBeDefined();
    expect(samplingPlanIssue({ mode: 'size', size: 2.5 })).toBeDefined();
    expect(samplingPlanIssue({ mode: 'fraction', fraction: 0, minimum: 0 })).toBeDefined();
    expect(samplingPlanIssue({ mode: 'fraction', fraction: 1.2, minimum: 0 })).toBeDefined();
    expect(samplingPlanIssue({ mode: 'fraction', fraction: 0.2, minimum: -1 })).toBeDefined();
    expect(samplingPlanIssue({ mode: 'fraction', fraction: 0.2, minimum: 3 })).toBeUndefined();
  });
});

describe('drawing the sample', () => {
  const population = [...dossiers('A', 40), ...dossiers('B', 7), ...dossiers('C', 120)];
  const plan: SamplingPlan = { mode: 'size', size: 10 };

  it('draws the same sample from the same seed, whatever the order of the list', () => {
    const first = drawSample(population, plan, 'quy-3-2025');
    const shuffled = [...population].reverse().sort((a, b) => drawKey('other', a.code) - drawKey('other', b.code));
    expect(drawSample(shuffled, plan, 'quy-3-2025')).toEqual(first);
  });

  it('is stratified by unit: each unit gets its own size, a small unit all of its dossiers, and only its own dossiers', () => {
    const sample = drawSample(population, plan, 'seed-1');
    expect(sample.map((u) => [u.unit, u.population, u.chosen.length])).toEqual([['A', 40, 10], ['B', 7, 7], ['C', 120, 10]]);
    for (const u of sample) {
      expect(new Set(u.chosen).size).toBe(u.chosen.length);
      for (const code of u.chosen) expect(code.startsWith(`${u.unit}-`)).toBe(true);
    }
  });

  it('draws differently from another seed', () => {
    const a = drawSample(population, plan, 'seed-1').find((u) => u.unit === 'C')!.chosen;
    const b = drawSample(population, plan, 'seed-2').find((u) => u.unit === 'C')!.chosen;
    expect(a).not.toEqual(b);
  });

  it('takes the dossiers with the smallest keys, in the order of their keys (anyone can check a draw by hand)', () => {
    const unit = dossiers('D', 25);
    const [drawn] = drawSample(unit, { mode: 'size', size: 5 }, 'kiem-tra');
    const byKey = unit.map((d) => ({ code: d.code, key: drawKey('kiem-tra', d.code) })).sort((x, y) => x.key - y.key);
    expect(drawn!.chosen).toEqual(byKey.slice(0, 5).map((k) => k.code));
  });

  it('lists every surveyed unit, even one with nothing closed, and counts a dossier listed twice once', () => {
    const sample = drawSample([...dossiers('A', 3), ...dossiers('A', 3)], plan, 's', ['A', 'Z']);
    expect(sample).toEqual([expect.objectContaining({ unit: 'A', population: 3 }), { unit: 'Z', population: 0, chosen: [] }]);
  });

  it('gives every dossier the same chance: over many seeds each of 20 is drawn about 5 times in 20 draws of 5', () => {
    const unit = dossiers('E', 20);
    const counts = new Map(unit.map((d) => [d.code, 0]));
    const runs = 4000;
    for (let s = 0; s < runs; s++) for (const code of drawSample(unit, { mode: 'size', size: 5 }, `seed-${s}`)[0]!.chosen) counts.set(code, counts.get(code)! + 1);
    // Expected 1000 each (4000 × 5/20); a binomial standard deviation is about 27: ±130 is almost five of them.
    for (const n of counts.values()) expect(Math.abs(n - runs / 4)).toBeLessThan(130);
  });

  it('never draws more than the population nor a dossier of another unit (any plan, any seed)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ unit: fc.constantFrom('X', 'Y', 'Z'), n: fc.integer({ min: 0, max: 999 }) }), { maxLength: 80 }),
      fc.oneof(
        fc.record({ mode: fc.constant('size' as const), size: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ mode: fc.constant('fraction' as const), fraction: fc.double({ min: 0.01, max: 1, noNaN: true }), minimum: fc.integer({ min: 0, max: 5 }) }),
      ),
      fc.string(),
      (items, p, seed) => {
        const pop = items.map((i) => ({ unit: i.unit, code: `${i.unit}${i.n}` }));
        for (const u of drawSample(pop, p as SamplingPlan, seed)) {
          const own = new Set(pop.filter((d) => d.unit === u.unit).map((d) => d.code));
          expect(u.population).toBe(own.size);
          expect(u.chosen.length).toBe(stratumSampleSize(p as SamplingPlan, own.size));
          for (const c of u.chosen) expect(own.has(c)).toBe(true);
        }
      },
    ), { seed: 20251215, numRuns: 200 });
  });

  it('computes keys below 2^53 that depend on both the seed and the code', () => {
    const k = drawKey('a', 'b');
    expect(Number.isSafeInteger(k)).toBe(true);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(drawKey('a', 'b')).toBe(k);
    expect(drawKey('a', 'c')).not.toBe(k);
    expect(drawKey('ab', '')).not.toBe(drawKey('a', 'b'));
  });
});
