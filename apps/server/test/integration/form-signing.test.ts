/**
 * Forms and the statistics report signed digitally (docs/signatures.md): form 01 by the officer who
 * issued it (their signature only), form 04 by the head with the agency's seal, the report by a
 * leader; each valid for poppler's pdfsig and our verifier against the development root, and not
 * after one byte is changed. Who may sign is the server's answer, which the console shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../src/infra/signing/verify.ts';
import { trustAnchors } from '../../src/modules/signing/signing.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { flat, pdfText, qrCodes } from '../support/pdf-tools.ts';
import { pdfsig } from '../support/pdfsig.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('signed forms and report on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let dossier: { id: number; code: string };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
      const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    const created = await officer.post('/api/v1/dossiers', {
      procedureCode: 'DEMO.003', applicant: { name: 'Nguyễn Thị Ánh Tuyết', idNumber: '036190001234' }, components: [0, 1, 2, 3].map((index) => ({ index, received: true })),
    });
    expect(created.statusCode, created.body).toBe(201);
    dossier = created.json();
    now = at('2025-03-03T10:00:00+07:00');
    await act(officer, dossier.id, 'transfer');
    now = at('2025-03-17T08:00:00+07:00');
    await act(leader, dossier.id, 'apologize', { note: 'Cần xác minh thêm', newDueAt: '2025-03-24T17:00:00+07:00' });
    now = at('2025-03-18T09:00:00+07:00');
  }, 120_000);
  afterAll(async () => t?.close());

  const roots = async () => (await trustAnchors(t.deps)).roots;
  const expectValid = async (pdf: Uint8Array, count: number) => {
    const report = await pdfsig(pdf, await roots());
    expect(report.signatures, report.output).toHaveLength(count);
    for (const s of report.signatures) {
      expect(s.signatureValid, report.output).toBe(true);
      expect(s.certificateTrusted, report.output).toBe(true);
    }
    expect(report.signatures.at(-1)!.totalDocumentSigned, report.output).toBe(true);
    expect((await verifyPdf(pdf, { roots: await roots() })).valid).toBe(true);
    const tampered = new Uint8Array(pdf);
    tampered[100] = tampered[100]! ^ 0x01;
    const broken = await pdfsig(tampered, await roots());
    expect(broken.signatures.some((s) => s.signatureValid), broken.output).toBe(false);
    expect((await verifyPdf(tampered, { roots: await roots() })).valid).toBe(false);
  };

  it('tells each caller which forms they may sign: the officer the receipt they issued, the leader the apology', async () => {
    expect((await officer.get(`/api/v1/dossiers/${dossier.id}/forms/signable`)).json()).toEqual({ forms: ['01'] });
    expect((await leader.get(`/api/v1/dossiers/${dossier.id}/forms/signable`)).json()).toEqual({ forms: ['04'] });
    expect((await specialist.get(`/api/v1/dossiers/${dossier.id}/forms/signable`)).json()).toEqual({ forms: [] });
  });

  it('signs form 01 with the officer’s own signature, valid for pdfsig and verifyPdf, with its QR code; a changed byte breaks it', async () => {
    const res = await officer.post(`/api/v1/dossiers/${dossier.id}/forms/01/sign`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = new Uint8Array(res.rawPayload);
    await expectValid(pdf, 1);
    const id = (await t.database.db.selectFrom('signed_documents').select(['id', 'status']).where('kind', '=', 'form').where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow());
    expect(id.status).toBe('signed_by_person');
    expect(qrCodes(pdf)).toContain(`${t.deps.config.publicBaseUrl}/xac-thuc/${id.id}`);
    expect(flat(pdfText(pdf))).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });

  it('signs form 04 with the leader’s signature and the agency’s seal, numbered from the register, which counts it as signed digitally', async () => {
    expect((await officer.post(`/api/v1/dossiers/${dossier.id}/forms/04/sign`, {})).statusCode).toBe(403);
    const res = await leader.post(`/api/v1/dossiers/${dossier.id}/forms/04/sign`, {});
    expect(res.statusCode, res.body).toBe(200);
    const pdf = new Uint8Array(res.rawPayload);
    await expectValid(pdf, 2);
    const number = /Số: (\d+\/UBND)\s/.exec(pdfText(pdf))?.[1];
    expect(number).toBeDefined();
    const listed = (await leader.get(`/api/v1/documents?direction=outgoing&year=2025&number=${Number(number!.split('/')[0])}`)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ numberText: number, digitallySigned: true });
  });

  it('signs the statistics report of the commune for a leader, valid, a changed byte not; refuses a report of no single agency and the officer', async () => {
    const query = 'from=2025-03-01&to=2025-03-31&agency=000.41.00.H40';
    expect((await leader.get(`/api/v1/reports/statistics/signing?agency=000.41.00.H40`)).json()).toEqual({ canSign: true });
    expect((await leader.get('/api/v1/reports/statistics/signing')).json()).toEqual({ canSign: false });
    expect((await officer.post(`/api/v1/reports/statistics/sign?${query}`, {})).statusCode).toBe(403);
    expect((await leader.post('/api/v1/reports/statistics/sign?from=2025-03-01&to=2025-03-31', {})).statusCode).toBe(400);
    const res = await leader.post(`/api/v1/reports/statistics/sign?${query}`, {});
    expect(res.statusCode, res.body).toBe(200);
    await expectValid(new Uint8Array(res.rawPayload), 1);
  });
});
