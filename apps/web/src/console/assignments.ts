import type { StaffAssignment } from './auth/session.ts';

export interface AgencyRoles {
  agencyCode: string;
  agencyName: string;
  roles: StaffAssignment['role'][];
}

/** Assignments grouped by agency, in the order the server gave them: "Lãnh đạo, Quản lý — UBND xã …". */
export function rolesByAgency(assignments: readonly StaffAssignment[]): AgencyRoles[] {
  const groups = new Map<string, AgencyRoles>();
  for (const assignment of assignments) {
    const group = groups.get(assignment.agencyId)
      ?? { agencyCode: assignment.agencyCode, agencyName: assignment.agencyName, roles: [] };
    if (!group.roles.includes(assignment.role)) group.roles.push(assignment.role);
    groups.set(assignment.agencyId, group);
  }
  return [...groups.values()];
}
