/**
 * What the time-stamp client (`tsa-client.ts`) and the development time-stamp authority
 * (`demo/dev-tsa/`) share of RFC 3161 (Time-Stamp Protocol): the media types, the object
 * identifiers, and the check that a token's signer is a time-stamping unit.
 */
import * as pkijs from 'pkijs';

export const timestampQueryType = 'application/timestamp-query';
export const timestampReplyType = 'application/timestamp-reply';

export const oids = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  signedData: '1.2.840.113549.1.7.2',
  /** id-ct-TSTInfo (RFC 3161 §2.4.2). */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** id-aa-signingCertificateV2 (RFC 5035, required of a TSA by RFC 5816). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  extendedKeyUsage: '2.5.29.37',
  /** id-kp-timeStamping. */
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

/** Digest lengths in bytes of the imprint algorithms a time-stamp may use. */
export const imprintLengths: Record<string, number> = { [oids.sha256]: 32, [oids.sha384]: 48, [oids.sha512]: 64 };

/** PKIFailureInfo bit numbers (RFC 3161 §2.4.2). */
export const failureBits = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
} as const;

export type FailureReason = keyof typeof failureBits;

/** RFC 3161 §2.3: the TSA's certificate has extendedKeyUsage id-kp-timeStamping only, critical. */
export function isTimeStampingCertificate(certificate: pkijs.Certificate): boolean {
  const eku = certificate.extensions?.find((e) => e.extnID === oids.extendedKeyUsage);
  if (!eku || !eku.critical) return false;
  const usages = (eku.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  return usages.length === 1 && usages[0] === oids.timeStamping;
}

/** The names of the failure bits set in a PKIFailureInfo. */
export function failureNames(failInfo: { valueBlock: { valueHexView: Uint8Array; unusedBits: number } } | undefined): string[] {
  if (!failInfo) return [];
  const bytes = failInfo.valueBlock.valueHexView;
  return (Object.entries(failureBits) as Array<[FailureReason, number]>)
    .filter(([, bit]) => bit >> 3 < bytes.length && (bytes[bit >> 3]! & (0x80 >> (bit & 7))) !== 0)
    .map(([name]) => name);
}
