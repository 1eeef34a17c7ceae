/**
 * Who signs (docs/rules/results.md): the competent person signs only with their own key and
 * only as a leader of the document's agency (or an agency above it, as roles reach subtrees).
 * The agency's seal and its digital signature are kept by the clerk's office (văn thư, Decree
 * 30/2020 art. 32–33), role `officer` here, and applied at issue; a leader may apply them too.
 * A form signed by the one-stop unit bears its officer's own signature.
 */
import { hasRoleOver, type Actor, type SignatureRole, type SignedDocumentKind, type StaffRole } from '@motcua/domain';

export function canSign(actor: Actor, agencyPath: string, as: SignatureRole, kind?: SignedDocumentKind): boolean {
  if (as === 'agency') return hasRoleOver(actor, ['leader', 'officer'], agencyPath);
  // The one-stop unit's forms (01, 02) bear the personal signature of the staff member who issued
  // them; which one, and which form, is the form-signing use case's rule (docs/signatures.md). A
  // statistics report is signed by the leader or the manager who issues it. A fee receipt bears the
  // signature of whoever collected the money (Decree 123/2020 art. 32: "chữ ký của người thu tiền").
  const roles: StaffRole[] = kind === 'form' ? ['leader', 'officer', 'specialist']
    : kind === 'report' ? ['leader', 'manager']
    : kind === 'fee_receipt' ? ['leader', 'officer']
    : ['leader'];
  return hasRoleOver(actor, roles, agencyPath);
}

/** Staff who may read a document of an agency (to check it before signing): any role reaching it. */
export function canReadDocument(actor: Actor, agencyPath: string): boolean {
  return hasRoleOver(actor, ['officer', 'specialist', 'leader', 'manager', 'admin'], agencyPath);
}
