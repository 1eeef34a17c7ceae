/**
 * The contract of the signing adapter (docs/signatures.md): who signs (`Signer`), where the
 * signature shows on the page (`SignaturePlacement`), and what signing and verifying a PDF take
 * and give. PAdES baseline (ETSI EN 319 142-1): B-B always, B-T when a time-stamp authority is
 * configured. Keys stay behind `Signer`: a development PKCS#12 key, or a remote signing service /
 * HSM in production; the PDF and CMS work never sees a private key.
 */

/** A key that signs, with its certificate chain. */
export interface Signer {
  /** Who signs, as a person reads it (the certificate's common name), for logs and errors. */
  readonly label: string;
  /** Whether the key is a person's (the competent official) or the agency's (its seal). */
  readonly role: 'person' | 'agency';
  /** The key's algorithm; the digest is always SHA-256. */
  readonly algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  /** DER certificates: the signer's own first, then each issuer up to and including the root. */
  certificateChain(): Promise<Uint8Array[]>;
  /**
   * The signature value over `toBeSigned` (the DER of the CMS signed attributes) with SHA-256.
   * The private key never leaves the signer: a remote service or HSM receives only these bytes
   * (or their digest).
   */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
}

/** An RFC 3161 time-stamp authority: a time-stamp token over the SHA-256 of `data`. */
export interface TimestampAuthority {
  /** Where it answers, for logs and the verification report. */
  readonly url: string;
  /** The TimeStampToken (a CMS ContentInfo, DER) whose imprint is SHA-256(`data`). */
  stamp(data: Uint8Array): Promise<Uint8Array>;
}

/** A rectangle in PDF points on a page (0-based index), origin at the page's bottom left. */
export interface PageRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a signature shows (Decree 30/2020, Annex I):
 * - `image`: a picture in a slot the document left for it: the person's signature (blue) between
 *   their title and name, or the agency's seal (red, real size) overlapping the left third of it;
 * - `stamp`: the agency's mark on an attachment or a document it did not lay out, top right of the
 *   first page, with the number/symbol and the signing time in ISO 8601, Vietnam time;
 * - `invisible`: no appearance.
 */
export type SignaturePlacement =
  | { kind: 'image'; rect: PageRect; png: Uint8Array }
  | { kind: 'stamp'; documentNumber?: string }
  | { kind: 'invisible' };

export interface SignPdfOptions {
  signer: Signer;
  placement: SignaturePlacement;
  /** The signing instant (from the injected clock): the signature dictionary's /M. */
  signedAt: Date;
  reason?: string;
  location?: string;
  /** With it, the signature is PAdES B-T (a signature time-stamp); without, B-B. */
  timestamp?: TimestampAuthority;
}

/**
 * Signs `pdf` as a PAdES signature appended in an incremental update, so that signatures already
 * in the file stay valid (a result signed by the person, then by the agency).
 */
export type SignPdf = (pdf: Uint8Array, options: SignPdfOptions) => Promise<Uint8Array>;

/** One signature of a PDF, as `motcua verify` and the verification page report it. */
export interface SignatureReport {
  /** The signing certificate's common name. */
  signer: string;
  /** The signer's organisation (O) when the certificate names one. */
  organization?: string;
  /** The issuing CA's common name. */
  issuer: string;
  /** ISO 8601 with the Vietnam offset: the time-stamp's time when there is one, else /M. */
  signedAt: string;
  timestamped: boolean;
  /**
   * The signed byte range covers the whole file, or everything after it only adds later
   * signatures (no page content, annotation or form change).
   */
  coversWholeDocument: boolean;
  /** Subject names, the signer's first, up to the trusted root. */
  certificateChain: string[];
  /** Integrity: the CMS signature checks and its message digest equals the signed bytes' hash. */
  intact: boolean;
  /** The chain ends at a trusted root and every certificate was valid at `signedAt`. */
  trusted: boolean;
  /** intact && trusted && coversWholeDocument. */
  valid: boolean;
  /** What failed, in English, one short phrase each (empty when valid). */
  problems: string[];
}

export interface PdfVerification {
  /** True when the file has at least one signature and every signature is valid. */
  valid: boolean;
  signatures: SignatureReport[];
}

/** Trust anchors: DER root certificates (the development CA, and configured roots). */
export interface TrustAnchors {
  roots: Uint8Array[];
}

export type VerifyPdf = (pdf: Uint8Array, trust: TrustAnchors) => Promise<PdfVerification>;
