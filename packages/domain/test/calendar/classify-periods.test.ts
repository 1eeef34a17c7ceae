import { describe, expect, it } from 'vitest';
import { AppError, classifyInProgress, classifyResult, formatInstant, parseInstant, periodInstants, reportingPeriod } from '../../src/index.ts';
import { at } from './support.ts';

describe('classification against the appointment', () => {
  const dueAt = at('2025-03-12 10:00');

  it('calls a result on an earlier local day ahead of time', () => {
    expect(classifyResult(at('2025-03-11 16:59'), dueAt)).toBe('ahead');
    expect(classifyResult(at('2025-03-11 23:59:59.999'), dueAt)).toBe('ahead');
  });

  it('calls a result on the appointment day up to the appointment instant on time', () => {
    expect(classifyResult(at('2025-03-12 00:00'), dueAt)).toBe('on_time');
    expect(classifyResult(dueAt, dueAt)).toBe('on_time');
  });

  it('calls a result after the appointment instant overdue, even on the same day', () => {
    expect(classifyResult(dueAt + 1, dueAt)).toBe('overdue');
    expect(classifyResult(at('2025-03-13 08:00'), dueAt)).toBe('overdue');
  });

  it('compares calendar days in Vietnam whatever offset the timestamps carry', () => {
    // 2025-03-11T18:00Z is already 12 Mar 01:00 in Vietnam: the appointment day, so on time.
    expect(classifyResult(parseInstant('2025-03-11T18:00:00Z'), dueAt)).toBe('on_time');
    expect(classifyResult(parseInstant('2025-03-11T16:59:59Z'), dueAt)).toBe('ahead');
  });

  it('classifies dossiers in progress as overdue only once the appointment has passed', () => {
    expect(classifyInProgress(dueAt - 1, dueAt)).toBe('in_progress_on_time');
    expect(classifyInProgress(dueAt, dueAt)).toBe('in_progress_on_time');
    expect(classifyInProgress(dueAt + 1, dueAt)).toBe('in_progress_overdue');
  });
});

describe('reporting periods', () => {
  it('runs the official "9 months of 2023" from 15 Dec 2022 to 14 Sep 2023', () => {
    expect(reportingPeriod('nine_months', 2023, undefined, { official: true })).toEqual({ from: '2022-12-15', to: '2023-09-14' });
  });

  it.each([
    ['month', 1, true, '2022-12-15', '2023-01-14'],
    ['month', 3, true, '2023-02-15', '2023-03-14'],
    ['month', 2, false, '2023-02-01', '2023-02-28'],
    ['quarter', 1, true, '2022-12-15', '2023-03-14'],
    ['quarter', 2, true, '2023-03-15', '2023-06-14'],
    ['quarter', 4, true, '2023-09-15', '2023-12-14'],
    ['quarter', 4, false, '2023-10-01', '2023-12-31'],
    ['six_months', undefined, true, '2022-12-15', '2023-06-14'],
    ['six_months', 2, false, '2023-07-01', '2023-12-31'],
    ['nine_months', undefined, false, '2023-01-01', '2023-09-30'],
    ['year', undefined, true, '2022-12-15', '2023-12-14'],
    ['year', undefined, false, '2023-01-01', '2023-12-31'],
  ] as const)('gives %s %s of 2023 (official: %s) as %s..%s', (kind, index, official, from, to) => {
    expect(reportingPeriod(kind, 2023, index, { official })).toEqual({ from, to });
  });

  it('knows leap Februaries', () => {
    expect(reportingPeriod('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('refuses periods that do not exist', () => {
    expect(() => reportingPeriod('month', 2023)).toThrow(AppError);
    expect(() => reportingPeriod('quarter', 2023, 5)).toThrow(AppError);
    expect(() => reportingPeriod('nine_months', 2023, 2)).toThrow(AppError);
    expect(() => reportingPeriod('week' as never, 2023, 1)).toThrow(AppError);
  });

  it('turns a period of local dates into the instants [FROM 00:00, TO+1 00:00) in Vietnam', () => {
    const { start, end } = periodInstants({ from: '2022-12-15', to: '2023-09-14' });
    expect(formatInstant(start)).toBe('2022-12-15T00:00:00+07:00');
    expect(formatInstant(end)).toBe('2023-09-15T00:00:00+07:00');
    expect(start).toBe(Date.UTC(2022, 11, 14, 17));
    expect(() => periodInstants({ from: '2023-02-01', to: '2023-01-31' })).toThrow(AppError);
  });
});
