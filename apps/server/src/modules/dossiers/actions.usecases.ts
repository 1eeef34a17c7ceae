/**
 * One action on a dossier (docs/rules/dossier-lifecycle.md): checked against the transition table, the workflow and the
 * actor's roles where it is taken; its log row, the projection and the audit row are written in
 * one transaction, with the dossier row locked so that two officers cannot act at once.
 */
import {
  AppError, actionRules, apologyNotWarranted, apologyWarranted, apply, assertFeeAllowsAction, decide, formatInstant, formIssuedBy, localDateOf, parseInstant,
  type Actor, type ActorRole, type DossierAction, type DossierEvent, type ReturnDelivery,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import type { CalendarSet } from '../calendar/calendar.provider.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { claimFiles } from '../files/files.usecases.ts';
import { enqueueDossierNotices } from '../notifications/dossier-notices.ts';
import { storeReceivedComponents, storeResultFiles, type DossierFacts } from '../data-store/data-store.usecases.ts';
import { contextOf, loadDossierContext, stateOf, type DossierContext } from './dossier.context.ts';
import { effectsOf } from './dossier.effects.ts';
import { feeAtReception, feeStandingOfRow } from './dossier.fees.ts';
import { apologyFactsOf } from './dossiers.presenter.ts';
import { auditAgencyOf, rolesForAction } from './dossiers.policies.ts';
import * as codes from './confirmation-codes.repository.ts';
import { retireCodeMessages } from './confirmation-code.notifications.ts';
import * as repo from './dossiers.repository.ts';
import { handlingAgencyFor } from './participants.ts';
import {
  actionSigns, insertRejectionDecision, prepareResultAction, resultDepsOf, resultStep, type GeneratedResult, type PreparedResult, type ResultDeps,
} from './result-documents.usecases.ts';

export interface ActionCommand {
  action: Exclude<DossierAction, 'submit' | 'import'>;
  note?: string | undefined;
  reasons?: string[] | undefined;
  /** Apology (form 04): the new appointment, ISO 8601 with offset. */
  newDueAt?: string | undefined;
  assigneeId?: string | undefined;
  /** Inter-agency hand-off: the agency of the next participant, when the chain leaves a choice. */
  targetAgencyId?: string | undefined;
  digitized?: boolean | undefined;
  /** Return of the result: handed over at the counter or posted (a download is recorded by the download itself). */
  delivery?: ReturnDelivery | undefined;
  /** Attach the result: generate the result notice instead of uploading a PDF. */
  generateResult?: GeneratedResult | undefined;
  /** `receive`: the case of the fee schedule (a row of its tables), when the fee depends on one; default: the applicant's choice. */
  feeRow?: string | undefined;
  /** `receive`: an exemption of the fee schedule granted by the officer, by its label. */
  feeExemption?: string | undefined;
  /** Scans attached with the action (the supplement received, a result), uploaded by the actor. */
  fileIds?: string[] | undefined;
  /** Files for given components of the procedure (an online supplement), uploaded by the actor. */
  components?: Array<{ index: number; fileIds: string[] }> | undefined;
  /** Public uploads: file id → the upload token that proves the file is the applicant's. */
  uploadTokens?: Record<string, string> | undefined;
  /** The applicant's own actions: how they proved the dossier is theirs (kept on the log row and in the audit). */
  proof?: 'security_code' | 'eid' | undefined;
  /** Facts recorded with the log row and the audit row (e.g. how the applicant proved a confirmation). */
  data?: Record<string, unknown> | undefined;
  /**
   * Taken by the system itself (the maintenance sweep), not by a person: the log row's actor is
   * `system`, and only actions the table gives the `system` role are allowed. Never set from a request.
   */
  bySystem?: true | undefined;
}

/** Actions whose files are the supplement the applicant was asked for. */
const supplementActions: ReadonlySet<DossierAction> = new Set(['receive_supplement', 'submit_supplement']);
/** The action whose files are the electronic result (they go into the applicant's data store). */
const resultAction: DossierAction = 'resolve';

const purposeOf = (action: DossierAction) => (supplementActions.has(action) ? 'supplement' : action === resultAction ? 'result' : 'attachment');

export function actorName(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.username : actor.kind === 'citizen' ? 'citizen' : null;
}

/**
 * Takes one action; returns the dossier as it is afterwards (for the answer, without reading it
 * again). An action that signs (`sign_result`, `reject`: docs/rules/results.md) is signed before
 * the transaction: by the caller (`prepared`, when `deps.db` is already a transaction, as in a
 * route), else here.
 */
export async function performAction(context: AuditContext, dossierId: number, command: ActionCommand, deps: Deps, prepared?: PreparedResult): Promise<DossierContext> {
  if (actionSigns(command.action) && !prepared) {
    if (deps.db.isTransaction) throw new AppError('internal.unexpected', { details: { reason: `${command.action} must be signed before the transaction` } });
    prepared = await prepareResultAction(context, dossierId, command, deps);
  }
  const calendars = await deps.calendars.current();
  return inTransactionWaking(deps, async (tx) => {
    const ctx = await loadDossierContext(tx, deps.references, context.actor, dossierId, { lock: true });
    const actionDeps = { ...actionDepsOf(deps, calendars), results: resultDepsOf(deps, prepared) };
    const at = prepared?.at.getTime();
    const after = await applyAction(tx, context, ctx, command, actionDeps, at);
    if (command.action !== 'reject' || !prepared) return after;
    // The refusal decision is form 03 signed by the leader who decided it, and by the agency (docs/rules/results.md).
    await insertRejectionDecision(tx, prepared);
    return applyAction(tx, context, after, { action: 'sign_result' }, actionDeps, at);
  });
}

export interface ActionDeps {
  clock: Deps['clock'];
  calendars: CalendarSet;
  references: Deps['references'];
  /** Where the messages the action causes link to (the portal's tracking page, the console). */
  publicBaseUrl: string;
  results?: ResultDeps | undefined;
  /** An online payment gateway is configured: a received dossier's applicant is sent the link to pay. */
  payableOnline?: boolean | undefined;
}

/** What `applyAction` needs of the application's dependencies. */
export function actionDepsOf(deps: Pick<Deps, 'clock' | 'references' | 'config'>, calendars: CalendarSet): ActionDeps {
  return { clock: deps.clock, calendars, references: deps.references, publicBaseUrl: deps.config.publicBaseUrl, payableOnline: deps.config.payments !== undefined };
}

/** Applies one action to a loaded (and locked) dossier inside the caller's transaction. */
export async function applyAction(
  tx: Deps['db'],
  context: AuditContext,
  ctx: DossierContext,
  command: ActionCommand,
  deps: ActionDeps,
  atOverride?: number,
): Promise<DossierContext> {
  const now = atOverride ?? deps.clock().getTime();
  const actor = context.actor;
  const before = stateOf(ctx);
  const system = command.bySystem === true && actor.kind === 'anonymous';
  const roles = system ? new Set<ActorRole>(['system']) : rolesForAction(actor, command.action, ctx.agencies, ctx.dossier.prepared_by);
  const event: DossierEvent = {
    action: command.action,
    at: now,
    actorRole: pickRole(roles, command.action, before.stepIndex === null ? undefined : ctx.version.workflow[before.stepIndex]?.role),
    actorId: actor.kind === 'staff' ? actor.userId : null,
    assigneeId: command.assigneeId ?? null,
    reasons: command.reasons?.map((r) => r.trim()).filter(Boolean),
    note: command.note?.trim() || null,
    newDueAt: command.newDueAt ? parseInstant(command.newDueAt) : null,
    digitized: command.digitized,
  };
  if (actor.kind === 'citizen') event.actorRole = 'citizen';
  if (command.action === 'return_result') event.delivery = command.delivery ?? (actor.kind === 'citizen' || system ? 'download' : 'counter');
  decide(before, event, ctx.version.workflow, actor.kind === 'citizen' ? new Set(['citizen']) : roles);
  // A fee due before processing holds the dossier at reception (docs/rules/payments.md).
  assertFeeAllowsAction(command.action, feeStandingOfRow(ctx.dossier));
  // Received: the fee terms are fixed now, from the dossier's own version.
  const reception = command.action === 'receive'
    ? await feeAtReception(tx, ctx.version, ctx.dossier, { row: command.feeRow, exemption: command.feeExemption })
    : undefined;
  const calendar = deps.calendars.forAgency(ctx.dossier.agency_id);
  // Form 04 only when the dossier is late or can no longer make its appointment (docs/rules/dossier-lifecycle.md).
  if (command.action === 'apologize' && !system && !apologyWarranted(apologyFactsOf(ctx, now, calendar))) throw apologyNotWarranted();
  if (command.action === 'apologize' && event.newDueAt != null && ctx.dossier.clock_due_at && event.newDueAt <= ctx.dossier.clock_due_at.getTime()) {
    throw new AppError('request.invalid', {
      messages: { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại', en: 'The new appointment must be after the current one' },
      issues: [{ path: 'newDueAt', message: 'the new appointment must be after the current one' }],
    });
  }
  if (command.action === 'assign' && command.assigneeId) await assertAssignable(tx, command.assigneeId, ctx);
  const after = apply(before, event, ctx.version.workflow);
  const handling = after.participant !== before.participant
    ? await handlingAgencyFor(tx, deps.references, ctx.version, after.participant, ctx.agencies.receiving, ctx.agencies.handling, command.targetAgencyId)
    : ctx.agencies.handling;
  const effects = effectsOf({
    version: ctx.version, before, after, event, calendar, recordedDueAt: ctx.dossier.due_at, handlingAgencyId: handling.id,
    fee: reception?.standing ?? feeStandingOfRow(ctx.dossier),
  });
  if (reception) Object.assign(effects.projection, reception.projection);
  const step = await resultStep(tx, context, ctx, command, new Date(now), deps.results);
  const files = step?.filesClaimed ? [] : filesOf(command, ctx);
  const [logged] = await repo.insertEvents(tx, [{
    dossier_id: ctx.dossier.id,
    seq: ctx.events.length + 1,
    action: command.action,
    at: new Date(now),
    actor_kind: system ? 'system' : actor.kind,
    actor_id: event.actorId ?? null,
    actor_name: context.actorName ?? actorName(actor),
    actor_role: event.actorRole,
    from_status: before.status,
    to_status: after.status!,
    step_index: after.stepIndex,
    step_name: effects.stepName,
    participant: after.participant,
    handling_agency_id: handling.id,
    assignee_id: after.assigneeId,
    step_due_at: effects.stepDueAt,
    clock_due_at: effects.clockDueAt,
    note: event.note ?? null,
    reasons: event.reasons?.length ? event.reasons : null,
    data: {
      ...(event.newDueAt != null ? { newDueAt: formatInstant(event.newDueAt) } : {}),
      ...(command.digitized !== undefined ? { digitized: command.digitized } : {}),
      ...(files.length ? { files: files.map((f) => f.id) } : {}),
      ...(handling.id !== ctx.agencies.handling.id ? { fromAgency: ctx.agencies.handling.code, toAgency: handling.code } : {}),
      ...(event.delivery ? { delivery: event.delivery } : {}),
      ...step?.data,
      ...(command.proof ? { proof: command.proof } : {}),
      ...(command.proof === 'eid' && actor.kind === 'citizen' ? { citizenId: actor.citizenId } : {}),
      ...command.data,
    },
    form: formIssuedBy(command.action) ?? null,
    request_id: context.requestId ?? null,
  }]);
  if (files.length) {
    await claimFiles(tx, actor, ctx.dossier.id, files, command.uploadTokens ?? {}, purposeOf(command.action));
  }
  const facts: DossierFacts = {
    id: ctx.dossier.id, code: ctx.dossier.code, applicantKind: ctx.dossier.applicant_kind, applicantIdNumber: ctx.dossier.applicant_id_number,
    components: ctx.dossier.components as DossierFacts['components'],
  };
  // The data store (docs/rules/data-store.md): an online dossier's scans on receipt, a result when resolved.
  if (command.action === 'receive') {
    await storeReceivedComponents(tx, facts, ctx.version.components, ctx.agencies.receiving, new Date(now), localDateOf(now));
  }
  if (command.action === resultAction && files.length) {
    await storeResultFiles(tx, facts, ctx.version, files.map((f) => f.id), handling, new Date(now), localDateOf(now));
  }
  // An online dossier enters the book of the counter that receives it (form 07): the agency's first.
  if (command.action === 'receive' && ctx.dossier.counter_id === null) {
    effects.projection.counter_id = (await deps.references.counters(tx, ctx.dossier.agency_id))[0]?.id ?? null;
  }
  // A discarded preparation can no longer be confirmed: its live one-time code is void.
  if (command.action === 'discard_preparation') {
    await codes.closeCodes(tx, ctx.dossier.id, null, new Date(now));
    await retireCodeMessages(tx, ctx.dossier.id, new Date(now));
  }
  const dossier = await repo.updateProjection(tx, ctx.dossier.id, effects.projection);
  await enqueueDossierNotices(tx, deps, {
    dossier, procedureName: ctx.version.name, receivingAgency: ctx.agencies.receiving, handlingAgency: handling,
    event, before, after, actorName: context.actorName ?? actorName(actor),
    stepName: effects.stepName ?? lastStepOf(ctx)?.step_name ?? null,
    stepDueAt: effects.stepDueAt ?? lastStepOf(ctx)?.step_due_at ?? null,
  }, new Date(now));
  await recordAudit(tx, context, {
    action: `dossier.${command.action}`,
    entityType: 'dossier',
    entityId: ctx.dossier.code,
    agencyId: auditAgencyOf(actor, command.action, { ...ctx.agencies, receivingId: ctx.dossier.agency_id }),
    at: new Date(now),
    details: { from: before.status, to: after.status, ...(event.delivery ? { delivery: event.delivery } : {}), ...(step?.data.signedDocument ? { signedDocument: step.data.signedDocument } : {}), ...(command.note ? { note: command.note } : {}), ...(command.proof ? { proof: command.proof } : {}), ...command.data },
  });
  return contextOf(tx, deps.references, dossier, [...ctx.events, logged!]);
}

/** The log's last hand-off (its step name and due instant): an assignment keeps the step it is in. */
const lastStepOf = (ctx: DossierContext) => ctx.events.findLast((e) => e.step_due_at !== null);

/** The files an action attaches, with the component each one completes (if any). */
function filesOf(command: ActionCommand, ctx: DossierContext): Array<{ id: string; index: number | null }> {
  const issues = (command.components ?? []).flatMap((c, i) =>
    ctx.version.components[c.index] ? [] : [{ path: `components.${i}.index`, message: `no component ${c.index} in this procedure` }]);
  if (issues.length) throw new AppError('request.invalid', { issues });
  return [
    ...(command.fileIds ?? []).map((id) => ({ id, index: null })),
    ...(command.components ?? []).flatMap((c) => c.fileIds.map((id) => ({ id, index: c.index }))),
  ];
}

/** The role recorded on the log row: the workflow step's role when the actor has it. */
function pickRole(roles: ReadonlySet<string>, action: DossierAction, stepRole: string | undefined) {
  const by = actionRules[action].by as readonly string[];
  if (stepRole && by.includes('step') && roles.has(stepRole)) return stepRole as DossierEvent['actorRole'];
  const match = by.find((r) => r !== 'step' && roles.has(r));
  return (match ?? [...roles][0] ?? 'system') as DossierEvent['actorRole'];
}

async function assertAssignable(tx: Deps['db'], userId: string, ctx: DossierContext): Promise<void> {
  const rows = await tx
    .selectFrom('role_assignments as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['a.path', 'r.role'])
    .where('r.user_id', '=', userId)
    .execute();
  const ok = rows.some((r) => ctx.agencies.handlingPath.startsWith(r.path) && r.role !== 'manager' && r.role !== 'admin');
  if (!ok) {
    throw new AppError('request.invalid', {
      messages: { vi: 'Cán bộ được chọn không thuộc cơ quan đang giữ hồ sơ', en: 'The assignee is not a staff member of the agency that holds the dossier' },
      issues: [{ path: 'assigneeId', message: 'not a staff member of the agency that holds the dossier' }],
    });
  }
}
