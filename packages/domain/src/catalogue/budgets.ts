/**
 * Time budgets of workflow steps and inter-agency shares, compared with the legal processing time,
 * and the default workflow of a procedure whose bundle entry gives none.
 */
import type {
  BudgetUnit, InterAgencyParticipant, LegalProcessingTime, TimeBudget, WorkflowRole, WorkflowStep,
} from './procedure.ts';

/** A standard working day for comparing budgets: 08:00–12:00 and 13:00–17:00 (docs/rules/time.md). */
export const STANDARD_WORKING_DAY_HOURS = 8;
/** Same-day procedures: the steps share at most one working day. */
export const SAME_DAY_MAX_HOURS = 8;
export const DEFAULT_SAME_DAY_CUTOFF = '15:00';

/** Budgets are compared in working time (working days and hours) or in calendar days; never mixed. */
export type BudgetScale = 'working' | 'calendar';

export const scaleOfBudgetUnit = (unit: BudgetUnit): BudgetScale => (unit === 'days' ? 'calendar' : 'working');

/** The scale a procedure's budgets must use: calendar days for `days`, working time otherwise. */
export const scaleOfProcessingTime = (time: LegalProcessingTime): BudgetScale => (time.unit === 'days' ? 'calendar' : 'working');

/** A budget in minutes of its scale: working minutes (8 h a working day), or calendar days × 1440. */
export function budgetMinutes(budget: TimeBudget): number {
  switch (budget.unit) {
    case 'working_days': return budget.value * STANDARD_WORKING_DAY_HOURS * 60;
    case 'working_hours': return budget.value * 60;
    case 'days': return budget.value * 24 * 60;
  }
}

/**
 * The legal time in minutes of its scale, and whether budgets must add up to it exactly (`exact`)
 * or may stay under it (same-day procedures: at most 8 working hours).
 */
export function legalMinutes(time: LegalProcessingTime): { minutes: number; exact: boolean } {
  if (time.unit === 'same_day') return { minutes: SAME_DAY_MAX_HOURS * 60, exact: false };
  return { minutes: budgetMinutes({ value: time.value, unit: time.unit }), exact: true };
}

/** Equal up to rounding noise of fractional budgets (a hundredth of a minute). */
export const sameMinutes = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;

const formatNumber = (n: number): string => String(Math.round(n * 100) / 100);

/** "36 working hours", "5 working days = 40 working hours", "15 days", for messages. */
export function describeMinutes(minutes: number, scale: BudgetScale): string {
  if (scale === 'calendar') return `${formatNumber(minutes / 1440)} days`;
  return `${formatNumber(minutes / 60)} working hours`;
}

export function describeBudget(budget: TimeBudget): string {
  const minutes = budgetMinutes(budget);
  if (budget.unit === 'working_days') return `${formatNumber(budget.value)} working days = ${describeMinutes(minutes, 'working')}`;
  return describeMinutes(minutes, scaleOfBudgetUnit(budget.unit));
}

export function describeLegalTime(time: LegalProcessingTime): string {
  if (time.unit === 'same_day') return `same day (at most ${SAME_DAY_MAX_HOURS} working hours)`;
  return describeBudget({ value: time.value, unit: time.unit });
}

const unitLabels: Record<BudgetUnit, { vi: string; en: string; enOne: string }> = {
  working_days: { vi: 'ngày làm việc', en: 'working days', enOne: 'working day' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours', enOne: 'working hour' },
  // "12 ngày" alone leaves the reader to guess whether rest days count: say it.
  days: { vi: 'ngày theo lịch', en: 'calendar days', enOne: 'calendar day' },
};

const viNumber = (n: number): string => formatNumber(n).replace('.', ',');

/** Human text of a processing time or budget: "5 ngày làm việc" / "5 working days"; same day with its cut-off. */
export function formatProcessingTime(time: LegalProcessingTime | TimeBudget): { vi: string; en: string } {
  if (time.unit === 'same_day') {
    const cutoff = ('cutoff' in time && time.cutoff) || DEFAULT_SAME_DAY_CUTOFF;
    return {
      vi: `Trong ngày (tiếp nhận trước ${cutoff}; sau ${cutoff} trả trong ngày làm việc tiếp theo)`,
      en: `Same day (if received by ${cutoff}; otherwise the next working day)`,
    };
  }
  if (time.unit === 'working_hours' && !Number.isInteger(time.value)) {
    // 1.25 working hours reads as "1 giờ 15 phút làm việc", not "1,25 giờ".
    const total = Math.round(time.value * 60);
    const [h, m] = [Math.floor(total / 60), total % 60];
    return {
      vi: `${h ? `${h} giờ ` : ''}${m ? `${m} phút ` : ''}làm việc`,
      en: `${h ? `${h} h ` : ''}${m ? `${m} min ` : ''}of working time`,
    };
  }
  const label = unitLabels[time.unit];
  return { vi: `${viNumber(time.value)} ${label.vi}`, en: `${formatNumber(time.value)} ${time.value === 1 ? label.enOne : label.en}` };
}

type StepKind = 'intake' | 'appraisal' | 'approval' | 'return';

const stepTemplates: Record<StepKind, { name: string; role: WorkflowRole }> = {
  intake: { name: 'Tiếp nhận và chuyển hồ sơ', role: 'officer' },
  appraisal: { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist' },
  approval: { name: 'Phê duyệt, ký kết quả', role: 'leader' },
  return: { name: 'Trả kết quả', role: 'officer' },
};

/**
 * Splits `grains` whole units among the steps: intake and return about a tenth each (at most
 * `cap`: transfer is due at the latest the next working day, Decree 118/2025 art. 18), approval about a fifth,
 * appraisal the rest. The parts always add up to `grains` exactly.
 */
function splitGrains(grains: number, kinds: readonly StepKind[], cap: number): number[] {
  if (grains < kinds.length) return kinds.map((k) => (k === 'appraisal' ? grains : 0));
  const parts = kinds.map((k) => {
    if (k === 'intake' || k === 'return') return Math.max(1, Math.min(cap, Math.floor(grains * 0.1)));
    if (k === 'approval') return Math.max(1, Math.floor(grains * 0.2));
    return 0;
  });
  const rest = grains - parts.reduce((a, b) => a + b, 0);
  const appraisal = kinds.indexOf('appraisal');
  parts[appraisal] = rest;
  return parts;
}

/**
 * A budget of `minutes` on the procedure's scale, in the unit that reads best: whole working days
 * for a procedure counted in working days, working hours otherwise; calendar days for `days`.
 */
function toBudget(minutes: number, time: LegalProcessingTime): TimeBudget {
  if (time.unit === 'days') return { value: round4(minutes / 1440), unit: 'days' };
  const dayMinutes = STANDARD_WORKING_DAY_HOURS * 60;
  if (time.unit === 'working_days' && minutes > 0 && minutes % dayMinutes === 0) return { value: minutes / dayMinutes, unit: 'working_days' };
  return { value: round4(minutes / 60), unit: 'working_hours' };
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The time same-day steps can share: from the cut-off to 17:00, the end of the standard day. */
function sameDayMinutes(cutoff: string | undefined): number {
  const [h, m] = (cutoff ?? DEFAULT_SAME_DAY_CUTOFF).split(':').map(Number) as [number, number];
  const at = h * 60 + m;
  const end = 17 * 60;
  const lunch = Math.max(0, Math.min(end, 13 * 60) - Math.max(at, 12 * 60)); // 12:00–13:00 is no working time
  return Math.min(SAME_DAY_MAX_HOURS * 60, Math.max(60, end - at - Math.max(0, lunch)));
}

/** Minutes of one grain: hours when there are enough of them, else quarter hours (or quarter days). */
function grainMinutes(totalMinutes: number, scale: BudgetScale): number {
  if (scale === 'calendar') return totalMinutes >= 4 * 1440 ? 1440 : 360;
  return totalMinutes >= STANDARD_WORKING_DAY_HOURS * 60 ? 60 : 15;
}

/**
 * The workflow used when a bundle entry gives none: intake and transfer by an officer, appraisal by
 * a specialist, approval by a leader, return by an officer (docs/rules/dossier-lifecycle.md, "The steps in law"). Budgets add up
 * exactly to the legal time (same day: the time from the cut-off to the end of the day); for an
 * inter-agency procedure each agency gets intake, appraisal and approval within its own share,
 * and the receiving agency (participant 0) also returns the result.
 */
export function defaultWorkflow(time: LegalProcessingTime, interAgency: readonly InterAgencyParticipant[] = []): WorkflowStep[] {
  const scale = scaleOfProcessingTime(time);
  const capMinutes = scale === 'calendar' ? 1440 : STANDARD_WORKING_DAY_HOURS * 60;
  const build = (totalMinutes: number, kinds: readonly StepKind[], participant: number | undefined): WorkflowStep[] => {
    const grain = grainMinutes(totalMinutes, scale);
    const grains = Math.floor(totalMinutes / grain);
    const parts = splitGrains(grains, kinds, Math.max(1, Math.floor(capMinutes / grain)));
    // Whatever does not divide into grains goes to appraisal, so that the sum stays exact.
    parts[kinds.indexOf('appraisal')]! += (totalMinutes - grains * grain) / grain;
    return kinds.map((kind, i) => ({
      key: participant ? `p${participant}_${kind}` : kind,
      name: participant ? participantStepName(kind) : stepTemplates[kind].name,
      role: stepTemplates[kind].role,
      ...(participant === undefined ? {} : { participant }),
      budget: toBudget(parts[i]! * grain, time),
    }));
  };
  if (interAgency.length === 0) {
    const total = time.unit === 'same_day' ? sameDayMinutes(time.cutoff) : legalMinutes(time).minutes;
    return build(total, ['intake', 'appraisal', 'approval', 'return'], undefined);
  }
  const steps = interAgency.flatMap((p, i) =>
    i === 0 ? [] : build(budgetMinutes(p.share), ['intake', 'appraisal', 'approval'], i),
  );
  const receiving = build(budgetMinutes(interAgency[0]!.share), ['intake', 'appraisal', 'approval', 'return'], 0);
  // The receiving agency handles the dossier first and returns the result last.
  return [...receiving.slice(0, 3), ...steps, receiving[3]!];
}

function participantStepName(kind: StepKind): string {
  if (kind === 'intake') return 'Tiếp nhận hồ sơ liên thông';
  return stepTemplates[kind].name;
}
