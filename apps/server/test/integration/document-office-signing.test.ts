/**
 * An outgoing document signed digitally (docs/rules/document-office.md): the leader's signature at
 * `sign`, the agency's — applied by the clerk's office at `issue`, its stamp printing the number —
 * both valid for poppler's pdfsig and for our verifier against the development root; one byte
 * changed and neither is; the dashboard counts the document as signed digitally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@motcua/domain';
import { verifyPdf } from '../../src/infra/signing/verify.ts';
import { trustAnchors } from '../../src/modules/signing/signing.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, onePagePdf } from '../support/multipart.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';
import { pdfsig } from '../support/pdfsig.ts';

const commune = '000.41.00.H40';

describe.each(databaseKinds)('signed outgoing documents on %s', (kind) => {
  let t: TestApp;
  const now = parseInstant('2026-06-15T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let agencyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    agencyId = await t.agencyId(commune);
  }, 120_000);
  afterAll(async () => t?.close());

  const step = async (agent: Agent, id: string, action: string) => {
    const res = await agent.post(`/api/v1/documents/${id}/actions`, { action });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('is signed by the leader at sign and by the agency at issue, both valid for pdfsig and verifyPdf; a changed byte breaks both', async () => {
    const file = multipartFile('quyet-dinh.pdf', await onePagePdf('QUYET DINH'), 'application/pdf');
    const up = await specialist.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(up.statusCode, up.body).toBe(201);
    const drafted = await specialist.post('/api/v1/documents/outgoing', { agencyId, type: 'quyet_dinh', summary: 'Quyết định công nhận gia đình văn hóa', fileId: up.json().id });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json().id as string;
    await step(leader, id, 'approve');
    const signed = await step(leader, id, 'sign');
    expect(signed).toMatchObject({ status: 'signed', digitallySigned: true });
    expect(signed.signedDocumentId).toMatch(/^[a-z2-7]{16}$/);
    const issued = await step(officer, id, 'issue');
    expect(issued).toMatchObject({ status: 'issued', digitallySigned: true, numberText: '01/QĐ-UBND' });

    const res = await officer.get(`/api/v1/documents/${id}/file`);
    expect(res.statusCode).toBe(200);
    const pdf = new Uint8Array(res.rawPayload);
    const roots = (await trustAnchors(t.deps)).roots;
    const report = await pdfsig(pdf, roots);
    expect(report.signatures, report.output).toHaveLength(2);
    for (const s of report.signatures) {
      expect(s.signatureValid, report.output).toBe(true);
      expect(s.certificateTrusted, report.output).toBe(true);
    }
    expect(report.signatures[1]!.totalDocumentSigned, report.output).toBe(true);
    const ours = await verifyPdf(pdf, { roots });
    expect(ours.valid, JSON.stringify(ours.signatures.map((s) => s.problems))).toBe(true);
    expect(ours.signatures).toHaveLength(2);
    // The agency's stamp prints the number given at issue; the QR's page is printed too.
    const text = flat(pdfText(pdf));
    expect(text).toContain('01/QĐ-UBND');
    expect(text).toContain(`/xac-thuc/${signed.signedDocumentId}`);
    const stored = await t.database.db.selectFrom('signed_documents').select(['kind', 'status', 'number']).where('id', '=', signed.signedDocumentId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ kind: 'outgoing', status: 'signed', number: '01/QĐ-UBND' });

    const tampered = new Uint8Array(pdf);
    tampered[100] = tampered[100]! ^ 0x01;
    const broken = await pdfsig(tampered, roots);
    expect(broken.signatures.some((s) => s.signatureValid), broken.output).toBe(false);
    expect((await verifyPdf(tampered, { roots })).valid).toBe(false);
  });

  it('counts the issued document as signed digitally: a share of 100 % for the agency', async () => {
    const rows = (await leader.get('/api/v1/documents/summary?from=2026-06-01&to=2026-06-30')).json().items;
    expect(rows.find((r: { agencyId: string }) => r.agencyId === agencyId)).toMatchObject({ issued: 1, digitallySigned: 1, digitalShare: 1 });
  });

  it('keeps the person’s signature the leader’s: the clerk may not sign, only seal at issue', async () => {
    const file = multipartFile('cv.pdf', await onePagePdf(), 'application/pdf');
    const up = await specialist.request('POST', '/api/v1/files', file.payload, file.headers);
    const id = (await specialist.post('/api/v1/documents/outgoing', { agencyId, type: 'quyet_dinh', summary: 'Quyết định thứ hai', fileId: up.json().id })).json().id as string;
    await step(leader, id, 'approve');
    expect((await officer.post(`/api/v1/documents/${id}/actions`, { action: 'sign' })).statusCode).toBe(403);
  });
});
