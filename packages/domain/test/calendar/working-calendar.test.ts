import { describe, expect, it } from 'vitest';
import {
  AppError, createWorkingCalendar, endOfWorkingDay, formatInstant, isWorkingDay, isWorkingInstant, nextWorkingInstant,
  withOfficialSchedules,
} from '../../src/index.ts';
import { at, calendar, officialSchedules } from './support.ts';

describe('the working calendar', () => {
  it('has the default working week and day: Monday to Friday, 08:00–12:00 and 13:00–17:00, an 8-hour standard day', () => {
    const plain = createWorkingCalendar();
    expect(plain.periods).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(plain.weeklyDaysOff).toEqual([6, 0]);
    expect(plain.standardDayMs).toBe(8 * 3_600_000);
    expect(plain.officialSchedules).toEqual({});
  });

  it('lets the official schedule alone decide in its year', () => {
    // 2024: Thu 8 Feb off by the official schedule, although the default rules would keep it.
    expect(isWorkingDay(calendar, '2024-02-08')).toBe(false);
    expect(isWorkingDay(calendar, '2024-02-15')).toBe(true); // a default compensation day, not official
    expect(isWorkingDay(calendar, '2024-05-04')).toBe(true); // make-up Saturday
    expect(isWorkingDay(calendar, '2024-05-05')).toBe(false);
    expect(isWorkingDay(calendar, '2026-08-31')).toBe(false); // swapped Monday
    expect(calendar.scheduleForYear(2026).official).toBe(true);
  });

  it('falls back on the default rules in a year without an official schedule', () => {
    expect(calendar.scheduleForYear(2027).official).toBe(false);
    expect(isWorkingDay(calendar, '2027-02-10')).toBe(false); // Tết compensation
    expect(isWorkingDay(calendar, '2027-02-12')).toBe(true);
    expect(isWorkingDay(calendar, '2022-09-01')).toBe(false);
  });

  it('treats the working periods as half-open', () => {
    expect(isWorkingInstant(calendar, at('2025-03-11 08:00'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-03-11 11:59:59.999'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-03-11 12:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-03-11 13:00'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-03-11 17:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-03-08 10:00'))).toBe(false);
  });

  it('finds the next working instant across lunch, nights, weekends and Tết', () => {
    const next = (local: string) => formatInstant(nextWorkingInstant(calendar, at(local)));
    expect(next('2025-03-11 10:00')).toBe('2025-03-11T10:00:00+07:00');
    expect(next('2025-03-11 12:00')).toBe('2025-03-11T13:00:00+07:00');
    expect(next('2025-03-11 17:00')).toBe('2025-03-12T08:00:00+07:00');
    expect(next('2025-03-07 18:00')).toBe('2025-03-10T08:00:00+07:00');
    expect(next('2026-02-13 17:30')).toBe('2026-02-23T08:00:00+07:00');
    expect(formatInstant(calendar.endOfWorkingDay('2025-03-11'))).toBe('2025-03-11T17:00:00+07:00');
    expect(formatInstant(endOfWorkingDay(calendar, '2025-03-11'))).toBe('2025-03-11T17:00:00+07:00');
    expect(calendar.nextWorkingDay('2025-01-24')).toBe('2025-02-03');
  });

  it('builds per-agency calendars from configuration alone', () => {
    const saturdayMornings = createWorkingCalendar({
      periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }],
      weeklyDaysOff: [0],
      officialSchedules,
    });
    expect(saturdayMornings.isWorkingDay('2025-03-08')).toBe(true);
    expect(saturdayMornings.isWorkingInstant(at('2025-03-08 07:30'))).toBe(true);
    expect(formatInstant(saturdayMornings.nextWorkingInstant(at('2025-03-08 11:45')))).toBe('2025-03-08T13:30:00+07:00');
    expect(formatInstant(saturdayMornings.endOfWorkingDay('2025-03-08'))).toBe('2025-03-08T17:30:00+07:00');
  });

  it('takes an official schedule loaded at run time without changing the calendar it came from', () => {
    const schedule2027 = { daysOff: ['2027-02-04' as const, '2027-02-05' as const], workingDays: ['2027-02-20' as const] };
    const updated = withOfficialSchedules(calendar, { 2027: schedule2027 });
    expect(updated.isWorkingDay('2027-02-04')).toBe(false);
    expect(updated.isWorkingDay('2027-02-10')).toBe(true); // the default compensation no longer applies
    expect(updated.isWorkingDay('2027-02-20')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
    expect(updated.isWorkingDay('2026-08-22')).toBe(true); // earlier official years are kept
  });

  it('refuses an invalid configuration with calendar.invalid_config', () => {
    const bad = [
      { periods: [] },
      { periods: [{ start: '13:00', end: '12:00' }] },
      { periods: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] },
      { periods: [{ start: '8h', end: '12:00' }] },
      { weeklyDaysOff: [0, 1, 2, 3, 4, 5, 6] },
      { weeklyDaysOff: [7] },
      { statutoryRules: [{ id: 'x', calendar: 'solar' as const, month: 0, day: 1 }] },
    ];
    for (const config of bad) {
      expect(() => createWorkingCalendar(config), JSON.stringify(config)).toThrow(expect.objectContaining({ code: 'calendar.invalid_config' }));
    }
  });

  it('refuses dates outside the supported years', () => {
    expect(() => calendar.isWorkingDay('1700-01-01' as never)).toThrow(AppError);
    expect(() => calendar.workingClock(Date.UTC(2400, 0, 1))).toThrow(expect.objectContaining({ code: 'calendar.out_of_range' }));
  });

  it('keeps its working clock consistent when its tables grow backwards and forwards', () => {
    const fresh = createWorkingCalendar({ officialSchedules });
    const a = at('2025-03-11 10:00');
    const clockA = fresh.workingClock(a);
    const old = fresh.workingClock(at('1995-06-01 09:00'));
    const later = fresh.workingClock(at('2090-06-01 09:00'));
    expect(fresh.workingClock(a)).toBe(clockA);
    expect(old).toBeLessThan(clockA);
    expect(later).toBeGreaterThan(clockA);
    expect(fresh.instantAtWorkingClock(clockA)).toBe(a);
  });
});
