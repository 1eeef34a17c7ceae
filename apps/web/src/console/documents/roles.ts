/** Which buttons to offer by the roles the user holds; the server still decides every request. */
import type { StaffRole } from '@motcua/domain';
import type { StaffAssignment } from '../auth/session.ts';

export const hasRoleAnywhere = (assignments: readonly StaffAssignment[], roles: readonly StaffRole[]): boolean =>
  assignments.some((a) => roles.includes(a.role));

/** The agencies where the user holds one of `roles`, for the agency field of a new document. */
export const agenciesWith = (assignments: readonly StaffAssignment[], roles: readonly StaffRole[]) => {
  const seen = new Map<string, string>();
  for (const a of assignments) if (roles.includes(a.role) && !seen.has(a.agencyId)) seen.set(a.agencyId, a.agencyName);
  return [...seen].map(([value, label]) => ({ value, label }));
};
