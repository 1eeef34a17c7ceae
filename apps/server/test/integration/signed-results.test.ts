/**
 * Results as signed documents (docs/rules/results.md): the specialist attaches the result, the
 * leader signs it with their key and the agency's seal, poppler's pdfsig finds both signatures
 * valid, the QR code on page 1 leads to the verification page, the applicant's first download is
 * the return of the result (`return_result`, delivery `download`), and the verification API tells
 * the stored file from one with a byte changed. A refusal decision is signed the same way.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustAnchors } from '../../src/modules/signing/signing.usecases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { multipartFile } from '../support/multipart.ts';
import { flat, pdfText, qrCodes } from '../support/pdf-tools.ts';
import { pdfsig } from '../support/pdfsig.ts';

const an = '036090001234';
const applicant = { name: 'Nguyễn Văn An', idNumber: an };
const components = [{ index: 0, received: true }, { index: 1, received: true }, { index: 2, received: true }];

/** A result laid out elsewhere (a one-page PDF as an agency's own system would produce it). */
async function externalResult(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText('GIAY CHUNG NHAN KET HON', { x: 170, y: 760, size: 16, font });
  page.drawText('Nguyen Van An - Tran Thi Binh', { x: 190, y: 730, size: 12, font });
  return Buffer.from(await doc.save());
}

describe.each(databaseKinds)('signed results on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let citizen: Agent;
  let roots: Uint8Array[] | undefined;
  beforeAll(async () => {
    t = await startTestApp(kind, { config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    citizen = await t.signInCitizen(an);
  }, 120_000);
  // The development root is made with the first key (docs/signing-keys.md): read once something is signed.
  const trusted = async () => (roots ??= (await trustAnchors(t.deps)).roots);
  afterAll(async () => t?.close());

  const act = async (agent: Agent, id: number, body: Record<string, unknown>, status = 200) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const upload = async (agent: Agent, name: string, bytes: Buffer) => {
    const file = multipartFile(name, bytes, 'application/pdf');
    const res = await agent.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** A marriage registration received at the counter and handed to the specialist. */
  const dossierAtSpecialist = async (resultDelivery: 'online' | 'counter') => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant, components, resultDelivery });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    await act(officer, id, { action: 'transfer' });
    return { id, code };
  };

  let dossier: { id: number; code: string };
  let documentId: string;
  let signed: Buffer;

  it('stores an uploaded result with its QR code and refuses to return it unsigned', async () => {
    dossier = await dossierAtSpecialist('online');
    const fileId = await upload(specialist, 'giay-chung-nhan-ket-hon.pdf', await externalResult());
    const attached = await act(specialist, dossier.id, { action: 'attach_result', fileIds: [fileId] });
    expect(attached.resultDocument).toMatchObject({ kind: 'dossier_result', status: 'unsigned', hasSignatureSlot: false });
    documentId = attached.resultDocument.id;
    expect(documentId).toMatch(/^[a-z2-7]{16}$/);
    await act(specialist, dossier.id, { action: 'forward' });
    await act(leader, dossier.id, { action: 'resolve' });

    const refused = await officer.post(`/api/v1/dossiers/${dossier.id}/actions`, { action: 'return_result' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('dossier.transition_not_allowed');
    // Nothing for the applicant yet: no result file, and the verification API says it is unsigned.
    const early = await t.anonymous().get(`/api/v1/public/signed-documents/${documentId}`);
    expect(early.json()).toMatchObject({ status: 'unsigned', signatures: [], verification: { valid: false } });
  });

  it('is signed by the leader and by the agency, both signatures valid for pdfsig, the QR leading to /xac-thuc/<id>', async () => {
    const signing = await leader.post(`/api/v1/dossiers/${dossier.id}/actions`, { action: 'sign_result' }, { 'idempotency-key': 'sign-once' });
    expect(signing.statusCode, signing.body).toBe(200);
    const after = signing.json();
    expect(after.resultDocument).toMatchObject({ id: documentId, status: 'signed' });
    // Retried with the same key, the request answers the first answer (nothing is signed twice).
    const retried = await leader.post(`/api/v1/dossiers/${dossier.id}/actions`, { action: 'sign_result' }, { 'idempotency-key': 'sign-once' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(after.resultDocument.signatures.map((s: { as: string }) => s.as)).toEqual(['person', 'agency']);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'sign_result' });

    const file = await leader.get(`/api/v1/signed-documents/${documentId}/file`);
    expect(file.statusCode).toBe(200);
    signed = file.rawPayload;
    const report = await pdfsig(signed, await trusted());
    expect(report.signatures, report.output).toHaveLength(2);
    for (const s of report.signatures) {
      expect(s.signatureValid, report.output).toBe(true);
      expect(s.certificateTrusted, report.output).toBe(true);
    }
    expect(report.signatures[1]!.totalDocumentSigned, report.output).toBe(true);
    expect(qrCodes(signed)).toContain(`${t.deps.config.publicBaseUrl}/xac-thuc/${documentId}`);
    expect(flat(pdfText(signed))).toContain(`Xác thực văn bản điện tử: ${t.deps.config.publicBaseUrl}/xac-thuc/${documentId}`);

    // Both signatures are in the audit trail.
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', documentId).execute();
    expect(audit.map((a) => (a.details as { as: string }).as)).toEqual(['person', 'agency']);
  });

  it('is returned by the applicant’s first download from “Hồ sơ của tôi”, recorded as return_result with delivery download', async () => {
    const mine = await citizen.get(`/api/v1/citizen/dossiers/${encodeURIComponent(dossier.code)}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const result = (mine.json().files as Array<{ purpose: string; url: string }>).find((f) => f.purpose === 'result');
    expect(result).toBeDefined();
    for (let i = 0; i < 2; i++) {
      const download = await citizen.get(result!.url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(signed)).toBe(true);
    }
    const log = await t.database.db.selectFrom('dossier_events').select(['action', 'actor_kind', 'data', 'to_status'])
      .where('dossier_id', '=', dossier.id).where('action', '=', 'return_result').execute();
    expect(log).toEqual([expect.objectContaining({ actor_kind: 'citizen', to_status: 'returned', data: expect.objectContaining({ delivery: 'download', proof: 'eid' }) })]);
    // And it is in their data store.
    const store = await citizen.get('/api/v1/citizen/documents');
    expect((store.json().items as Array<{ origin: string; sha256: string }>).some((d) => d.origin === 'result' && d.sha256 === sha(signed))).toBe(true);
  });

  it('tells the stored file from a file with one byte changed, and keeps the file itself from the public', async () => {
    const view = await t.anonymous().get(`/api/v1/public/signed-documents/${documentId}`);
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json();
    expect(body).toMatchObject({ kind: 'dossier_result', status: 'signed', issuer: { code: expect.any(String) } });
    expect(body.signatures).toHaveLength(2);
    // Both signatures of the stored file (B-T: the demo's time-stamp authority) valid and covering it.
    expect(body.verification.valid).toBe(true);
    expect(
      body.verification.signatures.map((s: { valid: boolean; timestamped: boolean; coversWholeDocument: boolean }) => [s.valid, s.timestamped, s.coversWholeDocument]),
    ).toEqual([[true, true, true], [true, true, true]]);
    expect(body.signatures[0].signedAt).toMatch(/\+07:00$/);
    expect(JSON.stringify(body)).not.toContain(an);

    const same = multipartFile('ket-qua.pdf', signed, 'application/pdf');
    const matches = await t.anonymous().request('POST', `/api/v1/public/signed-documents/${documentId}/check`, same.payload, same.headers);
    expect(matches.statusCode, matches.body).toBe(200);
    expect(matches.json()).toMatchObject({ matches: true, sha256: body.sha256 });
    expect(matches.json().verification.signatures).toHaveLength(2);

    // One byte of the first revision, which both signatures cover.
    const tampered = Buffer.from(signed);
    tampered[100] = tampered[100]! ^ 0x01;
    const changed = multipartFile('ket-qua.pdf', tampered, 'application/pdf');
    const differs = await t.anonymous().request('POST', `/api/v1/public/signed-documents/${documentId}/check`, changed.payload, changed.headers);
    expect(differs.statusCode, differs.body).toBe(200);
    expect(differs.json()).toMatchObject({ matches: false, verification: { valid: false } });

    const anonymousFile = await t.anonymous().get(`/api/v1/public/signed-documents/${documentId}/file`);
    expect(anonymousFile.statusCode).toBe(403);
    expect(anonymousFile.json().code).toBe('signed_document.file_access_denied');
    expect((await t.anonymous().get('/api/v1/public/signed-documents/aaaaaaaaaaaaaaaa')).statusCode).toBe(404);
  });

  it('generates the result notice with a signature slot, signs it with the images, and renders it', async () => {
    const d = await dossierAtSpecialist('counter');
    const attached = await act(specialist, d.id, {
      action: 'attach_result', generateResult: { outcome: 'Đăng ký kết hôn; cấp Giấy chứng nhận kết hôn bản chính', signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Đỗ Văn Hùng' },
    });
    expect(attached.resultDocument).toMatchObject({ status: 'unsigned', hasSignatureSlot: true });
    await act(specialist, d.id, { action: 'forward' });
    await act(leader, d.id, { action: 'resolve' });
    const after = await act(leader, d.id, { action: 'sign_result' });
    const file = (await leader.get(`/api/v1/signed-documents/${after.resultDocument.id}/file`)).rawPayload;
    const report = await pdfsig(file, await trusted());
    expect(report.signatures.map((s) => s.signatureValid && s.certificateTrusted), report.output).toEqual([true, true]);
    expect(flat(pdfText(file))).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    // The counter hands it over: the log says how.
    const returned = await act(officer, d.id, { action: 'return_result', delivery: 'counter' });
    expect(returned.status).toBe('returned');
    // Kept for a person to look at (pdftoppm renders it).
    fs.writeFileSync(path.join(os.tmpdir(), `motcua-signed-result-${kind}.pdf`), file);
  });

  it('signs a refusal decision (form 03) when the leader rejects', async () => {
    const d = await dossierAtSpecialist('online');
    await act(specialist, d.id, { action: 'forward' });
    const rejected = await act(leader, d.id, { action: 'reject', reasons: ['Hai bên chưa đủ tuổi kết hôn theo quy định'] });
    expect(rejected.status).toBe('rejected');
    expect(rejected.resultDocument).toMatchObject({ kind: 'rejection_decision', status: 'signed' });
    expect(rejected.timeline.slice(-2).map((e: { action: string }) => e.action)).toEqual(['reject', 'sign_result']);
    const file = (await leader.get(`/api/v1/signed-documents/${rejected.resultDocument.id}/file`)).rawPayload;
    const report = await pdfsig(file, await trusted());
    expect(report.signatures.map((s) => s.signatureValid && s.certificateTrusted), report.output).toEqual([true, true]);
    expect(flat(pdfText(file))).toContain('Hai bên chưa đủ tuổi kết hôn');
  });

  it('gives the signed result to whoever holds the security code of an online dossier, which returns it', async () => {
    const anonymous = t.anonymous();
    const scan = multipartFile('to-khai.pdf', await externalResult(), 'application/pdf');
    const up = await anonymous.request('POST', '/api/v1/public/files', scan.payload, scan.headers);
    expect(up.statusCode, up.body).toBe(201);
    const submitted = await anonymous.post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40', applicant: { name: 'Trịnh Văn Tâm', phone: '0911222333' }, resultDelivery: 'online',
      components: [{ index: 0, fileIds: [up.json().id] }], uploadTokens: { [up.json().id]: up.json().uploadToken },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code, accessSecret } = submitted.json() as { id: number; code: string; accessSecret: string };
    await act(officer, id, { action: 'receive' });
    await act(officer, id, { action: 'transfer' });
    await act(specialist, id, { action: 'attach_result', generateResult: { outcome: 'Đăng ký kết hôn' } });
    await act(specialist, id, { action: 'forward' });
    await act(leader, id, { action: 'resolve' });
    await act(leader, id, { action: 'sign_result' });

    const status = (await anonymous.get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`)).json();
    const documentId = status.signedResult.id as string;
    const url = `/api/v1/public/signed-documents/${documentId}/file`;
    const wrong = await anonymous.request('GET', url, undefined, { 'x-security-code': 'ABCD-EFGH-JKLM-NPQR' });
    expect(wrong.statusCode).toBe(403);
    const right = await anonymous.request('GET', url, undefined, { 'x-security-code': accessSecret });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.headers['content-type']).toBe('application/pdf');
    const log = await t.database.db.selectFrom('dossier_events').select(['action', 'actor_kind', 'data']).where('dossier_id', '=', id).orderBy('seq').execute();
    expect(log.at(-1)).toMatchObject({ action: 'return_result', actor_kind: 'citizen', data: expect.objectContaining({ delivery: 'download', proof: 'security_code' }) });
    expect((await anonymous.get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`)).json().status).toBe('returned');
  });

  it('lets only a leader of the agency sign', async () => {
    const d = await dossierAtSpecialist('counter');
    await act(specialist, d.id, { action: 'attach_result', generateResult: { outcome: 'Đăng ký kết hôn' } });
    const bySpecialist = await specialist.post(`/api/v1/dossiers/${d.id}/actions`, { action: 'sign_result' });
    expect(bySpecialist.statusCode).toBe(403);
    // The sign button is the leader's only.
    const detail = (await specialist.get(`/api/v1/dossiers/${d.id}`)).json();
    expect(detail.allowedActions.map((a: { action: string }) => a.action)).not.toContain('sign_result');
  });
});

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
