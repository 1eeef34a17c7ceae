/**
 * A real RFC 3161 time-stamp authority standing in for a licensed one in the demo and in tests:
 * a DER TimeStampReq in, a DER TimeStampResp out. The token is a CMS SignedData over a TSTInfo,
 * signed by a time-stamping unit whose certificate the development root CA issued (extended key
 * usage id-kp-timeStamping, critical), with the signing-certificate-v2 attribute RFC 5816 asks for.
 * It echoes the nonce, includes its certificate chain when the request asks (certReq), answers
 * with the policy below, and refuses what it does not support with a PKIFailureInfo.
 *
 * Its key comes from `signer()`, resolved on the first request: the key is kept in the database
 * (modules/signing), which may not exist yet when the server is wired.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from '../../infra/signing/types.ts';
import { failureBits, imprintLengths, oids, type FailureReason } from '../../infra/signing/timestamp-protocol.ts';

/**
 * The development TSA's policy: an object identifier minted from a UUID (ITU-T X.667, arc 2.25),
 * which needs no registration; no real TSA answers with it.
 */
export const devTimestampPolicy = '2.25.252699240244633095331783481648600318530';

/** The policy as asn1js reads it back (it writes arcs beyond 2^53 in hexadecimal, "2.25.{…}"). */
export const devTimestampPolicyAsRead = (asn1js.fromBER(new asn1js.ObjectIdentifier({ value: devTimestampPolicy }).toBER()).result as asn1js.ObjectIdentifier).getValue();

export interface DevTimestampResponder {
  /** A DER TimeStampResp for a DER TimeStampReq; never throws for a bad request (it is refused in the answer). */
  respond(request: Uint8Array): Promise<Uint8Array>;
}

export interface DevTimestampResponderOptions {
  /** The time-stamping unit's key and chain (its certificate first). */
  signer: () => Promise<Signer>;
  clock: () => Date;
}

export function createDevTimestampResponder(options: DevTimestampResponderOptions): DevTimestampResponder {
  return {
    async respond(requestDer) {
      let request: pkijs.TimeStampReq;
      try {
        request = pkijs.TimeStampReq.fromBER(requestDer);
      } catch {
        return refusal('badDataFormat', 'not a DER TimeStampReq');
      }
      const problem = refusalFor(request);
      if (problem) return refusal(problem.reason, problem.text);
      try {
        const token = await stamp(request, await options.signer(), options.clock());
        return new Uint8Array(
          new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: token }).toSchema().toBER(),
        );
      } catch (error) {
        return refusal('systemFailure', `cannot sign: ${(error as Error).message}`);
      }
    },
  };
}

function refusalFor(request: pkijs.TimeStampReq): { reason: FailureReason; text: string } | undefined {
  if (request.version !== 1) return { reason: 'badRequest', text: `version ${request.version} is not supported` };
  const algorithm = request.messageImprint.hashAlgorithm.algorithmId;
  const length = imprintLengths[algorithm];
  if (length === undefined) return { reason: 'badAlg', text: `hash algorithm ${algorithm} is not supported (SHA-256, SHA-384, SHA-512)` };
  if (request.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== length) {
    return { reason: 'badDataFormat', text: 'the imprint does not have the length of its hash algorithm' };
  }
  if (request.reqPolicy !== undefined && request.reqPolicy !== devTimestampPolicyAsRead) {
    return { reason: 'unacceptedPolicy', text: `only policy ${devTimestampPolicy} is served` };
  }
  if (request.extensions?.length) return { reason: 'unacceptedExtension', text: 'no request extension is supported' };
  return undefined;
}

async function stamp(request: pkijs.TimeStampReq, signer: Signer, genTime: Date): Promise<pkijs.ContentInfo> {
  const chain = await signer.certificateChain();
  const certificate = pkijs.Certificate.fromBER(chain[0]!);
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: devTimestampPolicy,
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: positiveSerial() }),
    genTime,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const content = info.toSchema().toBER();
  const signedAttributes = [
    attribute(oids.contentType, new asn1js.ObjectIdentifier({ value: oids.tstInfo })),
    attribute(oids.messageDigest, new asn1js.OctetString({ valueHex: sha256(new Uint8Array(content)) })),
    attribute(oids.signingCertificateV2, signingCertificateV2(chain[0]!, certificate)),
  ];
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.algorithm === 'ECDSA' ? { algorithmId: oids.ecdsaWithSha256 } : { algorithmId: oids.sha256WithRsa, algorithmParams: new asn1js.Null() },
    ),
  });
  // The signature covers the DER of the signed attributes as a SET OF (RFC 5652 §5.4).
  const toBeSigned = new Uint8Array(signerInfo.signedAttrs!.toSchema().toBER());
  toBeSigned[0] = 0x31;
  signerInfo.signature = new asn1js.OctetString({ valueHex: await signer.sign(toBeSigned) });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.tstInfo, eContent: new asn1js.OctetString({ valueHex: content }) }),
    // certReq: the TSA's certificate (and here its issuers) travel in the token (RFC 3161 §2.4.1).
    ...(request.certReq ? { certificates: chain.map((der) => pkijs.Certificate.fromBER(der)) } : {}),
    signerInfos: [signerInfo],
  });
  return new pkijs.ContentInfo({ contentType: oids.signedData, content: signedData.toSchema(true) });
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** SigningCertificateV2 with one ESSCertIDv2: SHA-256 (the default, so omitted) of the certificate, and its issuer and serial. */
function signingCertificateV2(der: Uint8Array, certificate: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }).toSchema(), certificate.serialNumber],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(der) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function refusal(reason: FailureReason, text: string): Uint8Array {
  const bit = failureBits[reason];
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  const status = new pkijs.PKIStatusInfo({
    status: pkijs.PKIStatus.rejection,
    statusStrings: [new asn1js.Utf8String({ value: text })],
    failInfo: new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (bit & 7) }),
  });
  return new Uint8Array(new pkijs.TimeStampResp({ status }).toSchema().toBER());
}

function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

/** 16 random bytes, positive as a DER INTEGER. */
function positiveSerial(): Uint8Array {
  const bytes = new Uint8Array(randomBytes(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes;
}
