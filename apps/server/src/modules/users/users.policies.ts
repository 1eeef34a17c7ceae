import { hasRoleOver, isWithin, scopePaths, type Actor } from '@motcua/domain';

/** Administrators see the staff who hold a role inside their subtree. */
export const userAdminScope = (actor: Actor): string[] => scopePaths(actor, ['admin']);

/** A user is visible to an admin when one of the user's assignments lies inside the admin's subtree. */
export const canReadUser = (actor: Actor, user: { assignmentPaths: string[] }): boolean =>
  user.assignmentPaths.some((p) => userAdminScope(actor).some((s) => isWithin(p, s)));

/** An admin may grant roles only on agencies inside their own subtree. */
export const canAssignRoleAt = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, ['admin'], agency.path);

/** An admin manages a whole account (profile, disabled, password) only when every role of it is inside their subtree. */
export const canManageUser = (actor: Actor, user: { assignmentPaths: string[] }): boolean =>
  user.assignmentPaths.length > 0 && user.assignmentPaths.every((p) => userAdminScope(actor).some((s) => isWithin(p, s)));
