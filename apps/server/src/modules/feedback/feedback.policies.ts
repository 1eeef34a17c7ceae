/**
 * Who may see and act on feedback (docs/rules/service-quality.md, "Who sees what"). Staff roles
 * reach the agency they are assigned to and its subtree: an officer of a commune sees the
 * commune's feedback, a province manager every unit's below. Which role takes which step is the
 * domain's table (`feedbackTransitions`). The sender sees their own feedback: signed in with the
 * e-ID when it was sent so, or with the security code given at submission.
 */
import { AppError, feedbackIntakeRoles, feedbackReaderRoles, hasRoleOver, scopePaths, type Actor, type StaffRole } from '@motcua/domain';

export { rolesAt } from '../document-office/document-office.policies.ts';

/** The figures (no personal data) are read by the readers and by administrators. */
export const feedbackFigureRoles: readonly StaffRole[] = [...feedbackReaderRoles, 'admin'];

export const feedbackScope = (actor: Actor): string[] => scopePaths(actor, feedbackReaderRoles);
export const feedbackFigureScope = (actor: Actor): string[] => scopePaths(actor, feedbackFigureRoles);
export const canReadFeedback = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, feedbackReaderRoles, agencyPath);
export const canTakeInFeedback = (actor: Actor, agencyPath: string): boolean => hasRoleOver(actor, feedbackIntakeRoles, agencyPath);

/** The signed-in citizen who sent it (linked at submission). */
export const isSendersAccount = (actor: Actor, feedback: { citizen_id: string | null }): boolean =>
  actor.kind === 'citizen' && actor.account !== undefined && feedback.citizen_id !== null && feedback.citizen_id === actor.citizenId;

/** What a caller learns of a feedback outside their agencies: that there is none. */
export const feedbackNotFound = (): AppError => new AppError('feedback.not_found');
