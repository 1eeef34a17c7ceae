/**
 * Verification of signed documents (docs/rules/results.md): the public view with the check of the
 * stored file, the check of a file a visitor uploads, and the file itself for whoever may have it
 * (the dossier's applicant — signed in, or with the security code — and the agency's staff).
 */
import { createHash } from 'node:crypto';
import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { sniffType } from '../../infra/sniff.ts';
import type { PdfVerification } from '../../infra/signing/types.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { isCitizensDossier } from '../dossiers/dossiers.policies.ts';
import { secretMatches } from '../dossiers/applicant-actions.usecases.ts';
import { canReadDocument } from './signed-documents.policies.ts';
import { presentPublicSignedDocument } from './signed-documents.presenter.ts';
import * as repo from './signed-documents.repository.ts';
import { isPublicId, notFound, readAll } from './signed-documents.usecases.ts';
import { signingServices } from './signing.port.ts';

async function find(deps: Pick<Deps, 'db'>, id: string) {
  if (!isPublicId(id)) throw notFound();
  const row = await repo.findSignedDocument(deps.db, id);
  if (!row) throw notFound();
  return row;
}

const unsignedVerification: PdfVerification = { valid: false, signatures: [] };

/**
 * Verifications already made, by the file's SHA-256 and the trust anchors': the answer depends on
 * nothing else (certificates are checked at the signing time, not now), and checking a signed
 * result costs tens of milliseconds of CPU, so each file version is verified once per process,
 * not on every visit of its page. Bounded; the oldest entry goes first.
 */
const verified = new Map<string, PdfVerification>();
const VERIFIED_MAX = 2000;

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The verification of PDF bytes (whose SHA-256 is `sha256`) against the trusted roots; a file that is not a PDF has no signatures. */
async function verify(sha256: string, bytes: () => Promise<Uint8Array>, deps: Deps): Promise<PdfVerification> {
  const signing = signingServices(deps);
  const anchors = await signing.trustAnchors();
  const key = `${sha256}:${hex(Buffer.concat(anchors.roots.map((r) => createHash('sha256').update(r).digest())))}`;
  const known = verified.get(key);
  if (known) return known;
  const pdf = await bytes();
  let result = unsignedVerification;
  if (sniffType(pdf.subarray(0, 16))?.mediaType === 'application/pdf') {
    try {
      result = await signing.verifyPdf(pdf, anchors);
    } catch {
      // A damaged or hostile file is reported as carrying no valid signature, not as a server error.
    }
  }
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, result);
  return result;
}

export async function publicSignedDocument(id: string, deps: Deps) {
  const row = await find(deps, id);
  const agency = (await deps.references.agencies(deps.db, [row.agency_id])).get(row.agency_id)!;
  const verification = row.status === 'unsigned' ? unsignedVerification : await verify(row.sha256, () => readAll(deps.storage.read(row.storage_key)), deps);
  return presentPublicSignedDocument(row, { code: agency.code, name: agency.name }, verification);
}

/** A visitor's file compared with the stored one: the same bytes (SHA-256), and its own signatures checked. */
export async function checkUpload(id: string, bytes: Uint8Array, deps: Deps) {
  const row = await find(deps, id);
  const sha256 = hex(bytes);
  return { matches: sha256 === row.sha256, sha256, storedSha256: row.sha256, verification: await verify(sha256, async () => bytes, deps) };
}

export const fileAccessDenied = () => new AppError('signed_document.file_access_denied');

/**
 * The stored file of a signed dossier document for its applicant: the signed-in citizen whose
 * dossier it is, or whoever holds the dossier's security code. Documents of no dossier, and a
 * result not yet signed, are not given out here.
 */
export async function applicantSignedFile(id: string, proof: { actor: Actor; securityCode?: string | undefined }, deps: Deps) {
  const row = await find(deps, id);
  if (row.dossier_id === null || row.status !== 'signed' || !row.result_file_id) throw fileAccessDenied();
  const dossier = await deps.db.selectFrom('dossiers').select(['code', 'applicant_id_number', 'submitter_citizen_id', 'access_secret_hash'])
    .where('id', '=', row.dossier_id).executeTakeFirstOrThrow();
  const byEid = isCitizensDossier(proof.actor, dossier);
  const bySecret = !byEid && proof.securityCode !== undefined && secretMatches(proof.securityCode, dossier.access_secret_hash);
  if (!byEid && !bySecret) throw fileAccessDenied();
  return { row, fileId: row.result_file_id, dossierCode: dossier.code, proof: byEid ? 'eid' as const : 'security_code' as const };
}

/** The stored file (current version) for staff who see its dossier, or staff of its agency. */
export async function staffSignedFile(actor: Actor, id: string, deps: Deps) {
  const row = await find(deps, id);
  if (row.dossier_id !== null) {
    await loadDossierContext(deps.db, deps.references, actor, row.dossier_id).catch(() => {
      throw notFound();
    });
    return row;
  }
  const agency = (await deps.references.agencies(deps.db, [row.agency_id])).get(row.agency_id);
  if (!agency || !canReadDocument(actor, agency.path)) throw notFound();
  return row;
}
