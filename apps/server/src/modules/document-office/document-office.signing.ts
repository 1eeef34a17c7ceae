/**
 * The one place where an outgoing document is signed digitally (docs/rules/document-office.md).
 * The leader's `sign` step makes the competent person's signature on a copy of the draft that
 * carries the verification QR (no number yet); the clerk's `issue` step makes the agency's, whose
 * stamp prints the number just given and the signing time. Signing reaches keys and the time-stamp
 * authority through the database, and the embedded database has one connection, so it happens in
 * two phases: `prepare…` before the step's transaction (nothing recorded), `record…` inside it,
 * next to the document's own change.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { findSignedDocument, setDocumentNumber } from '../signed-documents/signed-documents.repository.ts';
import {
  draftSignedDocument, insertDraft, notFound, prepareSignatures, readAll, recordSignatures, signableDraft,
  type DraftDocument, type PreparedSignatures,
} from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';

/** The whole dependencies: the signing services are wired from them (`signingServices(deps)`). */
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
  readonly prepared: { draft?: DraftDocument; signatures: PreparedSignatures; number?: string };
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

const signingDepsOf = (deps: SigningDeps) => ({ db: deps.db, storage: deps.storage, references: deps.references, signing: signingServices(deps) });

async function nameOf(context: AuditContext, deps: SigningDeps): Promise<string | undefined> {
  if (context.actorName) return context.actorName;
  const actor = context.actor;
  return actor.kind === 'staff' ? (await deps.references.userNames(deps.db, [actor.userId])).get(actor.userId) : undefined;
}

/**
 * The competent person's signature (the caller, a leader of the agency), made before the
 * transaction on a copy of the draft with its QR code; the draft's own file stays as uploaded.
 */
export async function prepareOutgoingSignature(context: AuditContext, request: OutgoingSignatureRequest, deps: SigningDeps): Promise<PreparedSignature | null> {
  const pdf = await readAll(deps.storage.read(request.storageKey));
  const draft = await draftSignedDocument(deps, {
    kind: 'outgoing', agencyId: request.agencyId, title: request.summary, fileName: request.fileName, pdf,
    createdBy: context.actor.kind === 'staff' ? context.actor.userId : null, at: request.at,
  });
  const signatures = await prepareSignatures(signingDepsOf(deps), { actor: context.actor, name: await nameOf(context, deps) }, signableDraft(draft), ['person'], request.at);
  return { prepared: { draft, signatures } };
}

/** Records the prepared signature in the sign step's transaction. */
export async function recordOutgoingSignature(tx: Kysely<Database>, context: AuditContext, prepared: PreparedSignature | null): Promise<OutgoingSignature> {
  if (!prepared?.prepared.draft) return { signedDocumentId: null, digitallySigned: false };
  await insertDraft(tx, prepared.prepared.draft);
  await recordSignatures(tx, context, prepared.prepared.signatures);
  return { signedDocumentId: prepared.prepared.draft.id, digitallySigned: true };
}

/**
 * The agency's signature with the number the issue is expected to take, made before the
 * transaction by the clerk's office (or a leader): the stamp at the top right prints that number.
 */
export async function prepareSeal(context: AuditContext, request: SealRequest, deps: SigningDeps): Promise<PreparedSignature | null> {
  if (!request.signedDocumentId) return null;
  const document = await findSignedDocument(deps.db, request.signedDocumentId);
  if (!document) throw notFound();
  const signatures = await prepareSignatures(
    signingDepsOf(deps), { actor: context.actor, name: await nameOf(context, deps) }, { ...document, number: request.numberAndSymbol }, ['agency'], request.at,
    'Cơ quan ban hành ký số',
  );
  return { prepared: { signatures, number: request.numberAndSymbol } };
}

/** Records the prepared seal, and the number it prints, in the issue step's transaction. */
export async function recordSeal(tx: Kysely<Database>, context: AuditContext, prepared: PreparedSignature | null): Promise<void> {
  if (!prepared) return;
  await recordSignatures(tx, context, prepared.prepared.signatures);
  if (prepared.prepared.number) await setDocumentNumber(tx, prepared.prepared.signatures.documentId, prepared.prepared.number);
}
