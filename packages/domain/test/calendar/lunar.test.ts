import { LunarDate as ReferenceLunarDate, SolarDate as ReferenceSolarDate } from '@nghiavuive/lunar_date_vi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AppError, addDays, leapMonthOf, lunarMonthsOfYear, lunarNewYear, lunarToSolar, plainDate, plainDateOfEpochDay,
  solarToLunar, epochDayOf, type PlainDate,
} from '../../src/index.ts';

/** The reference package's solar date of a lunar date (regular month). */
function referenceSolar(year: number, month: number, day: number): PlainDate {
  const lunar = new ReferenceLunarDate({ year, month, day, leap_month: false });
  lunar.init();
  const solar = lunar.toSolarDate().get();
  return plainDate(solar.year, solar.month, solar.day);
}

/**
 * Where the reference package (a table) and the astronomical computation disagree on Tết:
 * 1916 — the new moon of 3/4 Feb fell 7 minutes after midnight UTC+8, within the error of the
 * short series; the calendar of the time (Beijing mean time, UTC+7:46) had 3 Feb.
 * 1925 — the new moon of 24 Jan (a total solar eclipse, 14:5x UT) fell at 22:46 UTC+8, so
 * 24 Jan is astronomically right; the reference has 25 Jan.
 */
const knownTetDivergences: Record<number, { computed: PlainDate; reference: PlainDate }> = {
  1916: { computed: '1916-02-04', reference: '1916-02-03' },
  1925: { computed: '1925-01-24', reference: '1925-01-25' },
};

describe('the Vietnamese lunar calendar', () => {
  it.each([
    [1985, '1985-01-21'], [2007, '2007-02-17'], [2023, '2023-01-22'], [2024, '2024-02-10'], [2025, '2025-01-29'],
    [2026, '2026-02-17'], [2027, '2027-02-06'], [2028, '2028-01-26'], [2029, '2029-02-13'], [2030, '2030-02-02'],
  ])('puts Tết %i on %s in Vietnam', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date as PlainDate)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('computes Tết Mậu Thân 1968 on 29 January, the first year of the UTC+7 calendar', () => {
    expect(lunarNewYear(1968)).toBe('1968-01-29');
  });

  it.each([
    [2023, '2023-04-29'], [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26'],
  ])("puts Hùng Kings' day %i on %s", (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it('knows the leap months of recent years', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2031)).toBe(3);
    expect(lunarMonthsOfYear(2025)).toHaveLength(13);
    expect(lunarMonthsOfYear(2026)).toHaveLength(12);
  });

  it('converts both ways across a leap month', () => {
    // 2025 has a leap 6th month: 6/1 on 25 Jun, leap 6/1 on 25 Jul.
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false })).toBe('2025-06-25');
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2024, month: 3, day: 1, leap: true })).toThrow(AppError);
    expect(() => lunarToSolar({ year: 2024, month: 13, day: 1, leap: false })).toThrow(AppError);
    const short = lunarMonthsOfYear(2025).find((m) => m.length === 29)!;
    expect(() => lunarToSolar({ year: 2025, month: short.month, day: 30, leap: short.leap })).toThrow(AppError);
  });

  it('lays the months of a lunar year end to end from Tết to the next Tết', () => {
    for (const year of [1985, 2007, 2023, 2025, 2030, 2033]) {
      const months = lunarMonthsOfYear(year);
      expect(months[0]!.start).toBe(lunarNewYear(year));
      let next = months[0]!.start;
      for (const m of months) {
        expect(m.start).toBe(next);
        expect([29, 30]).toContain(m.length);
        next = addDays(m.start, m.length);
      }
      expect(next).toBe(lunarNewYear(year + 1));
    }
  });

  it('puts Hùng Kings\' day of a year with a leap 3rd month in the regular 3rd month', () => {
    const regular = lunarToSolar({ year: 2031, month: 3, day: 10, leap: false });
    const leap = lunarToSolar({ year: 2031, month: 3, day: 10, leap: true });
    expect(epochDayOf(leap) - epochDayOf(regular)).toBeGreaterThanOrEqual(29);
    expect(regular).toBe(referenceSolar(2031, 3, 10));
  });

  it("agrees with @nghiavuive/lunar_date_vi on every Tết and Hùng Kings' day from 1900 to 2100", () => {
    const tetDisagreements: Record<number, { computed: PlainDate; reference: PlainDate }> = {};
    for (let year = 1900; year <= 2100; year++) {
      const computed = lunarNewYear(year);
      const reference = referenceSolar(year, 1, 1);
      if (computed !== reference) tetDisagreements[year] = { computed, reference };
      expect(lunarToSolar({ year, month: 3, day: 10, leap: false }), `Hùng Kings ${year}`).toBe(referenceSolar(year, 3, 10));
    }
    expect(tetDisagreements).toEqual(knownTetDivergences);
  });

  it('agrees with @nghiavuive/lunar_date_vi on every day from 1900 to 2100 but eight months', () => {
    // The reference is a table; each disagreement is one whole month whose first day hangs on a
    // new moon within minutes of local midnight (UTC+8 before 1968, UTC+7 after), where the short
    // series cannot decide — plus 1925, discussed above.
    const expected = [
      '1906-04-23..1906-05-22', '1914-11-17..1914-12-16', '1916-02-03..1916-03-03', '1920-11-10..1920-12-09',
      '1925-01-24..1925-02-22', '2054-05-07..2054-06-05', '2072-12-09..2073-01-07', '2077-11-15..2077-12-14',
    ];
    const ranges: string[] = [];
    let first: PlainDate | undefined;
    let previous: PlainDate | undefined;
    for (let day = epochDayOf('1900-01-01'); day <= epochDayOf('2101-01-01'); day++) {
      const date = plainDateOfEpochDay(day);
      let differs = false;
      if (date < '2101-01-01') {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const reference = new ReferenceSolarDate({ year: y, month: m, day: d }).toLunarDate().get();
        const computed = solarToLunar(date);
        differs = computed.year !== reference.year || computed.month !== reference.month ||
          computed.day !== reference.day || computed.leap !== reference.leap_month;
      }
      if (differs && !first) first = date;
      if (!differs && first) {
        ranges.push(`${first}..${previous}`);
        first = undefined;
      }
      previous = date;
    }
    expect(ranges).toEqual(expected);
  }, 30_000);

  it('maps every solar day to a lunar date and back', () => {
    const days = fc.integer({ min: epochDayOf('1900-03-01'), max: epochDayOf('2100-12-31') });
    fc.assert(fc.property(days, (epochDay) => {
      const date = plainDateOfEpochDay(epochDay);
      return lunarToSolar(solarToLunar(date)) === date;
    }));
  });
});
