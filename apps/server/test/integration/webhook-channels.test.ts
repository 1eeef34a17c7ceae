/**
 * The SMS and chat webhook adapters against a real HTTP server standing in for a gateway: what it
 * receives (signed JSON, the idempotency key, the phone in E.164, the chat button) and how each of
 * its answers is classified — sent, refused for good, or worth a retry.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError, type OutgoingMessage } from '../../src/infra/notify/channel.ts';
import { checkSignature } from '../../src/infra/notify/signature.ts';
import { chatChannel, smsChannel, type WebhookPayload } from '../../src/infra/notify/webhook.ts';

const secret = 'webhook-test-secret-0123456789';
const now = new Date('2026-02-16T00:20:00+07:00'); // the eve of Tết, twenty past midnight
const clock = () => now;

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

let server: http.Server;
let base: string;
let received: Received[] = [];
let answer: (res: http.ServerResponse) => void = () => undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { raw += chunk; });
    req.on('end', () => {
      received.push({ headers: req.headers, raw });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: 'gw-1' }));
});

const sms = (timeoutMs = 2000) => smsChannel({ url: `${base}/sms`, secret, devGateway: false }, { clock, timeoutMs });
const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 41, channel: 'sms', to: '0912.345.678', locale: 'vi', subject: '', text: 'Hồ sơ H40.22-260216-0001 đã được tiếp nhận', link: 'http://localhost:3000/tra-cuu/H40.22-260216-0001', ...over,
});
const failure = async (promise: Promise<unknown>): Promise<ChannelError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
};

describe('SMS and chat webhook adapters', () => {
  it('posts a signed JSON payload with the phone in E.164 and the idempotency key, and reads the gateway’s message id', async () => {
    const receipt = await sms().send(message());
    expect(receipt).toEqual({ status: 'sent', providerMessageId: 'gw-1' });
    expect(received).toHaveLength(1);
    const [{ headers, raw }] = received as [Received];
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(headers['idempotency-key']).toBe('notification-41');
    expect(headers['x-motcua-timestamp']).toBe(String(now.getTime() / 1000));
    expect(checkSignature(secret, headers, raw, now)).toEqual({ ok: true });
    expect(checkSignature('another-secret-0123456789', headers, raw, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkSignature(secret, headers, raw.replace('0001', '0002'), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkSignature(secret, headers, raw, new Date(now.getTime() + 6 * 60_000))).toEqual({ ok: false, reason: 'stale' });
    expect(JSON.parse(raw)).toEqual({
      id: 41, channel: 'sms', to: '+84912345678', text: 'Hồ sơ H40.22-260216-0001 đã được tiếp nhận',
      link: 'http://localhost:3000/tra-cuu/H40.22-260216-0001', locale: 'vi', sentAt: now.toISOString(),
    } satisfies WebhookPayload);
  });

  it('sends a chat message to the user id with the dossier link as a button', async () => {
    const chat = chatChannel({ url: `${base}/chat`, secret, devGateway: false }, { clock });
    await chat.send(message({ channel: 'chat', to: 'zalo-8472615', locale: 'en' }));
    expect(JSON.parse(received[0]!.raw)).toMatchObject({
      channel: 'chat', to: 'zalo-8472615', button: { label: 'View dossier', url: 'http://localhost:3000/tra-cuu/H40.22-260216-0001' },
    });
    expect((await failure(chat.send(message({ channel: 'chat', to: 'not a user id' })))).permanent).toBe(true);
  });

  it('refuses a number that is no Vietnamese mobile for good, without calling the gateway', async () => {
    const error = await failure(sms().send(message({ to: '024 3825 1234' })));
    expect(error.permanent).toBe(true);
    expect(received).toHaveLength(0);
  });

  it.each([
    [400, true], [401, true], [404, true], [422, true], [408, false], [429, false], [500, false], [502, false], [503, false],
  ])('classifies an answer %i as permanent: %s', async (status, permanent) => {
    answer = (res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"no"}');
    const error = await failure(sms().send(message()));
    expect(error.permanent).toBe(permanent);
    expect(error.message).toContain(String(status));
  });

  it('gives up waiting after the timeout and calls it transient', async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    const error = await failure(sms(300).send(message()));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('calls a refused connection transient', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const adapter = smsChannel({ url: `http://127.0.0.1:${port}/sms`, secret, devGateway: false }, { clock });
    const error = await failure(adapter.send(message()));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/unreachable: ECONNREFUSED/);
  });
});
