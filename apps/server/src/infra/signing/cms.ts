/**
 * The CMS SignedData inside a PAdES signature (ETSI EN 319 122-1, CAdES-detached, as PAdES
 * baseline asks): signed attributes content-type, message-digest and signing-certificate-v2; no
 * signing-time (the PDF's /M carries the claimed time); every certificate of the chain; SHA-256.
 * With a time-stamp authority, the signature value is time-stamped (unsigned attribute
 * signature-time-stamp): level B-T. The private key stays behind `Signer.sign`.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate, toArrayBuffer } from './certificates.ts';
import type { Signer, TimestampAuthority } from './types.ts';

export const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

export const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());


/**
 * SigningCertificateV2 (RFC 5035): one ESSCertIDv2 for the signer's certificate, its SHA-256
 * hash (the default algorithm, so omitted) and issuer + serial number.
 */
function signingCertificateV2(certificateDer: Uint8Array, certificate: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }).toSchema(),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/** DER set-of ordering (X.690 §11.6): attributes sorted by their encodings. */
function sortedByEncoding(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

export interface CadesOptions {
  signer: Signer;
  /** SHA-256 of the signed bytes (the PDF's byte range). */
  messageDigest: Uint8Array;
  timestamp?: TimestampAuthority;
}

/** DER of a ContentInfo holding the detached SignedData. */
export async function createCadesSignature(options: CadesOptions): Promise<Uint8Array> {
  const { signer } = options;
  const chain = await signer.certificateChain();
  if (chain.length === 0) throw new Error(`signer ${signer.label} has no certificate`);
  const certificates = chain.map(parseCertificate);
  const leaf = certificates[0]!;
  const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 });

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: sortedByEncoding([
      attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.data })),
      attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(options.messageDigest) })),
      attribute(oid.signingCertificateV2, signingCertificateV2(chain[0]!, leaf)),
    ]),
  });
  // The signature covers the attributes' DER with the SET OF tag, not the [0] of SignerInfo (RFC 5652 §5.4).
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256Id(),
    signedAttrs,
    signatureAlgorithm:
      signer.algorithm === 'ECDSA'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });

  if (options.timestamp) {
    // B-T: a time-stamp token over the signature value (ETSI EN 319 122-1 §5.3).
    const token = await options.timestamp.stamp(signature);
    const parsed = asn1js.fromBER(toArrayBuffer(token));
    if (parsed.offset === -1) throw new Error(`time-stamp authority ${options.timestamp.url} returned a token that is not DER`);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(oid.signatureTimeStampToken, parsed.result)],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Id()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
