/**
 * Who signs (docs/rules/results.md): the competent person signs only with their own key and
 * only as a leader of the document's agency (or an agency above it, as roles reach subtrees).
 * The agency's seal and its digital signature are kept by the clerk's office (văn thư, Decree
 * 30/2020 art. 32–33), role `officer` here, and applied at issue; a leader may apply them too.
 */
import { hasRoleOver, type Actor, type SignatureRole } from '@motcua/domain';

export function canSign(actor: Actor, agencyPath: string, as: SignatureRole): boolean {
  return hasRoleOver(actor, as === 'person' ? ['leader'] : ['leader', 'officer'], agencyPath);
}

/** Staff who may read a document of an agency (to check it before signing): any role reaching it. */
export function canReadDocument(actor: Actor, agencyPath: string): boolean {
  return hasRoleOver(actor, ['officer', 'specialist', 'leader', 'manager', 'admin'], agencyPath);
}
