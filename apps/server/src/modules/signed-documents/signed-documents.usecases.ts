/**
 * Signed documents (docs/rules/results.md): `prepareSignedDocument` stores a PDF with its public
 * id and draws the verification QR on it; `signDocument` adds one PAdES signature — the competent
 * person's, then the agency's — each an incremental update, so earlier signatures stay valid.
 * Both run in the caller's transaction (the dossier action that causes them, or the document office's).
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  AppError, formatInstant, statusAfterSignature,
  type Actor, type SignatureRole, type SignedDocumentKind, type SignedDocumentStatus,
} from '@motcua/domain';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { stampVerificationQr } from '../../infra/pdf/verification-qr.ts';
import type { PageRect, SignaturePlacement } from '../../infra/signing/types.ts';
import type { FileStorage } from '../../infra/storage.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import type { ReferenceCache } from '../reference/reference.cache.ts';
import { canSign } from './signed-documents.policies.ts';
import * as repo from './signed-documents.repository.ts';
import type { KeyOwner, SigningServices } from './signing.port.ts';

export interface SignedDocumentDeps {
  storage: FileStorage;
  config: Pick<Config, 'publicBaseUrl'>;
  references: ReferenceCache;
  signing: SigningServices;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 base32 letters from 80 random bits: the public id, unguessable, short enough for a QR and a URL. */
export function newPublicId(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const isPublicId = (id: string) => /^[a-z2-7]{16}$/.test(id);

/** The public verification page of a document. */
export const verificationUrl = (config: Pick<Config, 'publicBaseUrl'>, id: string) => `${config.publicBaseUrl}/xac-thuc/${id}`;

export async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

async function storeBytes(storage: FileStorage, bytes: Uint8Array) {
  return storage.put(Readable.from([Buffer.from(bytes)]), bytes.length + 1);
}

export interface PrepareInput {
  kind: SignedDocumentKind;
  agencyId: string;
  dossierId?: number | null;
  number?: string | null;
  title: string;
  fileName: string;
  pdf: Uint8Array;
  /** Where the document left room for the signature image; without it, the agency signs with a stamp. */
  signatureSlot?: PageRect | null;
  createdBy?: string | null;
  at: Date;
}

/** A document stored with its QR code, not yet in the table (`insertDraft` puts it there). */
export type DraftDocument = repo.NewSignedDocument;

/**
 * Allocates the public id, draws the QR code to its verification page on page 1 and stores the
 * file. Touches no table: usable before a transaction opens.
 */
export async function draftSignedDocument(deps: Pick<SignedDocumentDeps, 'storage' | 'config'>, input: PrepareInput): Promise<DraftDocument> {
  const id = newPublicId();
  const stamped = await stampVerificationQr(input.pdf, verificationUrl(deps.config, id));
  const stored = await storeBytes(deps.storage, stamped);
  return {
    id, kind: input.kind, agencyId: input.agencyId, dossierId: input.dossierId ?? null, number: input.number ?? null, title: input.title,
    fileName: input.fileName, storageKey: stored.key, size: stored.size, sha256: stored.sha256, signatureSlot: input.signatureSlot ?? null,
    createdBy: input.createdBy ?? null, at: input.at,
  };
}

export const insertDraft = (tx: Kysely<Database>, draft: DraftDocument) => repo.insertSignedDocument(tx, draft);

/** The draft as the signing step sees it (unsigned, before its row exists). */
export function signableDraft(draft: DraftDocument): SignableDocument {
  return {
    id: draft.id, kind: draft.kind, agency_id: draft.agencyId, status: 'unsigned', storage_key: draft.storageKey, sha256: draft.sha256,
    signature_slot: draft.signatureSlot, number: draft.number, signatures: [],
  };
}

/** Stores the PDF under a new public id, with the QR code to its verification page drawn on page 1. */
export async function prepareSignedDocument(tx: Kysely<Database>, deps: Pick<SignedDocumentDeps, 'storage' | 'config'>, input: PrepareInput): Promise<repo.SignedDocumentRow> {
  return insertDraft(tx, await draftSignedDocument(deps, input));
}

export const notFound = () => new AppError('signed_document.not_found');

const notAllowed = (status: string, as: SignatureRole) =>
  new AppError('signed_document.signature_not_allowed', {
    messages: {
      vi: as === 'person' ? 'Văn bản đã có chữ ký của người có thẩm quyền' : 'Văn bản cần chữ ký của người có thẩm quyền trước khi ký số của cơ quan',
      en: as === 'person' ? 'The document already bears the competent person’s signature' : 'The competent person signs before the agency',
    },
    details: { status, as },
  });

/** The real size of a seal: 36 mm across (seals are 35–42 mm). */
const SEAL_SIZE = (36 * 72) / 25.4;

/**
 * Where the signature shows (docs/rules/results.md): with a signature slot, the person's image in
 * it and the agency's seal, real size, over the left third of it (Decree 30/2020, Annex I); without
 * a slot, the person's signature is invisible and the agency's is the stamp at the top right of
 * page 1 (number/symbol and ISO 8601 signing time), the way an attachment is signed.
 */
export function placementFor(as: SignatureRole, slot: PageRect | null, image: Uint8Array | undefined, number: string | null): SignaturePlacement {
  if (slot && image) {
    if (as === 'person') return { kind: 'image', rect: slot, png: image };
    const rect: PageRect = {
      page: slot.page,
      x: slot.x + slot.width / 3 - SEAL_SIZE,
      y: slot.y + slot.height / 2 - SEAL_SIZE / 2,
      width: SEAL_SIZE,
      height: SEAL_SIZE,
    };
    return { kind: 'image', rect, png: image };
  }
  if (as === 'person') return { kind: 'invisible' };
  return number ? { kind: 'stamp', documentNumber: number } : { kind: 'stamp' };
}

/** The certificate's subject, issuer and serial, as the verification page shows them. */
function certificateFacts(der: Uint8Array): { subject: string; issuer: string; serial: string } {
  const cert = new X509Certificate(der);
  // Node lists the name from the country down; people read it from the common name up.
  const oneLine = (name: string) => name.split('\n').filter(Boolean).reverse().join(', ');
  return { subject: oneLine(cert.subject), issuer: oneLine(cert.issuer), serial: cert.serialNumber.toLowerCase() };
}

/** What a signature needs of the document: a stored row, or one about to be inserted. */
export type SignableDocument = Pick<repo.SignedDocumentRow, 'id' | 'kind' | 'agency_id' | 'status' | 'storage_key' | 'sha256' | 'signature_slot' | 'number' | 'signatures'>
  & { superseded_at?: Date | null };

/** Signatures computed outside the transaction, to be recorded in it (`recordSignatures`). */
export interface PreparedSignatures {
  documentId: string;
  /** The file and status they were made on: recording refuses if the document changed since. */
  fromSha256: string;
  fromStatus: SignedDocumentStatus;
  status: SignedDocumentStatus;
  file: { storageKey: string; size: number; sha256: string };
  signatures: repo.SignatureRecord[];
  at: Date;
}

/**
 * Signs `document` as `actor` with each of `roles` in turn (the person's own key, then the agency's
 * seal), each signature an incremental update of the previous file, and stores the result. Runs
 * outside any transaction (signing-services note); nothing is recorded yet.
 */
export async function prepareSignatures(
  deps: Pick<SignedDocumentDeps, 'storage' | 'references' | 'signing'> & { db: Kysely<Database> },
  signer: { actor: Actor; name: string | undefined },
  document: SignableDocument,
  roles: readonly SignatureRole[],
  at: Date,
  reason?: string,
): Promise<PreparedSignatures> {
  const { actor } = signer;
  const agency = (await deps.references.agencies(deps.db, [document.agency_id])).get(document.agency_id);
  if (!agency || actor.kind !== 'staff') throw new AppError('auth.forbidden', { details: { document: document.id } });
  let status = document.status;
  if (document.superseded_at) throw notAllowed(status, roles[0] ?? 'person');
  let bytes = await readAll(deps.storage.read(document.storage_key));
  const signatures: repo.SignatureRecord[] = [];
  const timestamp = deps.signing.timestampAuthority();
  for (const as of roles) {
    if (!canSign(actor, agency.path, as, document.kind)) throw new AppError('auth.forbidden', { details: { document: document.id, as } });
    const next = statusAfterSignature(status, as);
    if (!next) throw notAllowed(status, as);
    const owner: KeyOwner = as === 'person' ? { userId: actor.userId } : { agencyId: document.agency_id };
    const key = await deps.signing.keyFor(owner);
    bytes = await deps.signing.signPdf(bytes, {
      signer: key.signer,
      placement: placementFor(as, document.signature_slot, key.image, document.number),
      signedAt: at,
      reason: reason ?? (as === 'person' ? 'Người có thẩm quyền ký' : 'Cơ quan ký số'),
      location: agency.name,
      ...(timestamp ? { timestamp } : {}),
    });
    const [certificate] = await key.signer.certificateChain();
    signatures.push({
      as,
      signer: as === 'person' ? signer.name ?? key.signer.label : agency.name,
      userId: as === 'person' ? actor.userId : null,
      ...certificateFacts(certificate!),
      signedAt: formatInstant(at.getTime()),
      timestamped: Boolean(timestamp),
    });
    status = next;
  }
  const stored = await storeBytes(deps.storage, bytes);
  return {
    documentId: document.id, fromSha256: document.sha256, fromStatus: document.status, status,
    file: { storageKey: stored.key, size: stored.size, sha256: stored.sha256 }, signatures, at,
  };
}

/**
 * Records prepared signatures in the caller's transaction: the new file, hash, status and list,
 * and one audit row per signature. Refused when the document changed since they were made.
 */
export async function recordSignatures(tx: Kysely<Database>, context: AuditContext, prepared: PreparedSignatures): Promise<repo.SignedDocumentRow> {
  const document = await repo.findSignedDocument(tx, prepared.documentId, { lock: true });
  if (!document) throw notFound();
  if (document.sha256 !== prepared.fromSha256 || document.status !== prepared.fromStatus || document.superseded_at) {
    throw notAllowed(document.status, prepared.signatures[0]?.as ?? 'person');
  }
  const updated = await repo.recordSignature(tx, document.id, {
    storageKey: prepared.file.storageKey, size: prepared.file.size, sha256: prepared.file.sha256, status: prepared.status,
    signatures: [...document.signatures, ...prepared.signatures], at: prepared.at,
  });
  for (const s of prepared.signatures) {
    await recordAudit(tx, context, {
      action: 'signed_document.sign',
      entityType: 'signed_document',
      entityId: document.id,
      agencyId: document.agency_id,
      at: prepared.at,
      details: { as: s.as, kind: document.kind, status: prepared.status, sha256: prepared.file.sha256, subject: s.subject, serial: s.serial, timestamped: s.timestamped },
    });
  }
  return updated;
}

/**
 * Signs document `id` as the request's actor, outside any other transaction: the document office
 * and the forms use this; a dossier's result is signed through its `sign_result` action.
 */
export async function signDocument(
  context: AuditContext,
  input: { id: string; as: readonly SignatureRole[]; actorName?: string | undefined; reason?: string | undefined },
  deps: SignedDocumentDeps & { db: Kysely<Database>; clock: () => Date },
): Promise<repo.SignedDocumentRow> {
  const document = await repo.findSignedDocument(deps.db, input.id);
  if (!document) throw notFound();
  const prepared = await prepareSignatures(deps, { actor: context.actor, name: input.actorName ?? context.actorName }, document, input.as, deps.clock(), input.reason);
  return inTransaction(deps.db, (tx) => recordSignatures(tx, context, prepared));
}

/**
 * Stores a new document (with its QR code) and signs it with `roles` as the request's actor, in
 * one go: signatures made before the transaction, the row, the signatures and `alsoInTransaction`
 * (e.g. marking a register entry signed) recorded in it. Answers the row and the signed bytes.
 */
export async function signNewDocument(
  context: AuditContext,
  input: PrepareInput,
  roles: readonly SignatureRole[],
  deps: SignedDocumentDeps & { db: Kysely<Database> },
  alsoInTransaction?: (tx: Kysely<Database>, documentId: string) => Promise<void>,
): Promise<{ document: repo.SignedDocumentRow; pdf: Uint8Array }> {
  const draft = await draftSignedDocument(deps, input);
  const actor = context.actor;
  const name = context.actorName ?? (actor.kind === 'staff' ? (await deps.references.userNames(deps.db, [actor.userId])).get(actor.userId) : undefined);
  const prepared = await prepareSignatures(deps, { actor, name }, signableDraft(draft), roles, input.at);
  const document = await inTransaction(deps.db, async (tx) => {
    await insertDraft(tx, draft);
    const signed = await recordSignatures(tx, context, prepared);
    if (alsoInTransaction) await alsoInTransaction(tx, draft.id);
    return signed;
  });
  return { document, pdf: await readAll(deps.storage.read(document.storage_key)) };
}
