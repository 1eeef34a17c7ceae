/**
 * Who is acting, and over which part of the agency tree. Staff roles are assigned per agency and
 * reach its whole subtree (a province manager sees every commune of the province).
 */
export const staffRoles = ['officer', 'specialist', 'leader', 'manager', 'admin', 'helper'] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * The roles that see every dossier of their agencies. A community helper (`helper`, tổ công nghệ
 * số cộng đồng) is not among them: they prepare online dossiers for citizens (assisted filing)
 * and see only the ones they prepared.
 */
export const dossierReaderRoles: readonly StaffRole[] = staffRoles.filter((r) => r !== 'helper');

/** The roles that may prepare an online dossier for a citizen to confirm (assisted filing). */
export const preparerRoles: readonly StaffRole[] = ['officer', 'helper'];

export interface RoleAssignment {
  role: StaffRole;
  agencyId: string;
  /** Materialised path of the agency, `/<root id>/.../<agency id>/`. */
  agencyPath: string;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string; username: string; assignments: RoleAssignment[] }
  /**
   * An applicant. Signed in with the e-ID: `citizenId` is their account's id and `account` says
   * whose identity it is. Proving a dossier with its security code or rating token instead:
   * `citizenId` is `dossier:<code>` and there is no `account`.
   */
  | { kind: 'citizen'; citizenId: string; account?: CitizenAccountRef };

/** What the rules need to know of a signed-in citizen or business: whose dossiers are theirs. */
export interface CitizenAccountRef {
  kind: 'citizen' | 'business';
  /** 12-digit personal ID number of the person who signed in (for a business: its representative). */
  personalId: string | null;
  /** A business account's tax code. */
  taxCode: string | null;
  eidLevel: 1 | 2;
}

export const anonymous: Actor = { kind: 'anonymous' };

/** True when `path` is the agency at `scopePath` or inside its subtree. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** True for the path of a root of the agency tree (the nation, or an installation's province): `/<id>/`. */
export function isRootPath(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

/** True when the actor holds one of `roles` on an agency whose subtree contains `agencyPath`. */
export function hasRoleOver(actor: Actor, roles: readonly StaffRole[], agencyPath: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.assignments.some((a) => roles.includes(a.role) && isWithin(agencyPath, a.agencyPath));
}

/** True when the actor holds one of `roles` anywhere. */
export function hasAnyRole(actor: Actor, roles: readonly StaffRole[]): boolean {
  return actor.kind === 'staff' && actor.assignments.some((a) => roles.includes(a.role));
}

/** The subtree roots (agency paths) where the actor holds one of `roles`; used to scope lists. */
export function scopePaths(actor: Actor, roles: readonly StaffRole[]): string[] {
  if (actor.kind !== 'staff') return [];
  const paths = actor.assignments.filter((a) => roles.includes(a.role)).map((a) => a.agencyPath);
  // Drop paths already covered by a broader one.
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && q !== p && isWithin(p, q)))
    .filter((p, i, all) => all.indexOf(p) === i);
}
