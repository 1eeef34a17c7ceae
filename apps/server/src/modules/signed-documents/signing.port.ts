/**
 * What signing a document needs from the signing adapters (infra/signing, modules/signing), in
 * one place: the PAdES engine, the key of a person or an agency with its picture, the trust
 * anchors, the time-stamp authority when one is configured.
 *
 * Call these outside any database transaction: keys are read (and, with demo data, issued on first
 * use) through `deps.db`, and the embedded database has one connection, so a query from here while
 * a transaction is open would wait for it forever. Signing is prepared first, then recorded in
 * the transaction (signed-documents.usecases.ts).
 */
import type { Deps } from '../../deps.ts';
import { signPdf } from '../../infra/signing/pades.ts';
import type { Signer, SignPdf, TimestampAuthority, TrustAnchors, VerifyPdf } from '../../infra/signing/types.ts';
import { verifyPdf } from '../../infra/signing/verify.ts';
import { signerFor, timestampAuthority, trustAnchors } from '../signing/signing.usecases.ts';

/** Whose key: a person (their own, by user id) or an agency (its seal). */
export type KeyOwner = { userId: string } | { agencyId: string };

export interface SigningServices {
  signPdf: SignPdf;
  verifyPdf: VerifyPdf;
  /** The key and its picture: the person's handwritten signature (blue) or the agency's seal (red), PNG. */
  keyFor(owner: KeyOwner): Promise<{ signer: Signer; image: Uint8Array | undefined }>;
  trustAnchors(): Promise<TrustAnchors>;
  /** Undefined when no time-stamp authority is configured (signatures are then B-B, else B-T). */
  timestampAuthority(): TimestampAuthority | undefined;
}

/** The signing services wired from `deps` (the adapters read their configuration and keys there). */
export function signingServices(deps: Deps): SigningServices {
  return {
    signPdf,
    verifyPdf,
    keyFor: (owner) => signerFor(deps, owner),
    trustAnchors: () => trustAnchors(deps),
    timestampAuthority: () => timestampAuthority(deps),
  };
}
