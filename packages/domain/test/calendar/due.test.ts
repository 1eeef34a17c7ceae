import { describe, expect, it } from 'vitest';
import {
  AppError, addWorkingTime, computeDueAt, createWorkingCalendar, formatInstant, mergePauses, workingTimeBetween,
} from '../../src/index.ts';
import { at, calendar, officialSchedules } from './support.ts';

const HOUR = 3_600_000;
const due = (input: Parameters<typeof computeDueAt>[1]) => formatInstant(computeDueAt(calendar, input));

describe('the appointment of a dossier', () => {
  it('moves a deadline past Tết to the first working day after the holiday', () => {
    expect(due({ receivedAt: at('2026-02-13 14:00'), duration: { value: 1, unit: 'working_days' } })).toBe('2026-02-23T14:00:00+07:00');
  });

  it('ends at a period end, never at the next period start', () => {
    expect(due({ receivedAt: at('2025-03-11 08:00'), duration: { value: 4, unit: 'working_hours' } })).toBe('2025-03-11T12:00:00+07:00');
    expect(due({ receivedAt: at('2025-03-11 13:00'), duration: { value: 1, unit: 'working_days' } })).toBe('2025-03-12T12:00:00+07:00');
  });

  it('counts a fractional number of working days in working time', () => {
    expect(due({ receivedAt: at('2025-03-11 08:00'), duration: { value: 0.5, unit: 'working_days' } })).toBe('2025-03-11T12:00:00+07:00');
  });

  it('uses the agency standard day for working days', () => {
    const longDays = createWorkingCalendar({ periods: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '18:00' }], officialSchedules });
    expect(longDays.standardDayMs).toBe(9 * HOUR);
    expect(formatInstant(computeDueAt(longDays, { receivedAt: at('2025-03-11 10:00'), duration: { value: 1, unit: 'working_days' } })))
      .toBe('2025-03-12T10:00:00+07:00');
  });

  it('takes the same-day cut-off per procedure with whole seconds', () => {
    const sameDay = (local: string, cutoff?: string) =>
      due({ receivedAt: at(local), duration: { value: 0, unit: 'same_day', ...(cutoff ? { cutoff } : {}) } });
    expect(sameDay('2025-03-04 10:30:00', '10:30')).toBe('2025-03-04T17:00:00+07:00');
    expect(sameDay('2025-03-04 10:30:01', '10:30')).toBe('2025-03-05T17:00:00+07:00');
    expect(sameDay('2025-03-04 16:59:59')).toBe('2025-03-05T17:00:00+07:00');
    expect(sameDay('2025-03-08 09:00')).toBe('2025-03-10T17:00:00+07:00');
  });

  it('gives the effective start for a zero duration in days', () => {
    expect(due({ receivedAt: at('2025-03-08 10:00'), duration: { value: 0, unit: 'days' } })).toBe('2025-03-10T08:00:00+07:00');
  });

  it('refuses bad input with stable error codes', () => {
    const received = at('2025-03-11 10:00');
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof AppError ? error.code : 'not an AppError';
      }
      return 'no error';
    };
    expect(code(() => computeDueAt(calendar, { receivedAt: Number.NaN, duration: { value: 1, unit: 'working_days' } }))).toBe('calendar.invalid_instant');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: -1, unit: 'working_days' } }))).toBe('calendar.invalid_duration');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 1.5, unit: 'days' } }))).toBe('calendar.invalid_duration');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 1, unit: 'weeks' as never } }))).toBe('calendar.invalid_duration');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 0, unit: 'same_day', cutoff: '3pm' } }))).toBe('calendar.invalid_time_of_day');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 1, unit: 'working_days' }, pauses: [{ from: received + HOUR, to: received }] }))).toBe('calendar.invalid_pause');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 1, unit: 'working_days' }, restartAt: received - HOUR }))).toBe('calendar.invalid_instant');
    expect(code(() => computeDueAt(calendar, { receivedAt: received, duration: { value: 1, unit: 'working_days' }, lateReceiptWindowMinutes: -5 }))).toBe('calendar.invalid_duration');
  });
});

describe('working-time arithmetic', () => {
  it('measures the working time between two instants, pauses removed', () => {
    expect(workingTimeBetween(calendar, at('2025-03-11 10:00'), at('2025-03-12 10:00'))).toBe(8 * HOUR);
    expect(workingTimeBetween(calendar, at('2025-03-07 16:00'), at('2025-03-10 09:00'))).toBe(2 * HOUR);
    expect(workingTimeBetween(calendar, at('2026-02-13 08:00'), at('2026-02-24 08:00'))).toBe(16 * HOUR);
    const pause = { from: at('2025-03-11 11:00'), to: at('2025-03-11 14:00') };
    expect(workingTimeBetween(calendar, at('2025-03-11 10:00'), at('2025-03-11 17:00'), [pause])).toBe(4 * HOUR);
    expect(workingTimeBetween(calendar, at('2025-03-11 10:00'), at('2025-03-11 13:30'), [pause])).toBe(HOUR);
    expect(workingTimeBetween(calendar, at('2025-03-12 10:00'), at('2025-03-11 10:00'))).toBe(0);
  });

  it('adds working time from an instant, stopping at a period end', () => {
    expect(formatInstant(addWorkingTime(calendar, at('2025-03-11 10:00'), 2 * HOUR))).toBe('2025-03-11T12:00:00+07:00');
    expect(formatInstant(addWorkingTime(calendar, at('2025-03-11 10:00'), 2 * HOUR + 1))).toBe('2025-03-11T13:00:00.001+07:00');
    expect(formatInstant(addWorkingTime(calendar, at('2025-03-08 10:00'), 0))).toBe('2025-03-08T10:00:00+07:00');
    const pauses = [{ from: at('2025-03-11 11:00'), to: at('2025-03-12 08:00') }];
    expect(formatInstant(addWorkingTime(calendar, at('2025-03-11 10:00'), 2 * HOUR, pauses))).toBe('2025-03-12T09:00:00+07:00');
    expect(() => addWorkingTime(calendar, at('2025-03-11 10:00'), -1)).toThrow(AppError);
  });

  it('merges touching and overlapping pauses and clips them at the start', () => {
    const t = at('2025-03-11 10:00');
    expect(mergePauses([{ from: t + 3 * HOUR, to: t + 4 * HOUR }, { from: t - HOUR, to: t + HOUR }, { from: t + HOUR, to: t + 2 * HOUR }, { from: t + 5, to: t + 10 }], t))
      .toEqual([{ from: t, to: t + 2 * HOUR }, { from: t + 3 * HOUR, to: t + 4 * HOUR }]);
    expect(mergePauses([{ from: t - 2 * HOUR, to: t - HOUR }, { from: t, to: t }], t)).toEqual([]);
  });
});
