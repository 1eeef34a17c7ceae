/**
 * Changes to administrative-reform plans (docs/rules/reform-plans.md): plans and their tasks made
 * and changed by the agency's administrators and managers; progress, results and their evidence
 * reported by the lead unit. Each change writes its rows and its audit row in one transaction, with
 * the plan or task locked.
 */
import type { Kysely } from 'kysely';
import {
  AppError, isWithin, reformDeadlineRange, reformLimits, reformTaskState, type Actor, type PlainDate, type ReformArea,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import * as repo from './reform-plans.repository.ts';
import { canEditPlansOf, planNotFound, taskAccess, taskNotFound, type TaskAccess } from './reform-plans.policies.ts';
import { callerOf, participantOf, todayOf, visiblePlan } from './reform-plans.queries.ts';

type UseCaseDeps = Pick<Deps, 'db' | 'clock'>;

export interface UnitRefInput {
  kind: 'unit' | 'agency';
  id: string;
}

const staffId = (actor: Actor): string => {
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  return actor.userId;
};

async function actorName(db: Kysely<Database>, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'staff') return null;
  return (await db.selectFrom('users').select('full_name').where('id', '=', actor.userId).executeTakeFirst())?.full_name ?? actor.username;
}

const today = (context: AuditContext, deps: UseCaseDeps): PlainDate => todayOf({ clock: () => context.at ?? deps.clock() });

function notAfterToday(date: string | undefined, todayDate: PlainDate, path: string): PlainDate {
  const value = (date ?? todayDate) as PlainDate;
  if (value > todayDate) throw new AppError('reform.date_in_future', { issues: [{ path, message: `after today (${todayDate})` }] });
  return value;
}

function checkDeadline(year: number, deadline: string): void {
  const range = reformDeadlineRange(year);
  if (deadline < range.from || deadline > range.to) {
    throw new AppError('reform.invalid_deadline', { issues: [{ path: 'deadline', message: `between ${range.from} and ${range.to}` }] });
  }
}

const refOf = (u: UnitRefInput): repo.UnitRef => (u.kind === 'unit' ? { unitId: u.id, agencyId: null } : { unitId: null, agencyId: u.id });
const keyOf = (u: UnitRefInput): string => `${u.kind}:${u.id}`;

/** The lead and coordinating units must lie under the plan's agency; the lead is not also a coordinator; none twice. */
async function checkUnits(db: Kysely<Database>, planPath: string, lead: UnitRefInput, coordinators: UnitRefInput[]): Promise<void> {
  const keys = [lead, ...coordinators].map(keyOf);
  if (new Set(keys).size !== keys.length) {
    throw new AppError('request.invalid', { issues: [{ path: 'coordinators', message: 'a unit is named twice, or the lead unit is also a coordinating unit' }] });
  }
  const all = [{ ref: lead, path: 'lead' }, ...coordinators.map((ref, i) => ({ ref, path: `coordinators.${i}` }))];
  for (const { ref, path } of all) {
    const where = await repo.unitOrAgencyPath(db, refOf(ref));
    if (!where || !isWithin(where, planPath)) throw new AppError('reform.unit_outside_plan', { issues: [{ path, message: 'not under the plan’s agency' }] });
  }
}

export interface PlanInput {
  agencyId: string;
  year: number;
  title: string;
  documentNumber?: string | undefined;
  documentDate?: string | undefined;
}

/** Makes a plan of an agency the caller administers or manages. */
export async function createPlan(context: AuditContext, input: PlanInput, deps: UseCaseDeps): Promise<string> {
  const agency = await deps.db.selectFrom('agencies').select(['id', 'path']).where('id', '=', input.agencyId).executeTakeFirst();
  if (!agency) throw new AppError('agency.not_found');
  if (!canEditPlansOf(context.actor, agency.path)) throw new AppError('auth.forbidden');
  const now = context.at ?? deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertPlan(tx, {
      agency_id: agency.id, year: input.year, title: input.title, document_number: input.documentNumber ?? null, document_date: input.documentDate ?? null,
      created_by: staffId(context.actor), created_at: now, updated_at: now,
    });
    await recordAudit(tx, context, {
      action: 'reform_plan.create', entityType: 'reform_plan', entityId: id, agencyId: agency.id, at: now,
      details: { year: input.year, title: input.title, documentNumber: input.documentNumber ?? null, documentDate: input.documentDate ?? null },
    });
    return id;
  });
}

/** The plan, for a change by one of its editors: 404 for a plan out of sight, 403 for one seen but not theirs to change. */
async function editablePlan(db: Kysely<Database>, actor: Actor, id: string): Promise<repo.PlanRow> {
  const plan = await visiblePlan(db, await callerOf(db, actor), id);
  if (!canEditPlansOf(actor, plan.agency_path)) throw new AppError('auth.forbidden');
  return plan;
}

export interface PlanChanges {
  title?: string | undefined;
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
}

export async function updatePlan(context: AuditContext, id: string, changes: PlanChanges, deps: UseCaseDeps): Promise<void> {
  await editablePlan(deps.db, context.actor, id);
  const now = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const before = await repo.findPlan(tx, id, true);
    if (!before) throw planNotFound();
    const set = {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.documentNumber !== undefined ? { document_number: changes.documentNumber } : {}),
      ...(changes.documentDate !== undefined ? { document_date: changes.documentDate } : {}),
    };
    await repo.updatePlan(tx, id, { ...set, updated_at: now });
    await recordAudit(tx, context, {
      action: 'reform_plan.update', entityType: 'reform_plan', entityId: id, agencyId: before.agency_id, at: now,
      details: { before: { title: before.title, documentNumber: before.document_number, documentDate: before.document_date }, changes },
    });
  });
}

export interface TaskInput {
  area: ReformArea;
  title: string;
  expectedResult: string;
  deadline: string;
  lead: UnitRefInput;
  coordinators: UnitRefInput[];
}

/** Adds a task at the end of the plan. */
export async function addTask(context: AuditContext, planId: string, input: TaskInput, deps: UseCaseDeps): Promise<string> {
  const plan = await editablePlan(deps.db, context.actor, planId);
  checkDeadline(plan.year, input.deadline);
  await checkUnits(deps.db, plan.agency_path, input.lead, input.coordinators);
  const now = context.at ?? deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await repo.findPlan(tx, planId, true);
    if ((await repo.countTasks(tx, planId)) >= reformLimits.tasksPerPlan) {
      throw new AppError('request.invalid', { issues: [{ path: 'planId', message: `a plan holds at most ${reformLimits.tasksPerPlan} tasks` }] });
    }
    const id = await repo.insertTask(tx, {
      plan_id: planId, area: input.area, position: await repo.nextTaskPosition(tx, planId), title: input.title, expected_result: input.expectedResult,
      deadline: input.deadline, created_at: now, updated_at: now,
    });
    await repo.setTaskUnits(tx, id, refOf(input.lead), input.coordinators.map(refOf));
    await recordAudit(tx, context, {
      action: 'reform_task.create', entityType: 'reform_task', entityId: id, agencyId: plan.agency_id, at: now,
      details: { planId, area: input.area, title: input.title, deadline: input.deadline, lead: keyOf(input.lead), coordinators: input.coordinators.map(keyOf) },
    });
    return id;
  });
}

/** A task with the caller's access to it: 404 when they may not read it. */
async function taskFor(db: Kysely<Database>, actor: Actor, id: string, lock: boolean): Promise<{ task: NonNullable<Awaited<ReturnType<typeof repo.findTask>>>; access: TaskAccess }> {
  const task = await repo.findTask(db, id, lock);
  if (!task) throw taskNotFound();
  const units = await repo.taskUnits(db, [id]);
  const access = taskAccess(await callerOf(db, actor), task.agency_path, units.map(participantOf));
  if (!access.read) throw taskNotFound();
  return { task, access };
}

export interface TaskChanges {
  area?: ReformArea | undefined;
  title?: string | undefined;
  expectedResult?: string | undefined;
  deadline?: string | undefined;
  lead?: UnitRefInput | undefined;
  coordinators?: UnitRefInput[] | undefined;
}

/** Changes a task; its lead and coordinating units are replaced when either is given. */
export async function updateTask(context: AuditContext, id: string, changes: TaskChanges, deps: UseCaseDeps): Promise<void> {
  const now = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const { task, access } = await taskFor(tx, context.actor, id, true);
    if (!access.edit) throw new AppError('auth.forbidden');
    if (changes.deadline !== undefined) checkDeadline(task.year, changes.deadline);
    const before = await repo.taskUnits(tx, [id]);
    const toRef = (u: repo.TaskUnitRow): UnitRefInput => (u.unit_id ? { kind: 'unit', id: u.unit_id } : { kind: 'agency', id: u.agency_id! });
    const lead = changes.lead ?? toRef(before.find((u) => u.role === 'lead')!);
    const coordinators = changes.coordinators ?? before.filter((u) => u.role === 'coordinating').map(toRef);
    if (changes.lead || changes.coordinators) {
      await checkUnits(tx, task.agency_path, lead, coordinators);
      await repo.setTaskUnits(tx, id, refOf(lead), coordinators.map(refOf));
    }
    await repo.updateTask(tx, id, {
      ...(changes.area ? { area: changes.area } : {}),
      ...(changes.title ? { title: changes.title } : {}),
      ...(changes.expectedResult ? { expected_result: changes.expectedResult } : {}),
      ...(changes.deadline ? { deadline: changes.deadline } : {}),
      updated_at: now,
    });
    await recordAudit(tx, context, {
      action: 'reform_task.update', entityType: 'reform_task', entityId: id, agencyId: task.agency_id, at: now,
      details: {
        before: { area: task.area, title: task.title, deadline: task.deadline, lead: keyOf(toRef(before.find((u) => u.role === 'lead')!)), coordinators: before.filter((u) => u.role === 'coordinating').map((u) => keyOf(toRef(u))) },
        changes: { ...changes, ...(changes.lead ? { lead: keyOf(changes.lead) } : {}), ...(changes.coordinators ? { coordinators: changes.coordinators.map(keyOf) } : {}) },
      },
    });
  });
}

/**
 * Evidence files must be uploads of the caller (checked by the files module when uploaded), used
 * by no dossier, no official document and no other update.
 */
async function claimEvidence(tx: Kysely<Database>, actor: Actor, updateId: number, fileIds: string[]): Promise<void> {
  const unique = [...new Set(fileIds)];
  const rows = await repo.filesForClaim(tx, unique);
  const issues = unique.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    const mine = row && actor.kind === 'staff' && row.uploaded_by === actor.userId && row.dossier_id === null && !row.in_document && !row.in_evidence;
    return mine ? [] : [{ path: `fileIds.${id}`, message: 'unknown, already used, or not yours' }];
  });
  if (issues.length) throw new AppError('file.not_claimable', { issues });
  await repo.insertEvidence(tx, updateId, unique);
}

export interface ProgressInput {
  percent: number;
  reportedOn?: string | undefined;
  note?: string | undefined;
  fileIds: string[];
}

/** Reports a task's progress (the lead unit, or an editor), with evidence. */
export async function reportProgress(context: AuditContext, id: string, input: ProgressInput, deps: UseCaseDeps): Promise<void> {
  const now = context.at ?? deps.clock();
  const reportedOn = notAfterToday(input.reportedOn, today(context, deps), 'reportedOn');
  const name = await actorName(deps.db, context.actor);
  await inTransaction(deps.db, async (tx) => {
    const { task, access } = await taskFor(tx, context.actor, id, true);
    if (!access.report) throw new AppError('auth.forbidden');
    if (task.completed_on !== null) throw new AppError('reform.task_completed');
    const updateId = await repo.insertUpdate(tx, {
      taskId: id, kind: 'progress', reportedOn, percent: input.percent, note: input.note ?? null, actorId: staffId(context.actor), actorName: name, at: now,
    });
    await claimEvidence(tx, context.actor, updateId, input.fileIds);
    await repo.updateTask(tx, id, { updated_at: now });
    await recordAudit(tx, context, {
      action: 'reform_task.progress', entityType: 'reform_task', entityId: id, agencyId: task.agency_id, at: now,
      details: { percent: input.percent, reportedOn, evidence: input.fileIds.length },
    });
  });
}

export interface CompletionInput {
  completedOn?: string | undefined;
  result: string;
  fileIds: string[];
}

/** Records a task's result and completion date (the lead unit, or an editor): on time or late by the domain's rule. */
export async function recordCompletion(context: AuditContext, id: string, input: CompletionInput, deps: UseCaseDeps): Promise<void> {
  const now = context.at ?? deps.clock();
  const completedOn = notAfterToday(input.completedOn, today(context, deps), 'completedOn');
  const name = await actorName(deps.db, context.actor);
  await inTransaction(deps.db, async (tx) => {
    const { task, access } = await taskFor(tx, context.actor, id, true);
    if (!access.report) throw new AppError('auth.forbidden');
    if (task.completed_on !== null) throw new AppError('reform.task_completed');
    await repo.updateTask(tx, id, { completed_on: completedOn, result: input.result, updated_at: now });
    const updateId = await repo.insertUpdate(tx, {
      taskId: id, kind: 'completion', reportedOn: completedOn, percent: null, note: input.result, actorId: staffId(context.actor), actorName: name, at: now,
    });
    await claimEvidence(tx, context.actor, updateId, input.fileIds);
    const state = reformTaskState({ deadline: task.deadline as PlainDate, completedOn, progress: [] }, completedOn);
    await recordAudit(tx, context, {
      action: 'reform_task.complete', entityType: 'reform_task', entityId: id, agencyId: task.agency_id, at: now,
      details: { completedOn, deadline: task.deadline, state, evidence: input.fileIds.length },
    });
  });
}

/** Withdraws a result recorded by mistake (an editor, with the reason); the task is open again. */
export async function reopenTask(context: AuditContext, id: string, note: string, deps: UseCaseDeps): Promise<void> {
  const now = context.at ?? deps.clock();
  const name = await actorName(deps.db, context.actor);
  const on = today(context, deps);
  await inTransaction(deps.db, async (tx) => {
    const { task, access } = await taskFor(tx, context.actor, id, true);
    if (!access.edit) throw new AppError('auth.forbidden');
    if (task.completed_on === null) throw new AppError('reform.task_not_completed');
    await repo.updateTask(tx, id, { completed_on: null, result: null, updated_at: now });
    await repo.insertUpdate(tx, { taskId: id, kind: 'reopening', reportedOn: on, percent: null, note, actorId: staffId(context.actor), actorName: name, at: now });
    await recordAudit(tx, context, {
      action: 'reform_task.reopen', entityType: 'reform_task', entityId: id, agencyId: task.agency_id, at: now,
      details: { withdrawn: { completedOn: task.completed_on, result: task.result }, note },
    });
  });
}
