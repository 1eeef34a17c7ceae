/**
 * The demo's signed documents (src/demo/signed-documents.ts): Nguyễn Văn An finds a result signed
 * by the leader and the commune in "Hồ sơ của tôi", its verification page says every signature is
 * valid, and xã Giao Thủy's registers hold two incoming and two issued outgoing documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSignedDocuments } from '../../src/demo/signed-documents.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

describe('the demo’s signed documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedDemoSignedDocuments(t.deps);
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives An a signed result notice to download, valid on its verification page', async () => {
    const citizen = await t.signInCitizen('036090001234');
    const list = (await citizen.get('/api/v1/citizen/dossiers')).json().items as Array<{ code: string; procedure: { code: string } }>;
    const dossier = list.find((d) => d.procedure.code === 'DEMO.005')!;
    expect(dossier).toBeDefined();
    const detail = (await citizen.get(`/api/v1/citizen/dossiers/${encodeURIComponent(dossier.code)}`)).json();
    const result = (detail.files as Array<{ purpose: string; url: string }>).find((f) => f.purpose === 'result')!;
    const file = await citizen.get(result.url);
    expect(file.statusCode).toBe(200);
    expect(flat(pdfText(file.rawPayload))).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');

    const officer = await t.signIn('canbo.giaothuy');
    const id = (await t.database.db.selectFrom('dossiers').select('id').where('code', '=', dossier.code).executeTakeFirstOrThrow()).id;
    const documentId = (await officer.get(`/api/v1/dossiers/${id}`)).json().resultDocument.id as string;
    const verified = (await t.anonymous().get(`/api/v1/public/signed-documents/${documentId}`)).json();
    expect(verified).toMatchObject({ status: 'signed', verification: { valid: true } });
    expect(verified.signatures.map((s: { as: string }) => s.as)).toEqual(['person', 'agency']);
  });

  it('fills xã Giao Thủy’s registers: two incoming (one routed), two outgoing issued with their numbers', async () => {
    const officer = await t.signIn('canbo.giaothuy');
    const items = (await officer.get('/api/v1/documents')).json().items as Array<{ direction: string; status: string }>;
    expect(items.filter((d) => d.direction === 'incoming').map((d) => d.status).sort()).toEqual(['registered', 'routed']);
    expect(items.filter((d) => d.direction === 'outgoing').map((d) => d.status)).toEqual(['issued', 'issued']);
  });
});
