/**
 * The one place where an outgoing document is signed digitally (docs/rules/document-office.md):
 * the leader's `sign` step calls `signOutgoingDocument` (the competent person's signature, on the
 * draft without a number) and the clerk's `issue` step calls `sealIssuedDocument` once the number is
 * taken (the agency's signature, whose appearance carries the number and the signing time). Both run
 * in the step's transaction.
 *
 * Until the signed-documents module (helper "results") is merged they sign nothing and say so.
 * Wiring: in `signOutgoingDocument`, `prepareSignedDocument` from the stored file then
 * `signDocument(tx, …, {id, as: 'person', at})` and return `{signedDocumentId: id, digitallySigned: true}`;
 * in `sealIssuedDocument`, `signDocument(tx, …, {id: signedDocumentId, as: 'agency', at})` with the number.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';

export interface OutgoingSignatureRequest {
  documentId: string;
  agencyId: string;
  /** The stored PDF to sign (`files.id`). */
  fileId: string;
  /** What the document is about (trích yếu), for the signed copy's description. */
  summary: string;
  at: Date;
}

export interface OutgoingSignature {
  /** The signed copy's public id (`/xac-thuc/{id}`); null when nothing was signed digitally. */
  signedDocumentId: string | null;
  digitallySigned: boolean;
}

export interface SealRequest {
  documentId: string;
  agencyId: string;
  /** From the sign step; null when the document was not signed digitally (then there is nothing to seal). */
  signedDocumentId: string | null;
  /** As printed: `12/QĐ-UBND`. */
  numberAndSymbol: string;
  at: Date;
}

export type SigningDeps = Pick<Deps, 'storage' | 'references' | 'config'>;

/** The competent person's signature (the caller, a leader of the agency). */
export async function signOutgoingDocument(_tx: Kysely<Database>, _context: AuditContext, _request: OutgoingSignatureRequest, _deps: SigningDeps): Promise<OutgoingSignature> {
  return { signedDocumentId: null, digitallySigned: false };
}

/** The agency's signature at issue, with the number just taken. */
export async function sealIssuedDocument(_tx: Kysely<Database>, _context: AuditContext, _request: SealRequest, _deps: SigningDeps): Promise<void> {
  // Nothing is signed until the signed-documents module is wired (see above).
}
