/**
 * The public view of a signed document (the page `/xac-thuc/<id>`): what it is, who issued and
 * signed it and when, its hash and the verification of the stored file. No personal data beyond
 * the signers' names and the document's title: never the applicant, never the file.
 */
import { z } from 'zod';
import {
  formatInstant, signedDocumentKindLabels, signedDocumentKinds, signedDocumentStatusLabels, signedDocumentStatuses,
} from '@motcua/domain';
import type { PdfVerification } from '../../infra/signing/types.ts';
import type { SignedDocumentRow } from './signed-documents.repository.ts';

const Labels = z.object({ vi: z.string(), en: z.string() });

export const SignatureReportSchema = z.object({
  signer: z.string(), organization: z.string().optional(), issuer: z.string(),
  signedAt: z.string().describe('ISO 8601, Vietnam time'), timestamped: z.boolean(), coversWholeDocument: z.boolean(),
  certificateChain: z.array(z.string()), intact: z.boolean(), trusted: z.boolean(), valid: z.boolean(), problems: z.array(z.string()),
});

export const VerificationSchema = z.object({
  valid: z.boolean().describe('the file has at least one signature and every one is valid against the trusted roots'),
  signatures: z.array(SignatureReportSchema),
});

export const PublicSignedDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(signedDocumentKinds),
  kindText: Labels,
  title: z.string(),
  number: z.string().nullable().describe('number/symbol, e.g. 12/QĐ-UBND'),
  issuer: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(signedDocumentStatuses),
  statusText: Labels,
  superseded: z.boolean().describe('replaced by another result before it was signed'),
  sha256: z.string().describe('SHA-256 of the stored file (hex)'),
  createdAt: z.string(),
  signatures: z.array(z.object({
    as: z.enum(['person', 'agency']),
    signer: z.string(),
    subject: z.string().describe('the signing certificate’s subject'),
    issuer: z.string().describe('the signing certificate’s issuer'),
    serial: z.string(),
    signedAt: z.string().describe('ISO 8601, Vietnam time'),
    timestamped: z.boolean(),
  })),
  verification: VerificationSchema.describe('the stored file checked now (PAdES signatures against the trusted roots)'),
  fileAvailable: z.boolean().describe('the file can be downloaded with the dossier’s security code or by its owner (never publicly)'),
});

export function presentPublicSignedDocument(row: SignedDocumentRow, issuer: { code: string; name: string }, verification: PdfVerification) {
  return {
    id: row.id,
    kind: row.kind,
    kindText: signedDocumentKindLabels[row.kind],
    title: row.title,
    number: row.number,
    issuer,
    status: row.status,
    statusText: signedDocumentStatusLabels[row.status],
    superseded: row.superseded_at !== null,
    sha256: row.sha256,
    createdAt: formatInstant(row.created_at.getTime()),
    signatures: row.signatures.map((s) => ({ as: s.as, signer: s.signer, subject: s.subject, issuer: s.issuer, serial: s.serial, signedAt: s.signedAt, timestamped: s.timestamped })),
    verification,
    fileAvailable: row.dossier_id !== null && row.status === 'signed',
  };
}

/** What the console shows of a dossier's result document. */
export const ResultDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(signedDocumentKinds),
  title: z.string(),
  status: z.enum(signedDocumentStatuses),
  statusText: Labels,
  sha256: z.string(),
  verificationUrl: z.string(),
  signatures: z.array(z.object({ as: z.enum(['person', 'agency']), signer: z.string(), signedAt: z.string(), timestamped: z.boolean() })),
  hasSignatureSlot: z.boolean(),
});

export function presentResultDocument(row: SignedDocumentRow, verificationUrl: string) {
  return {
    id: row.id, kind: row.kind, title: row.title, status: row.status, statusText: signedDocumentStatusLabels[row.status], sha256: row.sha256,
    verificationUrl, signatures: row.signatures.map((s) => ({ as: s.as, signer: s.signer, signedAt: s.signedAt, timestamped: s.timestamped })),
    hasSignatureSlot: row.signature_slot !== null,
  };
}
