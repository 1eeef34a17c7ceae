/**
 * The document office (docs/rules/document-office.md): numbers in order from 01 per register and
 * year, restarting on 1 January in Vietnam time; never shared by two documents issued at once;
 * symbols; the routing deadline on the legal clock; refusals of the state machine; search without
 * diacritics; another agency's staff kept out.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlingDueAt, parseInstant, formatInstant, registerYearOf } from '@motcua/domain';
import { takeOutgoingNumber } from '../../src/modules/document-office/document-office.numbers.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, onePagePdf } from '../support/multipart.ts';

const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';

describe.each(databaseKinds)('document office on %s', (kind) => {
  let t: TestApp;
  let now = parseInstant('2026-12-31T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let aId: string;
  let units: Array<{ id: string; code: string }>;

  const upload = async (agent: Agent, name = 'van-ban.pdf') => {
    const file = multipartFile(name, await onePagePdf(), 'application/pdf');
    const res = await agent.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const draft = async (body: Record<string, unknown> = {}) => {
    const res = await specialist.post('/api/v1/documents/outgoing', {
      agencyId: aId, type: 'quyet_dinh', summary: 'Quyết định về việc công nhận tổ dân phố văn hóa', fileId: await upload(specialist), ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const step = (agent: Agent, id: string, action: string, extra: Record<string, unknown> = {}) => agent.post(`/api/v1/documents/${id}/actions`, { action, ...extra });
  const toSigned = async (body: Record<string, unknown> = {}) => {
    const id = await draft(body);
    expect((await step(leader, id, 'approve')).statusCode).toBe(200);
    expect((await step(leader, id, 'sign')).statusCode).toBe(200);
    return id;
  };
  const issue = async (id: string) => {
    const res = await step(officer, id, 'issue');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { number: number; year: number; numberText: string; status: string };
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    aId = await t.agencyId(communeA);
    units = await t.database.db.selectFrom('units').select(['id', 'code']).where('agency_id', '=', aId).orderBy('code').execute();
    expect(units.length).toBeGreaterThan(0);
  });
  afterAll(async () => t?.close());

  it('takes an outgoing document through drafted → approved → signed → issued, numbering it 01/QĐ-UBND at issue, with its log', async () => {
    const id = await draft();
    const drafted = (await specialist.get(`/api/v1/documents/${id}`)).json();
    expect(drafted).toMatchObject({ status: 'drafted', number: null, numberText: null, allowedActions: [] });
    expect((await leader.get(`/api/v1/documents/${id}`)).json().allowedActions).toEqual(['approve']);
    await step(leader, id, 'approve');
    expect((await leader.get(`/api/v1/documents/${id}`)).json().allowedActions).toEqual(['send_back', 'sign']);
    await step(leader, id, 'sign');
    const issued = await issue(id);
    expect(issued).toMatchObject({ status: 'issued', number: 1, year: 2026, numberText: '01/QĐ-UBND' });
    const detail = (await officer.get(`/api/v1/documents/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['draft', 'approve', 'sign', 'issue']);
    expect(detail.events[3].details).toMatchObject({ number: 1, symbol: '01/QĐ-UBND' });
  });

  it('numbers a letter with the agency and the drafting unit (02/UBND-<unit>) in the same register', async () => {
    const unit = units[0]!;
    const id = await toSigned({ type: 'cong_van', draftingUnitId: unit.id, summary: 'V/v đôn đốc nộp báo cáo thống kê' });
    expect((await issue(id)).numberText).toBe(`02/UBND-${unit.code}`);
    const noUnit = await specialist.post('/api/v1/documents/outgoing', { agencyId: aId, type: 'cong_van', summary: 'Công văn', fileId: await upload(specialist) });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().code).toBe('office.drafting_unit_required');
  });

  it('refuses steps out of order (409) and by the wrong role (403), as problem+json', async () => {
    const id = await draft();
    const early = await step(officer, id, 'issue');
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().code).toBe('office.transition_not_allowed');
    const bySpecialist = await step(specialist, id, 'approve');
    expect(bySpecialist.statusCode).toBe(403);
    expect(bySpecialist.json().code).toBe('auth.forbidden');
    await step(leader, id, 'approve');
    expect((await step(leader, id, 'send_back', { note: 'Sửa lại căn cứ' })).json().status).toBe('drafted');
    expect((await step(leader, id, 'sign')).json().code).toBe('office.transition_not_allowed');
    const routeOutgoing = await step(officer, id, 'route', { route: { unitId: units[0]!.id } });
    expect(routeOutgoing.json().code).toBe('office.transition_not_allowed');
  });

  it('never gives two documents issued at the same time the same number, nor leaves a gap', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await toSigned());
    const numbers = (await Promise.all(ids.map(issue))).map((d) => d.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers[5]! - numbers[0]!).toBe(5);
    // Straight on the register too, in parallel transactions.
    const takes = await Promise.all(Array.from({ length: 8 }, () => t.database.db.transaction().execute((tx) => takeOutgoingNumber(tx, { agencyId: aId, type: 'thong_bao', at: new Date(now) }))));
    const taken = takes.map((x) => x.number).sort((a, b) => a - b);
    expect(new Set(taken).size).toBe(8);
    expect(taken[0]).toBe(numbers[5]! + 1);
    expect(taken[7]! - taken[0]!).toBe(7);
    // A number taken in a transaction that rolls back is given again.
    const next = taken[7]! + 1;
    await t.database.db.transaction().execute(async (tx) => {
      expect((await takeOutgoingNumber(tx, { agencyId: aId, type: 'thong_bao', at: new Date(now) })).number).toBe(next);
      throw new Error('rollback');
    }).catch(() => undefined);
    const again = await t.database.db.transaction().execute((tx) => takeOutgoingNumber(tx, { agencyId: aId, type: 'thong_bao', at: new Date(now) }));
    expect(again.numberAndSymbol).toBe(`${next}/TB-UBND`);
  });

  it('restarts at 01 on 1 January, Vietnam time: 23:30 on 31 December is the old year, 00:10 on 1 January the new one', async () => {
    const late = await toSigned();
    const early = await toSigned();
    now = parseInstant('2026-12-31T23:30:00+07:00');
    const old = await issue(late);
    expect(old.year).toBe(2026);
    expect(old.number).toBeGreaterThan(1);
    now = parseInstant('2027-01-01T00:10:00+07:00');
    expect(await issue(early)).toMatchObject({ year: 2027, number: 1, numberText: '01/QĐ-UBND' });
    now = parseInstant('2026-12-31T09:00:00+07:00');
  });

  it('numbers any sequence of takes across New Year 01, 02, … per year, in order (property)', async () => {
    const bId = await t.agencyId(communeB);
    const from = parseInstant('2030-12-31T20:00:00+07:00');
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 8 * 3_600_000 }), { minLength: 1, maxLength: 12 }), async (offsets) => {
      // A register of its own per run: the agency of commune B, years far from the other tests'.
      await t.database.db.deleteFrom('document_registers').where('agency_id', '=', bId).execute();
      const instants = offsets.map((o) => from + o).sort((a, b) => a - b);
      const expected = new Map<number, number>();
      for (const at of instants) {
        const year = registerYearOf(at);
        expected.set(year, (expected.get(year) ?? 0) + 1);
        const taken = await t.database.db.transaction().execute((tx) => takeOutgoingNumber(tx, { agencyId: bId, type: 'ke_hoach', at: new Date(at) }));
        expect([taken.registerYear, taken.number, taken.symbol]).toEqual([year, expected.get(year), 'KH-UBND']);
      }
    }), { numRuns: 15 });
    await t.database.db.deleteFrom('document_registers').where('agency_id', '=', bId).execute();
  });

  it('refuses an arrival later than the registration', async () => {
    const res = await officer.post('/api/v1/documents/incoming', {
      agencyId: aId, type: 'thong_bao', summary: 'Thông báo', issuingBody: 'UBND tỉnh', receivedAt: '2099-01-01T08:00:00+07:00', fileId: await upload(officer),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('receivedAt');
  });

  it('registers an incoming document with the next arrival number and routes it with a deadline of working days', async () => {
    now = parseInstant('2026-12-04T10:00:00+07:00');
    const first = await officer.post('/api/v1/documents/incoming', {
      agencyId: aId, type: 'cong_van', summary: 'Về việc triển khai kế hoạch chuyển đổi số năm 2027', issuingBody: 'Sở Khoa học và Công nghệ tỉnh Ninh Bình',
      originalNumber: '123/SKHCN-CĐS', documentDate: '2026-12-01', fileId: await upload(officer, 'cong-van-den.pdf'),
    });
    expect(first.statusCode, first.body).toBe(201);
    const doc = first.json();
    expect(doc).toMatchObject({ direction: 'incoming', status: 'registered', year: 2026, numberText: '01', originalNumber: '123/SKHCN-CĐS' });
    expect(doc.allowedActions).toEqual(['route']);
    const unit = units[1] ?? units[0]!;
    const routed = await step(officer, doc.id, 'route', { route: { unitId: unit.id, workingDays: 3 } });
    expect(routed.statusCode, routed.body).toBe(200);
    const calendar = (await t.deps.calendars.current()).forAgency(aId);
    const expected = formatInstant(handlingDueAt(calendar, now, 3));
    expect(expected).toBe('2026-12-09T10:00:00+07:00');
    expect(routed.json()).toMatchObject({ status: 'routed', dueAt: expected, handlingUnitId: unit.id, overdue: false });
    expect((await step(officer, doc.id, 'route', { route: { unitId: unit.id, workingDays: 0 } })).statusCode).toBe(400);
    // Past the deadline it is overdue in the list and the summary; handling closes it.
    now = parseInstant('2026-12-09T10:00:01+07:00');
    const overdue = (await officer.get('/api/v1/documents?direction=incoming&overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([doc.id]);
    const summary = (await leader.get('/api/v1/documents/summary?from=2026-12-01&to=2026-12-31')).json().items;
    expect(summary.find((r: { agencyId: string }) => r.agencyId === aId)).toMatchObject({ incomingOverdue: 1, incomingRegistered: 1 });
    const handled = await step(specialist, doc.id, 'handle');
    expect(handled.json()).toMatchObject({ status: 'handled', overdue: false });
    const second = await officer.post('/api/v1/documents/incoming', {
      agencyId: aId, type: 'giay_moi', summary: 'Giấy mời dự hội nghị tổng kết', issuingBody: 'UBND tỉnh Ninh Bình', fileId: await upload(officer),
      route: { unitId: unit.id },
    });
    expect(second.json()).toMatchObject({ numberText: '02', status: 'routed' });
    now = parseInstant('2026-12-31T09:00:00+07:00');
  });

  it('finds documents by words of the summary typed without diacritics, by symbol and by number', async () => {
    const byWords = (await officer.get(`/api/v1/documents?q=${encodeURIComponent('chuyen doi SO')}`)).json();
    expect(byWords.items.map((i: { summary: string }) => i.summary)).toEqual(['Về việc triển khai kế hoạch chuyển đổi số năm 2027']);
    const bySender = (await officer.get(`/api/v1/documents?q=${encodeURIComponent('khoa hoc cong nghe')}`)).json();
    expect(bySender.total).toBe(1);
    const bySymbol = (await officer.get(`/api/v1/documents?symbol=${encodeURIComponent('SKHCN')}`)).json();
    expect(bySymbol.total).toBe(1);
    const decisions = (await officer.get('/api/v1/documents?direction=outgoing&year=2027&number=1')).json();
    expect(decisions.items.map((i: { numberText: string }) => i.numberText)).toEqual(['01/QĐ-UBND']);
    expect((await officer.get('/api/v1/documents?q=zzzz')).json().total).toBe(0);
  });

  it('reports the share of issued documents signed digitally per agency and period', async () => {
    const rows = (await leader.get('/api/v1/documents/summary?from=2026-01-01&to=2026-12-31')).json().items;
    const row = rows.find((r: { agencyId: string }) => r.agencyId === aId);
    expect(row.issued).toBeGreaterThan(0);
    expect(row.digitalShare).toBe(row.digitallySigned / row.issued);
    const empty = (await leader.get('/api/v1/documents/summary?from=2020-01-01&to=2020-12-31')).json().items;
    expect(empty.find((r: { agencyId: string }) => r.agencyId === aId)?.digitalShare ?? null).toBeNull();
  });

  it('keeps another commune’s staff out: they neither see nor act on the documents, nor register for this agency', async () => {
    const id = await draft();
    const other = await t.signIn('lanhdao.giaominh');
    expect((await other.get(`/api/v1/documents/${id}`)).json().code).toBe('office.document_not_found');
    expect((await other.get(`/api/v1/documents/${id}/file`)).statusCode).toBe(404);
    expect((await step(other, id, 'approve')).json().code).toBe('office.document_not_found');
    expect((await other.get('/api/v1/documents')).json().total).toBe(0);
    const bOfficer = await t.signIn('canbo.giaominh');
    const refused = await bOfficer.post('/api/v1/documents/incoming', {
      agencyId: aId, type: 'thong_bao', summary: 'Thông báo', issuingBody: 'Ai đó', fileId: await upload(bOfficer),
    });
    expect(refused.statusCode).toBe(403);
    // Nor may a file of someone else be registered.
    const mine = await upload(officer);
    const stolen = await bOfficer.post('/api/v1/documents/incoming', { agencyId: await t.agencyId(communeB), type: 'thong_bao', summary: 'x', issuingBody: 'y', fileId: mine });
    expect(stolen.json().code).toBe('file.not_claimable');
    const row = await t.database.db.selectFrom('official_documents').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('drafted');
  });

  it('keeps the log append-only', async () => {
    await expect(t.database.db.deleteFrom('official_document_events').execute()).rejects.toThrow(/append-only/);
  });
});
