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
  type Actor, type SignatureRole, type SignedDocumentKind,
} from '@motcua/domain';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
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

/** Stores the PDF under a new public id, with the QR code to its verification page drawn on page 1. */
export async function prepareSignedDocument(tx: Kysely<Database>, deps: Pick<SignedDocumentDeps, 'storage' | 'config'>, input: PrepareInput): Promise<repo.SignedDocumentRow> {
  const id = newPublicId();
  const stamped = await stampVerificationQr(input.pdf, verificationUrl(deps.config, id));
  const stored = await storeBytes(deps.storage, stamped);
  return repo.insertSignedDocument(tx, {
    id, kind: input.kind, agencyId: input.agencyId, dossierId: input.dossierId ?? null, number: input.number ?? null, title: input.title,
    fileName: input.fileName, storageKey: stored.key, size: stored.size, sha256: stored.sha256, signatureSlot: input.signatureSlot ?? null,
    createdBy: input.createdBy ?? null, at: input.at,
  });
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
  const oneLine = (name: string) => name.split('\n').filter(Boolean).join(', ');
  return { subject: oneLine(cert.subject), issuer: oneLine(cert.issuer), serial: cert.serialNumber.toLowerCase() };
}

export interface SignInput {
  id: string;
  as: SignatureRole;
  at: Date;
  reason?: string | undefined;
}

/**
 * Adds one signature to document `id` as `actor`: the person's own key, or the agency's seal. The
 * audit row is written here; a dossier's log row is its caller's (the `sign_result` action).
 */
export async function signDocument(
  tx: Kysely<Database>,
  deps: SignedDocumentDeps,
  context: AuditContext,
  input: SignInput,
): Promise<{ document: repo.SignedDocumentRow; signature: repo.SignatureRecord }> {
  const actor: Actor = context.actor;
  const document = await repo.findSignedDocument(tx, input.id, { lock: true });
  if (!document) throw notFound();
  const agency = (await deps.references.agencies(tx, [document.agency_id])).get(document.agency_id);
  if (!agency || actor.kind !== 'staff' || !canSign(actor, agency.path, input.as)) throw new AppError('auth.forbidden', { details: { document: input.id, as: input.as } });
  const status = statusAfterSignature(document.status, input.as);
  if (!status || document.superseded_at) throw notAllowed(document.status, input.as);

  const owner: KeyOwner = input.as === 'person' ? { userId: actor.userId } : { agencyId: document.agency_id };
  const signer = await deps.signing.signerFor(owner);
  const image = document.signature_slot ? await deps.signing.imageFor(owner) : undefined;
  const timestamp = await deps.signing.timestampAuthority();
  const bytes = await readAll(deps.storage.read(document.storage_key));
  const signed = await deps.signing.signPdf(bytes, {
    signer,
    placement: placementFor(input.as, document.signature_slot, image, document.number),
    signedAt: input.at,
    reason: input.reason ?? (input.as === 'person' ? 'Người có thẩm quyền ký' : 'Cơ quan ký số'),
    location: agency.name,
    ...(timestamp ? { timestamp } : {}),
  });
  const stored = await storeBytes(deps.storage, signed);
  const [certificate] = await signer.certificateChain();
  const signature: repo.SignatureRecord = {
    as: input.as,
    signer: input.as === 'person' ? context.actorName ?? signer.label : agency.name,
    userId: input.as === 'person' ? actor.userId : null,
    ...certificateFacts(certificate!),
    signedAt: formatInstant(input.at.getTime()),
    timestamped: Boolean(timestamp),
  };
  const updated = await repo.recordSignature(tx, document.id, {
    storageKey: stored.key, size: stored.size, sha256: stored.sha256, status, signatures: [...document.signatures, signature], at: input.at,
  });
  await recordAudit(tx, context, {
    action: 'signed_document.sign',
    entityType: 'signed_document',
    entityId: document.id,
    agencyId: document.agency_id,
    at: input.at,
    details: { as: input.as, kind: document.kind, status, sha256: stored.sha256, subject: signature.subject, serial: signature.serial, timestamped: signature.timestamped },
  });
  return { document: updated, signature };
}
