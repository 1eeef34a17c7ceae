/**
 * Periodic satisfaction surveys (docs/rules/service-quality.md): the sample is drawn from the
 * dossiers closed in the period at the surveyed agencies only, reproducibly from the seed; each
 * invitation's tokens are stored hashed and answer once; answers come by the public page or an
 * officer's entry (audited) and are counted per unit; the results equal numbers computed by hand,
 * in the JSON and the XLSX; who may design, read and answer.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, formatInstant, type Questionnaire } from '@motcua/domain';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { sha256 } from '../../src/infra/tokens.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { pdfText, qrCodes } from '../support/pdf-tools.ts';

const A = '000.41.00.H40';
const B = '000.42.00.H40';
const C = '000.43.00.H40';

const questionnaire: Questionnaire = {
  questions: [
    { key: 'overall', kind: 'scale5', required: true, text: { vi: 'Ông/Bà hài lòng với việc giải quyết hồ sơ?', en: 'How satisfied were you?' } },
    {
      key: 'contacts', kind: 'single_choice', required: false, text: { vi: 'Số lần phải liên hệ', en: 'Contacts needed' },
      options: [{ key: 'one', text: { vi: 'Một lần', en: 'Once' } }, { key: 'two', text: { vi: 'Hai lần trở lên', en: 'Twice or more' } }],
    },
    { key: 'comment', kind: 'free_text', required: false, text: { vi: 'Góp ý', en: 'Comment' } },
  ],
};

interface Line { code: string; agency: string; closedAt: string | null; withdrawn?: boolean; email?: string; phone?: string }

/**
 * The history: at A, 12 dossiers closed in the third quarter of 2025 (one withdrawn, one closed at
 * 23:59 on 30 September), one closed at 00:00 on 1 October and two still open; at B, 3 closed in
 * the quarter and one open; at C (not surveyed), 4 closed in the quarter.
 */
function history(): Line[] {
  const lines: Line[] = [];
  const contact = (i: number) => (i % 3 === 0 ? { email: `nguoinop${i}@example.vn` } : i % 3 === 1 ? { phone: `09120000${String(i).padStart(2, '0')}` } : {});
  for (let i = 1; i <= 12; i++) {
    const day = String(Math.min(28, 5 + i * 2)).padStart(2, '0');
    const month = i <= 5 ? '07' : i <= 9 ? '08' : '09';
    lines.push({ code: `SV-A-${String(i).padStart(3, '0')}`, agency: A, closedAt: i === 12 ? '2025-09-30T23:59:00+07:00' : `2025-${month}-${day}T10:00:00+07:00`, withdrawn: i === 7, ...contact(i) });
  }
  lines.push({ code: 'SV-A-013', agency: A, closedAt: '2025-10-01T00:00:00+07:00', email: 'muon@example.vn' });
  lines.push({ code: 'SV-A-014', agency: A, closedAt: null, email: 'dangxuly@example.vn' }, { code: 'SV-A-015', agency: A, closedAt: null });
  for (let i = 1; i <= 3; i++) lines.push({ code: `SV-B-00${i}`, agency: B, closedAt: `2025-08-1${i}T15:00:00+07:00`, email: `giaominh${i}@example.vn` });
  lines.push({ code: 'SV-B-004', agency: B, closedAt: null, email: 'b4@example.vn' });
  for (let i = 1; i <= 4; i++) lines.push({ code: `SV-C-00${i}`, agency: C, closedAt: `2025-08-0${i}T15:00:00+07:00`, email: `c${i}@example.vn` });
  return lines;
}

const importLine = (l: Line) => JSON.stringify({
  code: l.code, procedure: '1.000894', agency: l.agency, channel: 'counter',
  applicant: { kind: 'citizen', name: `Người nộp ${l.code}`, ...(l.email ? { email: l.email } : {}), ...(l.phone ? { phone: l.phone } : {}), address: 'Xóm 3, xã Giao Thủy' },
  receivedAt: '2025-07-02T09:00:00+07:00', dueAt: '2025-07-20T17:00:00+07:00', digitized: true,
  events: l.closedAt ? [{ type: l.withdrawn ? 'withdrawn' : 'resolved', at: l.closedAt }] : [],
});

async function* linesOf(lines: string[]) {
  yield* lines;
}

describe.each(databaseKinds)('satisfaction surveys on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2025-10-06T09:00:00+07:00');
  let province: Agent;
  let admin: Agent;
  const lines = history();
  const agencyIds: Record<string, string> = {};
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
    const summary = await importDossiers(t.database, linesOf(lines.map(importLine)));
    expect(summary.rejected).toBe(0);
    province = await t.signIn('quanly.tinh');
    admin = await t.signIn('quantri');
    for (const code of [A, B, C]) agencyIds[code] = await t.agencyId(code);
  });
  afterAll(async () => t?.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    title: 'Khảo sát mức độ hài lòng quý III năm 2025', period: { kind: 'quarter', year: 2025, index: 3 }, agencies: [A, B],
    questionnaire, sampling: { mode: 'size', size: 5 }, seed: 'quy3-2025', ...extra,
  });
  const create = async (agent: Agent, extra: Record<string, unknown> = {}) => {
    const res = await agent.post('/api/v1/surveys', body(extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; seed: string };
  };
  const open = async (id: string) => {
    const res = await province.post(`/api/v1/surveys/${id}/actions`, { action: 'open' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const invitations = (surveyId: string) => t.database.db.selectFrom('survey_invitations as i').innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .select(['i.id', 'i.agency_id', 'i.notified', 'i.draw_rank', 'd.code']).where('i.survey_id', '=', surveyId).orderBy('i.id').execute();
  /** The token in the link of an invitation's message (the message as queued in the outbox). */
  const messageToken = async (surveyId: string, invitationId: number) => {
    const rows = await t.database.db.selectFrom('notifications').select(['variables', 'status']).where('kind', '=', 'survey_invitation')
      .where('dedupe_key', 'like', `survey:${surveyId}:${invitationId}:%`).execute();
    const link = (rows[0]?.variables as { link?: string } | undefined)?.link ?? '';
    return link.split('#t=')[1];
  };
  const publicPost = (url: string, payload: unknown) => t.anonymous().post(url, payload, { 'x-forwarded-for': `198.51.100.${++address % 250}` });

  it('draws the sample from the dossiers closed in the period at the surveyed agencies only, as the seed decides, and again the same', async () => {
    const survey = await create(province);
    expect(survey.status).toBe('draft');
    const preview = (await province.get(`/api/v1/surveys/${survey.id}/sample-preview`)).json();
    expect(preview.asOf).toBeUndefined();
    expect(preview.units.map((u: { agency: string; population: number; sampleSize: number }) => [u.agency, u.population, u.sampleSize]).sort())
      .toEqual([[A, 12, 5], [B, 3, 3]]);
    expect(preview.total).toEqual({ population: 15, sampleSize: 8 });
    await open(survey.id);

    // What the seed draws from the population known by hand (not read back from the database).
    const closedInQuarter = lines.filter((l) => l.closedAt && l.closedAt < '2025-10-01' && (l.agency === A || l.agency === B));
    expect(closedInQuarter).toHaveLength(15);
    const expected = drawSample(closedInQuarter.map((l) => ({ code: l.code, unit: agencyIds[l.agency]! })), { mode: 'size', size: 5 }, 'quy3-2025');
    const drawn = await invitations(survey.id);
    expect(drawn).toHaveLength(8);
    for (const unit of expected) {
      const mine = drawn.filter((d) => d.agency_id === unit.unit).sort((x, y) => x.draw_rank - y.draw_rank).map((d) => d.code);
      expect(mine).toEqual(unit.chosen);
    }
    expect(drawn.some((d) => ['SV-A-013', 'SV-A-014', 'SV-A-015', 'SV-B-004'].includes(d.code) || d.code.startsWith('SV-C'))).toBe(false);

    // The same seed on another survey draws the same dossiers; the draw is in the audit trail.
    const again = await create(province, { title: 'Bản sao để kiểm tra' });
    await open(again.id);
    expect((await invitations(again.id)).map((d) => d.code).sort()).toEqual(drawn.map((d) => d.code).sort());
    const audit = await t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'survey.opened').where('entity_id', '=', survey.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ seed: 'quy3-2025', invited: 8 });
  });

  it('messages every sampled applicant who has an address, with a one-time link whose token is stored only as its hash', async () => {
    const survey = await create(province, { seed: 'tin-nhan' });
    await open(survey.id);
    const drawn = await invitations(survey.id);
    const withAddress = drawn.filter((d) => { const l = lines.find((x) => x.code === d.code)!; return l.email || l.phone; });
    expect(drawn.filter((d) => d.notified).map((d) => d.code).sort()).toEqual(withAddress.map((d) => d.code).sort());
    const messages = await t.database.db.selectFrom('notifications').select(['channel', 'destination', 'variables', 'dossier_id', 'status', 'recipient_kind'])
      .where('kind', '=', 'survey_invitation').where('dedupe_key', 'like', `survey:${survey.id}:%`).execute();
    expect(messages).toHaveLength(withAddress.length);
    for (const m of messages) {
      const link = (m.variables as { link: string }).link;
      expect(link).toMatch(/^https:\/\/dichvucong\.example\.vn\/khao-sat#t=[A-Za-z0-9_-]{24}$/);
      expect(m.status).toBe('queued');
      const token = link.split('#t=')[1]!;
      const stored = await t.database.db.selectFrom('survey_invitation_tokens').select(['token_hash', 'purpose', 'used_at']).where('token_hash', '=', sha256(token)).executeTakeFirstOrThrow();
      expect(stored).toEqual({ token_hash: sha256(token), purpose: 'message', used_at: null });
    }
    const raw = JSON.stringify(await t.database.db.selectFrom('survey_invitation_tokens').selectAll().execute());
    for (const m of messages) expect(raw).not.toContain((m.variables as { link: string }).link.split('#t=')[1]);
  });

  it('lets a token answer once: the questionnaire opens, the answer is taken, the token and its message die', async () => {
    const survey = await create(province, { seed: 'mot-lan' });
    await open(survey.id);
    const invitation = (await invitations(survey.id)).find((d) => d.notified)!;
    const token = (await messageToken(survey.id, invitation.id))!;
    const opened = await publicPost('/api/v1/public/surveys/invitation', { token });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ dossierCode: invitation.code, title: 'Khảo sát mức độ hài lòng quý III năm 2025', questionnaire });
    const wrong = await publicPost('/api/v1/public/surveys/answers', { token: 'x'.repeat(24), answers: { overall: 1 } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('survey.token_invalid');
    const invalid = await publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 7 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'survey.invalid_answers', issues: [expect.objectContaining({ path: 'answers.overall' })] });
    const answered = await publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 5, comment: 'Rất tốt' } });
    expect(answered.statusCode, answered.body).toBe(201);
    for (const url of ['/api/v1/public/surveys/answers', '/api/v1/public/surveys/invitation']) {
      const again = await publicPost(url, { token, answers: { overall: 1 } });
      expect(again.statusCode).toBe(403);
      expect(again.json().code).toBe('survey.token_invalid');
    }
    const response = await t.database.db.selectFrom('survey_responses').select(['answers', 'channel', 'entered_by']).where('invitation_id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(response).toEqual({ answers: { overall: 5, comment: 'Rất tốt' }, channel: 'web', entered_by: null });
    // The message no longer carries a live token; it is given up if it was not sent yet.
    const message = await t.database.db.selectFrom('notifications').select(['variables', 'status']).where('dedupe_key', 'like', `survey:${survey.id}:${invitation.id}:%`).executeTakeFirstOrThrow();
    expect((message.variables as { link: string }).link).toBe('https://dichvucong.example.vn/khao-sat#t=••••••');
    expect(message.status).toBe('failed');
    const audit = await t.database.db.selectFrom('audit_events').select(['actor_kind', 'details']).where('action', '=', 'survey.answered').where('entity_id', '=', survey.id).execute();
    expect(audit).toEqual([{ actor_kind: 'citizen', details: expect.objectContaining({ dossier: invitation.code, channel: 'web' }) }]);
  });

  it('prints the unanswered invitations with a fresh one-time QR code each, for phone and letter follow-up', async () => {
    const survey = await create(province, { seed: 'in-danh-sach' });
    await open(survey.id);
    const officer = await t.signIn('canbo.giaothuy');
    const res = await officer.post(`/api/v1/surveys/${survey.id}/invitations/print?agency=${A}`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const codes = qrCodes(res.rawPayload, 'all');
    expect(codes).toHaveLength(5);
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('DANH SÁCH PHIẾU KHẢO SÁT CHƯA TRẢ LỜI');
    for (const d of (await invitations(survey.id)).filter((x) => x.agency_id === agencyIds[A])) expect(text).toContain(d.code);
    const printed = await t.database.db.selectFrom('survey_invitation_tokens as k').innerJoin('survey_invitations as i', 'i.id', 'k.invitation_id')
      .select(['k.issued_by']).where('i.survey_id', '=', survey.id).where('k.purpose', '=', 'print').execute();
    expect(printed).toHaveLength(5);
    expect(printed.every((p) => p.issued_by !== null)).toBe(true);
    // A printed code answers; then neither it nor the message's code for that invitation answers again.
    const token = codes[0]!.split('#t=')[1]!;
    const opened = (await publicPost('/api/v1/public/surveys/invitation', { token })).json();
    expect((await publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 4 } })).statusCode).toBe(201);
    const inv = (await invitations(survey.id)).find((d) => d.code === opened.dossierCode)!;
    const messaged = await messageToken(survey.id, inv.id);
    if (messaged) expect((await publicPost('/api/v1/public/surveys/answers', { token: messaged, answers: { overall: 1 } })).statusCode).toBe(403);
    // A second print lists only the four left; officers of B print nothing of A.
    expect(qrCodes((await officer.post(`/api/v1/surveys/${survey.id}/invitations/print?agency=${A}`, {})).rawPayload, 'all')).toHaveLength(4);
    const bOfficer = await t.signIn('canbo.giaominh');
    expect((await bOfficer.post(`/api/v1/surveys/${survey.id}/invitations/print?agency=${A}`, {})).json().code).toBe('agency.not_found');
    expect(qrCodes((await bOfficer.post(`/api/v1/surveys/${survey.id}/invitations/print`, {})).rawPayload, 'all')).toHaveLength(3);
  });

  it('takes an answer given by phone from an officer of the dossier’s agency, audited with the officer and the channel', async () => {
    const survey = await create(province, { seed: 'dien-thoai' });
    await open(survey.id);
    const atA = (await invitations(survey.id)).find((d) => d.agency_id === agencyIds[A])!;
    const url = `/api/v1/surveys/${survey.id}/invitations/${atA.id}/answer`;
    const bOfficer = await t.signIn('canbo.giaominh');
    expect((await bOfficer.post(url, { channel: 'phone', answers: { overall: 1 } })).json().code).toBe('survey.invitation_not_found');
    const officer = await t.signIn('canbo.giaothuy');
    expect((await officer.post(url, { channel: 'phone', answers: {} })).json().code).toBe('survey.invalid_answers');
    const res = await officer.post(url, { channel: 'phone', answers: { overall: 3, contacts: 'two' }, note: 'Gọi lúc 9 giờ' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await officer.post(url, { channel: 'letter', answers: { overall: 5 } })).json().code).toBe('survey.already_answered');
    const audit = await t.database.db.selectFrom('audit_events').select(['actor_name', 'details', 'agency_id']).where('action', '=', 'survey.answer_entered').where('entity_id', '=', survey.id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_name: 'canbo.giaothuy', agency_id: agencyIds[A], details: { invitation: atA.id, dossier: atA.code, channel: 'phone', note: 'Gọi lúc 9 giờ' } });
    const listed = (await officer.get(`/api/v1/surveys/${survey.id}/invitations?answered=true`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ dossierCode: atA.code, channel: 'phone' })]);
  });

  it('counts the answers per unit and gives results equal to the numbers computed by hand, in JSON and in XLSX', async () => {
    const survey = await create(province, { seed: 'ket-qua' });
    await open(survey.id);
    const drawn = await invitations(survey.id);
    const atA = drawn.filter((d) => d.agency_id === agencyIds[A] && d.notified);
    const atB = drawn.filter((d) => d.agency_id === agencyIds[B]);
    const officer = await t.signIn('canbo.giaothuy');
    const web = async (invitationId: number, answers: Record<string, unknown>) => {
      now += 60_000;
      const res = await publicPost('/api/v1/public/surveys/answers', { token: await messageToken(survey.id, invitationId), answers });
      expect(res.statusCode, res.body).toBe(201);
    };
    await web(atA[0]!.id, { overall: 5, contacts: 'one', comment: 'Cán bộ nhiệt tình' });
    now += 60_000;
    expect((await officer.post(`/api/v1/surveys/${survey.id}/invitations/${atA[1]!.id}/answer`, { channel: 'phone', answers: { overall: 4, contacts: 'two' } })).statusCode).toBe(201);
    await web(atA[2]!.id, { overall: 2 });
    await web(atB[0]!.id, { overall: 3, contacts: 'one', comment: 'Chờ lâu' });

    const res = await province.get(`/api/v1/surveys/${survey.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json();
    const unit = (code: string) => results.units.find((u: { agency: string }) => u.agency === code);
    // A: 5 invited, 3 answered (60%); overall (5 + 4 + 2) / 3 = 3.67; contacts one 1, two 1 of 2 answers.
    expect(unit(A)).toMatchObject({ invited: 5, answered: 3, responseRate: 0.6 });
    expect(unit(A).questions[0]).toMatchObject({ answered: 3, average: 3.67, levels: { '5': 1, '4': 1, '3': 0, '2': 1, '1': 0 } });
    expect(unit(A).questions[1].options).toEqual([{ key: 'one', count: 1, share: 0.5 }, { key: 'two', count: 1, share: 0.5 }]);
    expect(unit(A).questions[2].texts).toEqual(['Cán bộ nhiệt tình']);
    // B: 3 invited, 1 answered (33,33%); overall 3.
    expect(unit(B)).toMatchObject({ invited: 3, answered: 1, responseRate: 0.3333 });
    expect(unit(B).questions[0].average).toBe(3);
    // Total: 8 invited, 4 answered; overall (5 + 4 + 2 + 3) / 4 = 3.5; contacts one 2 of 3, two 1 of 3; the texts unit by unit (in the order of their codes).
    expect(results.total).toMatchObject({ invited: 8, answered: 4, responseRate: 0.5 });
    expect(results.total.questions[0].average).toBe(3.5);
    expect(results.total.questions[1].options).toEqual([{ key: 'one', count: 2, share: 0.6667 }, { key: 'two', count: 1, share: 0.3333 }]);
    expect(results.total.questions[2].texts).toEqual(['Cán bộ nhiệt tình', 'Chờ lâu']);

    const xlsx = await province.get(`/api/v1/surveys/${survey.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const rowOf = (code: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(3).value === code)!;
    expect([4, 5, 6, 7].map((c) => rowOf(A).getCell(c).value)).toEqual([5, 3, 0.6, 3.67]);
    expect([4, 5, 6, 7].map((c) => rowOf(B).getCell(c).value)).toEqual([3, 1, 0.3333, 3]);
    const comments = workbook.getWorksheet('Ý kiến')!.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(comments).toEqual(expect.arrayContaining(['Cán bộ nhiệt tình', 'Chờ lâu']));

    // A commune's leader sees the results of their commune only; the total is theirs.
    const leaderA = await t.signIn('lanhdao.giaothuy');
    const own = (await leaderA.get(`/api/v1/surveys/${survey.id}/results`)).json();
    expect(own.units.map((u: { agency: string }) => u.agency)).toEqual([A]);
    expect(own.total).toMatchObject({ invited: 5, answered: 3 });
    expect(JSON.stringify(own)).not.toContain('Chờ lâu');
    const detail = (await leaderA.get(`/api/v1/surveys/${survey.id}`)).json();
    expect(detail).toMatchObject({ invited: 5, answered: 3, canManage: false, actions: [] });
    const listed = (await leaderA.get('/api/v1/surveys')).json().items.find((s: { id: string }) => s.id === survey.id);
    expect(listed).toMatchObject({ invited: 5, answered: 3 });
  });

  it('shows the SIPAS and PAR Index beside the results, of the period’s year or the latest before it, exactly as entered (never computed)', async () => {
    const entered = await admin.request('PUT', '/api/v1/external-figures', {
      agency: '000.00.00.H40', kind: 'sipas', year: 2025, value: 84.12, rank: 5, rankOf: 34, source: 'Quyết định số 123/QĐ-BNV ngày 15/4/2026',
    });
    expect(entered.statusCode, entered.body).toBe(200);
    for (const [year, value] of [[2023, 86.1], [2024, 88.5], [2026, 90]] as const) {
      expect((await admin.request('PUT', '/api/v1/external-figures', { agency: '000.00.00.H40', kind: 'par_index', year, value, source: `QĐ ${year}` })).statusCode).toBe(200);
    }
    const survey = await create(province, { seed: 'so-lieu-ngoai' });
    await open(survey.id);
    const token = await messageToken(survey.id, (await invitations(survey.id)).find((d) => d.notified)!.id);
    expect((await publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 1 } })).statusCode).toBe(201);
    const leaderA = await t.signIn('lanhdao.giaothuy');
    for (const agent of [province, leaderA]) {
      const figures = (await agent.get(`/api/v1/surveys/${survey.id}/results`)).json().externalFigures;
      // The province's SIPAS of 2025 (the quarter's year) and its PAR Index of 2024 (2025's is not
      // entered; 2026's is after the period), whatever the survey's own answers say.
      expect(figures).toEqual([
        expect.objectContaining({ agency: '000.00.00.H40', kind: 'par_index', year: 2024, value: 88.5, source: 'QĐ 2024' }),
        expect.objectContaining({ agency: '000.00.00.H40', kind: 'sipas', year: 2025, value: 84.12, rank: 5, rankOf: 34, source: 'Quyết định số 123/QĐ-BNV ngày 15/4/2026' }),
      ]);
    }
    const stored = await t.database.db.selectFrom('external_figures').select(['value', 'entered_at']).where('kind', '=', 'sipas').executeTakeFirstOrThrow();
    expect(stored.value).toBe(84.12);
    const xlsx = await province.get(`/api/v1/surveys/${survey.id}/results.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('Số liệu bên ngoài')!.getSheetValues().flat();
    expect(values).toContain(84.12);
    expect(values).toContain('5/34');
  });

  it('closes a survey: no more answers, unsent messages given up, every token masked', async () => {
    const survey = await create(province, { seed: 'dong' });
    await open(survey.id);
    const invitation = (await invitations(survey.id)).find((d) => d.notified)!;
    const token = (await messageToken(survey.id, invitation.id))!;
    expect((await province.post(`/api/v1/surveys/${survey.id}/actions`, { action: 'close' })).json().status).toBe('closed');
    const late = await publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 5 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('survey.closed');
    const messages = await t.database.db.selectFrom('notifications').select(['status', 'variables']).where('dedupe_key', 'like', `survey:${survey.id}:%`).execute();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.status).toBe('failed');
      expect((m.variables as { link: string }).link.endsWith('#t=••••••')).toBe(true);
    }
    expect((await province.post(`/api/v1/surveys/${survey.id}/actions`, { action: 'close' })).json().code).toBe('survey.transition_not_allowed');
    expect((await province.request('PUT', `/api/v1/surveys/${survey.id}`, body())).json().code).toBe('survey.not_draft');
    expect((await province.request('DELETE', `/api/v1/surveys/${survey.id}`)).json().code).toBe('survey.not_draft');
  });

  // Two connections at once: PGlite has one, so there the race cannot happen (and is not run).
  if (kind === 'pglite') console.log('surveys: the answer racing a close needs two connections; PGlite has one: not applicable');
  it.skipIf(kind === 'pglite')('refuses an answer whose survey was closed while the answer was on its way (PostgreSQL: two connections)', async () => {
    const survey = await create(province, { seed: 'course' });
    await open(survey.id);
    const invitation = (await invitations(survey.id)).find((d) => d.notified)!;
    const token = (await messageToken(survey.id, invitation.id))!;
    let answer: ReturnType<typeof publicPost> | undefined;
    // A close in progress: the survey's row held and already marked closed, not yet committed.
    await t.database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('surveys').select('id').where('id', '=', survey.id).forUpdate().execute();
      await trx.updateTable('surveys').set({ status: 'closed' }).where('id', '=', survey.id).execute();
      // The answer still reads the survey as open, then waits on the survey's row.
      answer = publicPost('/api/v1/public/surveys/answers', { token, answers: { overall: 5 } });
      const started = Date.now();
      for (;;) {
        const waiting = await t.database.db.selectFrom(sql<{ granted: boolean; relation: string | null }>`pg_locks`.as('l'))
          .select(sql<number>`count(*)::int`.as('n')).where(sql<boolean>`NOT l.granted`).executeTakeFirstOrThrow();
        if (waiting.n > 0) break;
        if (Date.now() - started > 10_000) throw new Error('the answer never waited for the close');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    const res = await answer!;
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('survey.closed');
    const responses = await t.database.db.selectFrom('survey_responses').select('invitation_id').where('invitation_id', '=', invitation.id).execute();
    expect(responses).toEqual([]);
  });

  it('opens a survey only once its period is over, and not on an empty sample', async () => {
    const current = await create(province, { period: { kind: 'quarter', year: 2025, index: 4 } });
    const preview = (await province.get(`/api/v1/surveys/${current.id}/sample-preview`)).json();
    expect(preview.asOf).toBe(formatInstant(now));
    expect(preview.total.population).toBe(1); // SV-A-013, closed at 00:00 on 1 October
    expect((await province.post(`/api/v1/surveys/${current.id}/actions`, { action: 'open' })).json().code).toBe('survey.period_not_over');
    const empty = await create(province, { period: { kind: 'quarter', year: 2025, index: 2 } });
    expect((await province.post(`/api/v1/surveys/${empty.id}/actions`, { action: 'open' })).json().code).toBe('survey.empty_sample');
    expect((await province.request('DELETE', `/api/v1/surveys/${empty.id}`)).statusCode).toBe(204);
    expect((await province.get(`/api/v1/surveys/${empty.id}`)).statusCode).toBe(404);
  });

  it('lets administrators and province or district managers design surveys of their subtrees only; others read or nothing', async () => {
    // A commune's manager (and leader) reads but does not design; an officer cannot design.
    const leaderA = await t.signIn('lanhdao.giaothuy');
    expect((await leaderA.post('/api/v1/surveys', body({ agencies: [A] }))).json().code).toBe('auth.forbidden');
    expect((await (await t.signIn('canbo.giaothuy')).post('/api/v1/surveys', body({ agencies: [A] }))).statusCode).toBe(403);
    // A commune's administrator designs for that commune only.
    const created = await admin.post('/api/v1/users', {
      username: 'quantri.khaosat', fullName: 'Quản trị xã', password: 'Quan-tri-xa-2026', assignments: [{ role: 'admin', agencyId: agencyIds[A] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const adminA = await t.signIn('quantri.khaosat', 'Quan-tri-xa-2026');
    expect((await adminA.post('/api/v1/surveys', body())).json().code).toBe('agency.not_found');
    const own = await create(adminA, { agencies: [A] });
    // A survey of A and B is the province's: A's administrator reads it but may not open it.
    const both = await create(province);
    expect((await adminA.post(`/api/v1/surveys/${both.id}/actions`, { action: 'open' })).json().code).toBe('auth.forbidden');
    const bLeader = await t.signIn('lanhdao.giaominh');
    expect((await bLeader.get(`/api/v1/surveys/${own.id}`)).statusCode).toBe(404);
    expect((await bLeader.get(`/api/v1/surveys/${own.id}/results`)).statusCode).toBe(404);
    expect((await bLeader.get('/api/v1/surveys?limit=200')).json().items.map((s: { id: string }) => s.id)).not.toContain(own.id);
    // A questionnaire that does not hold is refused with its issues.
    const bad = await province.post('/api/v1/surveys', body({ questionnaire: { questions: [{ key: 'x', kind: 'single_choice', text: { vi: 'Chọn' }, options: [] }] } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'survey.invalid', issues: [expect.objectContaining({ path: 'questionnaire.questions.0.options' })] });
  });
});
