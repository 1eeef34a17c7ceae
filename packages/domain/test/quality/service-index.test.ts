import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  competitionRanks, defaultIndicatorSettings, plainDate, onlinePaymentShare, emptyServiceIndexFacts, indexVersionInForce, indicatorRaw, nextVersionEffectiveFrom, previousPeriod,
  rankUnits, rankableTotal, scoreServiceIndex, serviceIndexFactKeys, serviceIndexGroups, serviceIndexIndicators, settingsProblems,
  type IndicatorSettings, type ServiceIndexFacts,
} from '../../src/index.ts';

/** A unit's figures for a period, worked out by hand below. */
const facts = (over: Partial<ServiceIndexFacts> = {}): ServiceIndexFacts => ({
  ...emptyServiceIndexFacts(),
  proceduresHandled: 16, proceduresComplete: 8,
  resolved: 40, resolvedInTime: 36, overdue: 4, overdueApologized: 1,
  receivedInPeriod: 50, digitized: 40, resultsElectronic: 20, reused: 5,
  online: 20, fullyOnlineReceived: 30, fullyOnlineOnline: 15, payments: 10, onlinePayments: 4,
  ratings: 8, ratingsSatisfied: 6, ratingPoints: 32, feedbackDue: 2, feedbackAnsweredOnTime: 1,
  ...over,
});

const groupScores = (s: ReturnType<typeof scoreServiceIndex>) => Object.fromEntries(s.groups.map((g) => [g.key, g.score]));

describe('the score of a unit (docs/rules/service-quality.md, "Scores")', () => {
  it('gives each group its points × the weighted mean of its indicators, the total out of 100', () => {
    const s = scoreServiceIndex(facts(), defaultIndicatorSettings);
    // publicity: catalogue 8/16 = 0.5 (feedback published: no answer with consent, left out) → 18 × 0.5 = 9
    // progress: (3 × 36/40 + 1 × 1/4) / 4 = (2.7 + 0.25) / 4 = 0.7375 → 20 × 0.7375 = 14.75
    // digitization: (2 × 40/50 + 2 × 20/40 + 1 × 5/50) / 5 = (1.6 + 1 + 0.1) / 5 = 0.54 → 22 × 0.54 = 11.88
    // online: (2 × 20/50 + 1 × 15/30 + 1 × 4/10) / 4 = (0.8 + 0.5 + 0.4) / 4 = 0.425 → 22 × 0.425 = 9.35
    // satisfaction: (2 × 6/8 + 1 × (32/8 − 1)/4 + 1 × 1/2) / 4 = (1.5 + 0.75 + 0.5) / 4 = 0.6875 → 18 × 0.6875 = 12.375 → 12.38
    expect(groupScores(s)).toEqual({ publicity: 9, progress: 14.75, digitization: 11.88, online: 9.35, satisfaction: 12.38 });
    // 9 + 14.75 + 11.88 + 9.35 + 12.38
    expect(s.total).toBe(57.36);
    expect(s.pointsCounted).toBe(100);
    expect(s.indicators.find((i) => i.key === 'feedback_published')).toMatchObject({ raw: null, value: null, counted: false });
    expect(s.indicators.find((i) => i.key === 'rating_average')).toMatchObject({ numerator: 32, denominator: 8, raw: 0.75, value: 0.75 });
  });

  it('leaves out a group without data and brings the others back to 100', () => {
    const s = scoreServiceIndex(facts({ ratings: 0, ratingsSatisfied: 0, ratingPoints: 0, feedbackDue: 0, feedbackAnsweredOnTime: 0 }), defaultIndicatorSettings);
    expect(groupScores(s).satisfaction).toBeNull();
    expect(s.pointsCounted).toBe(82);
    // (9 + 14.75 + 11.88 + 9.35) × 100 / 82 = 4498 / 82 = 54.853… → 54.85
    expect(s.total).toBe(54.85);
  });

  it('gives full marks from the target on, and none of the weight of an indicator weighted 0', () => {
    const settings: IndicatorSettings = { ...defaultIndicatorSettings, online: { weight: 2, target: 0.5 }, online_payment: { weight: 0, target: 1 } };
    const s = scoreServiceIndex(facts(), settings);
    // online: 0.4 / 0.5 = 0.8; fully online 0.5; online payments weighted 0 → (2 × 0.8 + 1 × 0.5) / 3 = 0.7 → 22 × 0.7 = 15.4
    expect(s.indicators.find((i) => i.key === 'online')).toMatchObject({ raw: 0.4, value: 0.8 });
    expect(groupScores(s).online).toBe(15.4);
    expect(scoreServiceIndex(facts({ online: 30 }), settings).indicators.find((i) => i.key === 'online')!.value).toBe(1);
  });

  it('has no index for a unit without data', () => {
    const s = scoreServiceIndex(emptyServiceIndexFacts(), defaultIndicatorSettings);
    expect(s.total).toBeNull();
    expect(s.groups.every((g) => g.score === null)).toBe(true);
  });

  it('caps a share at 1 and brings a mean score of 1..5 to 0..1', () => {
    expect(indicatorRaw('share', 12, 10)).toBe(1);
    expect(indicatorRaw('share', 2, 3)).toBe(0.6667);
    expect(indicatorRaw('share', 1, 0)).toBeNull();
    expect(indicatorRaw('mean_score', 5, 5)).toBe(0);
    expect(indicatorRaw('mean_score', 25, 5)).toBe(1);
    expect(indicatorRaw('mean_score', 7, 2)).toBe(0.625);
  });

  it('takes a share as the reports’ rate: the online payment share is the fee report’s', () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), (online, others) => {
      const s = scoreServiceIndex(facts({ payments: online + others, onlinePayments: online }), defaultIndicatorSettings);
      const share = onlinePaymentShare({ payments: online + others, onlinePayments: online, collected: 0, collectedOnline: 0 }).byCount;
      expect(s.indicators.find((i) => i.key === 'online_payment')!.raw).toBe(share);
    }));
  });

  const anyFacts = fc.record(Object.fromEntries(serviceIndexFactKeys.map((k) => [k, fc.nat(1000)])) as Record<keyof ServiceIndexFacts, fc.Arbitrary<number>>)
    .map((f) => {
      // Numerators never above their denominators, mean scores within 1..5 per rating.
      for (const i of serviceIndexIndicators) {
        if (i.formula === 'share') f[i.numerator] = Math.min(f[i.numerator], f[i.denominator]);
      }
      f.ratingPoints = Math.min(Math.max(f.ratingPoints, f.ratings), 5 * f.ratings);
      return f;
    });

  it('stays within 0..100, and adds up to the groups when every group has data', () => {
    fc.assert(fc.property(anyFacts, (f) => {
      const s = scoreServiceIndex(f, defaultIndicatorSettings);
      if (s.total === null) return;
      expect(s.total).toBeGreaterThanOrEqual(0);
      expect(s.total).toBeLessThanOrEqual(100);
      for (const g of s.groups) if (g.score !== null) expect(g.score).toBeLessThanOrEqual(g.points);
      if (s.pointsCounted === 100) expect(Math.round(s.total * 100)).toBe(s.groups.reduce((sum, g) => sum + Math.round(g.score! * 100), 0));
    }));
  });

  it('never lowers the total when one more dossier is resolved on time', () => {
    fc.assert(fc.property(anyFacts, (f) => {
      fc.pre(f.resolvedInTime < f.resolved);
      const before = scoreServiceIndex(f, defaultIndicatorSettings).total!;
      const after = scoreServiceIndex({ ...f, resolvedInTime: f.resolvedInTime + 1 }, defaultIndicatorSettings).total!;
      // Rounding of group scores may hide a tiny gain, never make a loss.
      expect(after).toBeGreaterThanOrEqual(before);
    }));
  });
});

describe('versions of the weights (docs/rules/service-quality.md, "Versions of the weights")', () => {
  const v = (number: number, effectiveFrom: `${number}-${number}-${number}`) => ({ number, effectiveFrom });

  it('scores a period with the latest version effective at or before its first day', () => {
    const versions = [v(1, '2022-08-01'), v(2, '2026-07-01'), v(3, '2026-07-01'), v(4, '2027-01-01')];
    expect(indexVersionInForce(versions, '2026-06-01').number).toBe(1);
    expect(indexVersionInForce(versions, '2026-04-01').number).toBe(1); // quarter 2 began before the change
    expect(indexVersionInForce(versions, '2026-01-01').number).toBe(1); // the year too
    expect(indexVersionInForce(versions, '2026-07-01').number).toBe(3); // two the same day: the later one
    expect(indexVersionInForce(versions, '2026-12-15').number).toBe(3);
    expect(indexVersionInForce(versions, '2027-01-01').number).toBe(4);
    expect(indexVersionInForce(versions, '2020-01-01').number).toBe(1); // before every version: the earliest
  });

  it('makes a change effective from the first day of the next month, never the current one', () => {
    expect(nextVersionEffectiveFrom('2026-06-15')).toBe('2026-07-01');
    expect(nextVersionEffectiveFrom('2026-06-01')).toBe('2026-07-01');
    expect(nextVersionEffectiveFrom('2026-12-31')).toBe('2027-01-01');
    fc.assert(fc.property(fc.integer({ min: 2020, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      const today = plainDate(y, m, d);
      const from = nextVersionEffectiveFrom(today);
      expect(from > today).toBe(true);
      expect(from.endsWith('-01')).toBe(true);
      // Every period that has begun by today starts before it, so keeps its version.
      expect(indexVersionInForce([v(1, '2000-01-01'), v(2, from)], today).number).toBe(1);
    }));
  });

  it('checks a version: every indicator, weights 0..100, targets in (0, 1], a positive weight in every group', () => {
    expect(settingsProblems(defaultIndicatorSettings)).toEqual([]);
    const bad = { ...defaultIndicatorSettings, on_time: { weight: 0, target: 1 }, overdue_apology: { weight: 0, target: 0 }, unknown: { weight: 1, target: 1 } } as Record<string, { weight: number; target: number }>;
    delete bad.online;
    expect(settingsProblems(bad).map((p) => p.path).sort()).toEqual(['groups.progress', 'indicators.online', 'indicators.overdue_apology.target', 'indicators.unknown']);
    expect(settingsProblems({ ...defaultIndicatorSettings, digitized: { weight: 101, target: 1 } }).map((p) => p.path)).toEqual(['indicators.digitized.weight']);
  });

  it('has defaults for every indicator of the five groups of 100 points', () => {
    expect(serviceIndexGroups.reduce((sum, g) => sum + g.points, 0)).toBe(100);
    expect(Object.keys(defaultIndicatorSettings).sort()).toEqual(serviceIndexIndicators.map((i) => i.key).sort());
  });
});

describe('rankings (docs/rules/service-quality.md, "Rankings")', () => {
  it('ranks equal totals together and skips the places they take (1, 2, 2, 4)', () => {
    expect(competitionRanks([90, 80.5, 80.5, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([70, null, 90, 70, 70])).toEqual([2, null, 1, 2, 2]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('compares with the previous period: rank, out of how many, and the change', () => {
    const units = [{ a: 'A', now: 80, before: 70 }, { a: 'B', now: 85, before: 90 }, { a: 'C', now: 60, before: null }, { a: 'D', now: null, before: 75 }];
    const ranked = rankUnits(units, (u) => u.now, (u) => u.before);
    expect(ranked.map((r) => [r.unit.a, r.rank, r.of, r.previousRank, r.previousOf, r.change])).toEqual([
      ['A', 2, 3, 3, 3, 1], // from 3rd to 2nd: up one
      ['B', 1, 3, 1, 3, 0],
      ['C', 3, 3, null, 3, null],
      ['D', null, 3, 2, 3, null],
    ]);
  });

  it('ranks only units that handled a dossier in the period', () => {
    const none = { ...emptyServiceIndexFacts(), proceduresHandled: 4, proceduresComplete: 2 };
    expect(scoreServiceIndex(none, defaultIndicatorSettings).total).toBe(50);
    expect(rankableTotal(none, 50)).toBeNull();
    expect(rankableTotal({ ...none, overdue: 1 }, 12.5)).toBe(12.5);
    expect(rankableTotal({ ...none, receivedInPeriod: 1 }, null)).toBeNull();
  });

  it('gives every unit 1 + the number of units strictly above it', () => {
    const totals = fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), { nil: null }), { maxLength: 40 });
    fc.assert(fc.property(totals, (ts) => {
      const ranks = competitionRanks(ts);
      ts.forEach((t, i) => {
        if (t === null) return expect(ranks[i]).toBeNull();
        expect(ranks[i]).toBe(1 + ts.filter((o) => o !== null && o > t).length);
      });
      // Sorted by total, ranks never go down, and a rank r means r − 1 units before it.
      const ranked = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
      ranked.forEach((r, i) => expect(r).toBeLessThanOrEqual(i + 1));
      if (ranked.length) expect(ranked[0]).toBe(1);
    }));
  });
});

describe('the period a ranking is compared with', () => {
  it('is the month, quarter or year before for whole months, else as many days before', () => {
    expect(previousPeriod({ from: '2026-07-01', to: '2026-07-31' })).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // The official year (15/12 – 14/12) is not whole months: the 365 days before it.
    expect(previousPeriod({ from: '2025-12-15', to: '2026-12-14' })).toEqual({ from: '2024-12-15', to: '2025-12-14' });
    expect(previousPeriod({ from: '2026-06-10', to: '2026-06-19' })).toEqual({ from: '2026-05-31', to: '2026-06-09' });
  });
});
