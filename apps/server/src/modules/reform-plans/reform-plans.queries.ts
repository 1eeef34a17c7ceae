/**
 * Reads of reform plans, shaped for the API and scoped to the caller (reform-plans.policies.ts).
 * States come from the domain's rule (`reformTaskState`) on today's date in Vietnam.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  AppError, formatInstant, localDateOf, reformDaysLate, reformProgressAsOf, reformTaskState, tallyReformTasks, isReformTaskOverdue,
  type Actor, type PlainDate, type ReformProgress, type ReformTaskFacts,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import * as repo from './reform-plans.repository.ts';
import { callerScopes, canEditPlansOf, planNotFound, readsWholePlansOf, taskAccess, taskNotFound, type Caller, type ParticipantRef } from './reform-plans.policies.ts';
import type { PlanDetail, PlanListQuery, PlanSummary, TaskDetail, TaskItem, UnitOut } from './reform-plans.schemas.ts';

type ReadDeps = Pick<Deps, 'db' | 'clock'>;

export async function callerOf(db: Kysely<Database>, actor: Actor): Promise<Caller> {
  return { actor, unitId: actor.kind === 'staff' ? await repo.callerUnitId(db, actor.userId) : null };
}

export function visibilityOf(caller: Caller): repo.Visibility {
  return { ...callerScopes(caller.actor), unitId: caller.unitId };
}

export const todayOf = (deps: Pick<Deps, 'clock'>): PlainDate => localDateOf(deps.clock().getTime());

export function presentUnit(row: repo.TaskUnitRow, planAgencyPath: string): z.infer<typeof UnitOut> {
  const agencyName = row.owner_short_name ?? row.owner_name;
  const ofPlanAgency = row.owner_path === planAgencyPath;
  return row.unit_id
    ? { kind: 'unit', id: row.unit_id, name: row.unit_name ?? row.unit_code ?? '', agencyName, ofPlanAgency }
    : { kind: 'agency', id: row.agency_id!, name: agencyName, agencyName, ofPlanAgency };
}

export const participantOf = (row: repo.TaskUnitRow): ParticipantRef => ({ role: row.role, unitId: row.unit_id, agencyId: row.agency_id, agencyPath: row.owner_path });

/** A task with what its state depends on and who takes part. */
export interface LoadedTask {
  row: repo.TaskRow;
  units: repo.TaskUnitRow[];
  facts: ReformTaskFacts;
  lastReportedOn: string | null;
  /** Its order in its area within its plan, counted over all the plan's tasks (the same for every reader). */
  number: number;
}

/** Loads the tasks' units, progress and numbers in three queries. */
export async function loadTasks(db: Kysely<Database>, rows: repo.TaskRow[]): Promise<LoadedTask[]> {
  const ids = rows.map((r) => r.id);
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const [units, progress, all] = await Promise.all([
    repo.taskUnits(db, ids),
    repo.taskUpdates(db, ids, ['progress']),
    repo.listTasks(db, { planIds }),
  ]);
  const numbers = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const t of all) {
    const key = `${t.plan_id}:${t.area}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    numbers.set(t.id, n);
  }
  return rows.map((row) => {
    const reports: ReformProgress[] = progress.filter((p) => p.task_id === row.id).map((p) => ({ reportedOn: p.reported_on as PlainDate, percent: p.percent ?? 0 }));
    return {
      row,
      units: units.filter((u) => u.task_id === row.id),
      facts: { deadline: row.deadline as PlainDate, completedOn: (row.completed_on as PlainDate | null) ?? null, progress: reports },
      lastReportedOn: reports.reduce<string | null>((last, p) => (last === null || p.reportedOn >= last ? p.reportedOn : last), null),
      number: numbers.get(row.id) ?? 0,
    };
  });
}

export function presentTask(task: LoadedTask, caller: Caller, planAgencyPath: string, today: PlainDate): z.infer<typeof TaskItem> {
  const state = reformTaskState(task.facts, today);
  const lead = task.units.find((u) => u.role === 'lead');
  if (!lead) throw new Error(`reform task ${task.row.id} has no lead unit`);
  const access = taskAccess(caller, planAgencyPath, task.units.map(participantOf));
  return {
    id: task.row.id, planId: task.row.plan_id, area: task.row.area, number: task.number, title: task.row.title, expectedResult: task.row.expected_result,
    deadline: task.row.deadline,
    lead: presentUnit(lead, planAgencyPath),
    coordinators: task.units.filter((u) => u.role === 'coordinating').map((u) => presentUnit(u, planAgencyPath)),
    progress: state.startsWith('done') ? 100 : reformProgressAsOf(task.facts.progress, today),
    lastReportedOn: task.lastReportedOn, completedOn: task.row.completed_on, result: task.row.result,
    state, overdue: isReformTaskOverdue(state), daysLate: reformDaysLate(task.facts, today), part: access.part,
  };
}

async function summarise(db: Kysely<Database>, caller: Caller, plans: repo.PlanRow[], today: PlainDate) {
  const rows = await repo.listTasks(db, { planIds: plans.map((p) => p.id) }, visibilityOf(caller));
  const tasks = await loadTasks(db, rows);
  return plans.map((plan) => {
    const mine = tasks.filter((t) => t.row.plan_id === plan.id);
    return { plan, tasks: mine, summary: presentPlan(plan, caller, mine.map((t) => reformTaskState(t.facts, today))) };
  });
}

function presentPlan(plan: repo.PlanRow, caller: Caller, states: Parameters<typeof tallyReformTasks>[0]): z.infer<typeof PlanSummary> {
  return {
    id: plan.id, agencyId: plan.agency_id, agencyName: plan.agency_name, year: plan.year, title: plan.title,
    documentNumber: plan.document_number, documentDate: plan.document_date,
    canEdit: canEditPlansOf(caller.actor, plan.agency_path), wholePlan: readsWholePlansOf(caller.actor, plan.agency_path),
    tally: tallyReformTasks(states),
  };
}

export async function planList(actor: Actor, q: z.infer<typeof PlanListQuery>, deps: ReadDeps) {
  const caller = await callerOf(deps.db, actor);
  const agency = q.agencyId ? await deps.db.selectFrom('agencies').select('path').where('id', '=', q.agencyId).executeTakeFirst() : undefined;
  // An agency that does not exist has no plans.
  if (q.agencyId && !agency) return { items: [] };
  const plans = await repo.listPlans(deps.db, { year: q.year, agencyPath: agency?.path }, visibilityOf(caller));
  return { items: (await summarise(deps.db, caller, plans, todayOf(deps))).map((p) => p.summary) };
}

/** The plan, if the caller sees any of it; throws `reform.plan_not_found` otherwise. */
export async function visiblePlan(db: Kysely<Database>, caller: Caller, id: string): Promise<repo.PlanRow> {
  const [plan] = await repo.listPlans(db, { planId: id }, visibilityOf(caller));
  if (!plan) throw planNotFound();
  return plan;
}

/** The units a task of a plan of the agency at `path` may name (shown to editors only). */
export async function choicesFor(db: Kysely<Database>, path: string, today: PlainDate): Promise<Array<z.infer<typeof UnitOut>>> {
  const { agencies, units } = await repo.unitChoices(db, path, today);
  const names = new Map(agencies.map((a) => [a.id, a.short_name ?? a.name]));
  const out: Array<z.infer<typeof UnitOut>> = [];
  for (const a of agencies) {
    const name = a.short_name ?? a.name;
    if (a.path !== path) out.push({ kind: 'agency', id: a.id, name, agencyName: name, ofPlanAgency: false });
    for (const u of units.filter((x) => x.agency_id === a.id)) out.push({ kind: 'unit', id: u.id, name: u.name, agencyName: names.get(a.id) ?? '', ofPlanAgency: a.path === path });
  }
  // The plan's own agency as a whole comes first: "UBND xã" leading a task itself.
  const own = agencies.find((a) => a.path === path);
  if (own) out.unshift({ kind: 'agency', id: own.id, name: own.short_name ?? own.name, agencyName: own.short_name ?? own.name, ofPlanAgency: true });
  return out;
}

export async function planDetail(actor: Actor, id: string, deps: ReadDeps): Promise<z.infer<typeof PlanDetail>> {
  const caller = await callerOf(deps.db, actor);
  const plan = await visiblePlan(deps.db, caller, id);
  const today = todayOf(deps);
  const [summary] = await summarise(deps.db, caller, [plan], today);
  const canEdit = canEditPlansOf(actor, plan.agency_path);
  return {
    ...summary!.summary,
    today,
    tasks: summary!.tasks.map((t) => presentTask(t, caller, plan.agency_path, today)),
    unitChoices: canEdit ? await choicesFor(deps.db, plan.agency_path, today) : [],
  };
}

export async function taskDetail(actor: Actor, id: string, deps: ReadDeps): Promise<z.infer<typeof TaskDetail>> {
  const caller = await callerOf(deps.db, actor);
  const found = await repo.findTask(deps.db, id);
  if (!found) throw taskNotFound();
  const [task] = await loadTasks(deps.db, await repo.listTasks(deps.db, { taskIds: [id] }));
  const access = taskAccess(caller, found.agency_path, task!.units.map(participantOf));
  if (!access.read) throw taskNotFound();
  const plan = (await repo.findPlan(deps.db, found.plan_id))!;
  const today = todayOf(deps);
  const updates = await repo.taskUpdates(deps.db, [id]);
  const evidence = await repo.updateEvidence(deps.db, updates.map((u) => u.id));
  return {
    ...presentTask(task!, caller, found.agency_path, today),
    plan: { id: plan.id, title: plan.title, year: plan.year, agencyName: plan.agency_name, documentNumber: plan.document_number },
    today,
    canReport: access.report,
    canEdit: access.edit,
    unitChoices: access.edit ? await choicesFor(deps.db, plan.agency_path, today) : [],
    updates: updates.map((u) => ({
      id: u.id, kind: u.kind, reportedOn: u.reported_on, percent: u.percent, note: u.note, actorName: u.actor_name, recordedAt: formatInstant(u.recorded_at.getTime()),
      evidence: evidence.filter((e) => e.update_id === u.id).map((e) => ({ id: e.id, name: e.original_name, mediaType: e.media_type, size: Number(e.size_bytes) })),
    })),
  };
}

/** An evidence file of a task the caller may read. */
export async function evidenceFile(actor: Actor, taskId: string, fileId: string, deps: Pick<Deps, 'db'>) {
  const caller = await callerOf(deps.db, actor);
  const found = await repo.findTask(deps.db, taskId);
  const units = found ? await repo.taskUnits(deps.db, [taskId]) : [];
  if (!found || !taskAccess(caller, found.agency_path, units.map(participantOf)).read) throw taskNotFound();
  const file = await repo.findEvidence(deps.db, taskId, fileId);
  if (!file) throw new AppError('reform.evidence_not_found');
  return file;
}
