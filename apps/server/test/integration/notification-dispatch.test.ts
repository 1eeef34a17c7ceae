/**
 * Sending the outbox through a real SMTP server (docs/jobs.md): what a committed transaction
 * enqueued is sent once, a rolled-back one sends nothing, two dispatchers share the work without
 * sending anything twice, a refusing relay is retried with back-off on the injected clock until it
 * accepts or the retries run out, a permanent refusal fails at once, and a message claimed by a
 * worker that died is claimed again when its lease runs out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TemplateVariables } from '@motcua/domain';
import { loadConfig } from '../../src/config.ts';
import { buildDeps, type Deps } from '../../src/deps.ts';
import { buildChannels, closeChannels } from '../../src/infra/notify/channels.ts';
import { createDispatcher, type ChannelAdapters } from '../../src/modules/notifications/dispatcher.ts';
import { enqueueNotifications, type NewNotification } from '../../src/modules/notifications/outbox.repository.ts';
import { claimDueNotifications } from '../../src/modules/notifications/dispatch.repository.ts';
import { listenForReferenceChanges } from '../../src/modules/reference/reference.changes.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const minute = 60_000;
const silent = { info() {}, warn() {}, error() {} };

const variables = (code: string): TemplateVariables => ({
  code,
  link: `https://motcua.example.vn/tra-cuu/${code}`,
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND xã Giao Thủy',
  recipientName: 'Nguyễn Văn An',
  appointment: { vi: '09/03/2026', en: '09/03/2026' },
});

const received = (code: string, to = 'an@example.vn'): NewNotification => ({
  kind: 'dossier_received', channel: 'email', recipientKind: 'applicant', destination: to, variables: variables(code),
});

describe.each(databaseKinds)('the notification dispatcher on %s', (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let now = Date.parse('2026-02-13T16:59:00+07:00'); // the eve of Tết holidays, near closing time
  let deps: Deps;
  const opened: ChannelAdapters[] = [];

  const channelsFor = (): ChannelAdapters => {
    const channels = buildChannels(deps.config);
    opened.push(channels);
    return channels;
  };
  const dispatcher = (options: Parameters<typeof createDispatcher>[3] = {}) => createDispatcher(deps, channelsFor(), silent, options);
  const enqueue = (messages: NewNotification[]) => database.db.transaction().execute((tx) => enqueueNotifications(tx, messages, new Date(now)));
  const row = (id: number) => database.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const idsOf = async () => (await database.db.selectFrom('notifications').select('id').orderBy('id').execute()).map((r) => r.id);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startTestSmtpServer();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', SMTP_URL: smtp.url, MAIL_FROM: 'Một cửa Giao Thủy <mot-cua@giaothuy.example.vn>' });
    deps = buildDeps(config, database.db, () => new Date(now));
  });
  afterEach(async () => {
    smtp.refuseWith(undefined);
    smtp.received.length = 0;
    await database.db.deleteFrom('notifications').execute();
    await database.db.deleteFrom('notification_templates').execute();
  });
  afterAll(async () => {
    for (const c of opened) await closeChannels(c);
    await smtp?.close();
    await database?.close();
  });

  it('sends each message of a committed transaction once, in Vietnamese, with a Message-ID made from its id', async () => {
    await enqueue([received('H40.22-260213-0001'), received('H40.22-260213-0002', 'binh@example.vn')]);
    const d = dispatcher();
    expect(await d.drain()).toBe(2);
    expect(await d.drain()).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const [first, second] = await idsOf();
    const mail = smtp.received.find((m) => m.messageId === `<notification-${first}@giaothuy.example.vn>`)!;
    expect(mail.subject).toBe('Tiếp nhận hồ sơ H40.22-260213-0001');
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Văn An');
    expect(mail.text).toContain('09/03/2026');
    expect(mail.html).toContain('<a href="https://motcua.example.vn/tra-cuu/H40.22-260213-0001">');
    expect(mail.to).toMatchObject({ text: 'an@example.vn' });
    const r = await row(first!);
    expect(r).toMatchObject({ status: 'sent', attempts: 1, subject: mail.subject, provider_message_id: mail.messageId, locked_until: null, last_error: null });
    expect(r.body).toBe(mail.text?.trimEnd());
    expect(r.sent_at).toEqual(new Date(now));
    expect((await row(second!)).status).toBe('sent');
  });

  it('sends nothing for a rolled-back transaction', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueueNotifications(tx, [received('H40.22-260213-0003')], new Date(now));
        throw new Error('the action failed after enqueuing');
      }),
    ).rejects.toThrow('the action failed');
    expect(await dispatcher().drain()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('shares the work of two dispatchers on one database without sending any message twice', async () => {
    await enqueue(Array.from({ length: 40 }, (_, i) => received(`H40.22-260213-${String(100 + i).padStart(4, '0')}`)));
    const a = dispatcher({ batchSize: 3 });
    const b = dispatcher({ batchSize: 3 });
    const [sentByA, sentByB] = await Promise.all([a.drain(), b.drain()]);
    expect(sentByA + sentByB).toBe(40);
    const messageIds = smtp.received.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(40);
    expect(messageIds).toHaveLength(40);
    const statuses = await database.db.selectFrom('notifications').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
    expect(statuses).toEqual([{ status: 'sent', n: 40 }]);
  });

  it('retries a relay that answers 451 after 30 s, then 2 min, and records the message once it accepts', async () => {
    const [id] = await enqueue([received('H40.22-260213-0200')]).then(idsOf);
    smtp.refuseWith({ code: 451, message: 'Requested action aborted: local error in processing' });
    const d = dispatcher();
    expect(await d.drain()).toBe(1);
    let r = await row(id!);
    expect(r).toMatchObject({ status: 'queued', attempts: 1, locked_until: null });
    expect(r.last_error).toMatch(/451/);
    expect(r.next_attempt_at).toEqual(new Date(now + 30_000));
    // Not before its time.
    now += 29_000;
    expect(await d.drain()).toBe(0);
    now += 1_000;
    expect(await d.drain()).toBe(1);
    r = await row(id!);
    expect(r).toMatchObject({ status: 'queued', attempts: 2 });
    expect(r.next_attempt_at).toEqual(new Date(now + 2 * minute));
    smtp.refuseWith(undefined);
    now += 2 * minute;
    expect(await d.drain()).toBe(1);
    expect(await row(id!)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.refused()).toBeGreaterThanOrEqual(2);
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the last retry and records the reason', async () => {
    const [id] = await enqueue([received('H40.22-260213-0201')]).then(idsOf);
    smtp.refuseWith({ code: 421, message: 'Service not available, closing transmission channel' });
    const d = dispatcher({ retryDelaysMs: [30_000, 2 * minute] });
    for (const wait of [0, 30_000, 2 * minute]) {
      now += wait;
      expect(await d.drain()).toBe(1);
    }
    const r = await row(id!);
    expect(r).toMatchObject({ status: 'failed', attempts: 3, failed_at: new Date(now) });
    expect(r.last_error).toMatch(/421/);
    expect(r.subject).toBe('Tiếp nhận hồ sơ H40.22-260213-0201');
    now += 6 * 3600_000;
    expect(await d.drain()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('fails a message the relay refuses with 550 at once, with the reason', async () => {
    const [id] = await enqueue([received('H40.22-260213-0202', 'khong-ton-tai@example.vn')]).then(idsOf);
    smtp.refuseWith({ code: 550, message: 'No such user here' });
    expect(await dispatcher().drain()).toBe(1);
    const r = await row(id!);
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r.last_error).toMatch(/550.*No such user/);
  });

  it('claims again a message whose worker died after claiming it, once its lease has run out', async () => {
    const [id] = await enqueue([received('H40.22-260213-0300')]).then(idsOf);
    // A worker claims the message and dies before sending it.
    const [claimed] = await claimDueNotifications(database.db, new Date(now), new Date(now + 2 * minute), 10);
    expect(claimed).toMatchObject({ id, attempts: 1 });
    const d = dispatcher();
    expect(await d.drain()).toBe(0);
    now += 2 * minute;
    expect(await d.drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await row(id!)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('fails a message for a channel this process has no adapter for, saying what to configure', async () => {
    await enqueue([{ ...received('H40.22-260213-0400'), channel: 'sms', destination: '0901234567' }]);
    const [id] = await idsOf();
    expect(await createDispatcher(deps, {}, silent).drain()).toBe(1);
    const r = await row(id!);
    expect(r.status).toBe('failed');
    expect(r.last_error).toMatch(/sms.*not configured.*SMS_WEBHOOK_URL/);
  });

  it("sends with an administrator's template, and with the new wording as soon as it changes", async () => {
    const listener = await listenForReferenceChanges(database, deps);
    try {
      const template = (subject: string) => ({
        kind: 'dossier_received' as const, channel: 'email' as const, subject_vi: subject, subject_en: 'Received {{code}}',
        body_vi: 'Hồ sơ {{code}} đã được tiếp nhận. Hẹn trả: {{appointment}}.', body_en: 'Dossier {{code}} received.', updated_at: new Date(now),
      });
      await database.db.insertInto('notification_templates').values(template('Đã nhận hồ sơ {{code}}')).execute();
      await enqueue([received('H40.22-260213-0500')]);
      await dispatcher().drain();
      expect(smtp.received.map((m) => m.subject)).toEqual(['Đã nhận hồ sơ H40.22-260213-0500']);
      expect(smtp.received[0]!.text?.trim()).toBe('Hồ sơ H40.22-260213-0500 đã được tiếp nhận. Hẹn trả: 09/03/2026.');
      await database.db.updateTable('notification_templates').set({ subject_vi: 'Hồ sơ {{code}}: đã tiếp nhận' }).execute();
      await expect.poll(async () => {
        await enqueue([received('H40.22-260213-0501')]);
        await dispatcher().drain();
        return smtp.received.at(-1)!.subject;
      }, { timeout: 5000 }).toBe('Hồ sơ H40.22-260213-0501: đã tiếp nhận');
    } finally {
      await listener.close();
    }
  });
});
