/**
 * What an accepted action changes besides its log row: the projection columns (status, step,
 * appointment as moved by pauses, result classification) and the per-step due time recorded on
 * the hand-off, and when the dossier becomes overdue (`clock_stopped_at`, `overdue_from`, by the
 * domain's `overdueFromOf`, stored with the appointment so SQL filters apply the same rule). Pure
 * apart from the calendar passed in.
 */
import {
  classifyResult, clockDueAt, nationalStatusOf, overdueFromOf, stepDueAt, timelinessFactsOfState,
  type DossierEvent, type DossierState, type FeeStanding, type WorkingCalendar,
} from '@motcua/domain';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';
import type { ProjectionUpdate } from './dossiers.repository.ts';

const handOffActions = new Set(['receive', 'transfer', 'forward', 'send_back', 'resolve', 'reject']);

export interface Effects {
  projection: ProjectionUpdate;
  stepDueAt: Date | null;
  clockDueAt: Date | null;
  stepName: string | null;
}

export function effectsOf(args: {
  version: Pick<ProcedureVersionRow, 'workflow' | 'processingTime' | 'restartAfterSupplement' | 'lateReceiptWindowMinutes'>;
  before: DossierState;
  after: DossierState;
  event: DossierEvent;
  calendar: WorkingCalendar;
  /** The appointment printed on form 01, if already recorded. */
  recordedDueAt: Date | null;
  handlingAgencyId: string;
  /** The fee after the action: a fee due before processing and unpaid reports national status 6. */
  fee?: FeeStanding | undefined;
}): Effects {
  const { version, before, after, event, calendar } = args;
  const now = event.at;
  const rules = {
    processingTime: version.processingTime,
    restartAfterSupplement: version.restartAfterSupplement,
    lateReceiptWindowMinutes: version.lateReceiptWindowMinutes,
  };
  const clockDue = clockDueAt(calendar, rules, after, now);
  const step = after.stepIndex === null ? undefined : version.workflow[after.stepIndex];
  const handedOff = handOffActions.has(event.action) && step !== undefined;
  // The result's return is a step too (its budget is part of the legal time).
  const stepDue = handedOff && step ? new Date(stepDueAt(calendar, now, step.budget)) : null;
  const projection: ProjectionUpdate = {
    status: after.status!,
    national_status: nationalStatusOf(after.status!, args.fee ?? { outstanding: 0, payBeforeProcessing: false }),
    step_index: after.stepIndex,
    participant: after.participant,
    handling_agency_id: args.handlingAgencyId,
    assignee_id: after.assigneeId,
    clock_due_at: clockDue === null ? null : new Date(clockDue),
  };
  const facts = timelinessFactsOfState(after, clockDue);
  projection.clock_stopped_at = toDate(facts.clockStoppedAt);
  projection.overdue_from = toDate(overdueFromOf(facts));
  // Digitization is recorded at intake from the scans; afterwards only an explicit record changes it.
  if (event.action === 'record_digitization') projection.digitized = after.digitized;
  if (after.submittedAt !== before.submittedAt) projection.submitted_at = toDate(after.submittedAt);
  if (after.receivedAt !== before.receivedAt) {
    projection.received_at = toDate(after.receivedAt);
    // The appointment printed on the receipt: recorded once, never recomputed (docs/rules/time.md).
    if (!args.recordedDueAt && clockDue !== null) projection.due_at = new Date(clockDue);
  }
  if (after.resultAt !== null && before.resultAt === null) {
    projection.result_at = new Date(after.resultAt);
    const dueAtResult = clockDueAt(calendar, rules, after, after.resultAt);
    projection.result_class = dueAtResult === null ? null : classifyResult(after.resultAt, dueAtResult);
  }
  if (after.returnedAt !== before.returnedAt) projection.returned_at = toDate(after.returnedAt);
  if (after.withdrawnAt !== before.withdrawnAt) projection.withdrawn_at = toDate(after.withdrawnAt);
  if (after.apology && !before.apology) projection.apology_due_at = new Date(after.apology.newDueAt);
  if (event.action === 'refuse') projection.refused_at = new Date(now);
  const closes = [after.resultAt, after.withdrawnAt].filter((v): v is number => v !== null);
  if (closes.length && (before.resultAt === null && before.withdrawnAt === null)) projection.closed_at = new Date(Math.min(...closes));
  return {
    projection,
    stepDueAt: stepDue,
    clockDueAt: clockDue === null ? null : new Date(clockDue),
    stepName: step?.name ?? null,
  };
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
