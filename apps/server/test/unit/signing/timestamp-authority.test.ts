import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDevRootCa, issueCertificate, keySigner, type DevCredential } from '../../../src/infra/signing/dev-ca.ts';
import { timestampAuthorityClient } from '../../../src/infra/signing/tsa-client.ts';
import { isTimeStampingCertificate, oids, timestampQueryType } from '../../../src/infra/signing/timestamp-protocol.ts';
import { inProcessTimestampFetch } from '../../../src/demo/dev-tsa/in-process.ts';
import { createDevTimestampResponder, devTimestampPolicyAsRead, type DevTimestampResponder } from '../../../src/demo/dev-tsa/responder.ts';

const url = 'http://motcua.test/dev-tsa';
const now = new Date('2026-12-07T03:15:42.250Z');

let root: DevCredential;
let unit: DevCredential;
let responder: DevTimestampResponder;

beforeAll(async () => {
  root = await createDevRootCa({ commonName: 'Test Root', notBefore: new Date('2025-01-01T00:00:00Z') });
  unit = await issueCertificate(root, { role: 'timestamping', commonName: 'Test TSA', notBefore: new Date('2025-01-01T00:00:00Z') });
  responder = createDevTimestampResponder({ signer: async () => keySigner(unit, 'agency'), clock: () => now });
});

function request(options: { imprint?: Uint8Array; algorithm?: string; nonce?: number; certReq?: boolean; policy?: string } = {}): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: options.algorithm ?? oids.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: options.imprint ?? createHash('sha256').update('données').digest() }),
    }),
    ...(options.nonce === undefined ? {} : { nonce: new asn1js.Integer({ value: options.nonce }) }),
    ...(options.certReq === undefined ? {} : { certReq: options.certReq }),
    ...(options.policy === undefined ? {} : { reqPolicy: options.policy }),
  });
  return new Uint8Array(req.toSchema().toBER());
}

const parse = (der: Uint8Array) => pkijs.TimeStampResp.fromBER(der);
const signedDataOf = (response: pkijs.TimeStampResp) => new pkijs.SignedData({ schema: response.timeStampToken!.content });
const tstInfoOf = (response: pkijs.TimeStampResp) => pkijs.TSTInfo.fromBER(signedDataOf(response).encapContentInfo.eContent!.getValue());

describe('the development time-stamp authority (RFC 3161)', () => {
  it('grants a token over the imprint, at its clock, under its policy, echoing the nonce', async () => {
    const imprint = createHash('sha256').update('a signature value').digest();
    const response = parse(await responder.respond(request({ imprint, nonce: 123456789, certReq: true })));
    expect(response.status.status).toBe(pkijs.PKIStatus.granted);
    const info = tstInfoOf(response);
    expect(info.policy).toBe(devTimestampPolicyAsRead);
    expect(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)).toBe(true);
    expect(info.nonce!.toBigInt()).toBe(123456789n);
    expect(info.genTime.toISOString()).toBe(now.toISOString());
  });

  it('signs the token with a time-stamping certificate (id-kp-timeStamping only, critical) that chains to the root', async () => {
    const signed = signedDataOf(parse(await responder.respond(request({ certReq: true }))));
    const trusted = pkijs.Certificate.fromBER(root.certificate);
    const data = Buffer.from('données');
    const result = await signed.verify({ signer: 0, data: new Uint8Array(data).buffer, checkChain: true, trustedCerts: [trusted], extendedMode: true });
    expect(result.signatureVerified).toBe(true);
    expect(isTimeStampingCertificate(result.signerCertificate!)).toBe(true);
    const attributes = signed.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
    expect(attributes).toEqual(expect.arrayContaining([oids.contentType, oids.messageDigest, oids.signingCertificateV2]));
  });

  it('includes its certificates only when the request asks for them (certReq)', async () => {
    expect(signedDataOf(parse(await responder.respond(request({ certReq: true })))).certificates?.length).toBe(2);
    expect(signedDataOf(parse(await responder.respond(request({ certReq: false })))).certificates ?? []).toHaveLength(0);
  });

  it.each([
    ['an unsupported hash algorithm', request({ algorithm: '1.3.14.3.2.26', imprint: new Uint8Array(20) }), 'badAlg'],
    ['an imprint of the wrong length', request({ imprint: new Uint8Array(20) }), 'badDataFormat'],
    ['another policy', request({ policy: '1.2.3.4' }), 'unacceptedPolicy'],
    ['bytes that are no request', new Uint8Array([1, 2, 3]), 'badDataFormat'],
  ])('refuses %s with a PKIFailureInfo and no token', async (_label, body, reason) => {
    const response = parse(await responder.respond(body));
    expect(response.status.status).toBe(pkijs.PKIStatus.rejection);
    expect(response.timeStampToken).toBeUndefined();
    await expect(
      timestampAuthorityClient({ url, fetch: async () => new Response(await responder.respond(body), { headers: { 'content-type': 'application/timestamp-reply' } }) }).stamp(new Uint8Array([1])),
    ).rejects.toThrow(/refused \(status 2/);
    const bits = response.status.failInfo!.valueBlock.valueHexView;
    const expected = { badAlg: 0, badDataFormat: 5, unacceptedPolicy: 15 }[reason]!;
    expect(bits[expected >> 3]! & (0x80 >> (expected & 7))).not.toBe(0);
  });
});

describe('the time-stamp client', () => {
  const client = () => timestampAuthorityClient({ url, fetch: inProcessTimestampFetch(url, responder) });

  it('returns a token whose imprint is the SHA-256 of the data', async () => {
    const data = new TextEncoder().encode('the signature value');
    const token = pkijs.ContentInfo.fromBER(await client().stamp(data));
    const info = pkijs.TSTInfo.fromBER(new pkijs.SignedData({ schema: token.content }).encapContentInfo.eContent!.getValue());
    expect(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(createHash('sha256').update(data).digest())).toBe(true);
  });

  it('refuses a token that does not echo its nonce', async () => {
    const replaying = timestampAuthorityClient({
      url,
      fetch: async (_input, init) => {
        const sent = pkijs.TimeStampReq.fromBER(new Uint8Array(await new Response(init!.body!).arrayBuffer()));
        const other = request({ imprint: new Uint8Array(sent.messageImprint.hashedMessage.valueBlock.valueHexView), nonce: 42, certReq: true });
        return new Response(await responder.respond(other), { headers: { 'content-type': 'application/timestamp-reply' } });
      },
    });
    await expect(replaying.stamp(new Uint8Array([1, 2, 3]))).rejects.toThrow(/does not echo the nonce/);
  });

  it('refuses a token stamped over another imprint', async () => {
    const other = timestampAuthorityClient({
      url,
      fetch: async (_input, init) => {
        const sent = pkijs.TimeStampReq.fromBER(new Uint8Array(await new Response(init!.body!).arrayBuffer()));
        sent.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: new Uint8Array(32) });
        return new Response(await responder.respond(new Uint8Array(sent.toSchema().toBER())), { headers: { 'content-type': 'application/timestamp-reply' } });
      },
    });
    await expect(other.stamp(new Uint8Array([1, 2, 3]))).rejects.toThrow(/another imprint/);
  });

  it('refuses a token signed by a certificate that is not a time-stamping unit', async () => {
    const person = await issueCertificate(root, { role: 'person', commonName: 'Not a TSA', notBefore: new Date('2025-01-01T00:00:00Z') });
    const impostor = createDevTimestampResponder({ signer: async () => keySigner(person, 'person'), clock: () => now });
    await expect(timestampAuthorityClient({ url, fetch: inProcessTimestampFetch(url, impostor) }).stamp(new Uint8Array([1]))).rejects.toThrow(/not a time-stamping unit/);
  });

  it('says which authority failed and how, for an HTTP error or a wrong media type', async () => {
    const failing = timestampAuthorityClient({ url, fetch: async () => new Response('down', { status: 503 }) });
    await expect(failing.stamp(new Uint8Array([1]))).rejects.toMatchObject({ code: 'timestamp.unavailable', details: { url, reason: 'HTTP 503' } });
    const html = timestampAuthorityClient({ url, fetch: async () => new Response('<html>', { headers: { 'content-type': 'text/html' } }) });
    await expect(html.stamp(new Uint8Array([1]))).rejects.toThrow(/text\/html, not application\/timestamp-reply/);
  });

  it('posts application/timestamp-query', async () => {
    let type: string | null = null;
    const spy = timestampAuthorityClient({
      url,
      fetch: async (input, init) => {
        type = new Headers(init!.headers).get('content-type');
        return inProcessTimestampFetch(url, responder)(input, init);
      },
    });
    await spy.stamp(new Uint8Array([9]));
    expect(type).toBe(timestampQueryType);
  });
});
