/**
 * Verifying every signature of a PDF, as `motcua verify` and the public verification page
 * report it: the byte range (from 0, its one hole exactly the /Contents string), the CMS
 * signature and message digest, the signing-certificate-v2 binding, the chain to a trusted root
 * at the signing time, the signature time-stamp when there is one, and whether anything added
 * after the signature changes what was signed (`revisions.ts`).
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonName, nameField, nameText, parseCertificate, toArrayBuffer } from './certificates.ts';
import { oid } from './cms.ts';
import { vietnamIso } from './pades.ts';
import { laterRevisionsOnlyAddSignatures } from './revisions.ts';
import type { PdfVerification, SignatureReport, TrustAnchors, VerifyPdf } from './types.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

const hashNames: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

function digest(algorithmOid: string, data: Uint8Array): Uint8Array | undefined {
  const name = hashNames[algorithmOid];
  return name ? new Uint8Array(createHash(name).update(data).digest()) : undefined;
}

const equalBytes = (a: Uint8Array | ArrayBuffer, b: Uint8Array | ArrayBuffer) =>
  Buffer.compare(Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)), Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b))) === 0;

/** A signature dictionary found in the file: its byte range, the hole's CMS and its entries. */
export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The DER in /Contents (trailing zero padding removed), or undefined when the hole is not a hex string. */
  contents?: Uint8Array;
  subFilter?: string;
  /** The /M entry as written (D:…). */
  m?: string;
}

/**
 * Every signature dictionary, in the order they were signed. They are found in the raw bytes (a
 * signature's /Contents must be a hole in the file, so its dictionary is never compressed).
 */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = latin1(pdf);
  const found: FoundSignature[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = match.slice(1, 5).map(Number) as FoundSignature['byteRange'];
    const start = text.lastIndexOf(' obj', match.index);
    const endobj = text.indexOf('endobj', match.index);
    const dict = text.slice(start < 0 ? 0 : start, endobj < 0 ? undefined : endobj);
    if (/\/Type\s*\/DocTimeStamp/.test(dict)) continue; // a document time-stamp, not a signature
    const hole = text.slice(byteRange[1], byteRange[2]);
    const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(hole)?.[1]?.replace(/\s+/g, '');
    found.push({
      byteRange,
      contents: hex !== undefined && hex.length % 2 === 0 ? trimDer(Buffer.from(hex, 'hex')) : undefined,
      subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1],
      m: /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1],
    });
  }
  return found.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

/** The DER without the placeholder's zero padding (its length is in its own header). */
function trimDer(bytes: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  return parsed.offset > 0 ? bytes.subarray(0, parsed.offset) : bytes;
}

/** The bytes a signature covers: the file up to its /Contents, then from after it to the range's end. */
export function signedBytes(pdf: Uint8Array, byteRange: FoundSignature['byteRange']): Uint8Array {
  const [a, b, c, d] = byteRange;
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

/** The file as it was when signature `index` (0 = first signed) was made: the revision it signs. */
export function signedRevisionOf(pdf: Uint8Array, index: number): Uint8Array {
  const signature = findSignatures(pdf)[index];
  if (!signature) throw new Error(`the PDF has no signature ${index}`);
  return pdf.subarray(0, signature.byteRange[2] + signature.byteRange[3]);
}

/** D:20261207101500+07'00' → a Date. */
export function parsePdfDate(value: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const offset = !sign || sign.toUpperCase() === 'Z' ? 'Z' : `${sign}${oh}:${om}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const verifyPdf: VerifyPdf = async (pdf, trust) => {
  const found = findSignatures(pdf);
  const signatures: SignatureReport[] = [];
  for (const signature of found) signatures.push(await verifyOne(pdf, signature, trust));
  return { valid: signatures.length > 0 && signatures.every((s) => s.valid), signatures } satisfies PdfVerification;
};

async function verifyOne(pdf: Uint8Array, found: FoundSignature, trust: TrustAnchors): Promise<SignatureReport> {
  const problems: string[] = [];
  const [a, b, c, d] = found.byteRange;
  const end = c + d;
  if (a !== 0) problems.push('byte range does not start at 0');
  if (!(b < c && end <= pdf.length)) problems.push('byte range lies outside the file');
  if (!found.contents) problems.push('byte range hole is not the /Contents string');

  let report: Omit<SignatureReport, 'coversWholeDocument' | 'valid' | 'problems'> = {
    signer: '',
    issuer: '',
    signedAt: found.m ? vietnamIsoOf(parsePdfDate(found.m)) : '',
    timestamped: false,
    certificateChain: [],
    intact: false,
    trusted: false,
  };
  if (found.contents && problems.length === 0) {
    try {
      report = await checkCms(found, signedBytes(pdf, found.byteRange), trust, problems);
    } catch (error) {
      problems.push(`signature cannot be read (${(error as Error).message})`);
    }
  }

  let coversWholeDocument = end === pdf.length;
  if (!coversWholeDocument && end < pdf.length && problems.length === 0) {
    const later = await laterRevisionsOnlyAddSignatures(pdf.subarray(0, end), pdf);
    coversWholeDocument = later.length === 0;
    problems.push(...later);
  }
  if (!coversWholeDocument && problems.length === 0) problems.push('signature does not cover the whole document');
  const valid = report.intact && report.trusted && coversWholeDocument;
  return { ...report, coversWholeDocument, valid, problems };
}

const vietnamIsoOf = (date: Date | undefined) => (date ? vietnamIso(date) : '');

async function checkCms(found: FoundSignature, signed: Uint8Array, trust: TrustAnchors, problems: string[]) {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(found.contents!));
  if (contentInfo.contentType !== oid.signedData) throw new Error('not a CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no signer');
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const leaf = certificates.find((cert) => identifies(signerInfo.sid, cert));
  if (!leaf) throw new Error("the signer's certificate is not in the signature");
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const attributeValue = (type: string) => attributes.find((attr) => attr.type === type)?.values[0];

  // Integrity: the message digest, then the signature over the signed attributes.
  let intact = true;
  const messageDigest = attributeValue(oid.messageDigest) as asn1js.OctetString | undefined;
  const expected = digest(signerInfo.digestAlgorithm.algorithmId, signed);
  if (!expected) {
    intact = false;
    problems.push(`unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  } else if (!messageDigest || !equalBytes(messageDigest.valueBlock.valueHexView, expected)) {
    intact = false;
    problems.push('message digest does not match the signed bytes');
  }
  if (intact) {
    const verified = await signedData
      .verify({ signer: 0, data: toArrayBuffer(signed), checkChain: false, extendedMode: true })
      .then((r) => r.signatureVerified === true)
      .catch(() => false);
    if (!verified) {
      intact = false;
      problems.push('signature value does not verify with the signer certificate');
    }
  }
  const leafDer = new Uint8Array(leaf.toSchema(true).toBER(false));
  const essProblem = checkSigningCertificateV2(attributeValue(oid.signingCertificateV2), leaf, leafDer, found.subFilter);
  if (essProblem) {
    intact = false;
    problems.push(essProblem);
  }

  // Time: the time-stamp's when there is one (checked against the signature value), else /M.
  let signedAt = found.m ? parsePdfDate(found.m) : undefined;
  let tsaTrusted = true;
  const tokenAttribute = signerInfo.unsignedAttrs?.attributes.find((attr) => attr.type === oid.signatureTimeStampToken);
  if (tokenAttribute) {
    const stamp = await checkTimestamp(tokenAttribute.values[0], new Uint8Array(signerInfo.signature.valueBlock.valueHexView), trust);
    problems.push(...stamp.problems, ...stamp.trustProblems);
    if (stamp.problems.length > 0) intact = false;
    tsaTrusted = stamp.trusted;
    if (stamp.time) signedAt = stamp.time;
  }
  if (!signedAt) problems.push('no signing time');

  const chain = await validateChain(leaf, certificates, trust, signedAt ?? new Date(), problems);
  return {
    signer: commonName(leaf),
    ...(nameField(leaf.subject, 'O') ? { organization: nameField(leaf.subject, 'O') } : {}),
    issuer: nameField(leaf.issuer, 'CN') ?? nameText(leaf.issuer),
    signedAt: vietnamIsoOf(signedAt),
    timestamped: Boolean(tokenAttribute),
    certificateChain: chain.names,
    intact,
    trusted: chain.trusted && tsaTrusted && Boolean(signedAt),
  };
}

/** Whether `cert` is the one a SignerInfo names (issuer + serial, or subject key identifier). */
function identifies(sid: pkijs.SignerInfo['sid'], cert: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
  const keyId = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  const sidBytes = (sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
  return Boolean(keyId && sidBytes && equalBytes(keyId.valueBlock.valueHexView, sidBytes));
}

function checkSigningCertificateV2(value: unknown, leaf: pkijs.Certificate, leafDer: Uint8Array, subFilter: string | undefined): string | undefined {
  if (!value) return subFilter === 'ETSI.CAdES.detached' ? 'no signing-certificate-v2 attribute' : undefined;
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let i = 0;
    let hashOid = oid.sha256 as string;
    if (parts[0] instanceof asn1js.Sequence) {
      hashOid = new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId;
      i = 1;
    }
    const certHash = (parts[i] as asn1js.OctetString).valueBlock.valueHexView;
    const expected = digest(hashOid, leafDer);
    if (!expected || !equalBytes(certHash, expected)) return 'signing-certificate-v2 does not match the signer certificate';
    const issuerSerial = parts[i + 1] as asn1js.Sequence | undefined;
    const serial = issuerSerial?.valueBlock.value[1] as asn1js.Integer | undefined;
    if (serial && !serial.isEqual(leaf.serialNumber)) return 'signing-certificate-v2 names another serial number';
    return undefined;
  } catch {
    return 'signing-certificate-v2 attribute cannot be read';
  }
}

async function checkTimestamp(value: unknown, signatureValue: Uint8Array, trust: TrustAnchors) {
  const problems: string[] = [];
  try {
    const token = new pkijs.ContentInfo({ schema: value as asn1js.AsnType });
    const tokenData = new pkijs.SignedData({ schema: token.content });
    const eContent = tokenData.encapContentInfo.eContent;
    if (tokenData.encapContentInfo.eContentType !== oid.tstInfo || !eContent) throw new Error('not a time-stamp token');
    const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
    const imprint = digest(tstInfo.messageImprint.hashAlgorithm.algorithmId, signatureValue);
    if (!imprint || !equalBytes(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView, imprint)) {
      problems.push('time-stamp does not cover the signature value');
    }
    const verified = await tokenData
      .verify({ signer: 0, checkChain: false, extendedMode: true })
      .then((r) => r.signatureVerified === true)
      .catch(() => false);
    if (!verified) problems.push('time-stamp token signature does not verify');
    const tsaCerts = (tokenData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const tsaInfo = tokenData.signerInfos[0];
    const tsa = tsaCerts.find((cert) => tsaInfo && identifies(tsaInfo.sid, cert));
    const trustProblems: string[] = [];
    const chain = tsa ? await validateChain(tsa, tsaCerts, trust, tstInfo.genTime, trustProblems) : { trusted: false, names: [] };
    if (!tsa) trustProblems.push("certificate is not in the token");
    return { time: tstInfo.genTime, trusted: chain.trusted, problems, trustProblems: trustProblems.map((p) => `time-stamp authority: ${p}`) };
  } catch (error) {
    return { time: undefined, trusted: false, problems: [`time-stamp token cannot be read (${(error as Error).message})`], trustProblems: [] };
  }
}

/** The path from `leaf` to a trusted root, checked at `at`; names the subjects leaf first. */
async function validateChain(leaf: pkijs.Certificate, certificates: pkijs.Certificate[], trust: TrustAnchors, at: Date, problems: string[]) {
  const roots = trust.roots.map(parseCertificate);
  const names = [nameText(leaf.subject)];
  const pool = [...certificates, ...roots];
  for (let current = leaf; names.length < 10; ) {
    if (current.subject.isEqual(current.issuer)) break;
    const issuer = pool.find((c) => c !== current && c.subject.isEqual(current.issuer));
    if (!issuer) break;
    names.push(nameText(issuer.subject));
    current = issuer;
  }
  // pkijs validates the path of the last certificate in `certs`.
  const others = certificates.filter((c) => c !== leaf);
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [...others, leaf], checkDate: at });
  const result = await engine.verify().catch((error: { resultMessage?: string; message?: string }) => ({
    result: false,
    resultMessage: error.resultMessage ?? error.message ?? 'unknown error',
  }));
  if (!result.result) problems.push(`certificate chain not trusted at ${vietnamIso(at)} (${result.resultMessage})`);
  return { trusted: result.result === true, names };
}
