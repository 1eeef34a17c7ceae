import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AppError, addDays, compareDates, dayOfWeek, daysBetween, epochDayOf, formatInstant, isPlainDate, localDateOf,
  parseInstant, parseTimeOfDay, plainDateOfEpochDay, startOfLocalDay, endOfLocalDay, toPlainDate,
} from '../../src/index.ts';

describe('instants', () => {
  it.each([
    ['2024-03-12T10:00:00+07:00', Date.UTC(2024, 2, 12, 3, 0, 0)],
    ['2024-03-11T20:00:00Z', Date.UTC(2024, 2, 11, 20, 0, 0)],
    ['2024-03-11T20:00:00z', Date.UTC(2024, 2, 11, 20, 0, 0)],
    ['2024-03-12T10:00+07:00', Date.UTC(2024, 2, 12, 3, 0, 0)],
    ['2024-03-12T10:00:00+0700', Date.UTC(2024, 2, 12, 3, 0, 0)],
    ['2024-03-12T10:00:00+07', Date.UTC(2024, 2, 12, 3, 0, 0)],
    ['2024-03-12T10:00:00-05:30', Date.UTC(2024, 2, 12, 15, 30, 0)],
    ['2024-02-29T23:59:59.999+07:00', Date.UTC(2024, 1, 29, 16, 59, 59, 999)],
    ['2025-03-04T15:00:00.9+07:00', Date.UTC(2025, 2, 4, 8, 0, 0, 900)],
    ['2025-03-04T15:00:00.123456789+07:00', Date.UTC(2025, 2, 4, 8, 0, 0, 123)],
  ])('parses %s with its offset', (iso, expected) => {
    expect(parseInstant(iso)).toBe(expected);
  });

  it.each([
    '2024-03-12T10:00:00', '2024-03-12 10:00:00+07:00', '2024-02-30T10:00:00+07:00', '2023-02-29T10:00:00Z',
    '2024-03-12T24:00:00Z', '2024-03-12T10:60:00Z', '2024-03-12', 'yesterday', '', '2024-03-12T10:00:00+07:00 ',
  ])('refuses %j, which is not an instant with an offset', (iso) => {
    expect(() => parseInstant(iso)).toThrow(AppError);
    try {
      parseInstant(iso);
    } catch (error) {
      expect((error as AppError).code).toBe('calendar.invalid_instant');
    }
  });

  it('formats in Vietnam time with milliseconds only when there are some', () => {
    expect(formatInstant(Date.UTC(2024, 2, 11, 20, 0, 0))).toBe('2024-03-12T03:00:00+07:00');
    expect(formatInstant(Date.UTC(2025, 2, 4, 8, 0, 0, 900))).toBe('2025-03-04T15:00:00.900+07:00');
    expect(formatInstant(Date.UTC(1999, 11, 31, 17, 0, 0))).toBe('2000-01-01T00:00:00+07:00');
    expect(() => formatInstant(Number.NaN)).toThrow(AppError);
  });

  it('round-trips any instant through its formatted text', () => {
    const range = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(fc.property(range, (ms) => parseInstant(formatInstant(ms)) === ms));
  });

  it('agrees with the UTC fields of Date on the local date and time', () => {
    const range = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(range, (ms) => {
        const shifted = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);
        return formatInstant(ms).startsWith(shifted) && localDateOf(ms) === shifted.slice(0, 10);
      }),
    );
  });
});

describe('plain dates', () => {
  it('validates real dates only', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('2100-02-29')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
    expect(isPlainDate('2024-13-01')).toBe(false);
    expect(isPlainDate('2024-1-01')).toBe(false);
    expect(() => toPlainDate('2024-04-31')).toThrow(AppError);
  });

  it('takes the local date in Vietnam whatever the offset written', () => {
    expect(localDateOf(parseInstant('2024-03-11T17:00:00Z'))).toBe('2024-03-12');
    expect(localDateOf(parseInstant('2024-03-11T16:59:59.999Z'))).toBe('2024-03-11');
    expect(localDateOf(parseInstant('2024-03-11T23:30:00-05:00'))).toBe('2024-03-12');
  });

  it('starts a local day at 00:00 in Vietnam', () => {
    expect(startOfLocalDay('2024-03-12')).toBe(Date.UTC(2024, 2, 11, 17, 0, 0));
    expect(formatInstant(startOfLocalDay('2026-01-01'))).toBe('2026-01-01T00:00:00+07:00');
    // A filter up to and including a day stops where the next one starts, across months and years.
    expect(formatInstant(endOfLocalDay('2025-12-31'))).toBe('2026-01-01T00:00:00+07:00');
    expect(formatInstant(endOfLocalDay('2024-02-28'))).toBe('2024-02-29T00:00:00+07:00');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-06-02', 15)).toBe('2025-06-17');
    expect(daysBetween('2022-12-15', '2023-09-14')).toBe(273);
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2023-01-01')).toBe(0);
    expect(dayOfWeek('2025-04-26')).toBe(6);
    expect(dayOfWeek('1899-12-31')).toBe(0);
  });

  it('orders dates', () => {
    expect(compareDates('2024-01-02', '2024-01-10')).toBeLessThan(0);
    expect(compareDates('2024-01-10', '2024-01-10')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBeGreaterThan(0);
  });

  it('converts days since 1970 both ways like Date.UTC does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 100_000 }), (n) => {
        const date = plainDateOfEpochDay(n);
        return epochDayOf(date) === n && date === new Date(n * 86_400_000).toISOString().slice(0, 10);
      }),
    );
  });

  it('parses local times of day', () => {
    expect(parseTimeOfDay('15:00')).toBe(15 * 3_600_000);
    expect(parseTimeOfDay('07:30:15')).toBe(7.5 * 3_600_000 + 15_000);
    expect(parseTimeOfDay('24:00')).toBe(86_400_000);
    for (const bad of ['25:00', '7:30', '12:60', '24:01', '']) expect(() => parseTimeOfDay(bad)).toThrow(AppError);
  });
});
