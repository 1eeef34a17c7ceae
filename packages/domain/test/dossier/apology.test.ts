import { describe, expect, it } from 'vitest';
import { apologyWarranted, type ApologyFacts } from '../../src/index.ts';

// A same-day procedure: intake 1 h, processing 5 h, return 1 h (working hours).
const sameDay = [{ value: 1, unit: 'working_hours' }, { value: 5, unit: 'working_hours' }, { value: 1, unit: 'working_hours' }] as const;
const facts = (over: Partial<ApologyFacts>): ApologyFacts => ({
  overdue: false, workingMinutesLeft: 420, calendarMinutesLeft: 600, budgets: sameDay, stepIndex: 0, ...over,
});

describe('when an apology letter (form 04) is warranted', () => {
  it('is not warranted minutes after reception of a same-day procedure on schedule', () => {
    expect(apologyWarranted(facts({ workingMinutesLeft: 415, stepIndex: 0 }))).toBe(false);
  });

  it('is warranted once the steps still to come no longer fit before the appointment', () => {
    // In processing with 5 h 59 min left: the return step (1 h) still fits.
    expect(apologyWarranted(facts({ workingMinutesLeft: 359, stepIndex: 1 }))).toBe(false);
    // 50 minutes left and the return step needs an hour.
    expect(apologyWarranted(facts({ workingMinutesLeft: 50, stepIndex: 1 }))).toBe(true);
  });

  it('is warranted once the appointment has passed', () => {
    expect(apologyWarranted(facts({ overdue: true, workingMinutesLeft: -30, stepIndex: 1 }))).toBe(true);
  });

  it('is not warranted without a running clock (not received)', () => {
    expect(apologyWarranted(facts({ workingMinutesLeft: null, stepIndex: null }))).toBe(false);
  });

  it('counts budgets in calendar days against the calendar time left', () => {
    const days = [{ value: 1, unit: 'days' }, { value: 10, unit: 'days' }, { value: 2, unit: 'days' }] as const;
    expect(apologyWarranted(facts({ budgets: days, stepIndex: 1, workingMinutesLeft: 900, calendarMinutesLeft: 3 * 1440 }))).toBe(false);
    expect(apologyWarranted(facts({ budgets: days, stepIndex: 1, workingMinutesLeft: 400, calendarMinutesLeft: 1000 }))).toBe(true);
  });
});
