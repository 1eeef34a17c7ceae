/**
 * A relay that keeps refusing, as an officer sees it (docs/jobs.md, docs/notifications-console.md):
 * the applicant's e-mail of a real counter intake is retried on the injected clock, each refusal
 * shown in the console with its reason and the attempts so far, the final failure shown as failed
 * with the relay's answer; once the relay accepts again, the officer's resend is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { buildChannels, closeChannels } from '../../src/infra/notify/channels.ts';
import { createDispatcher, type ChannelAdapters, type Dispatcher } from '../../src/modules/notifications/dispatcher.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const silent = { info() {}, warn() {}, error() {} };
const minute = 60_000;

describe.each(databaseKinds)('a failing e-mail relay seen from the console on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2027-02-05T16:50:00+07:00'); // Friday, the last working afternoon before Tết 2027
  let officer: Agent;
  let smtp: TestSmtpServer;
  let channels: ChannelAdapters;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp(kind, {
      clock: () => new Date(now),
      config: { SESSION_TTL_HOURS: '720', PUBLIC_BASE_URL: 'https://motcua.example.vn', SMTP_URL: smtp.url, MAIL_FROM: 'Một cửa xã Giao Thủy <mot-cua@giaothuy.example.vn>' },
    });
    channels = { email: buildChannels(t.deps.config).email! };
    dispatcher = createDispatcher(t.deps, channels, silent, { pollMs: 3_600_000, retryDelaysMs: [minute, 5 * minute] });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => {
    await t?.close();
    if (channels) await closeChannels(channels);
    await smtp?.close();
  });

  it('retries the refused e-mail, shows each refusal and the final failure, and delivers the resend', async () => {
    smtp.refuseWith({ code: 451, message: 'Hộp thư tạm thời không nhận (temporary local problem)' });
    const created = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894',
      applicant: { kind: 'citizen', name: 'Trần Thị Mai', idNumber: '036190004321', email: 'mai.tt@example.vn' },
      components: [{ index: 0, received: true }, { index: 1, received: true, kind: 'certified_copy' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    const messagesOf = async () => {
      const res = await officer.get(`/api/v1/notifications?dossierCode=${encodeURIComponent(code)}&channel=email`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ id: number; kind: string; status: string; attempts: number; lastError: string | null }>;
    };

    // First attempt refused: back in the queue, the reason and the count visible.
    await dispatcher.drain();
    let [message] = await messagesOf();
    expect(message).toMatchObject({ kind: 'dossier_received', status: 'queued', attempts: 1 });
    expect(message!.lastError).toContain('451');
    // Not due again before its delay.
    expect(await dispatcher.drain()).toBe(0);
    now += minute;
    await dispatcher.drain();
    [message] = await messagesOf();
    expect(message).toMatchObject({ status: 'queued', attempts: 2 });
    now += 5 * minute;
    await dispatcher.drain();
    [message] = await messagesOf();
    expect(message).toMatchObject({ status: 'failed', attempts: 3 });
    expect(message!.lastError).toContain('451');
    expect(smtp.refused()).toBe(3);
    expect(smtp.received).toHaveLength(0);

    // The failed filter finds it, with its reason, in the detail too.
    const failed = (await officer.get('/api/v1/notifications?status=failed')).json().items as Array<{ id: number }>;
    expect(failed.map((m) => m.id)).toContain(message!.id);
    const detail = (await officer.get(`/api/v1/notifications/${message!.id}`)).json();
    expect(detail).toMatchObject({ status: 'failed', attempts: 3 });
    expect(detail.lastError).toContain('451');

    // The relay is back: the officer resends, and the resend is delivered once, in Vietnamese.
    smtp.refuseWith(undefined);
    const resent = await officer.post(`/api/v1/notifications/${message!.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(201);
    await dispatcher.drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe(`Tiếp nhận hồ sơ ${code}`);
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('mai.tt@example.vn');
    const after = await messagesOf();
    expect(after.map((m) => m.status).sort()).toEqual(['failed', 'sent']);
  });
});
