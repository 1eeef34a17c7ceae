import { describe, expect, it } from 'vitest';
import {
  AppError, createWorkingCalendar, defaultHolidayRules, defaultScheduleForYear, holidaysOfYear, parseHolidaySchedules,
  validateHolidayRules, validateHolidaySchedules, type HolidayRule,
} from '../../src/index.ts';
import { holidaysJson } from './support.ts';

describe('the default schedule derived from the Labour Code rules', () => {
  it('derives 2023: New Year on Sunday, Tết from Saturday, Hùng Kings and 30 Apr on a weekend, 2 Sep on Saturday', () => {
    // 1 Jan Sun -> Mon 2. Tết: Sat 21 (eve) .. Wed 25 Jan, Sat 21 and Sun 22 -> Thu 26, Fri 27.
    // Hùng Kings Sat 29 Apr, 30 Apr Sun, 1 May Mon: block 29 Apr-1 May -> Tue 2, Wed 3 May.
    // National Day Fri 1 and Sat 2 Sep: block 1-3 Sep -> Mon 4 Sep.
    expect(defaultScheduleForYear(defaultHolidayRules, 2023)).toEqual({
      daysOff: [
        '2023-01-02', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27',
        '2023-05-01', '2023-05-02', '2023-05-03', '2023-09-01', '2023-09-04',
      ],
      workingDays: [],
    });
  });

  it('derives 2024: Tết from Friday 9 Feb with two compensation days, and 1 Sep on a Sunday', () => {
    // Tết Fri 9 (eve) .. Tue 13 Feb; Sat 10, Sun 11 -> Wed 14, Thu 15. Hùng Kings Thu 18 Apr.
    // National Day: Sun 1 Sep (day before) and Mon 2 Sep; block 31 Aug-2 Sep -> Tue 3 Sep.
    expect(defaultScheduleForYear(defaultHolidayRules, 2024).daysOff).toEqual([
      '2024-01-01', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15',
      '2024-04-18', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
    ]);
  });

  it('derives 2025: Tết ending on a Saturday is compensated on Monday 3 Feb', () => {
    expect(defaultScheduleForYear(defaultHolidayRules, 2025).daysOff).toEqual([
      '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    ]);
  });

  it('derives 2026: Hùng Kings on Sunday 26 Apr is compensated on Monday 27 Apr', () => {
    expect(defaultScheduleForYear(defaultHolidayRules, 2026).daysOff).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);
  });

  it('derives 2027, a year without an official schedule', () => {
    // Tết Sat 6 Feb: Fri 5 .. Tue 9, Sat 6 and Sun 7 -> Wed 10, Thu 11. Hùng Kings Fri 16 Apr.
    // 30 Apr Fri, 1 May Sat -> Mon 3 May. 1 and 2 Sep Wed-Thu.
    expect(defaultScheduleForYear(defaultHolidayRules, 2027).daysOff).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-01', '2027-09-02',
    ]);
  });

  it('derives 2030 with Tết on 2 Feb, the Vietnamese date', () => {
    const { daysOff } = defaultScheduleForYear(defaultHolidayRules, 2030);
    expect(daysOff.filter((d) => d.startsWith('2030-02'))).toEqual(['2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
    expect(daysOff).toContain('2030-09-03'); // Sun 1 Sep compensated
  });

  it('lists the holidays of a year with the rule that made each', () => {
    expect(holidaysOfYear(defaultHolidayRules, 2026).map((h) => `${h.date} ${h.ruleId}`)).toEqual([
      '2026-01-01 new_year', '2026-02-16 tet', '2026-02-17 tet', '2026-02-18 tet', '2026-02-19 tet', '2026-02-20 tet',
      '2026-04-26 hung_kings', '2026-04-30 victory_day', '2026-05-01 labour_day', '2026-09-01 national_day', '2026-09-02 national_day',
    ]);
  });

  it('adds a new statutory holiday such as 24 Nov by data alone', () => {
    const rules: HolidayRule[] = [...defaultHolidayRules, { id: 'culture_day', name: 'Ngày Văn hóa Việt Nam', calendar: 'solar', month: 11, day: 24 }];
    expect(defaultScheduleForYear(rules, 2027).daysOff).toContain('2027-11-24'); // a Wednesday
    expect(defaultScheduleForYear(rules, 2029).daysOff).toContain('2029-11-26'); // Sat 24 -> Mon 26
    const calendar = createWorkingCalendar({ statutoryRules: rules });
    expect(calendar.isWorkingDay('2027-11-24')).toBe(false);
    expect(createWorkingCalendar().isWorkingDay('2027-11-24')).toBe(true);
  });

  it('chooses the day after National Day when the rule says so', () => {
    const rules = defaultHolidayRules.map((r) => (r.id === 'national_day' ? { ...r, offsetDays: 0 } : r));
    const { daysOff } = defaultScheduleForYear(rules, 2027);
    expect(daysOff.filter((d) => d.startsWith('2027-09'))).toEqual(['2027-09-02', '2027-09-03']);
  });

  it('compensates rest-day holidays with the working days right after the whole block, in order', () => {
    // A made-up 3-day holiday from Saturday 6 Mar 2027: Sat and Sun are owed, Mon is off, so
    // compensation falls on Tue 9 and Wed 10.
    const rules: HolidayRule[] = [{ id: 'test', calendar: 'solar', month: 3, day: 6, lengthDays: 3 }];
    expect(defaultScheduleForYear(rules, 2027).daysOff).toEqual(['2027-03-08', '2027-03-09', '2027-03-10']);
  });

  it('uses the weekly rest days of the agency when compensating', () => {
    // An agency resting only on Sunday: Sat 1 May 2027 is a normal holiday, nothing is owed.
    expect(defaultScheduleForYear(defaultHolidayRules, 2027, { weeklyDaysOff: [0] }).daysOff).toContain('2027-05-01');
    expect(defaultScheduleForYear(defaultHolidayRules, 2027, { weeklyDaysOff: [0] }).daysOff).not.toContain('2027-05-03');
  });

  it('refuses malformed rules with their paths', () => {
    expect(validateHolidayRules([{ id: '', calendar: 'moon', month: 13, day: 0 }]).map((i) => i.path)).toEqual([
      '[0].id', '[0].calendar', '[0].month', '[0].day',
    ]);
    expect(validateHolidayRules(defaultHolidayRules)).toEqual([]);
    expect(() => defaultScheduleForYear([{ id: 'x', calendar: 'solar', month: 2, day: 30 }], 2027)).toThrow(AppError);
  });
});

describe('official yearly schedules', () => {
  it('accepts the schedules of holidays.json', () => {
    expect(validateHolidaySchedules(holidaysJson)).toEqual([]);
    expect(Object.keys(parseHolidaySchedules(holidaysJson))).toEqual(['2023', '2024', '2025', '2026']);
  });

  it('reports each problem with its precise path', () => {
    const issues = validateHolidaySchedules({
      years: {
        2026: { daysOff: ['2026-01-01', '2026-02-16', '2026-02-30', '2026-13-01', '2025-12-31', 20260217], workingDays: ['2026-02-16'] },
        2027: { daysOff: ['2027-01-01', '2027-01-01'], workingDays: 'none' },
        '27': { daysOff: [] },
        2028: null,
      },
    });
    // Integer-like keys come first and in numeric order in a JavaScript object.
    expect(issues.map((i) => i.path)).toEqual([
      'years.27', 'years.2026.daysOff[2]', 'years.2026.daysOff[3]', 'years.2026.daysOff[4]', 'years.2026.daysOff[5]',
      'years.2026.workingDays[0]', 'years.2027.daysOff[1]', 'years.2027.workingDays', 'years.2028',
    ]);
    expect(issues[3]!.message).toContain('outside the year 2026');
    expect(issues[5]!.message).toContain('also a day off');
  });

  it('refuses a date that is both off and worked with calendar.schedule_conflict', () => {
    const conflicting = { years: { 2027: { daysOff: ['2027-05-03'], workingDays: ['2027-05-03'] } } };
    expect(() => parseHolidaySchedules(conflicting)).toThrow(expect.objectContaining({ code: 'calendar.schedule_conflict' }));
    expect(() => createWorkingCalendar({ officialSchedules: conflicting.years as never })).toThrow(
      expect.objectContaining({ code: 'calendar.schedule_conflict' }),
    );
    expect(() => parseHolidaySchedules({ years: { 2027: { daysOff: ['2027-5-3'] } } })).toThrow(
      expect.objectContaining({ code: 'calendar.invalid_schedule' }),
    );
    expect(validateHolidaySchedules(null)).toEqual([{ path: '', message: 'must be an object' }]);
    expect(validateHolidaySchedules({})).toEqual([{ path: 'years', message: 'must be an object keyed by year' }]);
  });
});
