/**
 * A `TimestampAuthority` spoken to over HTTP(S) (RFC 3161 §3.4): a TimeStampReq with the SHA-256
 * imprint of the data, a random nonce and certReq set, posted as `application/timestamp-query`.
 * The answer is checked before its token is used: the status is granted, the token is a SignedData
 * over a TSTInfo whose imprint and nonce are ours, its signature holds with the certificate it
 * carries, and that certificate is a time-stamping unit's. Whether that certificate chains to a
 * trusted root is for the verifier of the signed PDF to say, as for any signer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@motcua/domain';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TimestampAuthority } from './types.ts';
import { failureNames, isTimeStampingCertificate, oids, timestampQueryType, timestampReplyType } from './timestamp-protocol.ts';

export interface TimestampClientOptions {
  url: string;
  /** How requests go out (the development authority is reached in process); default: fetch. */
  fetch?: typeof fetch;
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
}

export function timestampAuthorityClient(options: TimestampClientOptions): TimestampAuthority {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    url: options.url,
    async stamp(data) {
      const imprint = createHash('sha256').update(data).digest();
      const nonce = randomBytes(8);
      nonce[0] = (nonce[0]! & 0x7f) | 0x01;
      const request = new pkijs.TimeStampReq({
        version: 1,
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256 }),
          hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
        }),
        nonce: new asn1js.Integer({ valueHex: nonce }),
        certReq: true,
      });
      let response: Response;
      try {
        response = await send(options.url, {
          method: 'POST',
          headers: { 'content-type': timestampQueryType, accept: timestampReplyType },
          body: new Uint8Array(request.toSchema().toBER()),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw failure(options.url, `no answer (${(error as Error).message})`, error);
      }
      if (!response.ok) throw failure(options.url, `HTTP ${response.status}`);
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith(timestampReplyType)) throw failure(options.url, `answered ${type || 'no content type'}, not ${timestampReplyType}`);
      const body = new Uint8Array(await response.arrayBuffer());
      return checkedToken(options.url, body, data, imprint, nonce);
    },
  };
}

async function checkedToken(url: string, body: Uint8Array, data: Uint8Array, imprint: Uint8Array, nonce: Uint8Array): Promise<Uint8Array> {
  let answer: pkijs.TimeStampResp;
  try {
    answer = pkijs.TimeStampResp.fromBER(body);
  } catch {
    throw failure(url, 'the answer is not a DER TimeStampResp');
  }
  const status = answer.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const said = [...(answer.status.statusStrings ?? []).map((s) => s.valueBlock.value), ...failureNames(answer.status.failInfo)];
    throw failure(url, `refused (status ${status}${said.length ? ': ' + said.join('; ') : ''})`);
  }
  const token = answer.timeStampToken;
  if (!token || token.contentType !== oids.signedData) throw failure(url, 'granted without a SignedData token');
  const signed = new pkijs.SignedData({ schema: token.content });
  if (signed.encapContentInfo.eContentType !== oids.tstInfo || !signed.encapContentInfo.eContent) throw failure(url, 'the token does not hold a TSTInfo');
  const info = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  if (info.messageImprint.hashAlgorithm.algorithmId !== oids.sha256 || !equal(info.messageImprint.hashedMessage.valueBlock.valueHexView, imprint)) {
    throw failure(url, 'the token stamps another imprint than the one sent');
  }
  if (!info.nonce || !equal(new Uint8Array(info.nonce.valueBlock.valueHexView), nonce)) throw failure(url, 'the token does not echo the nonce sent');
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  let verified: pkijs.SignedDataVerifyResult;
  try {
    // With a TSTInfo, pkijs also checks the imprint against the data.
    verified = await signed.verify({ signer: 0, data: data.slice().buffer, checkChain: false, extendedMode: true });
  } catch (error) {
    throw failure(url, `the token's signature does not hold (${(error as { message?: string }).message ?? String(error)})`, error);
  }
  if (!verified.signatureVerified) throw failure(url, "the token's signature does not hold");
  const signer = verified.signerCertificate ?? certificates[0];
  if (!signer || !isTimeStampingCertificate(signer)) throw failure(url, "the token's signer is not a time-stamping unit (extended key usage id-kp-timeStamping, critical)");
  return new Uint8Array(token.toSchema().toBER());
}

function failure(url: string, reason: string, cause?: unknown): AppError {
  return new AppError('timestamp.unavailable', {
    messages: {
      vi: `Không lấy được dấu thời gian từ ${url}: ${reason}`,
      en: `The time-stamp authority at ${url} did not give a valid time-stamp: ${reason}`,
    },
    details: { url, reason },
    ...(cause === undefined ? {} : { cause }),
  });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}
