/**
 * Feedback and petitions (docs/rules/service-quality.md, "Feedback and petitions") on an injected
 * clock: the public contract of docs/rules/service-quality.md (201 with the code, the receipt and the due instant,
 * counted with the domain's clock, and one case written out); answered on the 10th working day
 * before Tết on time and on the 11th, after it, late; a pause that moves the due instant; the
 * answer published without the sender's personal data; complaints refused; the sender's own view;
 * another unit kept out; the leader told once of late feedback; the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  feedbackDueAt, feedbackFigures, formatInstant, isFeedbackCode, parseInstant, reportInstants, type FeedbackFigureFacts, type PlainDate,
} from '@motcua/domain';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { feedbackEscalationJob } from '../../src/modules/feedback/feedback.jobs.ts';

const root = '000.00.00.H40';
const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';
const vn = (local: string) => new Date(parseInstant(`${local}:00+07:00`));

describe.each(databaseKinds)('feedback and petitions on %s', (kind) => {
  let t: TestApp;
  let now = vn('2026-02-02T08:00');
  let ip = 0;
  let aId: string;
  /** Staff sessions last 30 days at most and the clock here spans months: one sign-in per person and month. */
  const sessions = new Map<string, Promise<Agent>>();
  const as = (username: string): Promise<Agent> => {
    const key = `${username} ${formatInstant(now.getTime()).slice(0, 7)}`;
    if (!sessions.has(key)) sessions.set(key, t.signIn(username));
    return sessions.get(key)!;
  };
  const staff = (username: string): Agent => {
    const agent: Agent = {
      cookies: {}, csrfToken: undefined,
      request: async (method, url, body, headers) => (await as(username)).request(method, url, body, headers),
      get: async (url) => (await as(username)).get(url),
      post: async (url, body, headers) => (await as(username)).post(url, body, headers),
    };
    return agent;
  };
  const officer = staff('canbo.giaothuy');
  const specialist = staff('chuyenvien.giaothuy');
  const leader = staff('lanhdao.giaothuy');
  const officerB = staff('canbo.giaominh');
  const manager = staff('quanly.tinh');

  const at = (local: string) => {
    now = vn(local);
  };
  /** A public submission from an address of its own (the route allows 10 a minute per address). */
  const submit = (body: Record<string, unknown>, agent: Agent = t.anonymous(), address = `203.0.113.${++ip}`) =>
    agent.post('/api/v1/public/feedback', body, { 'x-forwarded-for': address });
  const step = (agent: Agent, id: string, action: string, extra: Record<string, unknown> = {}) => agent.post(`/api/v1/feedback/${id}/actions`, { action, ...extra });
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  const idOf = async (code: string) => (await t.database.db.selectFrom('feedback').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const calendarOf = async (agencyCode: string) => (await t.deps.calendars.current()).forAgency(await t.agencyId(agencyCode));
  /** Received at the portal for commune A and assigned there; its id. */
  const assigned = async (receivedLocal: string, body: Record<string, unknown> = {}) => {
    at(receivedLocal);
    const sent = await ok(submit({ title: 'Đường liên thôn bị sụt lún', content: 'Đề nghị sửa đường.', agency: communeA, publish: false, ...body }), 201);
    const id = await idOf(sent.code);
    await ok(step(officer, id, 'assign'));
    return { id, code: sent.code as string };
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now, config: { SESSION_TTL_HOURS: '720', TRUST_PROXY: 'true' } });
    aId = await t.agencyId(communeA);
    await t.database.db.updateTable('users').set({ email: 'hung.dv@giaothuy.example.vn' }).where('username', '=', 'lanhdao.giaothuy').execute();
  });
  afterAll(async () => t?.close());

  describe('the public contract (docs/rules/service-quality.md)', () => {
    it('answers 201 with the code, the receipt and receipt + 10 working days on the root agency’s calendar when no agency is named', async () => {
      at('2026-02-02T08:00');
      const res = await submit({ title: 'Thủ tục cấp phép còn rườm rà', content: 'Đề nghị đơn giản hóa.', sender: { name: 'Trần Văn Bình' }, publish: true });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['agency', 'code', 'dueAt', 'receivedAt', 'refusal', 'securityCode', 'status', 'statusUrl']);
      expect(isFeedbackCode(body.code)).toBe(true);
      expect(body.code).toMatch(/^PAKN-260202-/);
      expect(body.receivedAt).toBe('2026-02-02T08:00:00+07:00');
      expect(body.dueAt).toBe(formatInstant(feedbackDueAt(await calendarOf(root), now.getTime())));
      // Written out: Mon 2 Feb 2026 08:00 + 10 working days = 2–6 and 9–13 Feb, Fri 13 Feb 17:00 (the last working day before Tết).
      expect(body.dueAt).toBe('2026-02-13T17:00:00+07:00');
      expect(body).toMatchObject({ status: 'received', agency: { code: root }, refusal: null, statusUrl: expect.stringMatching(new RegExp(`/phan-anh/${body.code}$`)) });
      expect(body.securityCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    });

    it('counts on the named agency’s calendar, from the next working period when sent out of hours', async () => {
      at('2026-02-06T20:15');
      const body = await ok(submit({ title: 'Góp ý', content: 'Nội dung', agency: communeA, publish: false }), 201);
      expect(body.agency.code).toBe(communeA);
      expect(body.dueAt).toBe(formatInstant(feedbackDueAt(await calendarOf(communeA), now.getTime())));
      // Counted from Mon 9 Feb 08:00: 9–13 Feb, Tết 14–22 Feb, 23–27 Feb.
      expect(body.dueAt).toBe('2026-02-27T17:00:00+07:00');
    });

    it('refuses an unknown agency and a body without the consent flag; nothing is written', async () => {
      const before = await t.database.db.selectFrom('feedback').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const unknown = await submit({ title: 'x', content: 'y', agency: '999.99.99.H99', publish: false });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('agency.not_found');
      const invalid = await submit({ title: 'x', content: 'y' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().issues.map((i: { path: string }) => i.path)).toContain('body.publish');
      const after = await t.database.db.selectFrom('feedback').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('creates nothing twice when retried with the same Idempotency-Key', async () => {
      at('2026-02-02T10:00');
      const body = { title: 'Gửi lại', content: 'Mạng chập chờn', agency: communeA, publish: false };
      const first = await ok(submit(body, t.anonymous(), '203.0.113.200'), 201);
      const again = await t.anonymous().post('/api/v1/public/feedback', body, { 'x-forwarded-for': '203.0.113.201', 'idempotency-key': 'retry-1' });
      const retried = await t.anonymous().post('/api/v1/public/feedback', body, { 'x-forwarded-for': '203.0.113.201', 'idempotency-key': 'retry-1' });
      expect(again.statusCode).toBe(201);
      expect(retried.json().code).toBe(again.json().code);
      expect(again.json().code).not.toBe(first.code);
      expect(await t.database.db.selectFrom('feedback').select('id').where('title', '=', 'Gửi lại').execute()).toHaveLength(2);
    });

    it('is rate-limited per address like the other public posts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await submit({ title: 'x', content: 'y' }, t.anonymous(), '198.51.100.7')).statusCode);
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('shows the status by code (typed loosely), and nothing of the text before publication', async () => {
      at('2026-02-02T09:00');
      const sent = await ok(submit({ title: 'Bí mật của tôi', content: 'Nội dung riêng', agency: communeA, publish: false }), 201);
      const res = await t.anonymous().get(`/api/v1/public/feedback/${sent.code.toLowerCase()}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ code: sent.code, status: 'received', agency: { code: communeA }, dueAt: sent.dueAt, publication: null, own: null, answeredAt: null });
      expect(res.body).not.toContain('Bí mật');
      expect((await t.anonymous().get('/api/v1/public/feedback/khong-phai-ma')).json().code).toBe('feedback.invalid_code');
      expect((await t.anonymous().get('/api/v1/public/feedback/PAKN-260202-222222')).statusCode).toBe(404);
    });

    it('lets the sender read their own text with the security code, and audits a wrong one', async () => {
      at('2026-02-02T09:30');
      const sent = await ok(submit({ title: 'Của tôi', content: 'Chỉ tôi đọc', agency: communeA, publish: false }), 201);
      const mine = await ok(t.anonymous().post(`/api/v1/public/feedback/${sent.code}/view`, { securityCode: sent.securityCode.toLowerCase().replace(/-/g, ' ') }));
      expect(mine.own).toMatchObject({ title: 'Của tôi', content: 'Chỉ tôi đọc', answer: null });
      const wrong = await t.anonymous().post(`/api/v1/public/feedback/${sent.code}/view`, { securityCode: 'AAAA-BBBB-CCCC-DDDD' });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().code).toBe('feedback.access_denied');
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', sent.code).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['feedback.receive', 'feedback.view_refused']);
    });

    it('links a signed-in citizen’s feedback to them: they see it, another citizen does not', async () => {
      at('2026-02-03T10:00');
      const an = await t.signInCitizen('036090001234');
      const sent = await ok(submit({ title: 'Phản ánh của An', content: 'Nội dung', agency: communeA, sender: { name: 'Nguyễn Văn An' }, publish: false }, an), 201);
      const row = await t.database.db.selectFrom('feedback').select(['citizen_id', 'channel']).where('code', '=', sent.code).executeTakeFirstOrThrow();
      expect(row.citizen_id).not.toBeNull();
      expect(row.channel).toBe('portal');
      expect((await ok(an.get(`/api/v1/public/feedback/${sent.code}`))).own).toMatchObject({ title: 'Phản ánh của An' });
      const other = await t.signInCitizen('036085009012');
      expect((await ok(other.get(`/api/v1/public/feedback/${sent.code}`))).own).toBeNull();
      expect((await ok(an.get('/api/v1/citizen/feedback'))).items.map((i: { code: string }) => i.code)).toContain(sent.code);
      expect((await ok(other.get('/api/v1/citizen/feedback'))).items.map((i: { code: string }) => i.code)).not.toContain(sent.code);
    });
  });

  describe('on time and late across Tết', () => {
    it('is on time answered on the 10th working day and late on the 11th, the first after Tết', async () => {
      // Both received Mon 2 Feb 2026 08:00; due Fri 13 Feb 17:00; Tết is 14–22 Feb 2026.
      const onTime = await assigned('2026-02-02T08:00');
      const late = await assigned('2026-02-02T08:00');
      at('2026-02-13T16:00');
      const answered = await ok(step(specialist, onTime.id, 'answer', { answer: 'Xã sẽ sửa trong tháng 3.' }));
      expect(answered).toMatchObject({ status: 'answered', onTime: true, overdue: false, dueAt: '2026-02-13T17:00:00+07:00' });
      at('2026-02-23T08:30');
      const list = await ok(officer.get('/api/v1/feedback?overdue=true&limit=200'));
      expect(list.items.map((i: { id: string }) => i.id)).toContain(late.id);
      const lateAnswer = await ok(step(specialist, late.id, 'answer', { answer: 'Xã sẽ sửa trong tháng 3.' }));
      expect(lateAnswer).toMatchObject({ status: 'answered', onTime: false, overdue: false });
      expect(lateAnswer.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'assign', 'answer']);
      expect(lateAnswer.events[2].details).toMatchObject({ timeliness: 'late' });
    });

    it('moves the due instant by the working time of a pause while waiting for the sender', async () => {
      // Received Mon 2 Mar 2026 08:00: due Fri 13 Mar 17:00. Waiting from Wed 4 Mar 10:00 to Mon 9 Mar 10:00
      // (Wed 6 h + Thu 8 h + Fri 8 h + Mon 2 h = 3 working days): due Wed 18 Mar 17:00.
      const { id } = await assigned('2026-03-02T08:00');
      at('2026-03-04T10:00');
      const waiting = await ok(step(specialist, id, 'ask_sender', { note: 'Đề nghị cho biết vị trí cụ thể đoạn đường' }));
      expect(waiting).toMatchObject({ status: 'waiting_sender', waitingSince: '2026-03-04T10:00:00+07:00', dueAt: '2026-03-13T17:00:00+07:00' });
      expect((await step(specialist, id, 'answer', { answer: 'x' })).json().code).toBe('feedback.transition_not_allowed');
      at('2026-03-09T10:00');
      const resumed = await ok(step(specialist, id, 'resume', { note: 'Người gửi đã bổ sung qua điện thoại' }));
      expect(resumed).toMatchObject({ status: 'assigned', waitingSince: null, dueAt: '2026-03-18T17:00:00+07:00' });
      expect(resumed.dueAt).toBe(formatInstant(feedbackDueAt(await calendarOf(communeA), vn('2026-03-02T08:00').getTime(),
        [{ from: vn('2026-03-04T10:00').getTime(), to: vn('2026-03-09T10:00').getTime() }])));
      at('2026-03-17T09:00');
      expect(await ok(step(specialist, id, 'answer', { answer: 'Đã sửa.' }))).toMatchObject({ onTime: true });
    });

    it('is not overdue while it waits for its sender, unless it already was', async () => {
      const { id } = await assigned('2026-03-02T08:00');
      at('2026-03-05T09:00');
      await ok(step(specialist, id, 'ask_sender', { note: 'Xin thêm thông tin' }));
      at('2026-03-30T09:00');
      expect(await ok(officer.get(`/api/v1/feedback/${id}`))).toMatchObject({ overdue: false, status: 'waiting_sender' });
      const ids = (await ok(officer.get('/api/v1/feedback?overdue=true&limit=200'))).items.map((i: { id: string }) => i.id);
      expect(ids).not.toContain(id);
      const late = await assigned('2026-03-02T08:00');
      at('2026-03-16T09:00');
      await ok(step(specialist, late.id, 'ask_sender', { note: 'Xin thêm thông tin' }));
      at('2026-03-30T09:00');
      expect(await ok(officer.get(`/api/v1/feedback/${late.id}`))).toMatchObject({ overdue: true, status: 'waiting_sender' });
    });
  });

  describe('steps and refusals', () => {
    it('assigns to the competent unit, which then sees it, and keeps the due instant of the addressed agency', async () => {
      at('2026-04-01T09:00');
      const sent = await ok(submit({ title: 'Về cấp bản sao', content: 'Nội dung', publish: false }), 201);
      const id = await idOf(sent.code);
      // Received at the province (no agency named): the commune's officer does not see it yet.
      expect((await officer.get(`/api/v1/feedback/${id}`)).statusCode).toBe(404);
      const province = staff('quantri');
      expect((await province.get(`/api/v1/feedback/${id}`)).statusCode).toBe(403);
      const assignedTo = await ok(step(manager, id, 'assign', { agency: communeA, note: 'Chuyển xã xử lý' }));
      expect(assignedTo).toMatchObject({ status: 'assigned', agencyCode: communeA, dueAt: sent.dueAt });
      expect(assignedTo.events[1].details).toMatchObject({ agency: communeA, fromAgency: root });
      expect(await ok(officer.get(`/api/v1/feedback/${id}`))).toMatchObject({ code: sent.code });
      expect((await officerB.get(`/api/v1/feedback/${id}`)).statusCode).toBe(404);
    });

    it('refuses a complaint sent as one at once, with the way to its procedure', async () => {
      at('2026-04-01T10:00');
      const body = await ok(submit({ title: 'Khiếu nại quyết định xử phạt', content: 'Tôi không đồng ý', agency: communeA, publish: false, category: 'complaint' }), 201);
      expect(body.status).toBe('refused');
      expect(body.refusal).toMatchObject({ category: 'complaint', guidance: { vi: expect.stringContaining('Luật Khiếu nại') } });
      const status = await ok(t.anonymous().get(`/api/v1/public/feedback/${body.code}`));
      expect(status.refusal.category).toBe('complaint');
    });

    it('lets staff refuse a denunciation, requires the category, and allows nothing after', async () => {
      const { id } = await assigned('2026-04-02T09:00');
      expect((await step(officer, id, 'refuse')).statusCode).toBe(400);
      const refused = await ok(step(officer, id, 'refuse', { category: 'denunciation', note: 'Nội dung là tố cáo cán bộ' }));
      expect(refused).toMatchObject({ status: 'refused', category: 'denunciation', allowedActions: [], refusal: { category: 'denunciation' } });
      expect((await step(specialist, id, 'answer', { answer: 'x' })).json().code).toBe('feedback.transition_not_allowed');
    });

    it('answers only by specialists and leaders, offered as buttons', async () => {
      const { id } = await assigned('2026-04-03T09:00');
      expect((await ok(officer.get(`/api/v1/feedback/${id}`))).allowedActions).toEqual(['assign', 'ask_sender', 'refuse']);
      expect((await ok(specialist.get(`/api/v1/feedback/${id}`))).allowedActions).toEqual(['ask_sender', 'answer', 'refuse']);
      expect((await step(officer, id, 'answer', { answer: 'x' })).statusCode).toBe(403);
      expect((await step(specialist, id, 'answer')).statusCode).toBe(400);
    });

    it('takes in feedback by letter, counted from its arrival, and refuses another commune’s intake', async () => {
      at('2026-04-06T09:00');
      const letter = await ok(officer.post('/api/v1/feedback', {
        agencyId: aId, channel: 'letter', title: 'Thư phản ánh', content: 'Nội dung thư', sender: { name: 'Phạm Văn Cường', address: 'Xóm 3, xã Giao Thủy' },
        receivedAt: '2026-04-03T15:00:00+07:00',
      }), 201);
      expect(letter).toMatchObject({ channel: 'letter', status: 'received', receivedAt: '2026-04-03T15:00:00+07:00', sender: { name: 'Phạm Văn Cường' } });
      expect(letter.dueAt).toBe(formatInstant(feedbackDueAt(await calendarOf(communeA), vn('2026-04-03T15:00').getTime())));
      expect((await officerB.post('/api/v1/feedback', { agencyId: aId, channel: 'phone', title: 'x', content: 'y' })).statusCode).toBe(403);
      expect((await officer.post('/api/v1/feedback', { agencyId: aId, channel: 'phone', title: 'x', content: 'y', receivedAt: '2026-04-07T09:00:00+07:00' })).statusCode).toBe(400);
    });

    it('keeps another commune out of the list, the detail and the steps', async () => {
      const { id, code } = await assigned('2026-04-06T10:00');
      expect((await ok(officerB.get('/api/v1/feedback?limit=200'))).items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await officerB.get(`/api/v1/feedback/${id}`)).json().code).toBe('feedback.not_found');
      const res = await step(staff('lanhdao.giaominh'), id, 'refuse', { category: 'complaint' });
      expect(res.json().code).toBe('feedback.not_found');
      expect((await ok(manager.get(`/api/v1/feedback?q=${encodeURIComponent(code)}`))).items.map((i: { id: string }) => i.id)).toEqual([id]);
      expect((await t.database.db.selectFrom('feedback').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('assigned');
    });
  });

  describe('publication without personal data', () => {
    const sender = { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email: 'hoa.nguyen@example.vn', address: 'Số 45 đường Lê Lợi, xã Giao Thủy' };
    const content = 'Tôi là Nguyễn Thị Hoa, CCCD 036190001234, nhà ở số 45 đường Lê Lợi. Đường liên thôn từ xóm 2 ra quốc lộ bị sụt lún sau mưa. '
      + 'Xin liên hệ 0912345678 hoặc hoa.nguyen@example.vn.';

    it('previews the redacted text, publishes only with consent, and redacts what the officer sends again', async () => {
      at('2026-05-04T09:00');
      const sent = await ok(submit({ title: 'Đường liên thôn xóm 2 bị sụt lún', content, agency: communeA, sender, publish: true }), 201);
      const id = await idOf(sent.code);
      await ok(step(officer, id, 'assign'));
      at('2026-05-06T14:00');
      const answered = await ok(step(leader, id, 'answer', { answer: 'Kính gửi bà Nguyễn Thị Hoa: UBND xã đã kiểm tra và sẽ sửa chữa trong tháng 6/2026.' }));
      expect(answered.allowedActions).toContain('publish');
      expect(answered.preview.content).toBe('Tôi là [họ tên], CCCD [số định danh], nhà ở [địa chỉ]. Đường liên thôn từ xóm 2 ra quốc lộ bị sụt lún sau mưa. '
        + 'Xin liên hệ [số điện thoại] hoặc [email].');
      expect(answered.preview.answer).toBe('Kính gửi bà [họ tên]: UBND xã đã kiểm tra và sẽ sửa chữa trong tháng 6/2026.');
      expect(answered.preview.removed).toEqual({ name: 2, email: 1, address: 1, id_number: 1, phone: 1 });
      // The officer edits the answer and, by mistake, types the sender's phone again: it is removed.
      const published = await ok(step(officer, id, 'publish', { publication: { answer: 'UBND xã sẽ sửa chữa đoạn đường trong tháng 6/2026. Liên hệ chị Hoa: 0912.345.678.' } }));
      expect(published.publication.answer).toBe('UBND xã sẽ sửa chữa đoạn đường trong tháng 6/2026. Liên hệ chị [họ tên]: [số điện thoại].');
      expect(published.allowedActions).not.toContain('publish');
      expect((await step(officer, id, 'publish')).json().code).toBe('feedback.publish_not_allowed');

      const status = await ok(t.anonymous().get(`/api/v1/public/feedback/${sent.code}`));
      expect(status.publication).toMatchObject({ title: 'Đường liên thôn xóm 2 bị sụt lún' });
      const text = JSON.stringify(status);
      for (const personal of ['Hoa', '0912', '345', 'hoa.nguyen', '036190001234', 'Số 45', 'số 45']) expect(text, personal).not.toContain(personal);

      // Searched without diacritics, in the published text only.
      const found = await ok(t.anonymous().get('/api/v1/public/feedback?q=duong%20lien%20THON%20sut%20lun'));
      expect(found.items.map((i: { code: string }) => i.code)).toContain(sent.code);
      expect((await ok(t.anonymous().get('/api/v1/public/feedback?q=nguyen%20thi%20hoa'))).total).toBe(0);
      expect((await ok(t.anonymous().get('/api/v1/public/feedback?q=036190001234'))).total).toBe(0);
    });

    it('refuses to publish without the sender’s consent', async () => {
      const { id } = await assigned('2026-05-04T10:00', { publish: false });
      await ok(step(specialist, id, 'answer', { answer: 'Đã xử lý.' }));
      const detail = await ok(officer.get(`/api/v1/feedback/${id}`));
      expect(detail.preview).toBeNull();
      expect(detail.allowedActions).not.toContain('publish');
      expect((await step(officer, id, 'publish')).json().code).toBe('feedback.publish_not_allowed');
    });

    it('e-mails the answer to a sender who gave an e-mail address', async () => {
      const { id, code } = await assigned('2026-05-05T09:00', { sender: { name: 'Lê Văn Tám', email: 'tam.le@example.vn' } });
      at('2026-05-07T09:00');
      await ok(step(specialist, id, 'answer', { answer: 'Câu trả lời gửi ông Tám.' }));
      const mail = await t.database.db.selectFrom('notifications').select(['kind', 'channel', 'destination', 'recipient_kind', 'variables'])
        .where('kind', '=', 'feedback_answered').where('destination', '=', 'tam.le@example.vn').execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ channel: 'email', recipient_kind: 'applicant' });
      expect(mail[0]!.variables).toMatchObject({ code, answer: 'Câu trả lời gửi ông Tám.', answeredAt: '07/05/2026 09:00', link: expect.stringMatching(new RegExp(`/phan-anh/${code}$`)) });
    });
  });

  describe('late feedback goes to the unit’s leader once', () => {
    it('tells the leader on the first working day after the due instant, once, and nothing on a day off', async () => {
      // Received Fri 29 May 2026 09:00 at commune A: due Fri 12 Jun 09:00.
      const { id, code } = await assigned('2026-05-29T09:00');
      const { id: waitingId } = await assigned('2026-05-29T09:00');
      at('2026-06-03T09:00');
      await ok(step(specialist, waitingId, 'ask_sender', { note: 'Xin thêm thông tin' }));
      const notices = () => t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
        .select(['users.username', 'notifications.destination', 'notifications.variables'])
        .where('kind', '=', 'feedback_overdue').where(({ ref }) => ref('notifications.variables', '->>').key('code'), 'in', [code]).execute();
      expect(feedbackEscalationJob.cron).toBe('5 8-17 * * *');
      // At the due instant itself it is not late yet.
      await feedbackEscalationJob.run(t.deps, vn('2026-06-12T09:00'));
      expect(await notices()).toEqual([]);
      // Sat 13 Jun: a day off, nothing is sent.
      expect((await feedbackEscalationJob.run(t.deps, vn('2026-06-13T10:05'))).added).toBe(0);
      expect(await notices()).toEqual([]);
      // Mon 15 Jun 08:05: the leader of commune A is told, once.
      expect((await feedbackEscalationJob.run(t.deps, vn('2026-06-15T08:05'))).added).toBeGreaterThan(0);
      const sent = await notices();
      expect(sent.map((n) => `${n.username} ${n.destination}`)).toEqual(['lanhdao.giaothuy hung.dv@giaothuy.example.vn']);
      expect(sent[0]!.variables).toMatchObject({ dueAt: '12/06/2026 09:00', link: expect.stringMatching(new RegExp(`/console/phan-anh/${id}$`)) });
      expect((await feedbackEscalationJob.run(t.deps, vn('2026-06-15T09:05'))).added).toBe(0);
      expect((await feedbackEscalationJob.run(t.deps, vn('2026-06-16T08:05'))).added).toBe(0);
      expect(await notices()).toHaveLength(1);
      const waiting = await t.database.db.selectFrom('feedback').select('overdue_notified_at').where('id', '=', waitingId).executeTakeFirstOrThrow();
      expect(waiting.overdue_notified_at).toBeNull();
    });
  });

  describe('figures per unit and period', () => {
    it('counts received, answered on time and late, refused, pending and overdue — written out for August 2026 at commune B', async () => {
      const bId = await t.agencyId(communeB);
      const intake = async (receivedLocal: string, title: string) => {
        at(receivedLocal);
        const res = await ok(officerB.post('/api/v1/feedback', { agencyId: bId, channel: 'phone', title, content: 'Nội dung' }), 201);
        await ok(step(officerB, res.id, 'assign'));
        return res.id as string;
      };
      const answer = async (id: string, local: string) => {
        at(local);
        await ok(step(staff('lanhdao.giaominh'), id, 'answer', { answer: 'Trả lời.' }));
      };
      const f1 = await intake('2026-08-03T09:00', 'f1'); // due Mon 17 Aug 09:00
      await answer(f1, '2026-08-14T15:00'); // on time
      const f2 = await intake('2026-08-03T09:00', 'f2');
      await answer(f2, '2026-08-18T09:00'); // late
      const f3 = await intake('2026-07-21T09:00', 'f3'); // received in July, due Tue 4 Aug 09:00
      await answer(f3, '2026-08-05T09:00'); // late, answered in August
      const f4 = await intake('2026-08-10T09:00', 'f4');
      at('2026-08-10T10:00');
      await ok(step(officerB, f4, 'refuse', { category: 'complaint' })); // refused
      await intake('2026-08-10T09:00', 'f5'); // due Sat 22 Aug 09:00 (a make-up working day in 2026): overdue at the end
      await intake('2026-08-27T09:00', 'f6'); // 31 Aug – 2 Sep are days off: not due before the end
      const f7 = await intake('2026-08-03T09:00', 'f7');
      at('2026-08-05T09:00');
      await ok(step(officerB, f7, 'ask_sender', { note: 'Xin thêm thông tin' })); // waiting since before its due: not overdue
      await intake('2026-07-20T09:00', 'f8'); // open since July: overdue at the end
      await intake('2026-09-03T09:00', 'f9'); // after the period
      at('2026-10-01T09:00');
      const report = await ok(manager.get('/api/v1/feedback/figures?from=2026-08-01&to=2026-08-31'));
      const b = report.rows.find((r: { agencyCode: string }) => r.agencyCode === communeB);
      expect(b).toEqual({
        agencyId: bId, agencyCode: communeB, agencyName: expect.any(String),
        received: 6, answeredOnTime: 1, answeredLate: 2, refused: 1, pending: 4, pendingOverdue: 2, onTimeShare: 0.3333,
      });
      expect(report.period).toEqual({ from: '2026-08-01', to: '2026-08-31' });
      // Narrowed to commune B: the same row alone.
      const narrowed = await ok(manager.get(`/api/v1/feedback/figures?from=2026-08-01&to=2026-08-31&agency=${communeB}`));
      expect(narrowed.rows).toEqual([b]);
      expect(narrowed.total).toMatchObject({ received: 6, pendingOverdue: 2 });
    });

    it('agrees with the domain’s definition for every unit and in total, for a period not over (as of now)', async () => {
      const period = { from: '2026-02-01' as PlainDate, to: '2026-12-31' as PlainDate };
      at('2026-10-01T09:00');
      const report = await ok(manager.get(`/api/v1/feedback/figures?from=${period.from}&to=${period.to}`));
      expect(report.period).toEqual({ ...period, asOf: '2026-10-01T09:00:00+07:00' });
      const rows = await t.database.db.selectFrom('feedback').select(['agency_id', 'received_at', 'due_at', 'waiting_since', 'answered_at', 'refused_at']).execute();
      const window = reportInstants(period, now.getTime());
      const facts = (r: (typeof rows)[number]): FeedbackFigureFacts => ({
        receivedAt: r.received_at.getTime(), dueAt: r.due_at.getTime(), waitingSince: r.waiting_since?.getTime() ?? null,
        answeredAt: r.answered_at?.getTime() ?? null, refusedAt: r.refused_at?.getTime() ?? null,
      });
      expect(report.rows.length).toBeGreaterThanOrEqual(3);
      for (const row of report.rows) {
        expect(row, row.agencyCode).toMatchObject(feedbackFigures(rows.filter((r) => r.agency_id === row.agencyId).map(facts), window));
      }
      expect(report.total).toMatchObject(feedbackFigures(rows.map(facts), window));
      expect(report.total.answeredLate).toBeGreaterThan(0);
      expect(report.total.pendingOverdue).toBeGreaterThan(0);
    });

    it('lets a commune’s staff read only their own rows', async () => {
      const report = await ok(officerB.get('/api/v1/feedback/figures?from=2026-01-01&to=2026-12-31'));
      expect(report.rows.map((r: { agencyCode: string }) => r.agencyCode)).not.toContain(communeA);
      expect((await officerB.get(`/api/v1/feedback/figures?from=2026-01-01&to=2026-12-31&agency=${communeA}`)).json().code).toBe('agency.not_found');
      expect((await officerB.get(`/api/v1/feedback/figures?from=2026-01-01&to=2026-12-31&agency=${communeB}`)).statusCode).toBe(200);
    });
  });
});
