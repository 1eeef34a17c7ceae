import { localDateOf } from '@motcua/domain';
import { useMemo } from 'react';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import { useStaff } from '../../useStaff.ts';
import { useAdminAgencies } from '../admin.api.ts';
import { buildForest, isEnded, isManaged } from '../agencies/agencyModel.ts';
import type { AgencyOption } from './RolesEditor.tsx';

/**
 * The agencies where the signed-in administrator may grant roles: those in force inside the
 * subtrees where they are admin, in tree order. `managedIds` also answers whether a role a user
 * already holds is one this administrator may change.
 */
export function useAssignableAgencies() {
  const staff = useStaff();
  const agencies = useAdminAgencies();
  return useMemo(() => {
    const today = localDateOf(Date.now());
    const adminIds = new Set(staff.assignments.filter((a) => a.role === 'admin').map((a) => a.agencyId));
    const forest = buildForest(agencies.data?.items ?? [], today);
    const managed = forest.ordered.filter((node) => isManaged(node, adminIds));
    const options: AgencyOption[] = managed
      .filter((node) => !isEnded(node, today))
      .map((node) => ({ value: node.id, label: `${shortAgencyName(node.name, node.shortName)} (${node.code})`, depth: node.depth }));
    return { options, managedIds: new Set(managed.map((n) => n.id)), isPending: agencies.isPending };
  }, [staff.assignments, agencies.data, agencies.isPending]);
}
