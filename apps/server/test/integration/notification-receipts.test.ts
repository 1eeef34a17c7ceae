/**
 * Delivery receipts from gateways (signed, no session), the bundled development gateway's round
 * trip (the message kept in the development mailbox, its receipt making the message delivered),
 * and the mail catcher receiving a real SMTP message: on both databases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withListeningPort } from '../../src/config.ts';
import { startMailCatcher, startMailCatcherOrWarn } from '../../src/demo/dev-mailbox/mail-catcher.ts';
import { openDevMailbox, type DevMailbox } from '../../src/demo/dev-mailbox/store.ts';
import { signedHeaders } from '../../src/infra/notify/signature.ts';
import { smsChannel } from '../../src/infra/notify/webhook.ts';
import { enqueueNotifications } from '../../src/modules/notifications/outbox.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const secret = 'receipt-test-secret-0123456789';
const at = (iso: string) => new Date(iso);

/** A message as the dispatcher leaves it once the gateway took it. */
async function sentMessage(t: TestApp, channel: 'sms' | 'chat', providerMessageId: string, when: Date): Promise<number> {
  await enqueueNotifications(t.deps.db, [{
    kind: 'dossier_received', channel, recipientKind: 'applicant', destination: channel === 'sms' ? '0912345678' : 'zalo-1', variables: {},
  }], when);
  const row = await t.deps.db.selectFrom('notifications').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  await t.deps.db.updateTable('notifications').set({ status: 'sent', sent_at: when, provider_message_id: providerMessageId, body: 'text' })
    .where('id', '=', row.id).execute();
  return Number(row.id);
}

const ledger = (t: TestApp, id: number) =>
  t.deps.db.selectFrom('notifications').select(['status', 'delivered_at', 'failed_at', 'last_error', 'provider_message_id'])
    .where('id', '=', id).executeTakeFirstOrThrow();

describe.each(databaseKinds)('delivery receipts on %s', (kind) => {
  let t: TestApp;
  const now = at('2026-12-07T00:20:00+07:00'); // a Monday, twenty past midnight
  beforeAll(async () => {
    t = await startTestApp(kind, {
      demo: false, clock: () => now,
      config: { SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms', SMS_WEBHOOK_SECRET: secret, CHAT_WEBHOOK_URL: 'http://127.0.0.1:9/chat', CHAT_WEBHOOK_SECRET: secret },
    });
  });
  afterAll(async () => t?.close());

  const post = (channel: string, body: unknown, options: { secret?: string; signedAt?: Date; raw?: string } = {}) => {
    const raw = options.raw ?? JSON.stringify(body);
    return t.app.inject({
      method: 'POST', url: `/api/v1/notifications/receipts/${channel}`, payload: raw,
      headers: { 'content-type': 'application/json', ...signedHeaders(options.secret ?? secret, raw, options.signedAt ?? now) },
    });
  };

  it('marks a message delivered at the instant the gateway gives, and a repeat changes nothing', async () => {
    const id = await sentMessage(t, 'sms', 'gw-100', now);
    const receipt = { id, status: 'delivered', at: '2026-12-07T00:20:03+07:00' };
    const first = await post('sms', receipt);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ id, status: 'delivered', deliveredAt: '2026-12-07T00:20:03+07:00', failedAt: null, changed: true });
    expect(await ledger(t, id)).toMatchObject({ status: 'delivered', delivered_at: at('2026-12-07T00:20:03+07:00') });
    const again = await post('sms', receipt);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'delivered', changed: false });
    // A late failure does not undo a delivery.
    expect((await post('sms', { id, status: 'failed', reason: 'late', at: '2026-12-07T00:21:00+07:00' })).json()).toMatchObject({ status: 'delivered', changed: false });
  });

  it('finds a message by the gateway’s id and records a failure with its reason', async () => {
    const id = await sentMessage(t, 'chat', 'zalo-msg-7', now);
    const res = await post('chat', { providerMessageId: 'zalo-msg-7', status: 'failed', reason: 'user blocked the official account', at: '2026-12-07T00:20:05+07:00' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ledger(t, id)).toMatchObject({ status: 'failed', failed_at: at('2026-12-07T00:20:05+07:00'), last_error: 'chat gateway: user blocked the official account' });
    // The SMS channel does not answer for a chat message.
    expect((await post('sms', { providerMessageId: 'zalo-msg-7', status: 'delivered', at: '2026-12-07T00:20:05+07:00' })).statusCode).toBe(404);
  });

  it('refuses a receipt signed with another secret, unsigned or stale (401 problem+json), and leaves the message as it was', async () => {
    const id = await sentMessage(t, 'sms', 'gw-200', now);
    const receipt = { id, status: 'delivered', at: '2026-12-07T00:20:03+07:00' };
    const wrong = await post('sms', receipt, { secret: 'not-the-gateway-secret-000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json()).toMatchObject({ code: 'notification.receipt_signature_invalid', detail: expect.any(String) });
    const stale = await post('sms', receipt, { signedAt: new Date(now.getTime() - 6 * 60_000) });
    expect(stale.statusCode).toBe(401);
    const early = await post('sms', receipt, { signedAt: new Date(now.getTime() + 6 * 60_000) });
    expect(early.statusCode).toBe(401);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/receipts/sms', payload: receipt });
    expect(unsigned.statusCode).toBe(401);
    // Signed, but the body changed on the way.
    const raw = JSON.stringify(receipt);
    const tampered = await t.app.inject({
      method: 'POST', url: '/api/v1/notifications/receipts/sms', payload: raw.replace('delivered', 'failed'),
      headers: { 'content-type': 'application/json', ...signedHeaders(secret, raw, now) },
    });
    expect(tampered.statusCode).toBe(401);
    expect(await ledger(t, id)).toMatchObject({ status: 'sent', delivered_at: null });
    // Within five minutes either way is accepted (clocks drift).
    expect((await post('sms', receipt, { signedAt: new Date(now.getTime() - 4 * 60_000) })).statusCode).toBe(200);
  });

  it('answers 404 for a message it does not know, and 400 for a receipt without an id', async () => {
    const unknown = await post('sms', { id: 987654, status: 'delivered', at: '2026-12-07T00:20:03+07:00' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'notification.not_found' });
    expect((await post('sms', { providerMessageId: 'never-sent', status: 'delivered', at: '2026-12-07T00:20:03+07:00' })).statusCode).toBe(404);
    expect((await post('sms', { status: 'delivered', at: '2026-12-07T00:20:03+07:00' })).statusCode).toBe(400);
    expect((await post('sms', {}, { raw: '{not json' })).statusCode).toBe(400);
  });
});

describe.each(databaseKinds)('the development gateway and mailbox on %s', (kind) => {
  let t: TestApp;
  let mailbox: DevMailbox;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-mailbox-'));
    mailbox = openDevMailbox(path.join(dataDir, 'dev-mailbox'));
    // Demo mode without SMS_WEBHOOK_*: SMS and chat go to the gateway this server serves.
    t = await startTestApp(kind, { demo: false, devMailbox: mailbox, config: { PORT: '0' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    withListeningPort(t.deps.config, (t.app.server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the message, answers its id, and a second later its signed receipt makes the message delivered', async () => {
    const config = t.deps.config.notifications.sms!;
    expect(config).toMatchObject({ devGateway: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/dev-gateway\/sms$/) });
    expect(config.url).not.toContain(':0/');
    const sentAt = t.deps.clock();
    await enqueueNotifications(t.deps.db, [{ kind: 'dossier_received', channel: 'sms', recipientKind: 'applicant', destination: '0912 345 678', variables: {} }], sentAt);
    const { id } = await t.deps.db.selectFrom('notifications').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const text = 'Hồ sơ 000.00.12.H40-261207-0001 đã được tiếp nhận, hẹn trả 10/12/2026.';
    const receipt = await smsChannel(config, { clock: t.deps.clock }).send({
      id: Number(id), channel: 'sms', to: '0912 345 678', locale: 'vi', subject: '', text, link: 'http://localhost:3000/tra-cuu/x',
    });
    expect(receipt).toEqual({ status: 'sent', providerMessageId: expect.stringMatching(/^dev-sms-/) });
    // What the dispatcher records when the gateway took the message.
    await t.deps.db.updateTable('notifications').set({ status: 'sent', sent_at: sentAt, provider_message_id: receipt.providerMessageId!, body: text })
      .where('id', '=', id).execute();
    expect(mailbox.list()[0]).toMatchObject({ kind: 'sms', notificationId: Number(id), to: '+84912345678', text });

    const deadline = Date.now() + 5000;
    let row = await ledger(t, Number(id));
    while (row.status !== 'delivered' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await ledger(t, Number(id));
    }
    expect(row).toMatchObject({ status: 'delivered', delivered_at: expect.any(Date), provider_message_id: receipt.providerMessageId });

    const page = await t.app.inject({ method: 'GET', url: '/dev-mailbox' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Hộp thư thử nghiệm');
    expect(page.body).toContain('+84912345678');
    expect(page.body).toContain('000.00.12.H40-261207-0001');
    const json = await t.app.inject({ method: 'GET', url: '/dev-mailbox/messages.json' });
    expect(json.json().items[0]).toMatchObject({ kind: 'sms', to: '+84912345678' });
  });

  it('refuses a payload not signed with the channel’s secret and keeps nothing', async () => {
    const before = mailbox.list().length;
    const config = t.deps.config.notifications.chat!;
    const raw = JSON.stringify({ id: 1, channel: 'chat', to: 'zalo-1', text: 'x', link: null, locale: 'vi', sentAt: new Date().toISOString() });
    const res = await fetch(config.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders('someone-else-secret-00000', raw, t.deps.clock()) }, body: raw });
    expect(res.status).toBe(401);
    expect(mailbox.list()).toHaveLength(before);
  });

  it('catches a real SMTP message in the mailbox, keeps it across a restart, and forgets the oldest past its bound', async () => {
    const catcher = await startMailCatcher(mailbox, { port: 0 });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
      await transport.sendMail({
        from: 'Một cửa điện tử <no-reply@motcua.local>', to: 'an.nguyen@example.vn',
        subject: 'Hồ sơ 000.00.12.H40-261207-0002 cần bổ sung', text: 'Kính gửi Ông Nguyễn Văn An,\nXem hồ sơ: http://localhost:3000/tra-cuu/000.00.12.H40-261207-0002\n',
      });
      transport.close();
      expect(mailbox.list()[0]).toMatchObject({
        kind: 'email', from: '"Một cửa điện tử" <no-reply@motcua.local>', to: ['an.nguyen@example.vn'],
        subject: 'Hồ sơ 000.00.12.H40-261207-0002 cần bổ sung', text: expect.stringContaining('Kính gửi Ông Nguyễn Văn An'),
      });
      const page = await t.app.inject({ method: 'GET', url: '/dev-mailbox?loai=email' });
      expect(page.body).toContain('Hồ sơ 000.00.12.H40-261207-0002 cần bổ sung');
      expect(page.body).toContain('href="http://localhost:3000/tra-cuu/000.00.12.H40-261207-0002"');
      expect(page.body).not.toContain('+84912345678');

      // A second catcher on the same port: a warning, and the server goes on.
      const warnings: string[] = [];
      const second = await startMailCatcherOrWarn(mailbox, catcher.port, { warn: (_f, m) => warnings.push(m) });
      expect(second).toBeUndefined();
      expect(warnings[0]).toMatch(/port in use/);
    } finally {
      await catcher.close();
    }
    const reopened = openDevMailbox(mailbox.directory);
    expect(reopened.list().map((e) => e.id)).toEqual(mailbox.list().map((e) => e.id));
    const small = openDevMailbox(mailbox.directory, { limit: 2 });
    for (let i = 0; i < 5; i += 1) small.add({ kind: 'email', receivedAt: new Date().toISOString(), from: 'a@b.vn', to: ['c@d.vn'], subject: `n${i}`, text: '' });
    expect(small.list().map((e) => (e.kind === 'email' ? e.subject : ''))).toEqual(['n4', 'n3']);
    expect(openDevMailbox(mailbox.directory, { limit: 2 }).list().map((e) => (e.kind === 'email' ? e.subject : ''))).toEqual(['n4', 'n3']);
  });
});
