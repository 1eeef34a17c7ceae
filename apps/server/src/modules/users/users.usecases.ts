import { AppError, type Actor, type StaffRole } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { hashPassword } from '../../infra/passwords.ts';
import { findAgencyById } from '../agencies/agencies.repository.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { canAssignRoleAt, canReadUser, userAdminScope } from './users.policies.ts';
import * as repo from './users.repository.ts';

export async function listUsers(actor: Actor, page: { limit: number; offset: number }, deps: Pick<Deps, 'db'>) {
  return repo.listUsersWithin(deps.db, { ...page, scopePaths: userAdminScope(actor) });
}

export async function getUser(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const [user] = await repo.findUsersByIds(deps.db, [id]);
  if (!user || !canReadUser(actor, { assignmentPaths: user.assignments.map((a) => a.agencyPath) })) {
    throw new AppError('user.not_found');
  }
  return user;
}

export interface CreateStaffInput {
  username: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  assignments: Array<{ role: StaffRole; agencyId: string }>;
}

/** Creates a staff account; every role must be on an agency inside the admin's own subtree. */
export async function createStaff(context: AuditContext, input: CreateStaffInput, deps: Pick<Deps, 'db'>) {
  const agencies = await Promise.all(input.assignments.map((a) => findAgencyById(deps.db, a.agencyId)));
  agencies.forEach((agency, i) => {
    if (!agency || !canAssignRoleAt(context.actor, agency)) {
      throw new AppError('auth.forbidden', { issues: [{ path: `assignments.${i}.agencyId`, message: 'outside your agencies' }] });
    }
  });
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
      details: { username: input.username, assignments: input.assignments },
    });
    return userId;
  });
  return getUser(context.actor, id, deps);
}
