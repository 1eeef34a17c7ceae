/**
 * Who does what with a satisfaction survey (docs/rules/service-quality.md, "Who"):
 * - administrators, and managers of a province or a district, design surveys of the agencies of
 *   their subtrees: create, edit and delete a draft, preview its sample, open and close it —
 *   only when they hold that role over every agency the survey covers;
 * - officers, leaders, managers and administrators of a covered agency see the survey and its
 *   results for the agencies of theirs, and follow up its invitations there (printed list, answers
 *   taken by phone, letter or at the counter);
 * - an applicant answers only with an invitation's one-time token (no account, no staff session).
 */
import { coversAll, hasRoleOver, isWithin, scopePaths, surveyDesignScopes, surveyReaderRoles, type Actor } from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The subtrees where the actor designs surveys (the levels of their assigned agencies read once). */
export async function designScopes(db: Kysely<Database>, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'staff') return [];
  const ids = actor.assignments.filter((a) => a.role === 'manager').map((a) => a.agencyId);
  const levels = ids.length ? await db.selectFrom('agencies').select(['id', 'level']).where('id', 'in', ids).execute() : [];
  const levelOf = new Map(levels.map((l) => [l.id, l.level]));
  return surveyDesignScopes(actor, (id) => levelOf.get(id));
}

/** The subtrees whose survey results and invitations the actor reads. */
export const readerScope = (actor: Actor): string[] => scopePaths(actor, surveyReaderRoles);

/** The actor manages a survey when they design surveys over every agency it covers. */
export const managesSurvey = (design: readonly string[], agencyPaths: readonly string[]): boolean => coversAll(design, agencyPaths);

/** The agencies of a survey the actor reads: all of them for its designers, else those in their reader scope. */
export function visibleAgencies<A extends { path: string }>(actor: Actor, design: readonly string[], agencies: readonly A[]): A[] {
  if (managesSurvey(design, agencies.map((a) => a.path))) return [...agencies];
  const scope = readerScope(actor);
  return agencies.filter((a) => scope.some((s) => isWithin(a.path, s)));
}

/** Officers (and the roles above them) of the invitation's agency take answers by phone, letter or at the counter. */
export const takesAnswersAt = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, surveyReaderRoles, agencyPath);

/**
 * The agency an audit entry of a survey is filed under: the deepest agency above all those it
 * covers (their common ancestor), so that the administrators of that subtree see it.
 */
export function commonAgencyOf(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; i < split[0]!.length; i++) {
    const id = split[0]![i]!;
    if (split.every((s) => s[i] === id)) common.push(id);
    else break;
  }
  return common.at(-1) ?? null;
}
