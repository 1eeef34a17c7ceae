/**
 * Who may see and act on a dossier. Staff see the dossiers of the agencies they are assigned to
 * (and their subtrees): the receiving agency, and every agency that handled it along an
 * inter-agency chain. Counter actions are taken at the receiving agency's one-stop counter;
 * workflow steps at the agency that holds the dossier now.
 */
import { hasRoleOver, rolesOver, staffRoles, type Actor, type ActorRole, type DossierAction } from '@motcua/domain';

export interface DossierAgencies {
  receivingPath: string;
  handlingPath: string;
  /** Every agency the dossier passed through (inter-agency), including the two above. */
  involvedPaths: readonly string[];
}

export const canViewDossier = (actor: Actor, agencies: DossierAgencies): boolean =>
  agencies.involvedPaths.some((path) => hasRoleOver(actor, staffRoles, path));

/** Actions of the one-stop counter of the receiving agency (Decree 118/2025 art. 17, 21, 22). */
const counterActions: ReadonlySet<DossierAction> = new Set([
  'receive', 'refuse', 'request_completion', 'receive_supplement', 'return_result', 'withdraw', 'record_digitization', 'apologize',
]);

/** The roles the actor holds where `action` is taken: the receiving agency or the handling one. */
export function rolesForAction(actor: Actor, action: DossierAction, agencies: DossierAgencies): Set<ActorRole> {
  if (actor.kind !== 'staff') return new Set();
  const path = counterActions.has(action) ? agencies.receivingPath : agencies.handlingPath;
  const roles = rolesOver(actor.assignments, path);
  // A leader of the handling agency may also apologise for the delay at that agency.
  if (action === 'apologize') for (const r of rolesOver(actor.assignments, agencies.handlingPath)) roles.add(r);
  return roles;
}

/** Officers receive dossiers at the counters of agencies inside their subtree. */
export const canReceiveAt = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, ['officer'], agency.path);
