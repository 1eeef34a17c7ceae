/**
 * Who sees the alerts of low ratings and who marks them handled (docs/rules/service-quality.md):
 * leaders and managers read those of the units in their subtrees; a leader of the unit (or of a
 * unit above it) marks one handled. An alert outside the caller's subtrees is "not found".
 */
import { hasRoleOver, scopePaths, type Actor, type StaffRole } from '@motcua/domain';

export const alertReaderRoles: readonly StaffRole[] = ['leader', 'manager'];
export const alertHandlerRoles: readonly StaffRole[] = ['leader'];

/** The subtrees whose alerts the actor reads. */
export const alertScope = (actor: Actor): string[] => scopePaths(actor, alertReaderRoles);

/** Whether the actor marks handled an alert of the agency at `agencyPath`. */
export const mayHandleAlert = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, alertHandlerRoles, agencyPath);

/** Whether the actor reads the alerts of the agency at `agencyPath`. */
export const mayReadAlert = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, alertReaderRoles, agencyPath);
