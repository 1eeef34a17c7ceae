/**
 * Assisted filing with the procedure's declaration e-form (docs/rules/assisted-filing.md): the
 * preparer fills it with the applicant and it is checked as at the counter; confirmed with the
 * one-time code it stays as filled, nothing verified; confirmed signed in with the e-ID, the fields
 * the identity fills are held against it: equal ones become verified, a different one refuses the
 * confirmation and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

const an = '036090001234';
const anAddress = 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình';
const declaration = {
  declarantName: 'Nguyễn Văn An', declarantPersonalId: an, declarantAddress: anAddress, declarantPhone: '0912345678', relationship: 'Cha',
  childName: 'Nguyễn Minh Khang', childBirthDate: '2025-02-25', childSex: 'male', childEthnicity: 'Kinh', childNationality: 'Việt Nam',
  childBirthplace: 'Trạm Y tế xã Giao Thủy', motherName: 'Trần Thị Mai', motherBirthYear: 1994, motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam', motherResidence: 'Xóm 3, xã Giao Thủy',
};

describe.each(databaseKinds)('assisted filing with an e-form on %s', (kind) => {
  let t: TestApp;
  let helper: Agent;
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(Date.parse('2025-03-04T09:00:00+07:00')), config: { SESSION_TTL_HOURS: '720' } });
    helper = await t.signIn('hotro.giaothuy');
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  /** Birth registration prepared by the community helper for Nguyễn Văn An: the birth certificate uploaded, the declaration on the e-form. */
  const prepare = async (answers: Record<string, unknown>) => {
    const file = multipartFile('giay-chung-sinh.pdf', samplePdf, 'application/pdf');
    const uploaded = await helper.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    return helper.post('/api/v1/dossiers/assisted', {
      procedureCode: '1.001193', applicant: { name: 'Nguyễn Văn An', idNumber: an, phone: '0912345678' },
      components: [{ index: 1, fileIds: [uploaded.json().id] }], declaration: answers,
    });
  };
  const prepared = async (answers: Record<string, unknown>) => {
    const res = await prepare(answers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string; codeSent: { devCode: string } };
  };
  const confirm = (code: string, body: Record<string, unknown>, agent: Agent = t.anonymous()) =>
    agent.post(`/api/v1/public/dossiers/${encodeURIComponent(code)}/confirm`, body);
  const stored = (id: number) => t.database.db.selectFrom('dossiers').select(['status', 'declaration', 'declaration_form', 'components']).where('id', '=', id).executeTakeFirstOrThrow();

  it('takes the declaration the helper filled, checked as at the counter; the component it replaces is received', async () => {
    const bad = await prepare({ ...declaration, motherBirthYear: 2030 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'declaration.invalid' });
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['declaration.motherBirthYear']);

    const { id } = await prepared({ ...declaration, childName: '  Nguyễn Minh Khang ' });
    const row = await stored(id);
    expect(row.status).toBe('awaiting_confirmation');
    expect(row.declaration_form).toBe('to-khai-khai-sinh@1');
    expect(row.declaration).toEqual({ answers: { ...declaration, childName: 'Nguyễn Minh Khang' }, verified: [] });
    expect((row.components as Array<{ received: boolean; digitized: boolean }>)[0]).toMatchObject({ received: true, digitized: true });
    const found = (await officer.get('/api/v1/dossiers?view=all&q=nguyen%20minh%20khang')).json();
    expect(found.items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('keeps the declaration as filled, nothing verified, when the applicant confirms with the code', async () => {
    const p = await prepared(declaration);
    const res = await confirm(p.code, { oneTimeCode: p.codeSent.devCode });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(p.id)).toMatchObject({ status: 'submitted', declaration: { answers: declaration, verified: [] } });
  });

  it('marks verified, when the applicant confirms signed in, the fields their e-ID vouches for; the answers are not changed', async () => {
    const p = await prepared(declaration);
    const citizen = await t.signInCitizen(an);
    const res = await confirm(p.code, {}, citizen);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().proof).toBe('eid');
    const row = await stored(p.id);
    expect(row).toMatchObject({ status: 'submitted', declaration: { answers: declaration } });
    expect(row.declaration!.verified.sort()).toEqual(['declarantAddress', 'declarantName', 'declarantPersonalId', 'declarantPhone']);
    const event = await t.database.db.selectFrom('dossier_events').select('data').where('dossier_id', '=', p.id).where('action', '=', 'confirm').executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ proof: 'eid', declarationVerified: expect.arrayContaining(['declarantName', 'declarantPhone']) });
    // The printed declaration carries the e-ID's mark.
    expect(flat(pdfText((await officer.get(`/api/v1/dossiers/${p.id}/declaration.pdf`)).rawPayload))).toContain('VNeID');
  });

  it('refuses the signed-in confirmation of a declaration that contradicts the e-ID, and changes nothing', async () => {
    const p = await prepared({ ...declaration, declarantPhone: '0900000000' });
    const citizen = await t.signInCitizen(an);
    const res = await confirm(p.code, {}, citizen);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'preparation.declaration_mismatch', issues: [{ path: 'declaration.declarantPhone' }] });
    expect(await stored(p.id)).toMatchObject({ status: 'awaiting_confirmation', declaration: { verified: [] } });
    const log = await t.database.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', p.id).execute();
    expect(log.map((e) => e.action)).toEqual(['prepare']);
  });
});
