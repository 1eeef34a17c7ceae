/**
 * Who may see and act on an agency's registers (docs/rules/document-office.md). Staff roles reach
 * the agency they are assigned to and its subtree, as for dossiers; a community helper sees none.
 * Which role takes which step is the domain's transition table (`officeTransitions`).
 */
import { AppError, drafterRoles, hasRoleOver, isWithin, registerReaderRoles, registrarRoles, type Actor, type StaffRole } from '@motcua/domain';

/** The roles the actor holds at the agency at `agencyPath` (assigned there or above it). */
export function rolesAt(actor: Actor, agencyPath: string): Set<StaffRole> {
  if (actor.kind !== 'staff') return new Set();
  return new Set(actor.assignments.filter((a) => isWithin(agencyPath, a.agencyPath)).map((a) => a.role));
}

export const canReadRegisters = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, registerReaderRoles, agencyPath);
export const canRegisterIncoming = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, registrarRoles, agencyPath);
export const canDraftOutgoing = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, drafterRoles, agencyPath);

/** What a caller learns of a document outside their agencies: that there is none. */
export const documentNotFound = (): AppError => new AppError('office.document_not_found');
