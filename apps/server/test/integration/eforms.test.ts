/**
 * Interactive e-forms (docs/eforms.md): the birth registration declaration of the demo bundle,
 * filled online or at the counter, checked by the domain's rules, stored on the dossier, found by
 * the staff's search, exported, and printed in the official layout. A signed-in citizen's verified
 * fields keep the e-ID's values whatever the request says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';
import { exportDossiers } from '../../src/modules/imports/export.usecases.ts';

const at = (iso: string) => Date.parse(iso);
const agencyCode = '000.41.00.H40';

const child = {
  childName: 'Lê Thị Hồng Nhung', childBirthDate: '2025-02-20', childSex: 'female', childEthnicity: 'Kinh', childNationality: 'Việt Nam',
  childBirthplace: 'Trạm Y tế xã Giao Thủy', motherName: 'Phạm Thị Dung', motherBirthYear: 1993, motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam', motherResidence: 'Xóm 3, xã Giao Thủy', relationship: 'Mẹ',
};
const declarant = { declarantName: 'Phạm Thị Dung', declarantPersonalId: '036301003456', declarantAddress: 'Xóm 3, xã Giao Thủy', declarantPhone: '0901234567' };

describe.each(databaseKinds)('e-form declarations on %s', (kind) => {
  let t: TestApp;
  const now = at('2025-03-04T09:00:00+07:00');
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  const upload = async (agent: Agent) => {
    const file = multipartFile('giay-chung-sinh.pdf', samplePdf, 'application/pdf');
    const res = await agent.request('POST', '/api/v1/public/files', file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadToken: string };
  };
  /** Online birth registration: the birth certificate uploaded, the declaration filled on the e-form (no scan of it). */
  const submit = async (agent: Agent, declaration: Record<string, unknown>, name = 'Phạm Thị Dung', phone = '0901234567') => {
    const scan = await upload(agent);
    return agent.post('/api/v1/public/dossiers', {
      procedureCode: '1.001193', agencyCode, applicant: { name, phone },
      components: [{ index: 1, fileIds: [scan.id] }], uploadTokens: { [scan.id]: scan.uploadToken }, declaration,
    });
  };

  it('publishes the procedure’s e-form with the procedure', async () => {
    const res = await t.anonymous().get('/api/v1/public/procedures/1.001193');
    expect(res.statusCode).toBe(200);
    const form = res.json().declaration;
    expect(form).toMatchObject({ id: 'to-khai-khai-sinh', version: 1, component: 0 });
    expect(form.sections.flatMap((s: { fields: Array<{ key: string }> }) => s.fields.map((f) => f.key))).toContain('childName');
  });

  it('stores a valid declaration submitted online; the component it replaces counts as received, the dossier is found by the child’s name, exported, and printed', async () => {
    const res = await submit(t.anonymous(), { ...child, ...declarant, childName: '  Lê Thị Hồng Nhung ', fatherName: '' });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };

    const detail = (await officer.get(`/api/v1/dossiers/${id}`)).json();
    expect(detail.declaration).toMatchObject({
      eform: 'to-khai-khai-sinh@1', verified: [], pdf: `/api/v1/dossiers/${id}/declaration.pdf`,
      answers: { childName: 'Lê Thị Hồng Nhung', motherBirthYear: 1993 },
    });
    expect(detail.declaration.answers).not.toHaveProperty('fatherName');
    expect(detail.components[0]).toMatchObject({ received: true, digitized: true, kind: 'electronic' });

    // Without diacritics, in any case: the staff's search finds the dossier by the child's name.
    const found = (await officer.get('/api/v1/dossiers?view=all&q=hong%20nhung')).json();
    expect(found.items.map((i: { code: string }) => i.code)).toContain(code);

    const lines: string[] = [];
    for await (const line of exportDossiers(t.database.db)) lines.push(line);
    // Only received dossiers are exported: receive it first.
    expect(lines.some((l) => l.includes(code))).toBe(false);
    expect((await officer.post(`/api/v1/dossiers/${id}/actions`, { action: 'receive' })).statusCode).toBe(200);
    const exported: string[] = [];
    for await (const line of exportDossiers(t.database.db)) exported.push(line);
    const mine = exported.map((l) => JSON.parse(l)).find((l) => l.code === code);
    expect(mine.declaration).toMatchObject({ form: 'to-khai-khai-sinh@1', answers: { childName: 'Lê Thị Hồng Nhung' }, verified: [] });

    const pdf = await officer.get(`/api/v1/dossiers/${id}/declaration.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfText(pdf.rawPayload));
    for (const phrase of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỜ KHAI ĐĂNG KÝ KHAI SINH', 'Kính gửi: Ủy ban nhân dân', 'Lê Thị Hồng Nhung', 'Nữ', '20/02/2025', 'Phạm Thị Dung', 'Tôi cam đoan']) {
      expect(text).toContain(phrase);
    }
  });

  it('refuses an invalid declaration with the path and both messages of every bad field, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await submit(t.anonymous(), { ...child, ...declarant, childName: '', childBirthDate: '2025-03-05', childSex: 'x', motherPersonalId: '123', nickname: 'Bé' });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('declaration.invalid');
    expect(problem.issues.map((i: { path: string }) => i.path)).toEqual([
      'declaration.childName', 'declaration.childBirthDate', 'declaration.childSex', 'declaration.motherPersonalId', 'declaration.nickname',
    ]);
    expect(problem.issues[1].messages.vi).toContain('không được sau ngày hôm nay');
    const after = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a declaration for a procedure without an e-form: the scanned declaration is attached instead', async () => {
    const scan = await upload(t.anonymous());
    const res = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: 'DEMO.005', agencyCode, applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [scan.id] }], uploadTokens: { [scan.id]: scan.uploadToken }, declaration: { anything: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', issues: [{ path: 'declaration' }] });
  });

  it('keeps the e-ID’s values in the verified fields of a signed-in citizen, whatever was sent', async () => {
    const citizen = await t.signInCitizen('036090001234');
    // The applicant block carries the e-ID's values (a different one is refused: my-dossiers tests); the declaration's are overwritten.
    const res = await submit(citizen, { ...child, declarantName: 'Someone Else', declarantPersonalId: '999999999999', relationship: 'Cha' }, 'Nguyễn Văn An', '0912345678');
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    const detail = (await officer.get(`/api/v1/dossiers/${id}`)).json();
    expect(detail.declaration.answers).toMatchObject({
      declarantName: 'Nguyễn Văn An', declarantPersonalId: '036090001234', declarantPhone: '0912345678', declarantEmail: 'an.nguyen@example.vn',
    });
    expect(detail.declaration.verified).toEqual(['declarantName', 'declarantPersonalId', 'declarantAddress', 'declarantPhone', 'declarantEmail']);
    const text = flat(pdfText((await officer.get(`/api/v1/dossiers/${id}/declaration.pdf`)).rawPayload));
    expect(text).toContain('Họ, chữ đệm, tên người yêu cầu (*): Nguyễn Văn An');
    expect(text).toContain('VNeID');
  });

  it('takes a declaration filled by the officer at the counter, and answers 404 for a dossier without one', async () => {
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.001193', applicant: { name: 'Phạm Thị Dung', idNumber: '036301003456' },
      components: [{ index: 1, received: true }], declaration: { ...child, ...declarant, childName: 'Trần Gia Bảo', childSex: 'male' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json();
    expect(detail.status).toBe('received');
    expect(detail.declaration).toMatchObject({ eform: 'to-khai-khai-sinh@1', answers: { childName: 'Trần Gia Bảo', childSex: 'male' }, verified: [] });
    expect(detail.components[0]).toMatchObject({ received: true, digitized: true });
    const found = (await officer.get('/api/v1/dossiers?view=all&q=tran%20gia%20bao')).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([detail.id]);

    const bad = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.001193', applicant: { name: 'Phạm Thị Dung' }, components: [{ index: 1, received: true }],
      declaration: { ...child, ...declarant, motherBirthYear: 2030 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['declaration.motherBirthYear']);

    const plain = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.001193', applicant: { name: 'Phạm Thị Dung' }, components: [{ index: 0, received: true }, { index: 1, received: true }],
    });
    expect(plain.statusCode, plain.body).toBe(201);
    const none = await officer.get(`/api/v1/dossiers/${plain.json().id}/declaration.pdf`);
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('declaration.not_found');
  });
});
