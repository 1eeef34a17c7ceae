/**
 * Where each workflow step of a dossier stands, read from its timeline: when the dossier entered
 * the step, the step's own due time (recorded with every hand-off), when it left, and whether it
 * left ahead, on time or late — the rows of the control sheet (form 06).
 */
import { finalStatuses as finalGroup, resultStatuses as resultGroup, type DossierStatus } from '@motcua/domain';
import type { DossierDetail } from './dossiers.api.ts';

export type StepState = 'done' | 'current' | 'pending';

export interface StepProgress {
  index: number;
  name: string;
  role: string;
  budget: { value: number; unit: string };
  state: StepState;
  enteredAt: string | null;
  dueAt: string | null;
  leftAt: string | null;
  /** Against the step's due time: left in time, left late, or (current) already late. */
  late: boolean;
}

// The domain's status groups (the API types statuses as strings).
const resultStatuses = { has: (status: string) => resultGroup.has(status as DossierStatus) };
const finalStatuses = { has: (status: string) => finalGroup.has(status as DossierStatus) };

/**
 * The step in progress, if any, with its own due time. A finished dossier has none, whatever
 * the record says; and a step's due time is only the one written when the dossier was handed to
 * it (a step entered without a hand-off, like the return at the counter, has none).
 */
export function activeStep(dossier: Pick<DossierDetail, 'step' | 'status' | 'timeline'>): DossierDetail['step'] {
  if (!dossier.step || finalStatuses.has(dossier.status)) return null;
  const lastHandOff = [...dossier.timeline].reverse().find((event) => event.stepDueAt);
  return { ...dossier.step, dueAt: lastHandOff?.stepName === dossier.step.name ? dossier.step.dueAt : null };
}

export function workflowProgress(dossier: Pick<DossierDetail, 'workflow' | 'timeline' | 'step' | 'status'>, now: number): StepProgress[] {
  const step = activeStep(dossier);
  const current = step?.index ?? null;
  const last = dossier.workflow.length - 1;
  return dossier.workflow.map((workflowStep, index) => {
    // The last time the dossier was handed into this step (it may come back after a send-back).
    let entry = -1;
    dossier.timeline.forEach((event, i) => {
      if (event.stepName === workflowStep.name && event.stepDueAt) entry = i;
    });
    const entered = entry >= 0 ? dossier.timeline[entry]! : undefined;
    const left = entered
      ? dossier.timeline.slice(entry + 1).find((event) => (event.stepName !== workflowStep.name && event.stepDueAt) || resultStatuses.has(event.toStatus))
      : undefined;
    let state: StepState;
    if (current !== null) state = index === current ? 'current' : index < current ? 'done' : 'pending';
    else if (dossier.status === 'returned') state = entered || index === last ? 'done' : 'pending';
    // A result waits at the counter: the closing step, when it is the officer's, is where it stands.
    else if (resultStatuses.has(dossier.status)) state = entered ? 'done' : index === last && workflowStep.role === 'officer' ? 'current' : 'pending';
    else state = entered ? 'done' : 'pending';
    const dueAt = state === 'current' ? step?.dueAt ?? null : state === 'pending' ? null : entered?.stepDueAt ?? null;
    const leftAt = state === 'done' ? left?.at ?? null : null;
    const due = dueAt ? Date.parse(dueAt) : NaN;
    const late = !Number.isNaN(due) && (state === 'current' ? now > due : leftAt !== null && Date.parse(leftAt) > due);
    return {
      index, name: workflowStep.name, role: workflowStep.role, budget: workflowStep.budget, state,
      enteredAt: state === 'pending' ? null : entered?.at ?? null, dueAt, leftAt, late,
    };
  });
}
