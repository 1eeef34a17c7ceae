/**
 * Who may see and change administrative-reform plans (docs/rules/reform-plans.md). Roles reach the
 * agency they are assigned to and its subtree, as everywhere:
 * - administrators and managers over the plan's agency make and change its plans and tasks, and
 *   may do what a lead unit does;
 * - leaders over the plan's agency read every task of it;
 * - everyone else (any role but community helper) sees only the tasks of their units: those whose
 *   lead or a coordinating unit is theirs. A unit (phòng, ban) is theirs when it is the unit their
 *   account is in (`users.unit_id`) and they hold a role over its agency; a whole agency is theirs
 *   when they hold a role over it. The lead unit's staff report progress and results; the
 *   coordinating units' staff read.
 * The list queries (`reform-plans.repository.ts`, `visibleTasks`) apply the same rule in SQL.
 */
import { AppError, hasRoleOver, reformPlanEditorRoles, reformPlanReaderRoles, reformUnitStaffRoles, scopePaths, type Actor } from '@motcua/domain';

/** A lead or coordinating unit with the path of its agency (the unit's agency, or the agency itself). */
export interface ParticipantRef {
  role: 'lead' | 'coordinating';
  unitId: string | null;
  agencyId: string | null;
  agencyPath: string;
}

/** Who is asking: the actor and the unit their account is in. */
export interface Caller {
  actor: Actor;
  unitId: string | null;
}

export const canEditPlansOf = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, reformPlanEditorRoles, agencyPath);
export const readsWholePlansOf = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, reformPlanReaderRoles, agencyPath);

/** True when the unit or agency is the caller's (see the file's comment). */
export function isCallersUnit(caller: Caller, p: Pick<ParticipantRef, 'unitId' | 'agencyPath'>): boolean {
  if (!hasRoleOver(caller.actor, reformUnitStaffRoles, p.agencyPath)) return false;
  return p.unitId === null || p.unitId === caller.unitId;
}

export interface TaskAccess {
  read: boolean;
  /** Report progress and record the result: the lead unit's staff and the plan's editors. */
  report: boolean;
  /** Change the task, reopen its result: the plan's editors. */
  edit: boolean;
  /** The caller's part in the task, if their unit takes part. */
  part: 'lead' | 'coordinating' | null;
}

export function taskAccess(caller: Caller, planAgencyPath: string, participants: readonly ParticipantRef[]): TaskAccess {
  const edit = canEditPlansOf(caller.actor, planAgencyPath);
  const mine = participants.filter((p) => isCallersUnit(caller, p));
  const part = mine.some((p) => p.role === 'lead') ? 'lead' : mine.length > 0 ? 'coordinating' : null;
  return { read: edit || readsWholePlansOf(caller.actor, planAgencyPath) || part !== null, report: edit || part === 'lead', edit, part };
}

/** The subtrees where the caller reads whole plans, and where their units' staff roles reach. */
export function callerScopes(actor: Actor): { wholePlans: string[]; staff: string[] } {
  return { wholePlans: scopePaths(actor, reformPlanReaderRoles), staff: scopePaths(actor, reformUnitStaffRoles) };
}

/** What a caller learns of a plan or task outside their reach: that there is none. */
export const planNotFound = (): AppError => new AppError('reform.plan_not_found');
export const taskNotFound = (): AppError => new AppError('reform.task_not_found');
