/**
 * Only the applicant rates a dossier (docs/rules/service-quality.md): with the security code of an
 * online receipt, or the one-time token of the rating QR code printed on form 01; once, after the
 * result. A stranger who knows only the code — from as many addresses as they like — can neither
 * rate nor lock the applicant out; each refused proof is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { pdfText, qrCodes } from '../support/pdf-tools.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('who may rate a dossier, on %s', (kind) => {
  let t: TestApp;
  const now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let address = 0;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
  });
  afterAll(async () => t?.close());

  const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  /** A rating from its own address each time: per-address limits are no defence, the proof is. */
  const rate = (code: string, body: Record<string, unknown>) =>
    t.anonymous().post(`/api/v1/public/dossiers/${encodeURIComponent(code)}/rating`, body, { 'x-forwarded-for': `203.0.113.${++address % 250}` });
  const resolve = async (id: number) => {
    await act(officer, id, 'transfer');
    await act(specialist, id, 'forward');
    await act(leader, id, 'resolve');
  };
  /** A dossier received at the counter; its form 01 printed, with the token of its rating QR code. */
  const counterDossier = async () => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Trịnh Thị Tâm' }, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const pdf = (await officer.get(`/api/v1/dossiers/${id}/forms/01`)).rawPayload;
    const codes = qrCodes(pdf, 'all');
    const rating = codes.find((c) => c.includes('/danh-gia/'));
    return { id, code, pdf, codes, token: rating?.split('#')[1] };
  };

  it('prints two QR codes on form 01, both readable and labelled: the status page and the one-time rating address', async () => {
    const d = await counterDossier();
    const status = `https://dichvucong.example.vn/tra-cuu/${encodeURIComponent(d.code)}`;
    expect(d.codes.sort()).toEqual([status, `https://dichvucong.example.vn/danh-gia/${encodeURIComponent(d.code)}#${d.token}`].sort());
    expect(d.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const text = pdfText(d.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Tra cứu hồ sơ:');
    expect(text).toMatch(/ĐÁNH GIÁ HÀI LÒNG Tra cứu hồ sơ: /);
    // Only its hash is stored.
    const stored = await t.database.db.selectFrom('dossier_rating_tokens').select(['token_hash', 'issued_by']).where('dossier_id', '=', d.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(d.token!);
    expect(stored[0]!.issued_by).not.toBeNull();
  });

  it('refuses a stranger who has only the code, from any number of addresses, and still lets the applicant rate after', async () => {
    const d = await counterDossier();
    await resolve(d.id);
    for (let i = 0; i < 15; i++) {
      const res = await rate(d.code, { score: 1 });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code).toBe('rating.proof_required');
    }
    for (const wrong of [{ securityCode: 'DOAN-MO-123' }, { ratingToken: 'x'.repeat(24) }, { ratingToken: d.token!.slice(0, -1) + (d.token!.endsWith('A') ? 'B' : 'A') }]) {
      const res = await rate(d.code, { score: 1, ...wrong });
      expect(res.statusCode, JSON.stringify(wrong)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'rating.proof_invalid', detail: expect.any(String) });
    }
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(d.code)}`)).json().rated).toBe(false);
    const refused = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', d.code).where('action', '=', 'dossier.rating_refused').execute();
    expect(refused).toHaveLength(3);
    // The applicant, with the receipt's QR code: accepted once; the token is spent, and says so.
    const rated = await rate(d.code, { score: 5, comment: 'Cán bộ hướng dẫn tận tình', ratingToken: d.token });
    expect(rated.statusCode, rated.body).toBe(201);
    const again = await rate(d.code, { score: 1, ratingToken: d.token });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'rating.already_rated', detail: expect.stringContaining('Mỗi hồ sơ chỉ được đánh giá một lần') });
    const row = await t.database.db.selectFrom('dossier_ratings as r').innerJoin('dossiers as d', 'd.id', 'r.dossier_id').select(['r.score', 'r.proof']).where('d.code', '=', d.code).executeTakeFirstOrThrow();
    expect(row).toEqual({ score: 5, proof: 'token' });
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(d.code)}`)).json().rated).toBe(true);
  });

  it('accepts a rating only after the result, and once, with a valid proof', async () => {
    const d = await counterDossier();
    const early = await rate(d.code, { score: 4, ratingToken: d.token });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'rating.too_early', detail: expect.any(String) });
    await resolve(d.id);
    // A reprint issues another token; either one rates, once in all.
    const reprinted = qrCodes((await officer.get(`/api/v1/dossiers/${d.id}/forms/01`)).rawPayload, 'all').find((c) => c.includes('/danh-gia/'))!.split('#')[1];
    expect(reprinted).not.toBe(d.token);
    expect((await rate(d.code, { score: 4, ratingToken: reprinted })).statusCode).toBe(201);
    expect((await rate(d.code, { score: 2, ratingToken: d.token })).json().code).toBe('rating.already_rated');
    // Once rated, form 01 carries no rating code any more.
    expect(qrCodes((await officer.get(`/api/v1/dossiers/${d.id}/forms/01`)).rawPayload, 'all')).toHaveLength(1);
  });

  it('lets the applicant of an online dossier rate with the security code of the receipt, and nobody with a wrong one', async () => {
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const up = (await t.anonymous().request('POST', '/api/v1/public/files', file.payload, file.headers)).json();
    const submitted = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40', applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [up.id] }], uploadTokens: { [up.id]: up.uploadToken },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code, accessSecret } = submitted.json() as { id: number; code: string; accessSecret: string };
    await act(officer, id, 'receive');
    await resolve(id);
    expect((await rate(code, { score: 1, securityCode: `${accessSecret}x` })).statusCode).toBe(403);
    expect((await rate(code, { score: 1 })).statusCode).toBe(401);
    const rated = await rate(code, { score: 5, securityCode: accessSecret });
    expect(rated.statusCode, rated.body).toBe(201);
    expect((await rate(code, { score: 1, securityCode: accessSecret })).json().code).toBe('rating.already_rated');
  });

  it('tells an unknown code as the public lookup does, and nothing more', async () => {
    const unknown = await rate('000.41.00.H40-250101-9999', { score: 5, securityCode: 'abc' });
    expect(unknown.statusCode).toBe(404);
    expect((await t.anonymous().get('/api/v1/public/dossiers/000.41.00.H40-250101-9999')).statusCode).toBe(404);
    expect((await rate('000.41.00.H40-250101-9999', { score: 5 })).statusCode).toBe(401);
  });
});
