/**
 * The rules around the lifecycle: refused transitions (wrong status, wrong role, wrong agency),
 * the clock after supplements and suspensions, apologies, withdrawal, idempotent retries, online
 * submission and reception, and bad input that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf, samplePng } from '../support/multipart.ts';
import { qrCodes } from '../support/pdf-tools.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('dossier rules on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let otherOfficer: Agent;
  let otherLeader: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    otherOfficer = await t.signIn('canbo.giaominh');
    otherLeader = await t.signIn('lanhdao.giaominh');
  });
  afterAll(async () => t?.close());

  const marriage = (extra: Record<string, unknown> = {}) => ({
    procedureCode: '1.000894',
    applicant: { name: 'Lê Văn Đức', idNumber: '036085001111', phone: '0987654321' },
    components: [{ index: 0, received: true }],
    ...extra,
  });
  const receive = async (body = marriage()) => {
    const res = await officer.post('/api/v1/dossiers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string; dueAt: string };
  };
  const act = (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body }, headers);
  const eventCount = async (id: number) => (await t.database.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', id).execute()).length;

  it('numbers the dossiers of a day in sequence, with more than four digits after the 9 999th (the code is made in the insert)', async () => {
    now = at('2025-03-04T09:00:00+07:00');
    const first = await receive();
    const second = await receive();
    expect(first.code).toMatch(/^[\w.]+-250304-\d{4}$/);
    const sequence = (code: string) => Number(code.slice(code.lastIndexOf('-') + 1));
    expect(sequence(second.code)).toBe(sequence(first.code) + 1);
    const agency = (await t.database.db.selectFrom('dossiers').select('agency_id').where('id', '=', second.id).executeTakeFirstOrThrow()).agency_id;
    await t.database.db.updateTable('dossier_code_counters').set({ last_value: 9_998 }).where('agency_id', '=', agency).where('local_date', '=', '2025-03-04').execute();
    const codes = [(await receive()).code, (await receive()).code];
    const prefix = first.code.slice(0, first.code.lastIndexOf('-') + 1);
    expect(codes).toEqual([`${prefix}9999`, `${prefix}10000`]);
  });

  it('refuses an action from a status that does not allow it, and writes nothing', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    const res = await act(specialist, d.id, 'forward');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'dossier.transition_not_allowed' });
    expect(res.json().messages.vi).toMatch(/Không thể thực hiện/);
    const returnEarly = await act(officer, d.id, 'return_result');
    expect(returnEarly.statusCode).toBe(409);
    expect(await eventCount(d.id)).toBe(2);
  });

  it('refuses an action to a role that may not take it', async () => {
    const d = await receive();
    expect((await act(specialist, d.id, 'transfer')).statusCode).toBe(403);
    expect((await act(officer, d.id, 'transfer')).statusCode).toBe(200);
    expect((await act(officer, d.id, 'forward')).statusCode).toBe(403);
    expect((await act(specialist, d.id, 'reject', { reasons: ['x'] })).statusCode).toBe(403);
    expect(await eventCount(d.id)).toBe(3);
  });

  it('refuses staff of another commune as if the dossier did not exist', async () => {
    const d = await receive();
    for (const [agent, action] of [[otherOfficer, 'transfer'], [otherLeader, 'pause']] as const) {
      const res = await act(agent, d.id, action, { note: 'x' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('dossier.not_found');
    }
    expect(await eventCount(d.id)).toBe(2);
  });

  it('stops the clock while a supplement is awaited and moves the appointment by the pause', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    expect(Date.parse(d.dueAt)).toBe(at('2025-03-10T09:00:00+07:00'));
    await act(officer, d.id, 'transfer');
    now = at('2025-03-04T09:00:00+07:00');
    const asked = await act(specialist, d.id, 'request_supplement', { reasons: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'] });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'supplement_requested', nationalStatus: 5, clock: { state: 'stopped' } });
    const pub = (await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json();
    expect(pub.supplementRequest).toMatchObject({ items: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'] });
    // Two working days later the applicant brings the paper: the appointment moves by two working days.
    now = at('2025-03-06T09:00:00+07:00');
    const scan = multipartFile('giay-xac-nhan.pdf', samplePdf, 'application/pdf');
    const fileId = (await officer.request('POST', '/api/v1/files', scan.payload, scan.headers)).json().id;
    const back = (await act(officer, d.id, 'receive_supplement', { fileIds: [fileId] })).json();
    expect(back.files).toEqual([expect.objectContaining({ id: fileId, name: 'giay-xac-nhan.pdf', purpose: 'supplement' })]);
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json().supplementRequest).toBeNull();
    expect(back).toMatchObject({ status: 'processing', clock: { state: 'running' } });
    expect(Date.parse(back.clock.dueAt)).toBe(at('2025-03-12T09:00:00+07:00'));
    // The appointment printed on the receipt is never recomputed.
    expect(Date.parse(back.dueAt)).toBe(at('2025-03-10T09:00:00+07:00'));
    expect(back.forms).toContain('02');
  });

  it('stops the clock during a suspension decided by the leader', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    await act(officer, d.id, 'transfer');
    expect((await act(leader, d.id, 'pause')).statusCode).toBe(400);
    now = at('2025-03-03T13:00:00+07:00');
    expect((await act(leader, d.id, 'pause', { note: 'Chờ kết quả xác minh của cơ quan công an' })).json().status).toBe('paused');
    now = at('2025-03-04T13:00:00+07:00');
    const resumed = (await act(leader, d.id, 'resume')).json();
    expect(Date.parse(resumed.clock.dueAt)).toBe(at('2025-03-11T09:00:00+07:00'));
  });

  it('classifies a late result as overdue even after an apology with a new date', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    await act(officer, d.id, 'transfer');
    now = at('2025-03-07T09:00:00+07:00');
    const apology = await act(leader, d.id, 'apologize', { note: 'Cần xác minh thêm', newDueAt: '2025-03-14T17:00:00+07:00' });
    expect(apology.statusCode, apology.body).toBe(200);
    expect(apology.json().apologyDueAt).toBe('2025-03-14T17:00:00+07:00');
    expect(apology.json().forms).toContain('04');
    const again = await act(leader, d.id, 'apologize', { note: 'again', newDueAt: '2025-03-20T17:00:00+07:00' });
    expect(again.statusCode).toBe(409);
    now = at('2025-03-12T10:00:00+07:00');
    await act(specialist, d.id, 'forward');
    const resolved = (await act(leader, d.id, 'resolve')).json();
    expect(resolved.resultClass).toBe('overdue');
    const pub = (await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json();
    // A late result is classified once and for all; "overdue" in lists means waiting past the appointment.
    expect(pub).toMatchObject({ newDueAt: '2025-03-14T17:00:00+07:00', clock: { state: 'closed', timeliness: 'resolved_overdue', overdue: false } });
  });

  it('offers and takes the apology of a same-day dossier only once it cannot make its appointment', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive({
      procedureCode: '2.000815', applicant: { name: 'Lê Văn Đức', idNumber: '036085001111', phone: '0987654321' },
      components: [{ index: 0, received: true }, { index: 1, received: true }],
    });
    await act(officer, d.id, 'transfer');
    now = at('2025-03-03T09:05:00+07:00');
    const offered = async () => ((await leader.get(`/api/v1/dossiers/${d.id}`)).json().allowedActions as Array<{ action: string }>).map((a) => a.action);
    expect(await offered()).not.toContain('apologize');
    const early = await act(leader, d.id, 'apologize', { note: 'Chậm', newDueAt: '2025-03-04T17:00:00+07:00' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({ code: 'dossier.transition_not_allowed', messages: { vi: expect.stringContaining('chưa quá hạn'), en: expect.stringContaining('not late') } });
    // The next morning the same-day appointment (17:00) has passed.
    now = at('2025-03-04T08:30:00+07:00');
    expect(await offered()).toContain('apologize');
    const late = await act(leader, d.id, 'apologize', { note: 'Chậm do xác minh', newDueAt: '2025-03-04T17:00:00+07:00' });
    expect(late.statusCode, late.body).toBe(200);
  });

  it('stops processing at the applicant’s request (form 05) and refuses further steps', async () => {
    const d = await receive();
    const stopped = await act(officer, d.id, 'withdraw', { note: 'Người nộp đề nghị dừng' });
    expect(stopped.json()).toMatchObject({ status: 'withdrawn', nationalStatus: 8 });
    expect(stopped.json().forms).toContain('05');
    expect((await act(officer, d.id, 'transfer')).statusCode).toBe(409);
  });

  it('refuses at intake with reasons (form 03), and asks to complete (form 02) without starting the clock', async () => {
    const refused = await officer.post('/api/v1/dossiers', marriage({ decision: 'refuse', reasons: ['Không thuộc thẩm quyền của UBND xã'] }));
    expect(refused.statusCode).toBe(201);
    expect(refused.json()).toMatchObject({ status: 'refused', nationalStatus: 3, receivedAt: null, dueAt: null, forms: ['03'] });
    const incomplete = await officer.post('/api/v1/dossiers', marriage({ decision: 'request_completion', reasons: ['Thiếu tờ khai'], components: [] }));
    expect(incomplete.json()).toMatchObject({ status: 'draft', receivedAt: null, clock: { state: 'not_started' }, forms: ['02'] });
    const noReason = await officer.post('/api/v1/dossiers', marriage({ decision: 'refuse' }));
    expect(noReason.statusCode).toBe(400);
  });

  it('creates one dossier for a retried intake with the same Idempotency-Key, and refuses the key for another body', async () => {
    const before = await t.database.db.selectFrom('dossiers').select('id').execute();
    const headers = { 'idempotency-key': 'intake-4f1c2a' };
    const first = await officer.post('/api/v1/dossiers', marriage(), headers);
    const second = await officer.post('/api/v1/dossiers', marriage(), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().code).toBe(first.json().code);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const after = await t.database.db.selectFrom('dossiers').select('id').execute();
    expect(after.length).toBe(before.length + 1);
    const conflict = await officer.post('/api/v1/dossiers', marriage({ sets: 2 }), headers);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('request.idempotency_conflict');
    const actionKey = { 'idempotency-key': 'transfer-9d8e' };
    const id = first.json().id;
    expect((await act(officer, id, 'transfer', {}, actionKey)).statusCode).toBe(200);
    expect((await act(officer, id, 'transfer', {}, actionKey)).statusCode).toBe(200);
    expect(await eventCount(id)).toBe(3);
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('dossiers').select('id').execute()).length;
    const before = await count();
    const unknown = await officer.post('/api/v1/dossiers', marriage({ procedureCode: '9.999999' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'procedure.not_found', issues: [{ path: 'procedureCode' }] });
    const missing = await officer.post('/api/v1/dossiers', marriage({ components: [] }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('dossier.missing_components');
    expect(missing.json().messages.vi).toContain('Tờ khai đăng ký kết hôn');
    const notHere = await t.signIn('canbo.tuphap');
    const wrongLevel = await notHere.post('/api/v1/dossiers', marriage());
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().code).toBe('procedure.not_implemented_here');
    const badApplicant = await officer.post('/api/v1/dossiers', marriage({ applicant: { name: '', idNumber: '12' } }));
    expect(badApplicant.statusCode).toBe(400);
    expect(badApplicant.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.applicant.idNumber', 'body.applicant.name']);
    expect(await count()).toBe(before);
    // Any code an earlier system may have printed is a code (not found here); other text is not one.
    for (const unknown of ['abc', '000.41.00.H40-251399-0001']) {
      expect((await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(unknown)}`)).json().code, unknown).toBe('dossier.not_found');
    }
    for (const bad of ["x' OR 1=1 --", 'HỒ SƠ 1']) {
      const res = await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('dossier.invalid_code');
    }
    expect((await t.anonymous().get('/api/v1/public/dossiers/000.41.00.H40-250101-0001')).statusCode).toBe(404);
  });

  it('checks uploads: refuses a disguised file and an oversized one, keeps a real scan', async () => {
    const filesBefore = (await t.database.db.selectFrom('files').select('id').execute()).length;
    const disguised = multipartFile('to-khai.pdf', Buffer.from('MZ\x90\x00 this is an executable'), 'application/pdf');
    const r1 = await officer.request('POST', '/api/v1/files', disguised.payload, disguised.headers);
    expect(r1.statusCode).toBe(415);
    expect(r1.json().code).toBe('file.unsupported_type');
    const mismatched = multipartFile('anh.pdf', samplePng, 'application/pdf');
    expect((await officer.request('POST', '/api/v1/files', mismatched.payload, mismatched.headers)).statusCode).toBe(415);
    const big = multipartFile('lon.pdf', Buffer.concat([samplePdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]), 'application/pdf');
    const r3 = await officer.request('POST', '/api/v1/files', big.payload, big.headers);
    expect(r3.statusCode).toBe(413);
    expect(r3.json().code).toBe('file.too_large');
    const traversal = multipartFile('../../etc/giấy tờ.pdf', samplePdf, 'application/pdf');
    const ok = await officer.request('POST', '/api/v1/files', traversal.payload, traversal.headers);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'giấy tờ.pdf', mediaType: 'application/pdf' });
    expect((await t.database.db.selectFrom('files').select('id').execute()).length).toBe(filesBefore + 1);
    const download = await officer.get(`/api/v1/files/${ok.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
    expect((await otherOfficer.get(`/api/v1/files/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('takes an online submission, which an officer receives from the inbox to start the clock', async () => {
    now = at('2025-03-05T20:00:00+07:00');
    const citizen = t.anonymous();
    const file = multipartFile('to-khai-ket-hon.pdf', samplePdf, 'application/pdf');
    const up = await citizen.request('POST', '/api/v1/public/files', file.payload, file.headers);
    expect(up.statusCode).toBe(201);
    const { id: fileId, uploadToken } = up.json();
    const body = {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40',
      applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [fileId] }], uploadTokens: { [fileId]: uploadToken },
    };
    const stolen = await citizen.post('/api/v1/public/dossiers', { ...body, uploadTokens: { [fileId]: 'guess' } });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().code).toBe('file.not_claimable');
    const submitted = await citizen.post('/api/v1/public/dossiers', body);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { code } = submitted.json();
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${code}`)).json()).toMatchObject({ status: 'submitted', nationalStatus: 1, receivedAt: null });
    const inbox = (await officer.get('/api/v1/dossiers?view=inbox&status=submitted')).json();
    const item = inbox.items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ channel: 'online', status: 'submitted' });
    now = at('2025-03-06T08:30:00+07:00');
    const received = (await act(officer, item.id, 'receive')).json();
    expect(received).toMatchObject({ status: 'received', digitized: true });
    expect(Date.parse(received.receivedAt)).toBe(now);
    expect(Date.parse(received.dueAt)).toBe(at('2025-03-13T08:30:00+07:00'));
  });

  it('lets the applicant rate a dossier once it has a result, once', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    // The rating QR code of form 01 carries the applicant's one-time token (rating-proofs.test.ts).
    const ratingToken = qrCodes((await officer.get(`/api/v1/dossiers/${d.id}/forms/01`)).rawPayload).find((c) => c.includes('/danh-gia/'))!.split('#')[1];
    expect((await t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating`, { score: 5, ratingToken })).statusCode).toBe(409);
    await act(officer, d.id, 'transfer');
    await act(specialist, d.id, 'forward');
    await act(leader, d.id, 'resolve');
    const rated = await t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating`, { score: 5, comment: 'Cán bộ hướng dẫn tận tình', ratingToken });
    expect(rated.statusCode).toBe(201);
    expect((await t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating`, { score: 1, ratingToken })).json().code).toBe('rating.already_rated');
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${d.code}`)).json().rated).toBe(true);
  });

  it('puts what waits for each role in their inbox, most urgent first', async () => {
    const inbox = async (agent: Agent) => (await agent.get('/api/v1/dossiers?view=inbox&limit=200')).json().items as Array<{ status: string; stepRole: string | null; clockDueAt: string | null }>;
    const forSpecialist = await inbox(specialist);
    expect(forSpecialist.length).toBeGreaterThan(0);
    expect(forSpecialist.every((i) => i.status === 'processing' && i.stepRole === 'specialist')).toBe(true);
    const forOfficer = await inbox(officer);
    expect(forOfficer.every((i) => ['submitted', 'received', 'supplement_requested', 'resolved', 'rejected'].includes(i.status) || i.stepRole === 'officer')).toBe(true);
    const dues = forOfficer.map((i) => i.clockDueAt).filter((d): d is string => d !== null).map(Date.parse);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});
