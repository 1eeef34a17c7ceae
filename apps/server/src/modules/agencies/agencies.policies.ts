/** Who may do what with agencies. One function per action; use cases call them. */
import { hasRoleOver, scopePaths, staffRoles, type Actor } from '@motcua/domain';

/** Any staff member sees the agencies of the subtrees they are assigned to. */
export const canReadAgency = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, staffRoles, agency.path);

/** The subtrees whose agencies an actor may list. */
export const agencyReadScope = (actor: Actor): string[] => scopePaths(actor, staffRoles);

/** Administrators manage the agencies inside their subtree. */
export const canManageAgency = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, ['admin'], agency.path);
