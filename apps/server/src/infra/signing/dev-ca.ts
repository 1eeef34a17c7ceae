/**
 * A development PKI: a root CA and the certificates it issues to the demo's agencies and
 * leaders, so that signed results verify in poppler's `pdfsig` and in `motcua verify` without a
 * real certification authority. RSA-2048 with SHA-256, the combination every PDF reader checks.
 * Production keys come from a licensed CA behind a remote `Signer`; nothing here is used then.
 */
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonName, nameOid, parseCertificate, toArrayBuffer } from './certificates.ts';
import type { Signer } from './types.ts';

const RSA: webcrypto.RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const extension = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** Extended key usages: e-mail protection (what NSS checks a signer against), document signing (RFC 9336), time-stamping. */
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** keyUsage bits (RFC 5280 §4.2.1.3), first bit = most significant. */
const KEY_USAGE = { digitalSignature: 0x80, nonRepudiation: 0x40, keyCertSign: 0x04, cRLSign: 0x02 } as const;

/** A certificate with its private key (extractable only so that it can be packed into PKCS#12). */
export interface DevCredential {
  /** DER of the certificate. */
  certificate: Uint8Array;
  privateKey: CryptoKey;
  /** DER certificates: this one first, up to and including the root. */
  chain: Uint8Array[];
}

export interface DevRootCaOptions {
  commonName: string;
  organization?: string;
  /** Validity start (default: now; tests pass their clock's time). */
  notBefore?: Date;
  /** Years of validity (default 20). */
  years?: number;
}

export interface IssueOptions {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** A person's key (the competent official), an agency's (its seal) or a time-stamp unit's. */
  role: 'person' | 'agency' | 'timestamping';
  /** Hexadecimal serial number (default: 16 random bytes). */
  serial?: string;
  notBefore?: Date;
  /** Years of validity (default 5). */
  years?: number;
}

/** A name with one attribute per RDN, C first (pkijs would put them all into one multi-valued RDN). */
function nameOf(o: { commonName: string; organization?: string; organizationalUnit?: string }): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.BaseStringBlock) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  const rdns = [rdn(nameOid.C, new asn1js.PrintableString({ value: 'VN' }))];
  if (o.organization) rdns.push(rdn(nameOid.O, new asn1js.Utf8String({ value: o.organization })));
  if (o.organizationalUnit) rdns.push(rdn(nameOid.OU, new asn1js.Utf8String({ value: o.organizationalUnit })));
  rdns.push(rdn(nameOid.CN, new asn1js.Utf8String({ value: o.commonName })));
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

function serialBytes(hex?: string): ArrayBuffer {
  const bytes = hex ? Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')) : webcrypto.getRandomValues(new Uint8Array(16));
  if (!hex) bytes[0] = (bytes[0]! & 0x7f) || 0x01; // positive, minimal
  return toArrayBuffer(bytes[0]! & 0x80 ? Uint8Array.of(0, ...bytes) : bytes);
}

function addYears(date: Date, years: number): Date {
  const end = new Date(date);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}

const ext = (extnID: string, critical: boolean, value: asn1js.AsnType) =>
  new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });

function keyUsage(bits: number): asn1js.BitString {
  // DER: trailing zero bits are dropped and counted as unused.
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: Uint8Array.of(bits).buffer, unusedBits: unused });
}

interface Draft {
  subject: { commonName: string; organization?: string; organizationalUnit?: string };
  issuer?: pkijs.Certificate;
  publicKey: CryptoKey;
  signingKey: CryptoKey;
  serial?: string;
  notBefore: Date;
  notAfter: Date;
  extensions: (subjectKeyId: ArrayBuffer) => pkijs.Extension[];
}

async function build(draft: Draft): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: serialBytes(draft.serial) });
  cert.subject = nameOf(draft.subject);
  cert.issuer = draft.issuer ? draft.issuer.subject : nameOf(draft.subject);
  cert.notBefore.value = draft.notBefore;
  cert.notAfter.value = draft.notAfter;
  await cert.subjectPublicKeyInfo.importKey(draft.publicKey);
  const subjectKeyId = await cert.getKeyHash(); // SHA-1 of the public key, RFC 5280 §4.2.1.2 method 1
  cert.extensions = draft.extensions(subjectKeyId);
  await cert.sign(draft.signingKey, 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER());
}

function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** A self-signed root CA (basicConstraints CA, keyCertSign + cRLSign). */
export async function createDevRootCa(options: DevRootCaOptions): Promise<DevCredential> {
  const keys = await generateKeys();
  const notBefore = options.notBefore ?? new Date();
  const certificate = await build({
    subject: options,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    notBefore,
    notAfter: addYears(notBefore, options.years ?? 20),
    extensions: (keyId) => [
      ext(extension.basicConstraints, true, new pkijs.BasicConstraints({ cA: true }).toSchema()),
      ext(extension.keyUsage, true, keyUsage(KEY_USAGE.keyCertSign | KEY_USAGE.cRLSign)),
      ext(extension.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId })),
    ],
  });
  return { certificate, privateKey: keys.privateKey, chain: [certificate] };
}

/** An end-entity certificate issued by `ca` for signing documents (or time-stamps). */
export async function issueCertificate(ca: DevCredential, options: IssueOptions): Promise<DevCredential> {
  const keys = await generateKeys();
  const caCert = parseCertificate(ca.certificate);
  const caKeyId = await caCert.getKeyHash();
  const notBefore = options.notBefore ?? new Date();
  const timestamping = options.role === 'timestamping';
  const certificate = await build({
    subject: options,
    issuer: caCert,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    serial: options.serial,
    notBefore,
    notAfter: addYears(notBefore, options.years ?? 5),
    extensions: (keyId) => [
      ext(extension.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
      ext(extension.keyUsage, true, keyUsage(KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation)),
      // RFC 3161 §2.3: a time-stamping unit's certificate has exactly this one usage, critical.
      ext(
        extension.extKeyUsage,
        timestamping,
        new pkijs.ExtKeyUsage({ keyPurposes: timestamping ? [TIME_STAMPING] : [EMAIL_PROTECTION, DOCUMENT_SIGNING] }).toSchema(),
      ),
      ext(extension.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId })),
      ext(
        extension.authorityKeyIdentifier,
        false,
        new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: caKeyId }) }).toSchema(),
      ),
    ],
  });
  return { certificate, privateKey: keys.privateKey, chain: [certificate, ...ca.chain] };
}

/** PEM of a DER certificate (for `certutil -A -i`, and for operators' eyes). */
export function certificatePem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

/** DER of a PEM certificate. */
export function certificateDer(pem: string): Uint8Array {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) throw new Error('no PEM certificate');
  return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}

/**
 * A `Signer` over a key held in this process. The key should be non-extractable (as
 * `pkcs12Signer` imports it): the signer only ever uses it to sign.
 */
export function keySigner(credential: { privateKey: CryptoKey; chain: Uint8Array[] }, role: Signer['role']): Signer {
  const keyAlgorithm = credential.privateKey.algorithm.name;
  if (keyAlgorithm !== 'ECDSA' && keyAlgorithm !== 'RSASSA-PKCS1-v1_5') throw new Error(`unsupported key algorithm ${keyAlgorithm}`);
  const algorithm: Signer['algorithm'] = keyAlgorithm;
  const chain = credential.chain.map((c) => new Uint8Array(c));
  return {
    label: commonName(parseCertificate(chain[0]!)),
    role,
    algorithm,
    certificateChain: async () => chain.map((c) => new Uint8Array(c)),
    async sign(toBeSigned) {
      const params = algorithm === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
      const raw = await webcrypto.subtle.sign(params, credential.privateKey, toBeSigned);
      // WebCrypto's ECDSA signature is r‖s; CMS wants the DER Ecdsa-Sig-Value.
      return new Uint8Array(algorithm === 'ECDSA' ? pkijs.createCMSECDSASignature(raw) : raw);
    },
  };
}
