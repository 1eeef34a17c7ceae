/**
 * The citizen's data store (docs/rules/data-store.md): a dossier received with scans, and its
 * electronic result, fill the applicant's store; the applicant, signed in with the e-ID, later
 * uses a stored document instead of an upload (the component is received and digitized, the reuse
 * recorded and counted in the report); someone else's or an expired document is refused; at the
 * counter the officer looks the applicant's documents up (audited) and uses one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { seedDemoDataStore } from '../../src/demo/data-store.ts';

const at = (iso: string) => Date.parse(iso);
const an = '036090001234';
const commune = '000.41.00.H40';

/** A distinct small PDF (its hash differs from every other one). */
const pdf = (n: string) => Buffer.concat([samplePdf, Buffer.from(`%${n}\n`, 'utf8')]);

interface StoredDocument {
  id: string; documentType: string | null; title: string; origin: string; sourceDossier: { id: number; code: string } | null;
  issuingAgency: string; issuedOn: string; validUntil: string | null; validity: string; sha256: string;
}

describe.each(databaseKinds)('the citizen’s data store on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T08:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let citizen: Agent;
  let marriage: { id: number; code: string };
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    await signInAll();
  });
  afterAll(async () => t?.close());

  /** Sessions last 30 days: the tests that move months ahead sign in again. */
  const signInAll = async () => {
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    citizen = await t.signInCitizen(an);
  };
  const staffUpload = async (agent: Agent, name: string) => {
    const file = multipartFile(name, pdf(name), 'application/pdf');
    const res = await agent.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; sha256: string };
  };
  const publicUpload = async (agent: Agent, name: string) => {
    const file = multipartFile(name, pdf(name), 'application/pdf');
    const res = await agent.request('POST', '/api/v1/public/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadToken: string };
  };
  const act = (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) =>
    agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
  const myDocuments = async (agent: Agent, query = '') => {
    const res = await agent.get(`/api/v1/citizen/documents${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as StoredDocument[];
  };
  const birthRegistration = async (agent: Agent, storedDocumentIds: string[], prefix: string) => {
    const tokhai = await publicUpload(agent, `${prefix}-to-khai.pdf`);
    const chungsinh = await publicUpload(agent, `${prefix}-chung-sinh.pdf`);
    return agent.post('/api/v1/public/dossiers', {
      procedureCode: '1.001193', agencyCode: commune,
      applicant: { name: 'Nguyễn Văn An', idNumber: an, phone: '0912345678' },
      components: [{ index: 0, fileIds: [tokhai.id] }, { index: 1, fileIds: [chungsinh.id] }, { index: 2, fileIds: [], storedDocumentIds }],
      uploadTokens: { [tokhai.id]: tokhai.uploadToken, [chungsinh.id]: chungsinh.uploadToken },
    });
  };

  it('fills the applicant’s store with the scans of a dossier received at the counter, then with its electronic result', async () => {
    now = at('2025-03-03T08:30:00+07:00');
    const scans = await Promise.all(['to-khai-ket-hon.pdf', 'xac-nhan-hon-nhan.pdf', 'can-cuoc.pdf'].map((n) => staffUpload(officer, n)));
    const created = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: an },
      components: scans.map((s, index) => ({ index, received: true, fileIds: [s.id] })),
    });
    expect(created.statusCode, created.body).toBe(201);
    marriage = { id: created.json().id, code: created.json().code };
    expect(created.json().digitized).toBe(true);

    const stored = await myDocuments(citizen);
    expect(stored.map((d) => [d.documentType, d.origin, d.validUntil, d.validity]).sort()).toEqual([
      ['cccd', 'digitized_component', null, 'valid'],
      ['xac-nhan-tinh-trang-hon-nhan', 'digitized_component', '2025-09-03', 'valid'],
      [null, 'digitized_component', null, 'valid'],
    ].sort());
    const cccd = stored.find((d) => d.documentType === 'cccd')!;
    expect(cccd).toMatchObject({
      title: 'Căn cước của người yêu cầu đăng ký kết hôn', sourceDossier: marriage, issuingAgency: 'Ủy ban nhân dân xã Giao Thủy',
      issuedOn: '2025-03-03', sha256: scans[2]!.sha256,
    });

    now = at('2025-03-03T09:00:00+07:00');
    expect((await act(officer, marriage.id, 'transfer')).statusCode).toBe(200);
    expect((await act(specialist, marriage.id, 'forward')).statusCode).toBe(200);
    const certificate = await staffUpload(leader, 'giay-chung-nhan-ket-hon.pdf');
    const resolved = await act(leader, marriage.id, 'resolve', { fileIds: [certificate.id] });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const purpose = await t.database.db.selectFrom('files').select('purpose').where('id', '=', certificate.id).executeTakeFirstOrThrow();
    expect(purpose.purpose).toBe('result');

    const results = await myDocuments(citizen, '?documentType=giay-chung-nhan-ket-hon');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ origin: 'result', title: 'Giấy chứng nhận kết hôn', sourceDossier: marriage, sha256: certificate.sha256, validity: 'valid' });
    const file = await citizen.get(`/api/v1/citizen/documents/${results[0]!.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf('giay-chung-nhan-ket-hon.pdf'))).toBe(true);
  });

  it('keeps each citizen’s store to themselves', async () => {
    const other = await t.signInCitizen('036192005678');
    expect(await myDocuments(other)).toEqual([]);
    const [mine] = await myDocuments(citizen, '?documentType=cccd');
    const res = await other.get(`/api/v1/citizen/documents/${mine!.id}/file`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('stored_document.not_found');
    expect((await t.anonymous().get('/api/v1/citizen/documents')).statusCode).toBe(401);
    expect((await officer.get('/api/v1/citizen/documents')).statusCode).toBe(401);
  });

  it('takes a stored document instead of an upload online: received, digitized, recorded in the log and counted in the report', async () => {
    now = at('2025-03-05T08:00:00+07:00');
    const [certificate] = await myDocuments(citizen, '?documentType=giay-chung-nhan-ket-hon');
    const submitted = await birthRegistration(citizen, [certificate!.id], 'an');
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code } = submitted.json() as { id: number; code: string };

    const dossier = await t.database.db.selectFrom('dossiers').select(['components', 'digitized']).where('id', '=', id).executeTakeFirstOrThrow();
    const component = (dossier.components as Array<{ received: boolean; digitized: boolean; fileIds: string[]; storedDocumentIds?: string[] }>)[2]!;
    expect(component).toMatchObject({ received: true, digitized: true, storedDocumentIds: [certificate!.id] });
    expect(component.fileIds).toHaveLength(1);
    const copy = await t.database.db.selectFrom('files').select(['dossier_id', 'component_index', 'sha256']).where('id', '=', component.fileIds[0]!).executeTakeFirstOrThrow();
    expect(copy).toEqual({ dossier_id: id, component_index: 2, sha256: certificate!.sha256 });

    const reuses = await t.database.db.selectFrom('document_reuses').select(['document_id', 'component_index', 'actor_kind']).where('dossier_id', '=', id).execute();
    expect(reuses).toEqual([{ document_id: certificate!.id, component_index: 2, actor_kind: 'citizen' }]);
    const submit = await t.database.db.selectFrom('dossier_events').select('data').where('dossier_id', '=', id).where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(submit.data).toMatchObject({ reusedDocuments: [{ index: 2, documentId: certificate!.id, sourceDossier: marriage.code }] });
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('entity_id', '=', code).where('action', '=', 'dossier.created').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reusedDocuments: [{ index: 2, documentId: certificate!.id }] });

    // Received by the officer: its new scans join the store, the reused certificate is not stored twice.
    now = at('2025-03-05T09:00:00+07:00');
    expect((await act(officer, id, 'receive')).statusCode).toBe(200);
    expect(await myDocuments(citizen, '?documentType=giay-chung-nhan-ket-hon')).toHaveLength(1);
    expect(await myDocuments(citizen, '?documentType=giay-chung-sinh')).toHaveLength(1);

    now = at('2025-03-05T10:00:00+07:00');
    const report = await leader.get(`/api/v1/reports/statistics?from=2025-03-01&to=2025-03-31&agency=${commune}`);
    expect(report.statusCode, report.body).toBe(200);
    const row = report.json().rows.find((r: { agency: string }) => r.agency === commune);
    expect(row).toMatchObject({ receivedInPeriod: 2, reused: 1, reuseRate: 0.5 });
    expect(report.json().total).toMatchObject({ reused: 1, reuseRate: 0.5 });
  });

  it('refuses another citizen’s document, a document of the wrong kind, and reuse without signing in', async () => {
    now = at('2025-03-06T08:00:00+07:00');
    const [certificate] = await myDocuments(citizen, '?documentType=giay-chung-nhan-ket-hon');
    const [cccd] = await myDocuments(citizen, '?documentType=cccd');
    const before = await t.database.db.selectFrom('dossiers').select('id').execute();

    const other = await t.signInCitizen('036192005678');
    const stolen = await birthRegistration(other, [certificate!.id], 'binh');
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json()).toMatchObject({ code: 'stored_document.not_usable', issues: [{ path: 'components.2.storedDocumentIds.0' }] });

    const wrongKind = await birthRegistration(citizen, [cccd!.id], 'an-2');
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().issues[0].message).toContain('kind of paper');

    const anonymous = await birthRegistration(t.anonymous(), [certificate!.id], 'anon');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('stored_document.sign_in_required');

    expect(await t.database.db.selectFrom('dossiers').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a document no longer valid on the day: a marital status certificate after six months', async () => {
    now = at('2025-09-04T08:00:00+07:00');
    await signInAll();
    const [status] = await myDocuments(citizen, '?documentType=xac-nhan-tinh-trang-hon-nhan');
    expect(status).toMatchObject({ validUntil: '2025-09-03', validity: 'expired' });
    const tokhai = await publicUpload(citizen, 'to-khai-2.pdf');
    const res = await citizen.post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: commune,
      applicant: { name: 'Nguyễn Văn An', idNumber: an, phone: '0912345678' },
      components: [{ index: 0, fileIds: [tokhai.id] }, { index: 1, fileIds: [], storedDocumentIds: [status!.id] }],
      uploadTokens: { [tokhai.id]: tokhai.uploadToken },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'stored_document.not_usable', issues: [{ path: 'components.1.storedDocumentIds.0', message: 'no longer valid on the day of the dossier' }] });
  });

  it('lets the officer look up the applicant’s documents after checking the ID card (audited) and use one at the counter', async () => {
    now = at('2025-09-05T08:00:00+07:00');
    await signInAll();
    const lookup = await officer.get(`/api/v1/applicant-documents?personalId=${an}&documentType=cccd`);
    expect(lookup.statusCode, lookup.body).toBe(200);
    const [cccd] = lookup.json().items as StoredDocument[];
    expect(cccd).toMatchObject({ documentType: 'cccd', validity: 'valid' });
    const audit = await t.database.db.selectFrom('audit_events').select(['actor_name', 'details', 'entity_id'])
      .where('action', '=', 'data_store.lookup').execute();
    expect(audit).toEqual([{ actor_name: 'canbo.giaothuy', entity_id: an, details: { personalId: an, documentType: 'cccd', found: 1 } }]);
    expect((await specialist.get(`/api/v1/applicant-documents?personalId=${an}`)).statusCode).toBe(403);

    const tokhai = await staffUpload(officer, 'to-khai-quay.pdf');
    const body = (idNumber: string) => ({
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber },
      components: [{ index: 0, received: true, fileIds: [tokhai.id] }, { index: 2, received: true, storedDocumentIds: [cccd!.id] }],
    });
    // The document must be the applicant's: another ID number on the form is refused.
    const wrongApplicant = await officer.post('/api/v1/dossiers', body('036192005678'));
    expect(wrongApplicant.statusCode).toBe(400);
    expect(wrongApplicant.json().code).toBe('stored_document.not_usable');

    const created = await officer.post('/api/v1/dossiers', body(an));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().digitized).toBe(true);
    const reuses = await t.database.db.selectFrom('document_reuses').select(['document_id', 'actor_kind', 'actor_name']).where('dossier_id', '=', created.json().id).execute();
    expect(reuses).toEqual([{ document_id: cccd!.id, actor_kind: 'staff', actor_name: 'canbo.giaothuy' }]);
  });

  it('gives the demo citizen a store through the real use cases: his ID card, marital status certificate and marriage certificate', async () => {
    now = at('2025-09-08T08:00:00+07:00');
    await signInAll();
    await seedDemoDataStore(t.deps);
    const demo = (await myDocuments(citizen)).filter((d) => d.issuedOn === '2025-09-08');
    expect(demo.map((d) => [d.documentType, d.origin]).sort()).toEqual([
      ['cccd', 'digitized_component'], ['giay-chung-nhan-ket-hon', 'result'], ['xac-nhan-tinh-trang-hon-nhan', 'digitized_component'], [null, 'digitized_component'],
    ].sort());
    const certificate = demo.find((d) => d.origin === 'result')!;
    const file = await citizen.get(`/api/v1/citizen/documents/${certificate.id}/file`);
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(flat(pdfText(file.rawPayload))).toContain('GIẤY CHỨNG NHẬN KẾT HÔN Nguyễn Văn An – Trần Thị Bình');
  });
});
