/**
 * Administrative-reform plans (docs/rules/reform-plans.md) through the API: a commune's manager
 * makes the year's plan and its tasks; the lead unit reports progress and the result with evidence
 * files from the checked files module; each task's state on a date follows the domain's rule (the
 * deadline day is still in time, a completion after it is late); who sees and does what; every
 * change in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { multipartFile, samplePdf, samplePng } from '../support/multipart.ts';

const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';

describe.each(databaseKinds)('administrative-reform plans on %s', (kind) => {
  let t: TestApp;
  // 1 July 2026, 09:00 in Vietnam: the plan's first half-year deadline (30 June) was yesterday.
  const now = new Date('2026-07-01T09:00:00+07:00');
  let manager: Agent;
  let officer: Agent;
  let specialist: Agent;
  let justice: Agent;
  let leaderOnly: Agent;
  let province: Agent;
  let outsider: Agent;
  let aId: string;
  let unit: Record<'VPTK' | 'TPHT' | 'DCXD', string>;
  let planId: string;

  const upload = async (agent: Agent, name = 'minh-chung.pdf', bytes: Buffer = samplePdf, type = 'application/pdf') => {
    const file = multipartFile(name, bytes, type);
    const res = await agent.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const ref = (code: keyof typeof unit) => ({ kind: 'unit', id: unit[code] });
  const addTask = async (body: Record<string, unknown>) => {
    const res = await manager.post(`/api/v1/reform-plans/${planId}/tasks`, {
      area: 'procedures', title: 'Nhiệm vụ', expectedResult: 'Kết quả', deadline: '2026-06-30', lead: ref('VPTK'), ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; state: string; overdue: boolean };
  };
  const auditActions = async (entityId: string) =>
    (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('id').execute()).map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    aId = await t.agencyId(communeA);
    const units = await t.database.db.selectFrom('units').select(['id', 'code']).where('agency_id', '=', aId).execute();
    unit = Object.fromEntries(units.map((u) => [u.code, u.id])) as typeof unit;
    const admin = await t.signIn('quantri');
    // A civil-status official of the commune (in Tư pháp - Hộ tịch), and a leader who is not a manager.
    for (const body of [
      { username: 'tuphap.giaothuy', fullName: 'Mai Văn Pháp', password: 'Tu-phap-2026!', assignments: [{ role: 'specialist', agencyId: aId }], unitId: unit.TPHT },
      { username: 'phochutich.giaothuy', fullName: 'Lê Văn Phó', password: 'Pho-chu-tich-2026!', assignments: [{ role: 'leader', agencyId: aId }] },
    ]) {
      const created = await admin.post('/api/v1/users', body);
      expect(created.statusCode, created.body).toBe(201);
    }
    manager = await t.signIn('lanhdao.giaothuy');
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    justice = await t.signIn('tuphap.giaothuy', 'Tu-phap-2026!');
    leaderOnly = await t.signIn('phochutich.giaothuy', 'Pho-chu-tich-2026!');
    province = await t.signIn('quanly.tinh');
    outsider = await t.signIn('lanhdao.giaominh');
  });
  afterAll(async () => t?.close());

  it('gives a staff account the unit it works in, only a unit of an agency where it holds a role', async () => {
    const admin = await t.signIn('quantri');
    const users = (await admin.get('/api/v1/users?q=tuphap.giaothuy')).json().items;
    expect(users[0].unit).toMatchObject({ code: 'TPHT', name: 'Tư pháp - Hộ tịch' });
    const bUnit = await t.database.db.selectFrom('units').select('id').where('agency_id', '=', await t.agencyId(communeB)).executeTakeFirstOrThrow();
    const refused = await admin.request('PATCH', `/api/v1/users/${users[0].id}`, { unitId: bUnit.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('unitId');
  });

  it('lets the commune’s manager make the year’s plan with its issuing document, and nobody below a manager', async () => {
    const body = { agencyId: aId, year: 2026, title: 'Kế hoạch cải cách hành chính năm 2026', documentNumber: '05/KH-UBND', documentDate: '2026-01-08' };
    for (const agent of [officer, specialist, leaderOnly]) expect((await agent.post('/api/v1/reform-plans', body)).statusCode).toBe(403);
    expect((await outsider.post('/api/v1/reform-plans', body)).statusCode).toBe(403);
    const res = await manager.post('/api/v1/reform-plans', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ agencyId: aId, year: 2026, documentNumber: '05/KH-UBND', documentDate: '2026-01-08', canEdit: true, wholePlan: true, tasks: [] });
    planId = res.json().id;
    expect(res.json().unitChoices.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Địa chính - Xây dựng']));
    const patched = await manager.request('PATCH', `/api/v1/reform-plans/${planId}`, { documentNumber: '06/KH-UBND' });
    expect(patched.json().documentNumber).toBe('06/KH-UBND');
    expect(await auditActions(planId)).toEqual(['reform_plan.create', 'reform_plan.update']);
  });

  it('refuses a deadline outside the plan’s year and the next, and a unit that is not under the plan’s agency', async () => {
    const base = { area: 'institutions', title: 'X', expectedResult: 'Y', lead: ref('TPHT') };
    const early = await manager.post(`/api/v1/reform-plans/${planId}/tasks`, { ...base, deadline: '2025-12-31' });
    expect([early.statusCode, early.json().code]).toEqual([400, 'reform.invalid_deadline']);
    const bUnit = await t.database.db.selectFrom('units').select('id').where('agency_id', '=', await t.agencyId(communeB)).executeTakeFirstOrThrow();
    const foreign = await manager.post(`/api/v1/reform-plans/${planId}/tasks`, { ...base, deadline: '2027-12-31', coordinators: [{ kind: 'unit', id: bUnit.id }] });
    expect([foreign.statusCode, foreign.json().code]).toEqual([400, 'reform.unit_outside_plan']);
    const twice = await manager.post(`/api/v1/reform-plans/${planId}/tasks`, { ...base, deadline: '2027-12-31', coordinators: [ref('TPHT')] });
    expect(twice.statusCode).toBe(400);
    const province = await manager.post(`/api/v1/reform-plans/${planId}/tasks`, { ...base, deadline: '2026-12-31', lead: { kind: 'agency', id: await t.agencyId('000.00.00.H40') } });
    expect(province.json().code).toBe('reform.unit_outside_plan');
  });

  it('counts the deadline day as in time, the day after as overdue, and a completion after the deadline as late', async () => {
    const task = await addTask({ title: 'Số hóa hồ sơ khi tiếp nhận', deadline: '2026-06-30', lead: ref('VPTK'), coordinators: [ref('TPHT')] });
    // Today (1 July) the deadline has passed and nothing is done: overdue, highlighted.
    expect(task).toMatchObject({ state: 'overdue', overdue: true });
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 60, reportedOn: '2026-06-15' })).statusCode).toBe(200);
    const states = async (on: string) => (await manager.get(`/api/v1/reform-plans/report?year=2026&on=${on}`)).json().tasks.find((x: { id: string }) => x.id === task.id);
    expect(await states('2026-06-14')).toMatchObject({ state: 'not_started', progress: 0 });
    expect(await states('2026-06-30')).toMatchObject({ state: 'in_progress', progress: 60, daysLate: 0 });
    expect(await states('2026-07-01')).toMatchObject({ state: 'overdue', daysLate: 1 });

    const done = await officer.post(`/api/v1/reform-tasks/${task.id}/completion`, { completedOn: '2026-07-01', result: 'Tỷ lệ số hóa đạt 92%' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done_late', overdue: false, progress: 100, completedOn: '2026-07-01', daysLate: 1 });
    expect(await states('2026-06-30')).toMatchObject({ state: 'in_progress' });

    const onTime = await addTask({ title: 'Công khai thủ tục hành chính', deadline: '2026-06-30', lead: ref('VPTK') });
    const finished = await officer.post(`/api/v1/reform-tasks/${onTime.id}/completion`, { completedOn: '2026-06-30', result: 'Đã công khai 112 thủ tục' });
    expect(finished.json()).toMatchObject({ state: 'done_on_time', daysLate: 0 });
  });

  it('refuses progress and results dated after today, and a second result', async () => {
    const task = await addTask({ title: 'Rà soát văn bản', deadline: '2026-09-30', lead: ref('VPTK') });
    const future = await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 10, reportedOn: '2026-07-02' });
    expect([future.statusCode, future.json().code]).toEqual([400, 'reform.date_in_future']);
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 100 })).statusCode).toBe(400);
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/completion`, { result: 'Xong' })).json()).toMatchObject({ state: 'done_on_time', completedOn: '2026-07-01' });
    const again = await officer.post(`/api/v1/reform-tasks/${task.id}/completion`, { result: 'Xong lần hai' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'reform.task_completed']);
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 50 })).json().code).toBe('reform.task_completed');
    // The manager withdraws the result recorded by mistake; the task is open again, its log says why.
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/reopening`, { note: 'Nhầm' })).statusCode).toBe(403);
    const reopened = await manager.post(`/api/v1/reform-tasks/${task.id}/reopening`, { note: 'Ghi nhận nhầm nhiệm vụ' });
    expect(reopened.json()).toMatchObject({ state: 'not_started', completedOn: null, result: null });
    expect(reopened.json().updates.map((u: { kind: string }) => u.kind)).toEqual(['completion', 'reopening']);
    expect((await manager.post(`/api/v1/reform-tasks/${task.id}/reopening`, { note: 'Lần nữa' })).json().code).toBe('reform.task_not_completed');
    expect(await auditActions(task.id)).toEqual(['reform_task.create', 'reform_task.complete', 'reform_task.reopen']);
  });

  it('takes evidence only from the caller’s own checked uploads, once, and serves it to those who see the task', async () => {
    const task = await addTask({ title: 'Cập nhật dữ liệu hộ tịch', deadline: '2026-12-31', lead: ref('VPTK'), coordinators: [ref('TPHT')] });
    // A disguised file never becomes an upload: the files module sniffs its content.
    const fake = multipartFile('bien-ban.pdf', 'not a pdf at all', 'application/pdf');
    expect((await officer.request('POST', '/api/v1/files', fake.payload, fake.headers)).json().code).toBe('file.unsupported_type');
    const foreign = await upload(manager);
    const refused = await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 30, fileIds: [foreign] });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'file.not_claimable']);
    expect((await officer.get(`/api/v1/reform-tasks/${task.id}`)).json().updates).toEqual([]);

    const pdf = await upload(officer, 'bien-ban-kiem-tra.pdf');
    const png = await upload(officer, 'anh-niem-yet.png', samplePng, 'image/png');
    const reported = await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 30, note: 'Đã làm sạch 1.200 bản ghi', fileIds: [pdf, png] });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().updates[0]).toMatchObject({
      kind: 'progress', percent: 30, reportedOn: '2026-07-01', note: 'Đã làm sạch 1.200 bản ghi', actorName: 'Phạm Thị Thu',
      // Uploaded at the same instant: in the order of their names.
      evidence: [{ id: png, name: 'anh-niem-yet.png', mediaType: 'image/png' }, { id: pdf, name: 'bien-ban-kiem-tra.pdf', mediaType: 'application/pdf' }],
    });
    const reused = await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 40, fileIds: [pdf] });
    expect(reused.json().code).toBe('file.not_claimable');

    // A file of a dossier is not evidence, and evidence is not a dossier's file.
    const scan = await upload(officer, 'giay-to.pdf');
    const dossier = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234' }, components: [{ index: 0, received: true, fileIds: [scan] }] });
    expect(dossier.statusCode, dossier.body).toBe(201);
    expect((await officer.post(`/api/v1/reform-tasks/${task.id}/progress`, { percent: 40, fileIds: [scan] })).json().code).toBe('file.not_claimable');
    const asScan = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234' }, components: [{ index: 0, received: true, fileIds: [pdf] }] });
    expect(asScan.json().code).toBe('file.not_claimable');
    const asDocument = await officer.post('/api/v1/documents/incoming', { agencyId: aId, type: 'cong_van', summary: 'Công văn', issuingBody: 'Sở Tư pháp', fileId: pdf });
    expect(asDocument.json().code).toBe('file.not_claimable');

    const url = `/api/v1/reform-tasks/${task.id}/evidence/${pdf}`;
    for (const agent of [officer, justice, manager, leaderOnly, province]) {
      const res = await agent.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.equals(samplePdf)).toBe(true);
    }
    for (const agent of [specialist, outsider]) expect((await agent.get(url)).json().code).toBe('reform.task_not_found');
    expect((await officer.get(`/api/v1/reform-tasks/${task.id}/evidence/${scan}`)).json().code).toBe('reform.evidence_not_found');
  });

  it('shows staff only their units’ tasks, lets the lead unit report and the coordinating unit read', async () => {
    const justiceTask = await addTask({ title: 'Theo dõi thi hành pháp luật', deadline: '2026-11-30', lead: ref('TPHT') });
    const landTask = await addTask({ title: 'Đơn giản hóa thủ tục đất đai', deadline: '2026-11-30', lead: ref('DCXD') });
    const shared = await addTask({ title: 'Thanh toán trực tuyến', deadline: '2026-11-30', lead: ref('VPTK'), coordinators: [ref('TPHT')] });

    const seen = async (agent: Agent) => {
      const res = await agent.get(`/api/v1/reform-plans/${planId}`);
      return res.statusCode === 200 ? (res.json().tasks as Array<{ id: string; part: string | null }>) : res.json().code;
    };
    const officerSees = await seen(officer);
    expect(officerSees.map((x: { id: string }) => x.id)).toContain(shared.id);
    expect(officerSees.map((x: { id: string }) => x.id)).not.toContain(justiceTask.id);
    expect(officerSees.map((x: { id: string }) => x.id)).not.toContain(landTask.id);
    const justiceSees = await seen(justice);
    expect(justiceSees.find((x: { id: string }) => x.id === shared.id).part).toBe('coordinating');
    expect(justiceSees.find((x: { id: string }) => x.id === justiceTask.id).part).toBe('lead');
    expect(justiceSees.map((x: { id: string }) => x.id)).not.toContain(landTask.id);
    // No unit, no task: the plan is out of sight.
    expect(await seen(specialist)).toBe('reform.plan_not_found');
    expect((await specialist.get('/api/v1/reform-plans')).json().items).toEqual([]);
    // Whole plan: the managers, the leader, the province's manager.
    for (const agent of [manager, leaderOnly, province]) {
      expect((await seen(agent)).map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([justiceTask.id, landTask.id, shared.id]));
    }
    const list = (await officer.get('/api/v1/reform-plans?year=2026')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: planId, canEdit: false, wholePlan: false });
    expect(list[0].tally.total).toBe(officerSees.length);

    expect((await justice.post(`/api/v1/reform-tasks/${shared.id}/progress`, { percent: 10 })).statusCode).toBe(403);
    expect((await justice.get(`/api/v1/reform-tasks/${shared.id}`)).json()).toMatchObject({ canReport: false, canEdit: false, part: 'coordinating' });
    expect((await justice.post(`/api/v1/reform-tasks/${justiceTask.id}/progress`, { percent: 10 })).statusCode).toBe(200);
    expect((await leaderOnly.post(`/api/v1/reform-tasks/${justiceTask.id}/progress`, { percent: 20 })).statusCode).toBe(403);
    expect((await officer.get(`/api/v1/reform-tasks/${landTask.id}`)).json().code).toBe('reform.task_not_found');
    expect((await officer.post(`/api/v1/reform-tasks/${landTask.id}/progress`, { percent: 10 })).json().code).toBe('reform.task_not_found');

    // Editing stays with the plan's editors: the commune's manager, the province's manager.
    for (const agent of [officer, justice, leaderOnly]) {
      expect((await agent.request('PATCH', `/api/v1/reform-tasks/${shared.id}`, { deadline: '2026-12-15' })).statusCode).toBe(403);
      expect((await agent.post(`/api/v1/reform-plans/${planId}/tasks`, { area: 'procedures', title: 'X', expectedResult: 'Y', deadline: '2026-12-31', lead: ref('VPTK') })).statusCode).toBe(403);
    }
    const moved = await province.request('PATCH', `/api/v1/reform-tasks/${landTask.id}`, { deadline: '2026-12-15', lead: ref('TPHT'), coordinators: [ref('DCXD')] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ deadline: '2026-12-15', lead: { name: 'Tư pháp - Hộ tịch' }, coordinators: [{ name: 'Địa chính - Xây dựng' }] });
    // Once the lead is Tư pháp - Hộ tịch, its official sees the task and reports it.
    expect((await justice.get(`/api/v1/reform-tasks/${landTask.id}`)).json()).toMatchObject({ canReport: true, part: 'lead' });
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details', 'actor_name']).where('entity_id', '=', landTask.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['reform_task.create', 'reform_task.update']);
    expect(audit[1]!.details).toMatchObject({ before: { deadline: '2026-11-30', lead: `unit:${unit.DCXD}` }, changes: { deadline: '2026-12-15', lead: `unit:${unit.TPHT}` } });
    expect(audit[1]!.actor_name).toBe('quanly.tinh');
  });

  it('keeps another commune’s staff out: no plan, no task, no report row', async () => {
    expect((await outsider.get('/api/v1/reform-plans')).json().items).toEqual([]);
    expect((await outsider.get(`/api/v1/reform-plans/${planId}`)).json().code).toBe('reform.plan_not_found');
    const report = (await outsider.get('/api/v1/reform-plans/report?year=2026')).json();
    expect(report.total.total).toBe(0);
    expect(report.byPlan).toEqual([]);
  });
});
