/**
 * The one place where an outgoing document's signature is made (docs/rules/document-office.md):
 * the leader's `sign` step calls `signOutgoingDocument` inside its transaction. Until the
 * signed-documents module (results) is merged it signs nothing and says so; wiring it means
 * replacing this body with a call to that module's `signDocument` and returning its public id.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FileStorage } from '../../infra/storage.ts';

export interface OutgoingSignatureRequest {
  documentId: string;
  agencyId: string;
  /** The stored PDF to sign. */
  fileId: string;
  /** The leader who signs (personal signature). */
  signerUserId: string;
  at: Date;
}

export interface OutgoingSignature {
  /** The signed copy's public id (`/xac-thuc/{id}`); null when nothing was signed digitally. */
  signedDocumentId: string | null;
  digitallySigned: boolean;
}

export interface SigningDeps {
  db: Kysely<Database>;
  storage: FileStorage;
}

export async function signOutgoingDocument(_request: OutgoingSignatureRequest, _deps: SigningDeps): Promise<OutgoingSignature> {
  return { signedDocumentId: null, digitallySigned: false };
}
