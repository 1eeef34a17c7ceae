/**
 * What the API says about dossiers: the staff detail view (with the timeline and the buttons the
 * transition table allows), list items, and the public status view (no personal data beyond the
 * applicant's initials).
 */
import { FeeDueSchema, type FeeDue } from './fee-due.ts';
import { z } from 'zod';
import {
  actionRules, actorRoles, componentKinds, allowedActions, budgetUnits, clockStoppedStatuses, closedStatuses, dossierActionNames, dossierChannels,
  dossierFormNumbers, dossierStatuses, filePurposes, finalStatuses, formatInstant, initialsOf, outcomeAgainst, refusalOf, resultClasses,
  resultDeliveries, resultStatuses, statusLabels, timeUnits, timelinessAt, workflowRoles, workingTimeBetween, apologyWarranted, type ApologyFacts,
  type Actor, type ActorRole, type DossierAction, type DossierFormNumber, type DossierStatus, type Timeliness, type TimelinessFacts, type WorkingCalendar, formsAvailable,
} from '@motcua/domain';
import { iso, stateOf, type DossierContext } from './dossier.context.ts';
import { rolesForAction } from './dossiers.policies.ts';
import { TimelinessSchema, timelinessFactsOfRow } from './timeliness.ts';
import { ResultDocumentSchema } from '../signed-documents/signed-documents.presenter.ts';
import { DossierRatingSchema } from './ratings.presenter.ts';

const Labels = z.object({ vi: z.string(), en: z.string() });
const Instant = z.string().nullable();
const Status = z.enum(dossierStatuses);
const Action = z.enum(dossierActionNames as [DossierAction, ...DossierAction[]]);
const Form = z.enum(dossierFormNumbers);

export const ClockSchema = z.object({
  state: z.enum(['not_started', 'running', 'stopped', 'closed']),
  dueAt: Instant.describe('the appointment as moved by pauses'),
  overdue: z.boolean().describe('in progress and overdue at the instant of the answer (timeliness = in_progress_overdue); a late result says so in timeliness'),
  timeliness: TimelinessSchema,
  workingMinutesLeft: z.number().nullable().describe('working time left until the appointment (negative: overdue); while the clock is stopped, what was left when it stopped'),
});

export const TimelineEntrySchema = z.object({
  seq: z.number(),
  action: Action,
  actionLabel: Labels,
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.enum(actorRoles).nullable(),
  fromStatus: Status.nullable(),
  toStatus: Status,
  stepName: z.string().nullable(),
  stepDueAt: Instant,
  agencyCode: z.string().nullable(),
  note: z.string().nullable(),
  reasons: z.array(z.string()).nullable(),
  form: Form.nullable(),
  newDueAt: Instant,
});

/**
 * The applicant as recorded: what the counter or the portal took (ApplicantInput), or what an
 * imported history said (kind and name, and any other fields it had, kept as they were).
 */
export const ApplicantSchema = z.object({
  kind: z.enum(['citizen', 'organization']),
  name: z.string(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  representative: z.string().optional(),
}).loose();

/** A component of the dossier as received (intake.usecases.ts, StoredComponent). */
export const ComponentSchema = z.object({
  index: z.number(),
  name: z.string(),
  kind: z.enum(componentKinds),
  count: z.number(),
  required: z.boolean(),
  received: z.boolean(),
  fileIds: z.array(z.string()),
  digitized: z.boolean(),
  note: z.string().optional(),
});

export const DossierDetailSchema = z.object({
  id: z.number(),
  code: z.string(),
  status: Status,
  statusLabel: Labels,
  nationalStatus: z.number().nullable(),
  channel: z.enum(dossierChannels),
  resultDelivery: z.enum(resultDeliveries),
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number(), field: z.string(), processingTime: z.object({ value: z.number(), unit: z.enum(timeUnits), cutoff: z.string().optional() }) }),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  handlingAgency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  applicant: ApplicantSchema,
  components: z.array(ComponentSchema),
  declaration: z.object({
    eform: z.string().describe('the e-form it was filled on, id@version (the procedure version’s `declaration`)'),
    answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    verified: z.array(z.string()).describe('keys whose value came from the applicant’s e-ID'),
    pdf: z.string().describe('GET it for the declaration printed in the official layout'),
  }).nullable().describe('the e-form declaration (tờ khai điện tử), when one was filled'),
  sets: z.number(),
  fee: z.object({ amount: z.number(), paid: z.boolean() }),
  submittedAt: Instant,
  receivedAt: Instant,
  dueAt: Instant.describe('the appointment printed on the receipt (form 01)'),
  apologyDueAt: Instant,
  resultAt: Instant,
  returnedAt: Instant,
  withdrawnAt: Instant,
  resultClass: z.enum(resultClasses).nullable(),
  digitized: z.boolean(),
  clock: ClockSchema,
  step: z.object({ index: z.number(), name: z.string(), role: z.enum(workflowRoles), dueAt: Instant, assigneeId: z.string().nullable() }).nullable(),
  workflow: z.array(z.object({ key: z.string(), name: z.string(), role: z.enum(workflowRoles), participant: z.number(), budget: z.object({ value: z.number(), unit: z.enum(budgetUnits) }) })),
  forwardTo: z.object({ code: z.string().nullable(), name: z.string() }).nullable()
    .describe('inter-agency: the agency that receives the dossier when the caller forwards it now (the next step is another agency’s); null when forward keeps it here or is not allowed. code is null when the chain leaves a choice (targetAgencyId)'),
  timeline: z.array(TimelineEntrySchema),
  allowedActions: z.array(z.object({ action: Action, label: Labels, form: Form.nullable(), needsReasons: z.boolean(), needsNote: z.boolean() })),
  forms: z.array(Form).describe('the forms that can be printed now (GET /api/v1/dossiers/{id}/forms/{form})'),
  files: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), purpose: z.enum(filePurposes), componentIndex: z.number().nullable() })),
  resultDocument: ResultDocumentSchema.nullable()
    .describe('the electronic result (or refusal decision) as a document to sign: GET /api/v1/signed-documents/{id}/file for its current file'),
  rating: DossierRatingSchema.nullable().describe('the applicant’s satisfaction rating, once given'),
  ratingCard: z.string().nullable()
    .describe('GET it for the rating card handed over with the result (a one-time rating QR code); POST …/rating-invitation opens the rating page on the counter’s screen. Null before the result and once rated'),
});
export type DossierDetail = z.infer<typeof DossierDetailSchema>;

export function clockOf(ctx: Pick<DossierContext, 'dossier'>, status: DossierStatus, now: number, calendar: WorkingCalendar): z.infer<typeof ClockSchema> {
  const d = ctx.dossier;
  const facts = timelinessFactsOfRow(d);
  const time = clockTimeLeft(facts, now, calendar);
  const dueAt = iso(d.clock_due_at);
  if (!d.received_at || d.clock_due_at === null) return { state: 'not_started', dueAt: null, ...time };
  if (d.closed_at || closedStatuses.has(status)) return { state: 'closed', dueAt, ...time };
  return { state: clockStoppedStatuses.has(status) ? 'stopped' : 'running', dueAt, ...time };
}

/**
 * The dossier's class at `now` by the domain's one rule, whether it is overdue in progress, and the
 * working time left: to the appointment while the clock runs; while it is stopped before the
 * appointment, what was left when it stopped (the stop moves the appointment); none once closed.
 */
export function clockTimeLeft(facts: TimelinessFacts, now: number, calendar: WorkingCalendar): { timeliness: Timeliness; overdue: boolean; workingMinutesLeft: number | null } {
  const timeliness = timelinessAt(facts, now);
  const inProgress = timeliness === 'in_progress_on_time' || timeliness === 'due_soon' || timeliness === 'in_progress_overdue';
  let left: number | null = null;
  if (inProgress && facts.dueAt !== null) {
    const stoppedInTime = facts.clockStoppedAt !== null && facts.clockStoppedAt < facts.dueAt;
    left = workingMinutesLeft(calendar, stoppedInTime ? facts.clockStoppedAt! : now, facts.dueAt);
  }
  return { timeliness, overdue: timeliness === 'in_progress_overdue', workingMinutesLeft: left };
}

/** Working time from now to the appointment, in minutes; negative once it has passed. */
export function workingMinutesLeft(calendar: WorkingCalendar, now: number, due: number): number {
  const ms = now <= due ? workingTimeBetween(calendar, now, due) : -workingTimeBetween(calendar, due, now);
  return Math.round(ms / 60_000);
}

/**
 * What decides whether an apology (form 04) is warranted now (the domain's apologyWarranted): the
 * clock at `now` and the budgets of the steps still to come.
 */
export function apologyFactsOf(ctx: Pick<DossierContext, 'dossier' | 'version'>, now: number, calendar: WorkingCalendar): ApologyFacts {
  const facts = timelinessFactsOfRow(ctx.dossier);
  const time = clockTimeLeft(facts, now, calendar);
  const stoppedInTime = facts.clockStoppedAt !== null && facts.dueAt !== null && facts.clockStoppedAt < facts.dueAt;
  const calendarMinutesLeft = facts.dueAt === null ? null : Math.round((facts.dueAt - (stoppedInTime ? facts.clockStoppedAt! : now)) / 60_000);
  return {
    overdue: time.overdue, workingMinutesLeft: time.workingMinutesLeft, calendarMinutesLeft,
    budgets: ctx.version.workflow.map((s) => s.budget), stepIndex: ctx.dossier.step_index,
  };
}

/**
 * How long an online dossier has waited for an officer to receive it, in working time on the
 * receiving agency's calendar: the legal clock has not started (docs/rules/time.md), and a night or
 * a weekend nobody is at the counter is not time the counter let pass. Null for anything else.
 */
export function waitingWorkingMinutes(status: string, submittedAt: Date | null, now: number, calendar: WorkingCalendar): number | null {
  if (status !== 'submitted' || submittedAt === null || submittedAt.getTime() > now) return null;
  return Math.round(workingTimeBetween(calendar, submittedAt.getTime(), now) / 60_000);
}

/** The forms that can be printed for the dossier now. */
export function formsOf(ctx: DossierContext): DossierFormNumber[] {
  return formsAvailable(ctx.events.map((e) => e.action)).filter((f): f is DossierFormNumber => f !== '07');
}

export interface DetailExtras {
  agencyCodes: Map<string, string>;
  /** Full names of the staff who acted, by user id. */
  names: Map<string, string>;
  files: DossierDetail['files'];
  resultDocument: DossierDetail['resultDocument'];
  rating: DossierDetail['rating'];
  forwardTo: DossierDetail['forwardTo'];
}

export function presentDossier(ctx: DossierContext, actor: Actor, now: number, calendar: WorkingCalendar, extras: DetailExtras): DossierDetail {
  const { agencyCodes, names } = extras;
  const d = ctx.dossier;
  const state = stateOf(ctx);
  const status = d.status as DossierStatus;
  const workflow = ctx.version.workflow;
  const step = d.step_index === null ? null : workflow[d.step_index];
  const lastHandOff = [...ctx.events].reverse().find((e) => e.step_due_at);
  const roles = new Set([...rolesForAction(actor, 'forward', ctx.agencies), ...rolesForAction(actor, 'receive', ctx.agencies)]);
  const actions = allowedActions(state, workflow, roles, actor.kind === 'staff' ? actor.userId : undefined)
    .filter((a) => rolesForAction(actor, a, ctx.agencies, d.prepared_by).size > 0)
    .filter((a) => a !== 'apologize' || apologyWarranted(apologyFactsOf(ctx, now, calendar)));
  return {
    id: d.id,
    code: d.code,
    status,
    statusLabel: statusLabels[status],
    nationalStatus: d.national_status,
    channel: d.channel,
    resultDelivery: d.result_delivery,
    procedure: {
      code: ctx.version.code, name: ctx.version.name, version: ctx.version.version, field: ctx.version.field,
      processingTime: { value: ctx.version.processingTime.value, unit: ctx.version.processingTime.unit, ...(ctx.version.processingTime.cutoff ? { cutoff: ctx.version.processingTime.cutoff } : {}) },
    },
    agency: { id: ctx.agencies.receiving.id, code: ctx.agencies.receiving.code, name: ctx.agencies.receiving.name },
    handlingAgency: { id: ctx.agencies.handling.id, code: ctx.agencies.handling.code, name: ctx.agencies.handling.name },
    // jsonb written by intake (ApplicantInput, StoredComponent) or by the import (kind and name at least).
    applicant: d.applicant as z.infer<typeof ApplicantSchema>,
    components: d.components as Array<z.infer<typeof ComponentSchema>>,
    declaration: d.declaration && d.declaration_form
      ? { eform: d.declaration_form, answers: d.declaration.answers, verified: d.declaration.verified, pdf: `/api/v1/dossiers/${d.id}/declaration.pdf` }
      : null,
    sets: d.sets,
    fee: { amount: d.fee_amount, paid: d.fee_paid },
    submittedAt: iso(d.submitted_at),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
    apologyDueAt: iso(d.apology_due_at),
    resultAt: iso(d.result_at),
    returnedAt: iso(d.returned_at),
    withdrawnAt: iso(d.withdrawn_at),
    resultClass: d.result_class,
    digitized: d.digitized,
    clock: clockOf(ctx, status, now, calendar),
    step: step && d.step_index !== null && !finalStatuses.has(status)
      ? { index: d.step_index, name: step.name, role: step.role, dueAt: iso(lastHandOff?.step_due_at), assigneeId: d.assignee_id }
      : null,
    workflow: workflow.map((s) => ({ key: s.key, name: s.name, role: s.role, participant: s.participant ?? 0, budget: { value: s.budget.value, unit: s.budget.unit } })),
    forwardTo: actions.includes('forward') ? extras.forwardTo : null,
    timeline: ctx.events.map((e) => ({
      seq: e.seq,
      action: e.action as DossierAction,
      actionLabel: actionRules[e.action as DossierAction]?.labels ?? { vi: e.action, en: e.action },
      at: formatInstant(e.at.getTime()),
      // A system actor's name is an internal key ('import', a job's name), not a person's: the screen says "Hệ thống".
      actorName: e.actor_kind === 'system' ? null : (e.actor_id && names.get(e.actor_id)) || e.actor_name,
      actorRole: e.actor_role as ActorRole | null,
      fromStatus: e.from_status as DossierStatus | null,
      toStatus: e.to_status as DossierStatus,
      stepName: e.step_name,
      stepDueAt: iso(e.step_due_at),
      agencyCode: e.handling_agency_id ? agencyCodes.get(e.handling_agency_id) ?? null : null,
      note: e.note,
      reasons: e.reasons,
      form: e.form as DossierFormNumber | null,
      newDueAt: typeof e.data?.newDueAt === 'string' ? e.data.newDueAt : null,
    })),
    allowedActions: actions.map((a) => {
      const rule = actionRules[a] as { form?: DossierFormNumber; needsReasons?: boolean; needsNote?: boolean; labels: { vi: string; en: string } };
      return { action: a, label: rule.labels, form: rule.form ?? null, needsReasons: Boolean(rule.needsReasons), needsNote: Boolean(rule.needsNote) };
    }),
    forms: formsOf(ctx),
    files: extras.files,
    resultDocument: extras.resultDocument,
    rating: extras.rating,
    ratingCard: resultStatuses.has(status) && !extras.rating ? `/api/v1/dossiers/${d.id}/rating-card.pdf` : null,
  };
}

export const PublicDossierSchema = z.object({
  code: z.string(),
  status: Status,
  statusLabel: Labels,
  nationalStatus: z.number().nullable(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  agency: z.object({ code: z.string(), name: z.string() }),
  applicantInitials: z.string(),
  submittedAt: Instant,
  receivedAt: Instant,
  dueAt: Instant.describe('the appointment on the receipt'),
  newDueAt: Instant.describe('a new appointment given with an apology letter (form 04), if any'),
  resultAt: Instant,
  returnedAt: Instant,
  currentStep: z.string().nullable(),
  clock: ClockSchema,
  steps: z.array(z.object({ label: Labels, at: z.string(), status: Status, statusLabel: Labels })),
  /** While the applicant must complete the dossier: what to bring (the administration's words, not personal data). */
  supplementRequest: z.object({
    at: z.string(),
    items: z.array(z.string()),
    note: z.string().nullable(),
    submittedOnlineAt: Instant.describe('when the applicant sent the supplement online; it awaits an officer'),
    components: z.array(z.object({ index: z.number(), name: z.string() })).describe('the components of the procedure version, to attach the supplement to'),
  }).nullable(),
  applicantActions: z.array(z.enum(['submit_supplement', 'withdraw']))
    .describe('what the applicant may do now with the access secret of the receipt (online dossiers only)'),
  rated: z.boolean(),
  signedResult: z.object({ id: z.string().describe('the signed document: /xac-thuc/{id}, and its file with the security code') }).nullable()
    .describe('the signed electronic result (or refusal decision), once signed by the competent person and the agency'),
  feeDue: FeeDueSchema,
});

/** The public status page: status, step, appointment, time left; initials only. */
export function presentPublicDossier(
  ctx: DossierContext, now: number, calendar: WorkingCalendar, rated: boolean, signedResultId: string | null = null, feeDue: FeeDue = null,
): z.infer<typeof PublicDossierSchema> {
  const d = ctx.dossier;
  const status = d.status as DossierStatus;
  const state = stateOf(ctx);
  const step = d.step_index === null || closedStatuses.has(status) ? null : ctx.version.workflow[d.step_index];
  return {
    code: d.code,
    status,
    statusLabel: statusLabels[status],
    nationalStatus: d.national_status,
    procedure: { code: ctx.version.code, name: ctx.version.name },
    agency: { code: ctx.agencies.receiving.code, name: ctx.agencies.receiving.name },
    applicantInitials: initialsOf(d.applicant_name),
    submittedAt: iso(d.submitted_at),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
    newDueAt: iso(d.apology_due_at),
    resultAt: iso(d.result_at),
    returnedAt: iso(d.returned_at),
    currentStep: step?.name ?? null,
    clock: clockOf(ctx, status, now, calendar),
    steps: ctx.events
      .filter((e) => e.from_status !== e.to_status || e.action === 'apologize' || e.action === 'submit_supplement')
      .map((e) => ({
        label: actionRules[e.action as DossierAction]?.labels ?? { vi: e.action, en: e.action },
        at: formatInstant(e.at.getTime()),
        status: e.to_status as DossierStatus,
        statusLabel: statusLabels[e.to_status as DossierStatus] ?? { vi: e.to_status, en: e.to_status },
      })),
    supplementRequest: supplementRequestOf(ctx, state.supplementSubmittedAt),
    applicantActions: applicantActionsOf(ctx, state, now, 'security_code'),
    rated,
    signedResult: signedResultId ? { id: signedResultId } : null,
    feeDue,
  };
}

const applicantActions = ['submit_supplement', 'withdraw'] as const;
const citizen = new Set(['citizen'] as const);

/**
 * What the applicant may do now, by the domain's transition table, given how they prove the
 * dossier is theirs: with the security code only an online dossier (which has one) can be acted
 * on; signed in with the e-ID, any dossier of theirs, counter ones included.
 */
export function applicantActionsOf(
  ctx: DossierContext, state: ReturnType<typeof stateOf>, now: number, proof: 'security_code' | 'eid',
): Array<(typeof applicantActions)[number]> {
  if (proof === 'security_code' && ctx.dossier.access_secret_hash === null) return [];
  return applicantActions.filter((action) => refusalOf(state, { action, at: now, actorRole: 'citizen' }, ctx.version.workflow, citizen) === null);
}

export function supplementRequestOf(ctx: DossierContext, submittedOnlineAt: number | null) {
  if (ctx.dossier.status !== 'supplement_requested' && ctx.dossier.status !== 'draft') return null;
  const e = [...ctx.events].reverse().find((x) => x.action === 'request_supplement' || x.action === 'request_completion');
  return e
    ? {
      at: formatInstant(e.at.getTime()), items: e.reasons ?? [], note: e.note,
      submittedOnlineAt: submittedOnlineAt === null ? null : formatInstant(submittedOnlineAt),
      components: ctx.version.components.map((c, index) => ({ index, name: c.name })),
    }
    : null;
}

/** Outcome of each hand-off against the due time of the step it closed (form 06). */
export function handOffOutcomes(ctx: DossierContext): Array<'ahead' | 'on_time' | 'late' | null> {
  let openDue: number | null = null;
  return ctx.events.map((e) => {
    const outcome = openDue === null ? null : outcomeAgainst(e.at.getTime(), openDue);
    if (e.step_due_at) openDue = e.step_due_at.getTime();
    else if (['resolve', 'reject', 'return_result'].includes(e.action)) openDue = null;
    return e.step_due_at || ['resolve', 'reject'].includes(e.action) ? outcome : null;
  });
}
