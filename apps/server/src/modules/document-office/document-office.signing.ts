/**
 * The one place where an outgoing document is signed digitally (docs/rules/document-office.md).
 * The leader's `sign` step makes the competent person's signature on the draft (no number yet);
 * the clerk's `issue` step makes the agency's, whose appearance carries the number just given and
 * the signing time. Signing reaches keys and the time-stamp authority, which may go through the
 * database, so it happens in two phases: `prepare…` before the step's transaction (nothing
 * recorded), `record…` inside it, next to the document's own change.
 *
 * Until the signed-documents module (helper "results") is merged these sign nothing and say so
 * (`null` prepared, `digitallySigned: false`). Wiring, with that module's functions:
 * - `prepareOutgoingSignature`: `draftSignedDocument` from the stored PDF, then
 *   `prepareSignatures(…, signableDraft(draft), ['person'], at)`; keep both in the prepared value;
 * - `recordOutgoingSignature`: `insertDraft(tx, draft)` and `recordSignatures(tx, context, prepared)`;
 *   answer `{signedDocumentId: draft.id, digitallySigned: true}`;
 * - `prepareSeal` / `recordSeal`: the same with `['agency']` on the document `signedDocumentId`,
 *   its number set to `numberAndSymbol`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';

/** The whole dependencies: the signing services are wired from them (`signingServices(deps)` of the signed-documents module). */
export type SigningDeps = Deps;

export interface OutgoingSignatureRequest {
  documentId: string;
  agencyId: string;
  /** The stored PDF to sign (`files.id`) and its storage key. */
  fileId: string;
  storageKey: string;
  fileName: string;
  /** What the document is about (trích yếu): the signed copy's title. */
  summary: string;
  at: Date;
}

/** A signature made and stored, not yet recorded; opaque to the document office. */
export interface PreparedSignature {
  readonly prepared: unknown;
}

export interface OutgoingSignature {
  /** The signed copy's public id (`/xac-thuc/{id}`); null when nothing was signed digitally. */
  signedDocumentId: string | null;
  digitallySigned: boolean;
}

export interface SealRequest {
  documentId: string;
  agencyId: string;
  /** From the sign step; null when the document was not signed digitally (then nothing is sealed). */
  signedDocumentId: string | null;
  /** As it will be printed: `12/QĐ-UBND`. */
  numberAndSymbol: string;
  at: Date;
}

/** The competent person's signature (the caller, a leader of the agency), made before the transaction. */
export async function prepareOutgoingSignature(_context: AuditContext, _request: OutgoingSignatureRequest, _deps: SigningDeps): Promise<PreparedSignature | null> {
  return null;
}

/** Records the prepared signature in the sign step's transaction. */
export async function recordOutgoingSignature(_tx: Kysely<Database>, _context: AuditContext, prepared: PreparedSignature | null): Promise<OutgoingSignature> {
  if (!prepared) return { signedDocumentId: null, digitallySigned: false };
  throw new Error('signing is not wired: see document-office.signing.ts');
}

/** The agency's signature with the number the issue is expected to take, made before the transaction. */
export async function prepareSeal(_context: AuditContext, _request: SealRequest, _deps: SigningDeps): Promise<PreparedSignature | null> {
  return null;
}

/** Records the prepared seal in the issue step's transaction. */
export async function recordSeal(_tx: Kysely<Database>, _context: AuditContext, prepared: PreparedSignature | null): Promise<void> {
  if (prepared) throw new Error('signing is not wired: see document-office.signing.ts');
}
