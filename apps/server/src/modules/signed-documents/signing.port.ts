/**
 * What signing a document needs from the signing adapters (infra/signing, modules/signing), in
 * one place: the PAdES engine, the key of a person or an agency, the trust anchors, the time-stamp
 * authority when one is configured, and the signature and seal images of Decree 30/2020.
 */
import type { Deps } from '../../deps.ts';
import type { Signer, SignPdf, TimestampAuthority, TrustAnchors, VerifyPdf } from '../../infra/signing/types.ts';

/** Whose key: a person (their own, by user id) or an agency (its seal). */
export type KeyOwner = { userId: string } | { agencyId: string };

export interface SigningServices {
  signPdf: SignPdf;
  verifyPdf: VerifyPdf;
  signerFor(owner: KeyOwner): Promise<Signer>;
  trustAnchors(): Promise<TrustAnchors>;
  /** Undefined when no time-stamp authority is configured (signatures are B-B, else B-T). */
  timestampAuthority(): Promise<TimestampAuthority | undefined>;
  /** The handwritten-signature image (blue) of a person, or the seal image (red) of an agency, as PNG; undefined when none. */
  imageFor(owner: KeyOwner): Promise<Uint8Array | undefined>;
}

/** The signing services wired from `deps` (the adapters read their configuration and keys there). */
export function signingServices(deps: Deps): SigningServices {
  void deps;
  const missing = () => {
    throw new Error('signing adapters not wired yet');
  };
  return {
    signPdf: missing,
    verifyPdf: missing,
    signerFor: missing,
    trustAnchors: missing,
    timestampAuthority: missing,
    imageFor: missing,
  };
}
