/**
 * The signed-in citizen downloads the documents of their own dossier from "Hồ sơ của tôi"
 * (docs/my-dossiers.md): its files under their original names, its e-form declaration and its
 * receipt (form 01) as PDF. Another citizen is told nothing (404), a file of another dossier or a
 * staff's internal attachment is not found, staff and anonymous callers are not signed in (401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

const dung = '036301003456';
const child = {
  childName: 'Lê Thị Hồng Nhung', childBirthDate: '2025-02-20', childSex: 'female', childEthnicity: 'Kinh', childNationality: 'Việt Nam',
  childBirthplace: 'Trạm Y tế xã Giao Thủy', motherName: 'Phạm Thị Dung', motherBirthYear: 1993, motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam', motherResidence: 'Xóm 3, xã Giao Thủy', relationship: 'Mẹ',
  declarantName: 'Phạm Thị Dung', declarantPersonalId: dung, declarantAddress: 'Xóm 3, xã Giao Thủy', declarantPhone: '0901234567',
};

interface Detail {
  code: string;
  files: Array<{ id: string; name: string; purpose: string; url: string }>;
  declarationPdf: string | null;
  receiptPdf: string | null;
}

describe.each(databaseKinds)('the citizen’s own documents on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let specialist: Agent;
  let dungAgent: Agent;
  let an: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(Date.parse('2025-03-04T09:00:00+07:00')), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    dungAgent = await t.signInCitizen(dung);
    an = await t.signInCitizen('036090001234');
  });
  afterAll(async () => t?.close());

  const scan = async (agent: Agent, name: string, content: Buffer) => {
    const file = multipartFile(name, content, 'application/pdf');
    const res = await agent.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const detail = async (agent: Agent, code: string) => {
    const res = await agent.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };

  let birth: { id: number; code: string };
  const certificate = Buffer.concat([samplePdf, Buffer.from('%chung-sinh\n')]);

  it('lists the dossier’s files with their download links, the declaration and the receipt, and serves each to its owner', async () => {
    const fileId = await scan(officer, 'Giấy chứng sinh – bé Nhung.pdf', certificate);
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.001193', applicant: { name: 'Phạm Thị Dung', idNumber: dung },
      components: [{ index: 1, received: true, fileIds: [fileId] }], declaration: child,
    });
    expect(res.statusCode, res.body).toBe(201);
    birth = res.json();

    const mine = await detail(dungAgent, birth.code);
    const base = `/api/v1/citizen/dossiers/${encodeURIComponent(birth.code)}`;
    expect(mine.files).toEqual([expect.objectContaining({ id: fileId, name: 'Giấy chứng sinh – bé Nhung.pdf', url: `${base}/files/${fileId}` })]);
    expect(mine.declarationPdf).toBe(`${base}/declaration.pdf`);
    expect(mine.receiptPdf).toBe(`${base}/receipt.pdf`);

    const file = await dungAgent.get(mine.files[0]!.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(certificate)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`inline; filename="Giay chung sinh _ be Nhung.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy chứng sinh – bé Nhung.pdf')}`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('private, no-store');

    const declaration = await dungAgent.get(mine.declarationPdf!);
    expect(declaration.statusCode).toBe(200);
    expect(declaration.headers['content-type']).toBe('application/pdf');
    expect(declaration.headers['x-content-type-options']).toBe('nosniff');
    expect(declaration.headers['content-disposition']).toContain(encodeURIComponent(`to-khai-${birth.code}.pdf`));
    expect(flat(pdfText(declaration.rawPayload))).toContain('Lê Thị Hồng Nhung');

    const receipt = await dungAgent.get(mine.receiptPdf!);
    expect(receipt.statusCode).toBe(200);
    const receiptText = flat(pdfText(receipt.rawPayload));
    expect(receiptText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receiptText).toContain(birth.code);
    // Reading the receipt writes nothing: no rating token is issued for the citizen's copy.
    expect(await t.database.db.selectFrom('dossier_rating_tokens').select('dossier_id').where('dossier_id', '=', birth.id).execute()).toEqual([]);
  });

  it('answers 404 to another citizen and 401 to staff and anonymous callers', async () => {
    const mine = await detail(dungAgent, birth.code);
    for (const url of [mine.files[0]!.url, mine.declarationPdf!, mine.receiptPdf!]) {
      const res = await an.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('dossier.not_found');
      expect((await officer.get(url)).statusCode, url).toBe(401);
      expect((await t.anonymous().get(url)).statusCode, url).toBe(401);
    }
  });

  it('finds no file of another dossier under this one, nor a staff’s internal attachment', async () => {
    // Nguyễn Văn An's dossier: its file is not reachable through Dung's dossier code.
    const other = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234' },
      components: [{ index: 0, received: true, fileIds: [await scan(officer, 'to-khai-an.pdf', samplePdf)] }],
    });
    expect(other.statusCode, other.body).toBe(201);
    const anFile = (await detail(an, other.json().code)).files[0]!.id;
    const base = `/api/v1/citizen/dossiers/${encodeURIComponent(birth.code)}`;
    const crossed = await dungAgent.get(`${base}/files/${anFile}`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().code).toBe('file.not_found');

    // A note the officer attaches when handing the dossier on stays with the staff.
    const note = await scan(officer, 'phieu-trinh-noi-bo.pdf', Buffer.concat([samplePdf, Buffer.from('%noi-bo\n')]));
    const transfer = await officer.post(`/api/v1/dossiers/${birth.id}/actions`, { action: 'transfer', fileIds: [note] });
    expect(transfer.statusCode, transfer.body).toBe(200);
    const purpose = await t.database.db.selectFrom('files').select('purpose').where('id', '=', note).executeTakeFirstOrThrow();
    expect(purpose.purpose).toBe('attachment');
    expect((await detail(dungAgent, birth.code)).files.map((f) => f.id)).not.toContain(note);
    expect((await dungAgent.get(`${base}/files/${note}`)).json().code).toBe('file.not_found');
    expect((await specialist.get(`/api/v1/files/${note}`)).statusCode).toBe(200);
  });

  it('offers no declaration for a dossier filed without one', async () => {
    const prepared = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Phạm Thị Dung', idNumber: dung }, components: [{ index: 0, received: true }],
    });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const mine = await detail(dungAgent, prepared.json().code);
    expect(mine.declarationPdf).toBeNull();
    const res = await dungAgent.get(`/api/v1/citizen/dossiers/${encodeURIComponent(prepared.json().code)}/declaration.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('declaration.not_found');
  });
});
