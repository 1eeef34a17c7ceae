/**
 * When the apology letter (form 04, "phiếu xin lỗi và hẹn lại ngày trả kết quả") may be issued:
 * when the dossier is late, or can no longer make its appointment (the letter says the result
 * will be late; docs/rules/dossier-lifecycle.md "Late"). Not minutes after reception of a same-day procedure that is on schedule. The letter
 * never changes how the dossier is classified: against the original appointment as moved only
 * by pauses (docs/rules/time.md).
 */
import { AppError } from '../errors.ts';
import { budgetMinutes } from '../catalogue/budgets.ts';
import type { TimeBudget } from '../catalogue/procedure.ts';

export interface ApologyFacts {
  /** Whether the dossier is in progress past its appointment (the timeliness rule's `in_progress_overdue`). */
  overdue: boolean;
  /** Working time left to the appointment (while the clock is stopped, what was left when it stopped); null: no running clock. */
  workingMinutesLeft: number | null;
  /** Calendar time left to the appointment, in minutes, for procedures counted in calendar days. */
  calendarMinutesLeft: number | null;
  /** The workflow's budgets, and the step the dossier is at. */
  budgets: readonly TimeBudget[];
  stepIndex: number | null;
}

/**
 * The time the steps after the current one need by their budgets, in working minutes (or in
 * calendar minutes for budgets in calendar days).
 */
function remainingBudget(budgets: readonly TimeBudget[], stepIndex: number): { working: number; calendar: number } {
  let working = 0;
  let calendar = 0;
  for (const budget of budgets.slice(stepIndex + 1)) {
    if (budget.unit === 'days') calendar += budgetMinutes(budget);
    else working += budgetMinutes(budget);
  }
  return { working, calendar };
}

/**
 * True when an apology is warranted: the appointment has passed, or the time left is less than
 * what the steps still to come need by their budgets (even if the current step finished now, the
 * result could not be ready in time).
 */
export function apologyWarranted(facts: ApologyFacts): boolean {
  if (facts.overdue) return true;
  if (facts.stepIndex === null || facts.workingMinutesLeft === null) return false;
  const needed = remainingBudget(facts.budgets, facts.stepIndex);
  if (facts.workingMinutesLeft < needed.working) return true;
  return needed.calendar > 0 && facts.calendarMinutesLeft !== null && facts.calendarMinutesLeft < needed.calendar;
}

/** The refusal of an apology that is not warranted (the server answers it as problem+json). */
export function apologyNotWarranted(): AppError {
  return new AppError('dossier.transition_not_allowed', {
    messages: {
      vi: 'Chưa thể lập phiếu xin lỗi và hẹn lại: hồ sơ chưa quá hạn và vẫn đủ thời gian giải quyết trước ngày hẹn trả',
      en: 'No apology yet: the dossier is not late and there is still time to resolve it by the appointment',
    },
    details: { action: 'apologize' },
  });
}
