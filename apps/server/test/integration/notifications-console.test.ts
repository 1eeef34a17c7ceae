/**
 * The console's messages, the administrators' templates and the citizens' channels
 * (docs/notifications-console.md): staff see the messages of their agencies' dossiers and their
 * own, masked unless they administer the agency; a message is sent again as a new queued row,
 * audited; templates are checked against their kind's variables before saving; a citizen reads and
 * sets only their own preferences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { enqueueNotifications, type NewNotification } from '../../src/modules/notifications/outbox.repository.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('the notifications console on %s', (kind) => {
  let t: TestApp;
  let now = at('2026-12-07T00:20:00+07:00');
  let officer: Agent;
  let otherOfficer: Agent;
  let admin: Agent;
  let dossier: { id: number; code: string };
  const ids = {} as Record<'sent' | 'failed' | 'queued' | 'code' | 'toOther', number>;

  /** Adds a message and sets its delivery as a worker would have; answers its id. */
  const message = async (m: Partial<NewNotification>, delivery: Record<string, unknown> = {}) => {
    const db = t.database.db;
    await enqueueNotifications(db, [{
      kind: 'dossier_received', channel: 'email', recipientKind: 'applicant', destination: 'an.nguyen@example.vn', dossierId: dossier.id,
      variables: { code: dossier.code, recipientName: 'Nguyễn Văn An' }, ...m,
    }], new Date(now));
    const row = await db.selectFrom('notifications').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    if (Object.keys(delivery).length) await db.updateTable('notifications').set(delivery).where('id', '=', row.id).execute();
    return Number(row.id);
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now) });
    officer = await t.signIn('canbo.giaothuy');
    otherOfficer = await t.signIn('canbo.giaominh');
    admin = await t.signIn('quantri');
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678' }, components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    dossier = res.json();
    const sentAt = new Date(now + 60_000);
    ids.sent = await message({}, { status: 'sent', attempts: 1, subject: `Tiếp nhận hồ sơ ${dossier.code}`, body: 'Kính gửi Ông/Bà Nguyễn Văn An', sent_at: sentAt });
    ids.failed = await message({ channel: 'sms', destination: '0912345678' }, { status: 'failed', attempts: 5, last_error: '550 mailbox unavailable', failed_at: sentAt });
    ids.queued = await message({ kind: 'supplement_requested', channel: 'sms', destination: '0912345678' });
    ids.code = await message(
      { kind: 'confirmation_code', variables: { code: dossier.code, otp: '482913' } },
      { status: 'sent', subject: 'Mã xác nhận', body: 'Mã xác nhận của Ông/Bà là 482913', sent_at: sentAt },
    );
    const giaominh = await t.database.db.selectFrom('users').select('id').where('username', '=', 'canbo.giaominh').executeTakeFirstOrThrow();
    // Addressed to an officer of another commune (an escalation, say): theirs to read as well.
    ids.toOther = await message({ kind: 'escalated', recipientKind: 'staff', userId: giaominh.id, destination: 'hoa.le@example.vn' });
  });
  afterAll(async () => t?.close());

  it('lists the messages of the officer’s dossiers newest first, with masked destinations, and filters them', async () => {
    const res = await officer.get(`/api/v1/notifications?dossierCode=${dossier.code.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().items.filter((i: { id: number }) => Object.values(ids).includes(i.id));
    expect(mine.map((i: { id: number }) => i.id)).toEqual([ids.toOther, ids.code, ids.queued, ids.failed, ids.sent]);
    expect(mine.find((i: { id: number }) => i.id === ids.failed)).toMatchObject({
      channel: 'sms', status: 'failed', destination: '09******78', destinationMasked: true, lastError: '550 mailbox unavailable', attempts: 5, dossierCode: dossier.code,
    });
    expect(res.body).not.toContain('an.nguyen@example.vn');

    const failed = (await officer.get('/api/v1/notifications?status=failed,queued&channel=sms&destination=5678')).json();
    expect(failed.items.every((i: { status: string; channel: string }) => ['failed', 'queued'].includes(i.status) && i.channel === 'sms')).toBe(true);
    expect(failed.items.map((i: { id: number }) => i.id).filter((id: number) => Object.values(ids).includes(id))).toEqual([ids.queued, ids.failed]);
    expect((await officer.get('/api/v1/notifications?kind=supplement_requested')).json().total).toBe(1);
    expect((await officer.get('/api/v1/notifications?createdFrom=2026-12-08')).json().total).toBe(0);
    expect((await officer.get('/api/v1/notifications?createdFrom=2026-12-07&createdTo=2026-12-07')).json().total).toBeGreaterThanOrEqual(5);
    expect((await officer.get('/api/v1/notifications?status=lost')).statusCode).toBe(400);
  });

  it('shows an administrator of the province the destinations in full', async () => {
    const item = (await admin.get(`/api/v1/notifications?dossierCode=${dossier.code}&channel=email&kind=dossier_received`)).json().items[0];
    expect(item).toMatchObject({ id: ids.sent, destination: 'an.nguyen@example.vn', destinationMasked: false });
  });

  it('shows an officer of another commune none of it, only the message addressed to them', async () => {
    const list = (await otherOfficer.get(`/api/v1/notifications?dossierCode=${dossier.code}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([ids.toOther]);
    for (const id of [ids.sent, ids.failed]) {
      const res = await otherOfficer.get(`/api/v1/notifications/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('notification.not_found');
      expect((await otherOfficer.post(`/api/v1/notifications/${id}/resend`)).statusCode).toBe(404);
    }
    expect((await otherOfficer.get(`/api/v1/dossiers/${dossier.id}/notifications`)).json().code).toBe('dossier.not_found');
    expect((await otherOfficer.get(`/api/v1/notifications/${ids.toOther}`)).statusCode).toBe(200);
  });

  it('gives the text as sent and hides a one-time code from staff', async () => {
    const detail = (await officer.get(`/api/v1/notifications/${ids.sent}`)).json();
    expect(detail).toMatchObject({ subject: `Tiếp nhận hồ sơ ${dossier.code}`, body: 'Kính gửi Ông/Bà Nguyễn Văn An', canResend: true, resends: [], nextAttemptAt: null });
    const code = (await officer.get(`/api/v1/notifications/${ids.code}`)).json();
    expect(code).toMatchObject({ body: 'Mã xác nhận của Ông/Bà là ••••••', canResend: false });
    const queued = (await officer.get(`/api/v1/notifications/${ids.queued}`)).json();
    expect(queued).toMatchObject({ status: 'queued', body: null, canResend: false, nextAttemptAt: expect.any(String) });
  });

  it('sends a failed message again as a new queued row linked to it, audited, once per Idempotency-Key', async () => {
    now = at('2026-12-07T09:00:00+07:00');
    const key = { 'idempotency-key': 'resend-failed-sms-1' };
    const res = await officer.post(`/api/v1/notifications/${ids.failed}/resend`, undefined, key);
    expect(res.statusCode, res.body).toBe(201);
    const again = res.json();
    expect(again).toMatchObject({ status: 'queued', resendOf: ids.failed, channel: 'sms', kind: 'dossier_received', attempts: 0, dossierCode: dossier.code });
    const replay = await officer.post(`/api/v1/notifications/${ids.failed}/resend`, undefined, key);
    expect(replay.json().id).toBe(again.id);

    const rows = await t.database.db.selectFrom('notifications').selectAll().where('resend_of', '=', ids.failed).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ destination: '0912345678', status: 'queued', variables: { code: dossier.code, recipientName: 'Nguyễn Văn An' } });
    expect(rows[0]!.created_at.getTime()).toBe(now);
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'notification.resent').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: String(again.id), actor_name: 'canbo.giaothuy', details: expect.objectContaining({ resendOf: ids.failed }) });

    expect((await officer.get(`/api/v1/notifications/${ids.failed}`)).json().resends).toEqual([{ id: again.id, status: 'queued', createdAt: expect.any(String) }]);
    const ofDossier = (await officer.get(`/api/v1/dossiers/${dossier.id}/notifications`)).json();
    expect(ofDossier.items[0].id).toBe(again.id);
  });

  it('refuses to send again a message still queued, and a one-time code', async () => {
    for (const id of [ids.queued, ids.code]) {
      const res = await officer.post(`/api/v1/notifications/${id}/resend`);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'notification.resend_not_allowed', messages: { vi: expect.any(String), en: expect.any(String) } });
    }
    expect(await t.database.db.selectFrom('notifications').select('id').where('resend_of', 'in', [ids.queued, ids.code]).execute()).toEqual([]);
  });

  const editor = (vi: string) => ({ subject: { vi: 'Hồ sơ {{code}}', en: 'Dossier {{code}}' }, body: { vi, en: 'Dossier {{code}} received; due {{appointment}}.' } });

  it('lists every template with its variables and refuses an unknown variable with a message naming it in both languages', async () => {
    const list = await admin.get('/api/v1/notification-templates');
    expect(list.statusCode, list.body).toBe(200);
    const received = list.json().items.find((i: { kind: string; channel: string }) => i.kind === 'dossier_received' && i.channel === 'email');
    expect(received).toMatchObject({ recipient: 'applicant', custom: null, variables: expect.arrayContaining(['code', 'link', 'appointment']) });
    expect(received.default.body.vi).toContain('{{code}}');
    expect(list.json().editable).toBe(true);
    expect((await officer.get('/api/v1/notification-templates')).statusCode).toBe(403);

    const bad = await admin.request('PUT', '/api/v1/notification-templates/dossier_received/email', editor('Hồ sơ {{code}} hẹn {{hanTra}}'));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'notification_template.invalid', messages: { vi: expect.stringContaining('{{hanTra}}'), en: expect.stringContaining('{{hanTra}}') } });
    expect(bad.json().issues).toEqual([expect.objectContaining({ path: 'body.vi' })]);
    expect((await admin.request('PUT', '/api/v1/notification-templates/dossier_received/email', editor('{{code'))).json().issues[0].path).toBe('body.vi');
    expect(await t.database.db.selectFrom('notification_templates').selectAll().execute()).toEqual([]);
  });

  it('saves an administrator’s version, previews it with sample values, and goes back to the default', async () => {
    const text = editor('Đã nhận hồ sơ {{code}}, hẹn trả {{appointment}}.');
    const preview = await admin.post('/api/v1/notification-templates/dossier_received/sms/preview', text);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ issues: [], smsSegments: { vi: 1 } });
    expect(preview.json().body.vi).toMatch(/^Đã nhận hồ sơ \S+-\d{4}, hẹn trả \d{2}\/\d{2}\/\d{4}/);
    expect((await admin.post('/api/v1/notification-templates/dossier_received/sms/preview', editor('{{otp}}'))).json().issues).toHaveLength(1);

    const saved = await admin.request('PUT', '/api/v1/notification-templates/dossier_received/sms', text);
    expect(saved.statusCode, saved.body).toBe(204);
    const entry = (await admin.get('/api/v1/notification-templates')).json().items.find((i: { kind: string; channel: string }) => i.kind === 'dossier_received' && i.channel === 'sms');
    expect(entry.custom).toMatchObject({ body: text.body, updatedByName: 'Nguyễn Văn Quản' });
    const reset = await admin.request('DELETE', '/api/v1/notification-templates/dossier_received/sms');
    expect(reset.statusCode).toBe(204);
    const after = (await admin.get('/api/v1/notification-templates')).json().items.find((i: { kind: string; channel: string }) => i.kind === 'dossier_received' && i.channel === 'sms');
    expect(after.custom).toBeNull();
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity_type', '=', 'notification_template').orderBy('id').execute();
    expect(audit).toEqual([{ action: 'notification_template.saved', entity_id: 'dossier_received/sms' }, { action: 'notification_template.reset', entity_id: 'dossier_received/sms' }]);
  });

  it('lets a citizen read and set only their own channels', async () => {
    const an = await t.signInCitizen('036090001234');
    const binh = await t.signInCitizen('036192005678');
    const initial = await an.get('/api/v1/citizen/notification-preferences');
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json()).toMatchObject({ email: true, sms: true, chat: false, chatId: null, locale: 'vi', updatedAt: null, emailAddress: 'an.nguyen@example.vn' });

    const noChatId = await an.request('PUT', '/api/v1/citizen/notification-preferences', { email: true, sms: false, chat: true, locale: 'en' });
    expect(noChatId.statusCode).toBe(400);
    expect(noChatId.json().issues).toEqual([expect.objectContaining({ path: 'chatId' })]);

    const put = await an.request('PUT', '/api/v1/citizen/notification-preferences', { email: false, sms: true, chat: true, chatId: 'zalo-84912345678', locale: 'en' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await an.get('/api/v1/citizen/notification-preferences')).json()).toMatchObject({ email: false, sms: true, chat: true, chatId: 'zalo-84912345678', locale: 'en', updatedAt: expect.any(String) });
    expect((await binh.get('/api/v1/citizen/notification-preferences')).json()).toMatchObject({ email: true, chat: false, chatId: null, locale: 'vi' });
    expect(await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'citizen.notification_preferences_changed').execute()).toHaveLength(1);

    expect((await officer.get('/api/v1/citizen/notification-preferences')).statusCode).toBe(401);
    expect((await an.get('/api/v1/notifications')).statusCode).toBe(401);
  });
});
