import { hasRoleOver, isRootPath, type Actor } from '@motcua/domain';

/**
 * Who may publish a procedure version (or end a procedure). A catalogue-wide procedure (no
 * explicit agencies) applies to every agency of its levels, so only an administrator of a root
 * agency publishes it. A procedure limited to some agencies may also be published by an
 * administrator over all of them. `agencyPaths` covers the entry and the version it changes.
 */
export function canPublishProcedure(actor: Actor, scope: { catalogueWide: boolean; agencyPaths: readonly string[] }): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.assignments.some((a) => a.role === 'admin' && isRootPath(a.agencyPath))) return true;
  if (scope.catalogueWide) return false;
  return scope.agencyPaths.every((path) => hasRoleOver(actor, ['admin'], path));
}
