/**
 * Who signs (docs/rules/results.md): the competent person signs only with their own key and
 * only as a leader of the document's agency (or an agency above it, as roles reach subtrees);
 * the agency's seal is applied by a leader of that agency.
 */
import { hasRoleOver, type Actor, type SignatureRole } from '@motcua/domain';

export function canSign(actor: Actor, agencyPath: string, as: SignatureRole): boolean {
  void as; // the same rule for both today; kept apart so a clerk keeping the seal can be added
  return hasRoleOver(actor, ['leader'], agencyPath);
}

/** Staff who may read a document of an agency (to check it before signing): any role reaching it. */
export function canReadDocument(actor: Actor, agencyPath: string): boolean {
  return hasRoleOver(actor, ['officer', 'specialist', 'leader', 'manager', 'admin'], agencyPath);
}
