/**
 * A dossier's state is derived from its append-only action log: `replay(events)` folds the log
 * into the current status, workflow step, pauses and key instants; `decide(...)` checks one new
 * action against the transition table and the workflow and says what it changes.
 */
import type { RoleAssignment } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import { actionRules, citizenOnlyActions, creationActions, type ActorRole, type DossierAction } from './actions.ts';
import { returnRefusalReason, type ResultDocumentState, type ReturnDelivery } from './results.ts';
import type { DossierStatus } from './statuses.ts';

/** The part of a workflow step the state machine needs (see catalogue for the full step). */
export interface WorkflowStepRef {
  role: 'officer' | 'specialist' | 'leader';
  /** Index of the inter-agency participant that does this step (0 = the receiving agency). */
  participant?: number | undefined;
}

export interface DossierEvent {
  action: DossierAction;
  /** Epoch milliseconds. */
  at: number;
  actorRole: ActorRole;
  actorId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  reasons?: string[] | undefined;
  note?: string | null | undefined;
  /** Apology (form 04): the new appointment. */
  newDueAt?: number | null | undefined;
  /** Digitization record: whether the components are now digitized. */
  digitized?: boolean | undefined;
  /** Return of the result: how it was delivered (counter when not said). */
  delivery?: ReturnDelivery | undefined;
}


export interface Pause {
  from: number;
  /** `null` while the pause is still running. */
  to: number | null;
  kind: 'supplement' | 'suspension';
}

export interface DossierState {
  status: DossierStatus | null;
  /** Index into the workflow; 0 is intake, the last step is the return of the result. */
  stepIndex: number | null;
  participant: number;
  assigneeId: string | null;
  submittedAt: number | null;
  receivedAt: number | null;
  resultAt: number | null;
  returnedAt: number | null;
  withdrawnAt: number | null;
  pauses: Pause[];
  lastSupplementReceivedAt: number | null;
  /** When the applicant last sent the requested supplement online, while no officer has received it yet. */
  supplementSubmittedAt: number | null;
  apology: { at: number; newDueAt: number } | null;
  digitized: boolean;
  /** The electronic result (or refusal decision): none, attached and unsigned, or signed. */
  result: ResultDocumentState;
}

export const initialDossierState: DossierState = {
  status: null,
  stepIndex: null,
  participant: 0,
  assigneeId: null,
  submittedAt: null,
  receivedAt: null,
  resultAt: null,
  returnedAt: null,
  withdrawnAt: null,
  pauses: [],
  lastSupplementReceivedAt: null,
  supplementSubmittedAt: null,
  apology: null,
  digitized: false,
  result: 'none',
};

/** Folds the action log (in order) into the dossier's state. */
export function replay(events: readonly DossierEvent[], workflow: readonly WorkflowStepRef[]): DossierState {
  let state = initialDossierState;
  for (const event of events) state = apply(state, event, workflow);
  return state;
}

/** The state after one action that has already been accepted. */
export function apply(state: DossierState, event: DossierEvent, workflow: readonly WorkflowStepRef[]): DossierState {
  const rule = actionRules[event.action];
  const status = rule.to === 'same' ? state.status : rule.to;
  const next: DossierState = { ...state, status, pauses: state.pauses };
  const moveTo = (index: number) => {
    next.stepIndex = index;
    next.participant = workflow[index]?.participant ?? 0;
    next.assigneeId = null;
  };
  const closePause = () => {
    next.pauses = state.pauses.map((p) => (p.to === null ? { ...p, to: Math.max(p.from, event.at) } : p));
  };
  switch (event.action) {
    case 'submit':
    case 'confirm':
      next.submittedAt = event.at;
      break;
    case 'prepare':
      break;
    case 'receive':
      next.receivedAt = event.at;
      moveTo(0);
      break;
    case 'import':
      next.submittedAt = event.at;
      next.receivedAt = event.at;
      moveTo(0);
      break;
    case 'transfer':
      moveTo(1);
      break;
    case 'forward':
      moveTo((state.stepIndex ?? 0) + 1);
      break;
    case 'send_back':
      moveTo(Math.max(1, (state.stepIndex ?? 1) - 1));
      break;
    case 'assign':
      next.assigneeId = event.assigneeId ?? null;
      break;
    case 'request_supplement':
      next.pauses = [...state.pauses, { from: event.at, to: null, kind: 'supplement' }];
      next.supplementSubmittedAt = null;
      break;
    case 'submit_supplement':
      // The pause goes on: only the officer's reception of the supplement ends it (docs/rules/time.md).
      next.supplementSubmittedAt = event.at;
      break;
    case 'pause':
      next.pauses = [...state.pauses, { from: event.at, to: null, kind: 'suspension' }];
      break;
    case 'receive_supplement':
      closePause();
      next.lastSupplementReceivedAt = event.at;
      next.supplementSubmittedAt = null;
      break;
    case 'resume':
      closePause();
      break;
    case 'apologize':
      if (event.newDueAt != null) next.apology = { at: event.at, newDueAt: event.newDueAt };
      break;
    case 'resolve':
      next.resultAt ??= event.at;
      moveTo(Math.max(0, workflow.length - 1));
      break;
    case 'reject':
      // The refusal decision is the dossier's result document (docs/rules/results.md).
      next.resultAt ??= event.at;
      next.result = 'attached';
      moveTo(Math.max(0, workflow.length - 1));
      break;
    case 'attach_result':
      next.result = 'attached';
      break;
    case 'sign_result':
      next.result = 'signed';
      break;
    case 'return_result':
      next.returnedAt = event.at;
      break;
    case 'withdraw':
      closePause();
      next.withdrawnAt = event.at;
      next.supplementSubmittedAt = null;
      break;
    case 'record_digitization':
      next.digitized = event.digitized ?? true;
      break;
    case 'refuse':
    case 'request_completion':
    case 'discard_preparation':
      break;
  }
  return next;
}

export interface Decision {
  action: DossierAction;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  stepIndex: number | null;
  participant: number;
}

/** The roles an actor holds over the agency that currently handles the dossier. */
export type RolesHere = ReadonlySet<ActorRole>;

/** The roles of `assignments` that reach `agencyPath` (the handling agency). */
export function rolesOver(assignments: readonly RoleAssignment[], agencyPath: string): Set<ActorRole> {
  return new Set(assignments.filter((a) => agencyPath.startsWith(a.agencyPath)).map((a) => a.role));
}

function notAllowed(action: DossierAction, status: DossierStatus | null, why: string, whyVi: string): AppError {
  return new AppError('dossier.transition_not_allowed', {
    messages: {
      vi: `Không thể thực hiện thao tác "${actionRules[action].labels.vi}": ${whyVi}`,
      en: `Cannot ${actionRules[action].labels.en.toLowerCase()}: ${why}`,
    },
    details: { action, status },
  });
}

/**
 * Why `event` may not be taken now, as a function building the error, or `null` when it may.
 * (Errors are built only when needed: the console asks this for every action on every page.)
 */
export function refusalOf(
  state: DossierState,
  event: DossierEvent,
  workflow: readonly WorkflowStepRef[],
  rolesHere: RolesHere,
): (() => AppError) | null {
  const action = event.action;
  const status = state.status;
  const rule: { from: ReadonlyArray<DossierStatus | null>; by: ReadonlyArray<string>; needsReasons?: boolean; needsNote?: boolean } =
    actionRules[action];
  if (!rule.from.includes(status)) {
    return () => notAllowed(action, status, `not allowed while the dossier is "${status ?? 'new'}"`, 'hồ sơ đang ở trạng thái không cho phép');
  }
  const step = state.stepIndex === null ? undefined : workflow[state.stepIndex];
  const byStep = rule.by.includes('step') && step !== undefined && rolesHere.has(step.role);
  const byRole = rule.by.some((r) => r !== 'step' && rolesHere.has(r as ActorRole));
  if (!byStep && !byRole) return () => new AppError('auth.forbidden', { details: { action, status } });
  // An assigned step is done by its assignee (or a leader).
  if (byStep && !byRole && state.assigneeId && event.actorId && event.actorId !== state.assigneeId && !rolesHere.has('leader')) {
    return () => new AppError('auth.forbidden', {
      messages: { vi: 'Hồ sơ đã được phân công cho cán bộ khác', en: 'The dossier is assigned to someone else' },
      details: { action },
    });
  }
  if (rule.needsReasons && !(event.reasons ?? []).some((r) => r.trim())) {
    return () => missing('reasons', 'Cần nêu ít nhất một lý do', 'At least one reason is required');
  }
  if (rule.needsNote && !event.note?.trim()) return () => missing('note', 'Cần nhập nội dung ghi chú', 'A note is required');
  const last = workflow.length - 1;
  const at = state.stepIndex ?? 0;
  switch (action) {
    case 'forward':
      if (at + 1 >= last) return () => notAllowed(action, status, 'this is the last processing step: record the result instead', 'đây là bước xử lý cuối, hãy cập nhật kết quả');
      break;
    case 'send_back':
      if (at <= 1) return () => notAllowed(action, status, 'there is no previous processing step', 'không có bước xử lý trước');
      break;
    case 'resolve':
      if (at !== last - 1 && !rolesHere.has('leader')) return () => notAllowed(action, status, 'the dossier has not reached its last processing step', 'hồ sơ chưa đến bước xử lý cuối');
      // Một cửa liên thông: each agency does its share in turn and the last one decides the result
      // (docs/rules/dossier-lifecycle.md, "Process"); a leader earlier in the chain forwards it.
      if (workflow.slice(at + 1, last).some((later) => (later.participant ?? 0) !== (step?.participant ?? 0))) {
        return () => notAllowed(
          action, status,
          'in an inter-agency dossier only the last agency of the chain records the result; forward it to the next agency',
          'hồ sơ liên thông chỉ do cơ quan cuối cùng trong chuỗi cập nhật kết quả; hãy chuyển cho cơ quan tiếp theo',
        );
      }
      break;
    case 'apologize':
      if (state.apology) return () => notAllowed(action, status, 'the appointment may be moved only once', 'chỉ được hẹn lại một lần');
      if (event.newDueAt == null) return () => missing('newDueAt', 'Cần chọn ngày hẹn trả kết quả mới', 'The new appointment is required');
      break;
    case 'assign':
      if (!event.assigneeId) return () => missing('assigneeId', 'Cần chọn cán bộ được phân công', 'Choose whom to assign');
      break;
    case 'attach_result':
      if (state.result === 'signed') return () => notAllowed(action, status, 'the result is already signed', 'kết quả đã được ký số');
      break;
    case 'sign_result':
      if (state.result !== 'attached') return () => notAllowed(action, status, 'there is no unsigned result to sign', 'không có kết quả chưa ký số');
      break;
    case 'return_result': {
      // Staff hand over or post; only the applicant's download (citizen or system) is a download.
      const downloader = rolesHere.has('citizen') || rolesHere.has('system');
      const delivery = event.delivery ?? (downloader ? 'download' : 'counter');
      if ((delivery === 'download') !== downloader) return () => new AppError('auth.forbidden', { details: { action, delivery } });
      const why = returnRefusalReason(state.result, delivery);
      if (why) return () => notAllowed(action, status, why.en, why.vi);
      break;
    }
    case 'transfer':
      if (workflow.length < 3) return () => notAllowed(action, status, 'the procedure has no processing step', 'thủ tục không có bước xử lý');
      break;
  }
  return null;
}

/**
 * Checks `event` against the table, the workflow and the actor's roles here; returns what it
 * changes or throws `dossier.transition_not_allowed` / `auth.forbidden` / `request.invalid`.
 */
export function decide(
  state: DossierState,
  event: DossierEvent,
  workflow: readonly WorkflowStepRef[],
  rolesHere: RolesHere,
): Decision {
  const refusal = refusalOf(state, event, workflow, rolesHere);
  if (refusal) throw refusal();
  const after = apply(state, event, workflow);
  return { action: event.action, fromStatus: state.status, toStatus: after.status!, stepIndex: after.stepIndex, participant: after.participant };
}

/** Invalid input to an action, with a Vietnamese and English message naming what is missing. */
function missing(path: string, vi: string, en: string): AppError {
  return new AppError('request.invalid', { messages: { vi, en }, issues: [{ path, message: en }] });
}

/**
 * The actions an actor with `rolesHere` may take now: the console's buttons. The applicant's own
 * actions (an online supplement) are never among them, whatever roles are passed.
 */
export function allowedActions(
  state: DossierState,
  workflow: readonly WorkflowStepRef[],
  rolesHere: RolesHere,
  actorId?: string,
): DossierAction[] {
  return (Object.keys(actionRules) as DossierAction[]).filter(
    (action) =>
      !creationActions.includes(action) && !citizenOnlyActions.includes(action) &&
      refusalOf(state, { action, at: 0, actorRole: 'system', actorId, reasons: ['x'], note: 'x', newDueAt: 1, assigneeId: 'x' }, workflow, rolesHere) === null,
  );
}
