/**
 * The legal clock of one dossier (docs/rules/time.md): its appointment as moved by pauses, per-step due
 * times, and how much working time is left. Pure: the calendar and the instants come in.
 */
import { addWorkingTime, computeDueAt, type Interval, type ProcessingTime } from '../calendar/due.ts';
import { DAY_MS, HOUR_MS, addDays, localDateOf, type Instant } from '../calendar/time.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { DossierState } from './state.ts';

export interface ClockRules {
  processingTime: ProcessingTime;
  restartAfterSupplement: boolean;
  lateReceiptWindowMinutes: number | null;
}

/** The pauses of the clock; a running pause is counted up to `asOf`. */
export function pausesOf(state: Pick<DossierState, 'pauses'>, asOf: Instant): Interval[] {
  return state.pauses.map((p) => ({ from: p.from, to: p.to ?? Math.max(p.from, asOf) }));
}

/**
 * The appointment as moved only by pauses (what classification compares with), or `null` before
 * reception. While a pause runs, it is computed as if the pause ended at `asOf`.
 */
export function clockDueAt(calendar: WorkingCalendar, rules: ClockRules, state: DossierState, asOf: Instant): Instant | null {
  if (state.receivedAt === null) return null;
  const restart = rules.restartAfterSupplement && state.lastSupplementReceivedAt !== null ? state.lastSupplementReceivedAt : undefined;
  return computeDueAt(calendar, {
    receivedAt: state.receivedAt,
    duration: rules.processingTime,
    pauses: pausesOf(state, asOf),
    ...(restart !== undefined ? { restartAt: restart } : {}),
    ...(rules.lateReceiptWindowMinutes ? { lateReceiptWindowMinutes: rules.lateReceiptWindowMinutes } : {}),
  });
}

/** A step budget: `{value, unit}` in working days, working hours or calendar days. */
export interface StepBudget {
  value: number;
  unit: 'working_days' | 'working_hours' | 'days';
}

/** When a step handed over at `at` is due, by its budget (form 06's per-step due time). */
export function stepDueAt(calendar: WorkingCalendar, at: Instant, budget: StepBudget, pauses: readonly Interval[] = []): Instant {
  switch (budget.unit) {
    case 'working_hours':
      return addWorkingTime(calendar, at, Math.round(budget.value * HOUR_MS), pauses);
    case 'working_days':
      return addWorkingTime(calendar, at, Math.round(budget.value * calendar.standardDayMs), pauses);
    case 'days': {
      // Calendar days (Civil Code art. 147): whole days end at the end of a working day; a
      // fraction of a day is counted as elapsed time.
      const whole = Math.floor(budget.value);
      const fraction = budget.value - whole;
      if (fraction > 0 && whole === 0) return at + Math.round(fraction * DAY_MS);
      let date = addDays(localDateOf(at), whole);
      while (!calendar.isWorkingDay(date)) date = calendar.nextWorkingDay(date);
      return calendar.endOfWorkingDay(date) + Math.round(fraction * DAY_MS);
    }
  }
}

/** Outcome of a step or a dossier against its due instant, by local calendar days (form 06). */
export function outcomeAgainst(doneAt: Instant, dueAt: Instant): 'ahead' | 'on_time' | 'late' {
  if (doneAt > dueAt) return 'late';
  return localDateOf(doneAt) < localDateOf(dueAt) ? 'ahead' : 'on_time';
}
