import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, isReformTaskOverdue, reformAreaNumeral, reformAreas, reformTaskCode, reformDaysLate, reformDeadlineRange, reformProgressAsOf, reformTaskState, reformTaskStates, tallyReformTasks,
  type PlainDate, type ReformTaskFacts,
} from '../../src/index.ts';

const d = (s: string) => s as PlainDate;
const task = (deadline: string, completedOn: string | null = null, progress: Array<[string, number]> = []): ReformTaskFacts => ({
  deadline: d(deadline), completedOn: completedOn === null ? null : d(completedOn), progress: progress.map(([reportedOn, percent]) => ({ reportedOn: d(reportedOn), percent })),
});

describe('the six areas of the state reform programme (Resolution 76/NQ-CP)', () => {
  it('lists institutions, procedures, apparatus, civil service, public finance and digital government, in that order, with both labels', () => {
    expect(reformAreas.map((a) => a.key)).toEqual(['institutions', 'procedures', 'apparatus', 'civil_service', 'public_finance', 'digital_government']);
    for (const a of reformAreas) expect(a.vi.length * a.en.length).toBeGreaterThan(0);
  });

  it('numbers the areas I–VI and a task by its area and its order in it', () => {
    expect(reformAreas.map((a) => reformAreaNumeral(a.key))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(reformTaskCode('procedures', 3)).toBe('II.3');
    expect(reformTaskCode('digital_government', 12)).toBe('VI.12');
  });
});

describe('the state of a reform task on a date', () => {
  it('is still in time on the deadline day itself, and overdue the day after', () => {
    const t = task('2026-06-30', null, [['2026-05-10', 40]]);
    expect(reformTaskState(t, d('2026-06-29'))).toBe('in_progress');
    expect(reformTaskState(t, d('2026-06-30'))).toBe('in_progress');
    expect(reformTaskState(t, d('2026-07-01'))).toBe('overdue');
  });

  it('is not started while no progress above 0 % was reported by the date, overdue all the same once the deadline has passed', () => {
    expect(reformTaskState(task('2026-06-30'), d('2026-03-01'))).toBe('not_started');
    expect(reformTaskState(task('2026-06-30', null, [['2026-03-01', 0]]), d('2026-03-02'))).toBe('not_started');
    expect(reformTaskState(task('2026-06-30'), d('2026-07-01'))).toBe('overdue');
  });

  it('counts a completion on the deadline day as on time, and one day after as late', () => {
    expect(reformTaskState(task('2026-06-30', '2026-06-30'), d('2026-12-31'))).toBe('done_on_time');
    expect(reformTaskState(task('2026-06-30', '2026-07-01'), d('2026-12-31'))).toBe('done_late');
    expect(reformTaskState(task('2026-06-30', '2026-02-01'), d('2026-02-01'))).toBe('done_on_time');
  });

  it('does not count a completion dated after the report’s date: the task was overdue or in progress then', () => {
    const late = task('2026-06-30', '2026-08-15', [['2026-05-01', 60]]);
    expect(reformTaskState(late, d('2026-06-30'))).toBe('in_progress');
    expect(reformTaskState(late, d('2026-08-14'))).toBe('overdue');
    expect(reformTaskState(late, d('2026-08-15'))).toBe('done_late');
  });

  it('takes the progress reported as of the date: the latest report on or before it, the last recorded of one day', () => {
    const progress = task('2026-12-31', null, [['2026-04-01', 20], ['2026-02-01', 10], ['2026-04-01', 35], ['2026-09-01', 0]]).progress;
    expect(reformProgressAsOf(progress, d('2026-01-31'))).toBe(0);
    expect(reformProgressAsOf(progress, d('2026-02-01'))).toBe(10);
    expect(reformProgressAsOf(progress, d('2026-04-01'))).toBe(35);
    expect(reformProgressAsOf(progress, d('2026-08-31'))).toBe(35);
    expect(reformProgressAsOf(progress, d('2026-09-01'))).toBe(0);
    // A report brought back to 0 % makes the task not started again, on the dates after it.
    expect(reformTaskState({ deadline: d('2026-12-31'), completedOn: null, progress }, d('2026-10-01'))).toBe('not_started');
  });

  it('says how many days late a task is: to the completion when done late, to the date when overdue', () => {
    expect(reformDaysLate(task('2026-06-30', '2026-07-10'), d('2026-12-31'))).toBe(10);
    expect(reformDaysLate(task('2026-06-30'), d('2026-07-03'))).toBe(3);
    expect(reformDaysLate(task('2026-06-30'), d('2026-06-30'))).toBe(0);
    expect(reformDaysLate(task('2026-06-30', '2026-06-01'), d('2026-12-31'))).toBe(0);
  });

  it('highlights only tasks not done past their deadline', () => {
    expect(reformTaskStates.filter(isReformTaskOverdue)).toEqual(['overdue']);
  });

  it('is always exactly one state, done only with a completion on or before the date, overdue only after the deadline (property)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays(d('2025-06-01'), n));
    fc.assert(fc.property(day, fc.option(day, { nil: null }), fc.array(fc.tuple(day, fc.integer({ min: 0, max: 99 })), { maxLength: 6 }), day, (deadline, completedOn, progress, on) => {
      const t = { deadline, completedOn, progress: progress.map(([reportedOn, percent]) => ({ reportedOn, percent })) };
      const state = reformTaskState(t, on);
      expect(reformTaskStates).toContain(state);
      expect(state.startsWith('done')).toBe(completedOn !== null && completedOn <= on);
      if (state === 'overdue') expect(on > deadline).toBe(true);
      if (state === 'done_late') expect(completedOn! > deadline).toBe(true);
    }));
  });
});

describe('counting tasks for the report', () => {
  it('adds up: done = on time + late, pending = in progress + not started, total = done + overdue + pending', () => {
    const tally = tallyReformTasks(['done_on_time', 'done_on_time', 'done_late', 'overdue', 'in_progress', 'in_progress', 'not_started']);
    expect(tally).toEqual({
      total: 7, done: 3, doneOnTime: 2, doneLate: 1, overdue: 1, pending: 3, inProgress: 2, notStarted: 1, doneShare: 0.4286, onTimeShare: 0.6667,
    });
  });

  it('gives no share of nothing', () => {
    expect(tallyReformTasks([])).toMatchObject({ total: 0, doneShare: null, onTimeShare: null });
    expect(tallyReformTasks(['overdue'])).toMatchObject({ total: 1, doneShare: 0, onTimeShare: null });
  });
});

describe('deadlines a yearly plan may give', () => {
  it('run from 1 January of its year to 31 December of the next', () => {
    expect(reformDeadlineRange(2026)).toEqual({ from: '2026-01-01', to: '2027-12-31' });
  });
});
