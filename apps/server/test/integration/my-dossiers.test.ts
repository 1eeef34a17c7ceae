/**
 * "Hồ sơ của tôi" (docs/my-dossiers.md): a signed-in citizen sees every dossier whose applicant is
 * their identity (counter ones included) or that they submitted, and acts on them without the
 * security code; another citizen is told nothing of them (404); a staff cookie opens nothing here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const at = (iso: string) => Date.parse(iso);
const an = '036090001234';
const binh = '036192005678';

describe.each(databaseKinds)('the signed-in citizen’s dossiers on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T08:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let citizenAn: Agent;
  let citizenBinh: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    citizenAn = await t.signInCitizen(an);
    citizenBinh = await t.signInCitizen(binh);
  });
  afterAll(async () => t?.close());

  const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const upload = async (agent: Agent, name: string) => {
    const file = multipartFile(name, samplePdf, 'application/pdf');
    const res = await agent.request('POST', '/api/v1/public/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadToken: string };
  };
  const submitOnline = async (agent: Agent, applicant: Record<string, unknown>) => {
    const tokhai = await upload(agent, 'to-khai.pdf');
    return agent.post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40', applicant,
      components: [{ index: 0, fileIds: [tokhai.id] }], uploadTokens: { [tokhai.id]: tokhai.uploadToken },
    });
  };
  const atCounter = async (applicant: Record<string, unknown>) => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string };
  };
  const myCodes = async (agent: Agent) => {
    const res = await agent.get('/api/v1/citizen/dossiers?limit=100');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ code: string }>).map((i) => i.code);
  };

  let online: { id: number; code: string; accessSecret: string };
  let counter: { id: number; code: string };
  let stranger: { id: number; code: string };

  it('records the submitter and takes the applicant’s verified details from the e-ID when signed in; a different typed value is refused', async () => {
    const changed = await submitOnline(citizenAn, { name: 'Nguyễn Văn Ân', phone: '0912345678' });
    expect(changed.statusCode, changed.body).toBe(400);
    expect(changed.json()).toMatchObject({ code: 'dossier.verified_field_changed' });
    expect(changed.json().issues).toEqual([expect.objectContaining({ path: 'applicant.name' })]);

    const res = await submitOnline(citizenAn, { name: 'Nguyễn Văn An', phone: '0912345678' });
    expect(res.statusCode, res.body).toBe(201);
    online = res.json();
    expect(online.accessSecret).toEqual(expect.any(String));
    const row = await t.database.db.selectFrom('dossiers as d').innerJoin('citizens as c', 'c.id', 'd.submitter_citizen_id')
      .select(['d.applicant_id_number', 'd.applicant_address', 'd.applicant', 'c.personal_id']).where('d.id', '=', online.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ applicant_id_number: an, personal_id: an, applicant_address: expect.stringContaining('Giao Thủy') });
    expect(row.applicant).toMatchObject({
      name: 'Nguyễn Văn An', idNumber: an, birthDate: '1990-04-12', email: 'an.nguyen@example.vn', eidLevel: 2,
      verified: expect.arrayContaining(['name', 'idNumber', 'address', 'phone', 'email', 'birthDate']),
    });
  });

  it('lists their online and counter dossiers of the same personal ID, newest first, and nobody else’s', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    counter = await atCounter({ name: 'Nguyễn Văn An', idNumber: an, phone: '0912345678' });
    stranger = await atCounter({ name: 'Đỗ Văn Lạ', idNumber: '036099999999' });
    now = at('2025-03-03T09:30:00+07:00');
    // Filed by An for someone else: his as its submitter, with what he typed (nothing verified).
    const forMother = await submitOnline(citizenAn, { name: 'Lê Thị Mẹ', idNumber: '036060001111', phone: '0912000000' });
    expect(forMother.statusCode, forMother.body).toBe(201);
    const mother = forMother.json() as { id: number; code: string };
    const stored = await t.database.db.selectFrom('dossiers').select('applicant').where('id', '=', mother.id).executeTakeFirstOrThrow();
    expect(stored.applicant).not.toHaveProperty('verified');

    const list = (await citizenAn.get('/api/v1/citizen/dossiers')).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual([mother.code, counter.code, online.code]);
    expect(list.items[1]).toMatchObject({
      channel: 'counter', status: 'received', statusLabel: { vi: 'Đã tiếp nhận' }, procedure: { code: '1.000894' },
      agency: { code: '000.41.00.H40' }, timeliness: 'in_progress_on_time', asks: [], actions: ['withdraw'], dueAt: expect.any(String),
    });
    expect(list.items[2]).toMatchObject({ channel: 'online', status: 'submitted', timeliness: 'not_received', actions: ['withdraw'] });
    expect(list.nextCursor).toBeNull();
    expect(await myCodes(citizenBinh)).toEqual([]);

    // Pages follow each other by cursor.
    const first = (await citizenAn.get('/api/v1/citizen/dossiers?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await citizenAn.get(`/api/v1/citizen/dossiers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ code: online.code }], nextCursor: null });
  });

  it('shows the detail of their own dossier and answers 404 to another citizen, on reading and on every action', async () => {
    const detail = await citizenAn.get(`/api/v1/citizen/dossiers/${counter.code.toLowerCase()}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      code: counter.code, applicant: { name: 'Nguyễn Văn An', idNumber: an }, components: expect.arrayContaining([expect.objectContaining({ index: 0, received: true })]),
      steps: expect.arrayContaining([expect.objectContaining({ status: 'received' })]), actions: ['withdraw'], files: [],
    });
    for (const code of [counter.code, online.code]) {
      const before = await t.database.db.selectFrom('dossier_events').select('id').execute();
      const read = await citizenBinh.get(`/api/v1/citizen/dossiers/${code}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe('dossier.not_found');
      expect(read.body).not.toContain('Nguyễn');
      expect((await citizenBinh.post(`/api/v1/citizen/dossiers/${code}/actions`, { action: 'withdraw' })).statusCode).toBe(404);
      expect((await citizenBinh.post(`/api/v1/citizen/dossiers/${code}/rating`, { score: 1 })).statusCode).toBe(404);
      expect((await t.database.db.selectFrom('dossier_events').select('id').execute()).length).toBe(before.length);
    }
    expect((await citizenAn.get(`/api/v1/citizen/dossiers/${stranger.code}`)).statusCode).toBe(404);
  });

  it('takes a supplement on a counter dossier without the security code, logged and audited with the account and the e-ID as proof', async () => {
    await act(officer, counter.id, 'transfer');
    now = at('2025-03-04T09:00:00+07:00');
    await act(specialist, counter.id, 'request_supplement', { reasons: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'], note: 'Bản chụp rõ nét' });
    const item = (await citizenAn.get('/api/v1/citizen/dossiers')).json().items.find((i: { code: string }) => i.code === counter.code);
    expect(item).toMatchObject({
      status: 'supplement_requested', asks: ['supplement'], actions: ['submit_supplement', 'withdraw'],
      supplementRequest: { items: ['Bổ sung Giấy xác nhận tình trạng hôn nhân'], note: 'Bản chụp rõ nét', submittedOnlineAt: null },
    });

    now = at('2025-03-05T10:00:00+07:00');
    const scan = await upload(citizenAn, 'giay-xac-nhan.pdf');
    const res = await citizenAn.post(`/api/v1/citizen/dossiers/${counter.code}/actions`, {
      action: 'submit_supplement', note: 'Đã chụp bản chính', components: [{ index: 0, fileIds: [scan.id] }], uploadTokens: { [scan.id]: scan.uploadToken },
    }, { 'idempotency-key': `my-supp-${kind}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'supplement_requested', asks: [], supplementRequest: { submittedOnlineAt: '2025-03-05T10:00:00+07:00' },
      files: [expect.objectContaining({ id: scan.id, purpose: 'supplement', componentIndex: 0 })],
    });
    const citizenId = (await t.database.db.selectFrom('citizens').select('id').where('personal_id', '=', an).executeTakeFirstOrThrow()).id;
    const log = await t.database.db.selectFrom('dossier_events').select(['action', 'actor_kind', 'actor_name', 'actor_role', 'data'])
      .where('dossier_id', '=', counter.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(log).toMatchObject({ action: 'submit_supplement', actor_kind: 'citizen', actor_name: 'Nguyễn Văn An', actor_role: 'citizen', data: { proof: 'eid', citizenId } });
    const audit = await t.database.db.selectFrom('audit_events').select(['actor_kind', 'actor_id', 'details'])
      .where('entity_id', '=', counter.code).where('action', '=', 'dossier.submit_supplement').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'citizen', actor_id: citizenId, details: { proof: 'eid' } });
    // The officer receives it as any supplement.
    await act(officer, counter.id, 'receive_supplement');
  });

  it('withdraws their online dossier without the security code', async () => {
    const res = await citizenAn.post(`/api/v1/citizen/dossiers/${online.code}/actions`, { action: 'withdraw', note: 'Không còn nhu cầu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', actions: [], asks: [] });
    const again = await citizenAn.post(`/api/v1/citizen/dossiers/${online.code}/actions`, { action: 'withdraw' });
    expect(again.statusCode).toBe(409);
  });

  it('lets them rate once their dossier has a result, with the e-ID as proof, once only', async () => {
    const early = await citizenAn.post(`/api/v1/citizen/dossiers/${counter.code}/rating`, { score: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('rating.too_early');
    await act(specialist, counter.id, 'forward');
    await act(leader, counter.id, 'resolve');
    const item = (await citizenAn.get('/api/v1/citizen/dossiers')).json().items.find((i: { code: string }) => i.code === counter.code);
    expect(item).toMatchObject({ status: 'resolved', asks: ['rating'], rated: false });
    const rated = await citizenAn.post(`/api/v1/citizen/dossiers/${counter.code}/rating`, { score: 5, comment: 'Nhanh gọn' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toEqual({ code: counter.code, score: 5, criteria: {}, alerted: false });
    const twice = await citizenAn.post(`/api/v1/citizen/dossiers/${counter.code}/rating`, { score: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('rating.already_rated');
    const stored = await t.database.db.selectFrom('dossier_ratings').select(['score', 'proof']).where('dossier_id', '=', counter.id).execute();
    expect(stored).toEqual([{ score: 5, proof: 'eid' }]);
    const after = (await citizenAn.get(`/api/v1/citizen/dossiers/${counter.code}`)).json();
    expect(after).toMatchObject({ rated: true, asks: [] });
  });

  it('answers 401 to a staff cookie and to an anonymous caller on every citizen dossier route', async () => {
    for (const agent of [officer, t.anonymous()]) {
      expect((await agent.get('/api/v1/citizen/dossiers')).statusCode).toBe(401);
      expect((await agent.get(`/api/v1/citizen/dossiers/${counter.code}`)).statusCode).toBe(401);
      expect((await agent.post(`/api/v1/citizen/dossiers/${counter.code}/actions`, { action: 'withdraw' })).statusCode).toBe(401);
      expect((await agent.post(`/api/v1/citizen/dossiers/${counter.code}/rating`, { score: 3 })).statusCode).toBe(401);
    }
  });
});
