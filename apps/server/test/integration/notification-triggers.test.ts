/**
 * Who is told what by the actions on a dossier (docs/rules/notifications.md): the outbox rows a
 * dossier's life adds, in the action's transaction, each once; the dispatcher, woken by each
 * commit, sends the e-mails to a real SMTP server, in Vietnamese with the code and the link, each
 * once; none for an action that fails or is rolled back; the citizen account's preferences honoured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { performAction } from '../../src/modules/dossiers/actions.usecases.ts';
import { buildChannels, closeChannels } from '../../src/infra/notify/channels.ts';
import { createDispatcher, type ChannelAdapters } from '../../src/modules/notifications/dispatcher.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const at = (iso: string) => Date.parse(iso);

interface OutboxRow {
  kind: string;
  channel: string;
  recipient_kind: string;
  destination: string;
  locale: string;
  user_id: string | null;
  citizen_id: string | null;
  variables: Record<string, unknown>;
}

describe.each(databaseKinds)('notifications caused by dossier actions on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let specialistId: string;
  let smtp: TestSmtpServer;
  let channels: ChannelAdapters;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp(kind, {
      clock: () => new Date(now),
      config: { SESSION_TTL_HOURS: '720', PUBLIC_BASE_URL: 'https://motcua.example.vn', SMTP_URL: smtp.url, MAIL_FROM: 'Một cửa xã Giao Thủy <mot-cua@giaothuy.example.vn>' },
    });
    // E-mail only: the SMS of these tests stay in the outbox.
    channels = { email: buildChannels(t.deps.config).email! };
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    // Staff are written to at their work address (the demo's accounts have none).
    const user = await t.database.db.updateTable('users').set({ email: 'minh.vd@giaothuy.example.vn' })
      .where('username', '=', 'chuyenvien.giaothuy').returning('id').executeTakeFirstOrThrow();
    specialistId = user.id;
  });
  afterAll(async () => {
    await t?.close();
    if (channels) await closeChannels(channels);
    await smtp?.close();
  });

  const outbox = async (dossierId: number) =>
    (await t.database.db.selectFrom('notifications')
      .select(['kind', 'channel', 'recipient_kind', 'destination', 'locale', 'user_id', 'citizen_id', 'variables'])
      .where('dossier_id', '=', dossierId).orderBy('id').execute()) as OutboxRow[];
  const summary = (rows: OutboxRow[]) => rows.map((r) => `${r.kind} ${r.channel} ${r.destination}`);
  const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };
  const intake = (extra: Record<string, unknown> = {}) => ({
    procedureCode: '1.000894',
    applicant: { kind: 'citizen', name: 'Nguyễn Thị Ánh Tuyết', idNumber: '036190001234', phone: '0912 345 678', email: 'tuyet.nt@example.vn' },
    components: [{ index: 0, received: true }, { index: 1, received: true, kind: 'certified_copy' }],
    ...extra,
  });

  it('tells the applicant of each step of a dossier\'s life, and the assignee of the assignment, each once', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    // Woken by each commit only (no polling within the test): the wake is what sends the mails.
    const dispatcher = createDispatcher(t.deps, channels, { info() {}, warn() {}, error() {} }, { pollMs: 3_600_000 });
    dispatcher.start();
    const res = await officer.post('/api/v1/dossiers', intake());
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    let rows = await outbox(id);
    expect(summary(rows)).toEqual(['dossier_received email tuyet.nt@example.vn', 'dossier_received sms 0912 345 678']);
    expect(rows[0]).toMatchObject({ recipient_kind: 'applicant', locale: 'vi' });
    expect(rows[0]!.variables).toEqual({
      code, link: `https://motcua.example.vn/tra-cuu/${code}`, procedureName: expect.stringMatching(/kết hôn/i),
      agencyName: expect.stringMatching(/Giao Thủy/), recipientName: 'Nguyễn Thị Ánh Tuyết', appointment: '10/03/2025 09:00',
    });

    now = at('2025-03-03T10:00:00+07:00');
    await act(officer, id, 'transfer');
    now = at('2025-03-03T14:00:00+07:00');
    await act(specialist, id, 'request_supplement', { reasons: ['Bản sao Giấy khai sinh có chứng thực', 'Tờ khai có chữ ký của hai bên'] });
    now = at('2025-03-05T09:00:00+07:00');
    await act(officer, id, 'receive_supplement');
    // Past the appointment (10/03 09:00 moved by the pause to 11/03 11:00): an apology is warranted.
    now = at('2025-03-11T12:00:00+07:00');
    await act(leader, id, 'apologize', { note: 'Cần xác minh nơi cư trú tại xã khác', newDueAt: '2025-03-20T16:30:00+07:00' });
    await act(leader, id, 'assign', { assigneeId: specialistId });
    now = at('2025-03-12T09:00:00+07:00');
    await act(specialist, id, 'forward');
    now = at('2025-03-12T11:00:00+07:00');
    await act(leader, id, 'resolve');
    now = at('2025-03-13T09:00:00+07:00');
    await act(officer, id, 'return_result');

    rows = await outbox(id);
    expect(summary(rows)).toEqual([
      'dossier_received email tuyet.nt@example.vn', 'dossier_received sms 0912 345 678',
      'supplement_requested email tuyet.nt@example.vn', 'supplement_requested sms 0912 345 678',
      'apology email tuyet.nt@example.vn', 'apology sms 0912 345 678',
      'assigned email minh.vd@giaothuy.example.vn',
      'result_ready email tuyet.nt@example.vn', 'result_ready sms 0912 345 678',
    ]);
    const byKind = (k: string) => rows.find((r) => r.kind === k)!.variables;
    expect(byKind('supplement_requested').reasons).toBe('1. Bản sao Giấy khai sinh có chứng thực\n2. Tờ khai có chữ ký của hai bên');
    expect(byKind('apology')).toMatchObject({ reason: 'Cần xác minh nơi cư trú tại xã khác', newAppointment: '20/03/2025 16:30' });
    expect(byKind('result_ready').delivery).toEqual({ vi: 'nhận tại Bộ phận Một cửa', en: 'collect it at the one-stop counter' });
    const assigned = rows.find((r) => r.kind === 'assigned')!;
    expect(assigned).toMatchObject({ recipient_kind: 'staff', user_id: specialistId });
    expect(assigned.variables).toMatchObject({
      code, link: `https://motcua.example.vn/console/ho-so/${id}`, recipientName: 'Vũ Đức Minh', assignedBy: 'Đỗ Văn Hùng',
      stepName: expect.any(String), stepDueAt: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
    });

    // The e-mails reached the SMTP server, each once, in Vietnamese, with the code and the link.
    const mails = await smtp.waitFor(5);
    await dispatcher.stop();
    expect(await dispatcher.drain()).toBe(0);
    // Sent as each commit woke the dispatcher; concurrent sends may arrive in any order.
    expect(mails.map((m) => `${m.subject} → ${(m.to as { text: string }).text}`).sort()).toEqual([
      `Tiếp nhận hồ sơ ${code} → tuyet.nt@example.vn`,
      `Yêu cầu bổ sung hồ sơ ${code} → tuyet.nt@example.vn`,
      `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code} → tuyet.nt@example.vn`,
      `Hồ sơ ${code} được giao cho đồng chí xử lý → minh.vd@giaothuy.example.vn`,
      `Hồ sơ ${code} đã có kết quả → tuyet.nt@example.vn`,
    ].sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(5);
    const text = (subject: string) => mails.find((m) => m.subject?.startsWith(subject))?.text ?? '';
    const [receivedMail, supplementMail, apologyMail, assignedMail, resultMail] = [
      text('Tiếp nhận'), text('Yêu cầu bổ sung'), text('Thư xin lỗi'), text(`Hồ sơ ${code} được giao`), text(`Hồ sơ ${code} đã có kết quả`),
    ];
    expect(receivedMail).toContain('Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết');
    expect(receivedMail).toContain('Thời gian hẹn trả kết quả: 10/03/2025 09:00');
    expect(receivedMail).toContain(`https://motcua.example.vn/tra-cuu/${code}`);
    expect(supplementMail).toContain('1. Bản sao Giấy khai sinh có chứng thực\n2. Tờ khai có chữ ký của hai bên');
    expect(apologyMail).toContain('Thời gian hẹn trả kết quả mới: 20/03/2025 16:30');
    expect(assignedMail).toContain('Đỗ Văn Hùng đã giao đồng chí xử lý hồ sơ');
    expect(assignedMail).toContain(`https://motcua.example.vn/console/ho-so/${id}`);
    expect(resultMail).toContain('Cách nhận kết quả: nhận tại Bộ phận Một cửa.');
    const sent = await t.database.db.selectFrom('notifications').select(['status', 'channel']).where('dossier_id', '=', id).execute();
    expect(sent.filter((r) => r.channel === 'email').map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('tells the applicant of a withdrawal and of refusals, at the counter and after processing', async () => {
    now = at('2025-03-10T09:00:00+07:00');
    const withdrawn = (await officer.post('/api/v1/dossiers', intake())).json() as { id: number };
    await act(officer, withdrawn.id, 'withdraw', { note: 'Người nộp đề nghị dừng' });
    expect(summary(await outbox(withdrawn.id))).toEqual([
      'dossier_received email tuyet.nt@example.vn', 'dossier_received sms 0912 345 678',
      'withdrawn email tuyet.nt@example.vn', 'withdrawn sms 0912 345 678',
    ]);

    const refusedRes = await officer.post('/api/v1/dossiers', intake({ decision: 'refuse', reasons: ['Không thuộc thẩm quyền của UBND xã'] }));
    expect(refusedRes.statusCode, refusedRes.body).toBe(201);
    const refused = await outbox(refusedRes.json().id);
    expect(summary(refused)).toEqual(['refused email tuyet.nt@example.vn', 'refused sms 0912 345 678']);
    expect(refused[0]!.variables.reasons).toBe('1. Không thuộc thẩm quyền của UBND xã');

    const incomplete = await officer.post('/api/v1/dossiers', intake({ decision: 'request_completion', reasons: ['Thiếu tờ khai'], components: [{ index: 0, received: false }] }));
    expect(incomplete.statusCode, incomplete.body).toBe(201);
    expect(summary(await outbox(incomplete.json().id))).toEqual(['supplement_requested email tuyet.nt@example.vn', 'supplement_requested sms 0912 345 678']);
  });

  it('adds nothing for an action that is refused or rolled back', async () => {
    now = at('2025-03-11T09:00:00+07:00');
    const d = (await officer.post('/api/v1/dossiers', intake({ applicant: { kind: 'citizen', name: 'Lê Văn Đức', email: 'duc.lv@example.vn' } }))).json() as { id: number };
    await act(officer, d.id, 'transfer');
    const before = (await outbox(d.id)).length;
    // Not allowed from this status: nothing is written.
    expect((await officer.post(`/api/v1/dossiers/${d.id}/actions`, { action: 'receive' })).statusCode).toBe(409);
    // Accepted, then the surrounding transaction fails: the message goes with it.
    const leaderUser = await t.database.db.selectFrom('users').select('id').where('username', '=', 'lanhdao.giaothuy').executeTakeFirstOrThrow();
    const agency = await t.database.db.selectFrom('agencies').select(['id', 'path']).where('code', '=', '000.41.00.H40').executeTakeFirstOrThrow();
    const actor = { kind: 'staff' as const, userId: leaderUser.id, username: 'lanhdao.giaothuy', assignments: [{ role: 'leader' as const, agencyId: agency.id, agencyPath: agency.path }] };
    now = at('2025-03-19T09:00:00+07:00'); // past its appointment (18/03 09:00): the apology is warranted
    await expect(t.database.db.transaction().execute(async (tx) => {
      await performAction({ actor }, d.id, { action: 'apologize', note: 'Chậm', newDueAt: '2025-03-28T17:00:00+07:00' }, { ...t.deps, db: tx });
      expect(summary(await outboxIn(tx, d.id))).toContain('apology email duc.lv@example.vn');
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await outbox(d.id)).length).toBe(before);
  });

  const outboxIn = async (db: TestApp['database']['db'], dossierId: number) =>
    (await db.selectFrom('notifications').select(['kind', 'channel', 'recipient_kind', 'destination', 'locale', 'user_id', 'citizen_id', 'variables'])
      .where('dossier_id', '=', dossierId).execute()) as OutboxRow[];

  it('honours the preferences of the citizen account that filed the dossier', async () => {
    now = at('2025-03-12T09:00:00+07:00');
    const an = await t.signInCitizen('036090001234');
    const citizen = await t.database.db.selectFrom('citizens').select('id').where('personal_id', '=', '036090001234').executeTakeFirstOrThrow();
    // No e-mail, but chat, in English.
    await t.database.db.insertInto('citizen_notification_preferences').values({
      citizen_id: citizen.id, email: false, sms: true, chat: true, chat_id: 'zalo-an-01', locale: 'en', updated_at: new Date(now),
    }).execute();
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const uploaded = (await an.request('POST', '/api/v1/public/files', file.payload, file.headers)).json() as { id: string; uploadToken: string };
    const submitted = await an.post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40',
      // The dossier repeats the account's e-mail (turned off) and its verified phone.
      applicant: { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: '036090001234', email: 'AN.NGUYEN@example.vn', phone: '0912345678' },
      components: [{ index: 0, fileIds: [uploaded.id] }], uploadTokens: { [uploaded.id]: uploaded.uploadToken },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id as number;
    expect(await outbox(id)).toEqual([]);
    await act(officer, id, 'receive');
    const rows = await outbox(id);
    expect(summary(rows).sort()).toEqual(['dossier_received chat zalo-an-01', 'dossier_received sms 0912345678']);
    for (const r of rows) expect(r).toMatchObject({ recipient_kind: 'citizen', citizen_id: citizen.id, locale: 'en' });

    // Without a preferences row: e-mail and SMS to the account, one message per address.
    await t.database.db.deleteFrom('citizen_notification_preferences').where('citizen_id', '=', citizen.id).execute();
    await act(officer, id, 'transfer');
    await act(specialist, id, 'request_supplement', { reasons: ['Bổ sung ảnh chân dung'] });
    const asked = (await outbox(id)).filter((r) => r.kind === 'supplement_requested');
    expect(summary(asked).sort()).toEqual(['supplement_requested email an.nguyen@example.vn', 'supplement_requested sms 0912345678']);
    for (const r of asked) expect(r).toMatchObject({ recipient_kind: 'citizen', locale: 'vi' });
  });
});
