import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { agencyReadScope, canReadAgency } from './agencies.policies.ts';
import * as repo from './agencies.repository.ts';

export async function listAgencies(
  actor: Actor,
  query: { level?: string | undefined; q?: string | undefined; limit: number; offset: number },
  deps: Pick<Deps, 'db'>,
) {
  return repo.listAgenciesWithin(deps.db, { ...query, scopePaths: agencyReadScope(actor) });
}

/** An agency the actor may see; another agency's id answers "not found", as if it did not exist. */
export async function getAgency(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const agency = await repo.findAgencyById(deps.db, id);
  if (!agency || !canReadAgency(actor, agency)) throw new AppError('agency.not_found');
  return agency;
}

/** Staff of an agency with a role, for leaders assigning dossiers; only inside the caller's subtree. */
export async function agencyStaff(actor: Actor, agencyId: string, role: string, deps: Pick<Deps, 'db'>) {
  await getAgency(actor, agencyId, deps);
  return repo.staffOfAgency(deps.db, agencyId, role);
}
