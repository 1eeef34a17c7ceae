import { AppError, isWithin, type Actor, type StaffRole } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { hashPassword } from '../../infra/passwords.ts';
import { findAgencyById } from '../agencies/agencies.repository.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { canAssignRoleAt, canManageUser, canReadUser, userAdminScope } from './users.policies.ts';
import * as repo from './users.repository.ts';

export async function listUsers(actor: Actor, query: { q?: string | undefined; limit: number; offset: number }, deps: Pick<Deps, 'db'>) {
  return repo.listUsersWithin(deps.db, { ...query, scopePaths: userAdminScope(actor) });
}

export async function getUser(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const [user] = await repo.findUsersByIds(deps.db, [id]);
  if (!user || !canReadUser(actor, { assignmentPaths: user.assignments.map((a) => a.agencyPath) })) {
    throw new AppError('user.not_found');
  }
  return user;
}

/** Every role must be on an existing agency inside the admin's own subtree. */
async function checkAssignable(actor: Actor, assignments: Array<{ agencyId: string }>, deps: Pick<Deps, 'db'>): Promise<void> {
  const agencies = await Promise.all(assignments.map((a) => findAgencyById(deps.db, a.agencyId)));
  agencies.forEach((agency, i) => {
    if (!agency || !canAssignRoleAt(actor, agency)) {
      throw new AppError('auth.forbidden', { issues: [{ path: `assignments.${i}.agencyId`, message: 'outside your agencies' }] });
    }
  });
}

/**
 * A unit (phòng, ban) given to a staff member must be active, of an agency inside the admin's
 * subtree, and of an agency where the staff member holds a role (or under one): the unit is where
 * they work (docs/rules/reform-plans.md uses it for the tasks of their unit).
 */
async function checkUnit(actor: Actor, unitId: string, assignmentPaths: string[], deps: Pick<Deps, 'db'>): Promise<void> {
  const unit = await repo.findUnitWithAgency(deps.db, unitId);
  const fits = unit && unit.active && canAssignRoleAt(actor, { path: unit.agency_path }) && assignmentPaths.some((p) => isWithin(unit.agency_path, p));
  if (!fits) {
    throw new AppError('request.invalid', {
      messages: { vi: 'Phòng, ban không thuộc cơ quan nơi cán bộ được phân công', en: 'The unit is not one of an agency where the staff member holds a role' },
      issues: [{ path: 'unitId', message: 'not a unit of the staff member’s agencies' }],
    });
  }
}

export interface CreateStaffInput {
  username: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  assignments: Array<{ role: StaffRole; agencyId: string }>;
  unitId?: string | undefined;
}

/** Creates a staff account; every role must be on an agency inside the admin's own subtree. */
export async function createStaff(context: AuditContext, input: CreateStaffInput, deps: Pick<Deps, 'db'>) {
  await checkAssignable(context.actor, input.assignments, deps);
  if (input.unitId) {
    const agencies = await Promise.all(input.assignments.map((a) => findAgencyById(deps.db, a.agencyId)));
    await checkUnit(context.actor, input.unitId, agencies.flatMap((a) => (a ? [a.path] : [])), deps);
  }
  if (await repo.usernameTaken(deps.db, input.username)) {
    throw new AppError('user.already_exists', {
      messages: { vi: 'Tên đăng nhập đã được sử dụng', en: 'The username is already taken' },
      issues: [{ path: 'username', message: 'taken' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (tx) => {
    const userId = await repo.insertUser(tx, { ...input, passwordHash });
    await repo.insertAssignments(tx, userId, input.assignments);
    await recordAudit(tx, context, {
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      agencyId: input.assignments[0]?.agencyId ?? null,
      details: { username: input.username, assignments: input.assignments, ...(input.unitId ? { unitId: input.unitId } : {}) },
    });
    return userId;
  });
  return getUser(context.actor, id, deps);
}

/** Refused when an administrator would lock themselves out (disable, change roles, reset the password of their own account). */
function refuseSelf(actor: Actor, userId: string): void {
  if (actor.kind === 'staff' && actor.userId === userId) {
    throw new AppError('user.self_change_not_allowed', {
      messages: {
        vi: 'Không thể tự khóa, tự đổi vai trò hoặc tự đặt lại mật khẩu cho tài khoản của chính mình; hãy nhờ một quản trị viên khác',
        en: 'You cannot disable, change the roles of or reset the password of your own account; ask another administrator',
      },
    });
  }
}

/**
 * A user the admin may change as a whole (profile, disabled, password): every role of the user is
 * inside the admin's subtree. A user who also works elsewhere is changed by an admin over both.
 */
async function managedUser(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const user = await getUser(actor, id, deps);
  if (!canManageUser(actor, { assignmentPaths: user.assignments.map((a) => a.agencyPath) })) {
    throw new AppError('auth.forbidden', {
      messages: {
        vi: 'Tài khoản này còn có vai trò tại cơ quan ngoài phạm vi quản trị của bạn',
        en: 'This account also holds roles at agencies outside your administration',
      },
    });
  }
  return user;
}

/** The agency an audit row about this user is filed under: one of theirs inside the admin's subtree. */
function auditAgencyOf(actor: Actor, user: repo.UserRow): string | null {
  const scope = userAdminScope(actor);
  return user.assignments.find((a) => scope.some((s) => isWithin(a.agencyPath, s)))?.agencyId ?? user.assignments[0]?.agencyId ?? null;
}

export interface StaffChanges {
  fullName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  disabled?: boolean | undefined;
  /** The unit they work in; null: none. */
  unitId?: string | null | undefined;
}

/** Edits a staff account's profile or unit, or disables (enables) it; disabling ends its sessions at once. */
export async function updateStaff(context: AuditContext, id: string, changes: StaffChanges, deps: Pick<Deps, 'db' | 'clock' | 'references' | 'sessions'>) {
  const user = await managedUser(context.actor, id, deps);
  if (changes.disabled === true) refuseSelf(context.actor, user.id);
  if (changes.unitId) await checkUnit(context.actor, changes.unitId, user.assignments.map((a) => a.agencyPath), deps);
  const action = changes.disabled === true && !user.disabled ? 'user.disabled' : changes.disabled === false && user.disabled ? 'user.enabled' : 'user.updated';
  await deps.db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, user.id, changes, deps.clock());
    if (changes.disabled === true) await repo.deleteSessionsOf(tx, user.id);
    await recordAudit(tx, context, { action, entityType: 'user', entityId: user.id, agencyId: auditAgencyOf(context.actor, user), details: { username: user.username, ...changes } });
  });
  // Staff names and sessions are cached; other processes hear of the change from the database.
  deps.references.invalidate();
  deps.sessions.invalidate();
  return getUser(context.actor, user.id, deps);
}

/**
 * Replaces the user's roles inside the admin's subtree with `assignments`; roles the user holds
 * elsewhere are kept. Every new role must be inside the admin's subtree.
 */
export async function replaceStaffAssignments(
  context: AuditContext,
  id: string,
  assignments: Array<{ role: StaffRole; agencyId: string }>,
  deps: Pick<Deps, 'db' | 'sessions'>,
) {
  const user = await getUser(context.actor, id, deps);
  refuseSelf(context.actor, user.id);
  await checkAssignable(context.actor, assignments, deps);
  const before = user.assignments.map(({ role, agencyCode }) => ({ role, agencyCode }));
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteAssignmentsWithin(tx, user.id, userAdminScope(context.actor));
    await repo.insertAssignments(tx, user.id, assignments);
    await recordAudit(tx, context, {
      action: 'user.roles_changed', entityType: 'user', entityId: user.id, agencyId: auditAgencyOf(context.actor, user),
      details: { username: user.username, before, after: assignments },
    });
  });
  // The user's sessions carry their roles: forgotten here at once, elsewhere on the database's notice.
  deps.sessions.invalidate();
  return getUser(context.actor, user.id, deps);
}

/** Sets a new password chosen by the admin (to hand over in person); the user's sessions end. */
export async function resetStaffPassword(context: AuditContext, id: string, password: string, deps: Pick<Deps, 'db' | 'clock' | 'sessions'>) {
  const user = await managedUser(context.actor, id, deps);
  refuseSelf(context.actor, user.id);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    await repo.setPasswordHash(tx, user.id, passwordHash, deps.clock());
    await repo.deleteSessionsOf(tx, user.id);
    await recordAudit(tx, context, { action: 'user.password_reset', entityType: 'user', entityId: user.id, agencyId: auditAgencyOf(context.actor, user), details: { username: user.username } });
  });
  deps.sessions.invalidate();
}
