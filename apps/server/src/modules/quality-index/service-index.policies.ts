import { hasRoleOver, scopePaths, type Actor, type StaffRole } from '@motcua/domain';

/** Who reads the service index and its rankings: the report's readers, over their subtrees. */
export const indexReaderRoles: readonly StaffRole[] = ['manager', 'leader', 'admin'];
export const indexScope = (actor: Actor): string[] => scopePaths(actor, indexReaderRoles);

/**
 * The weights apply to every unit of the installation, so that units are ranked on the same
 * scale: only an administrator of a root agency (the province) makes a new version.
 */
export const canManageIndexVersions = (actor: Actor, rootPaths: string[]): boolean => rootPaths.some((path) => hasRoleOver(actor, ['admin'], path));
