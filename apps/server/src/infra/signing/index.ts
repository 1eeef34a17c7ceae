/** The signing adapter: PAdES signing and verification, development keys (docs/signatures.md). */
export type * from './types.ts';
export { signPdf, vietnamIso, pdfDate } from './pades.ts';
export { verifyPdf, findSignatures, signedRevisionOf, signedBytes } from './verify.ts';
export { createDevRootCa, issueCertificate, keySigner, certificatePem, certificateDer, type DevCredential, type IssueOptions, type DevRootCaOptions } from './dev-ca.ts';
export { toPkcs12, readPkcs12, pkcs12Signer } from './pkcs12.ts';
export { createCadesSignature } from './cms.ts';
export { commonName, parseCertificate } from './certificates.ts';
