/**
 * Satisfaction ratings, complete (docs/rules/service-quality.md): the criteria of the one-stop
 * scoring tool stored and reported per unit and period; the rating QR code handed over with the
 * result (the rating card, the counter's screen), issued as form 01's is; a low rating alerting the
 * leaders of the receiving unit once, a good one nobody; the leaders' list of alerts and its
 * handling. Who may do what across units is in authorization-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { pdfText, qrCodes } from '../support/pdf-tools.ts';

const at = (iso: string) => Date.parse(iso);
const base = 'https://dichvucong.example.vn';

describe.each(databaseKinds)('satisfaction ratings on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  const staff = {} as Record<'officer' | 'specialist' | 'leader' | 'officerB' | 'specialistB' | 'leaderB' | 'province', Agent>;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', TRUST_PROXY: 'true', PUBLIC_BASE_URL: base } });
    staff.officer = await t.signIn('canbo.giaothuy');
    staff.specialist = await t.signIn('chuyenvien.giaothuy');
    staff.leader = await t.signIn('lanhdao.giaothuy');
    staff.officerB = await t.signIn('canbo.giaominh');
    staff.specialistB = await t.signIn('chuyenvien.giaominh');
    staff.leaderB = await t.signIn('lanhdao.giaominh');
    staff.province = await t.signIn('quanly.tinh');
  });
  afterAll(async () => t?.close());

  const act = async (agent: Agent, id: number, action: string) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  /** A dossier received at a commune's counter, with the token of form 01's rating QR code. */
  const received = async (commune: 'A' | 'B' = 'A', applicant: Record<string, string> = { name: 'Trịnh Thị Tâm' }) => {
    const officer = commune === 'A' ? staff.officer : staff.officerB;
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const url = qrCodes((await officer.get(`/api/v1/dossiers/${id}/forms/01`)).rawPayload).find((c) => c.includes('/danh-gia/'))!;
    return { id, code, commune, token: url.split('#')[1]! };
  };
  const resolve = async (d: { id: number; commune: 'A' | 'B' }) => {
    const [officer, specialist, leader] = d.commune === 'A' ? [staff.officer, staff.specialist, staff.leader] : [staff.officerB, staff.specialistB, staff.leaderB];
    await act(officer, d.id, 'transfer');
    await act(specialist, d.id, 'forward');
    await act(leader, d.id, 'resolve');
  };
  /** A rating from its own address each time (the route's per-address limit is not what is tested). */
  const rate = (code: string, body: Record<string, unknown>) =>
    t.anonymous().post(`/api/v1/public/dossiers/${encodeURIComponent(code)}/rating`, body, { 'x-forwarded-for': `198.51.100.${++address % 250}` });
  const rated = async (d: { code: string; token: string }, body: Record<string, unknown>) => {
    const res = await rate(d.code, { ratingToken: d.token, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const lowRatingMessages = (dossierId: number) =>
    t.database.db.selectFrom('notifications').select(['user_id', 'channel', 'destination', 'variables', 'recipient_kind', 'agency_id'])
      .where('kind', '=', 'low_rating').where('dossier_id', '=', dossierId).execute();
  const userId = async (username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('stores the criteria a rating answers and reports count, average, levels, low ratings and criteria averages per unit and period', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const [d1, d2, d3, d4] = [await received(), await received(), await received(), await received()];
    for (const d of [d1, d2, d3]) await resolve(d);
    await rated(d1, { score: 5, criteria: { total_time: 2, attitude: 2, contacts: 1 }, comment: 'Cán bộ hướng dẫn tận tình' });
    await rated(d2, { score: 2, criteria: { attitude: 0, online_service: 1 } });
    await rated(d3, { score: 4 });
    const answers = await t.database.db.selectFrom('dossier_rating_answers').select(['criterion', 'points']).where('dossier_id', '=', d1.id).orderBy('criterion').execute();
    expect(answers).toEqual([{ criterion: 'attitude', points: 2 }, { criterion: 'contacts', points: 1 }, { criterion: 'total_time', points: 2 }]);
    expect(await t.database.db.selectFrom('dossier_rating_answers').select('criterion').where('dossier_id', '=', d3.id).execute()).toEqual([]);

    // A rating on 1 April belongs to April's figures, not March's (within the sessions' 30 days).
    now = at('2025-04-01T08:30:00+07:00');
    await resolve(d4);
    await rated(d4, { score: 1, criteria: { attitude: 0 } });
    // A report counts up to the instant it is made (docs/rules/statistics.md): a minute later.
    now += 60_000;

    const report = async (from: string, to: string) => {
      const res = await staff.leader.get(`/api/v1/reports/statistics?from=${from}&to=${to}&agency=000.41.00.H40`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const march = await report('2025-03-01', '2025-03-31');
    const row = march.rows.find((r: { agency: string }) => r.agency === '000.41.00.H40');
    expect(row.ratings).toMatchObject({
      count: 3, average: 3.67, byScore: { '5': 1, '4': 1, '3': 0, '2': 1, '1': 0 }, low: 1,
      criteria: {
        total_time: { count: 1, average: 2 }, attitude: { count: 2, average: 1 }, contacts: { count: 1, average: 1 },
        online_service: { count: 1, average: 1 }, publication: { count: 0, average: null },
      },
    });
    expect(march.total.ratings).toEqual(row.ratings);
    const april = await report('2025-04-01', '2025-04-30');
    expect(april.total.ratings).toMatchObject({ count: 1, average: 1, low: 1, criteria: { attitude: { count: 1, average: 0 }, total_time: { count: 0, average: null } } });
  });

  it('refuses a criterion that does not exist and points outside 2, 1 and 0, and rates nothing', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await received();
    await resolve(d);
    for (const criteria of [{ speed: 2 }, { attitude: 3 }, { attitude: -1 }, { attitude: 1.5 }, { attitude: '2' }]) {
      const res = await rate(d.code, { score: 4, ratingToken: d.token, criteria });
      expect(res.statusCode, JSON.stringify(criteria)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(await t.database.db.selectFrom('dossier_ratings').select('score').where('dossier_id', '=', d.id).execute()).toEqual([]);
    expect((await rate(d.code, { score: 4, ratingToken: d.token })).statusCode).toBe(201);
  });

  it('hands the applicant a rating QR code with the result: the rating card and the counter’s screen issue one-time tokens as form 01 does', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await received('A', { name: 'Lương Văn Phúc' });
    const card = () => staff.officer.get(`/api/v1/dossiers/${d.id}/rating-card.pdf`);
    const invite = () => staff.officer.post(`/api/v1/dossiers/${d.id}/rating-invitation`, {});
    // Before the result: nothing to rate yet.
    expect((await card()).json().code).toBe('rating.too_early');
    expect((await invite()).json().code).toBe('rating.too_early');
    expect((await staff.officer.get(`/api/v1/dossiers/${d.id}`)).json()).toMatchObject({ rating: null, ratingCard: null });

    await resolve(d);
    await act(staff.officer, d.id, 'return_result');
    expect((await staff.officer.get(`/api/v1/dossiers/${d.id}`)).json()).toMatchObject({ rating: null, ratingCard: `/api/v1/dossiers/${d.id}/rating-card.pdf` });
    const printed = await card();
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.headers['content-type']).toContain('application/pdf');
    const text = pdfText(printed.rawPayload).replace(/\s+/g, ' ');
    for (const phrase of ['PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG', d.code, 'Lương Văn Phúc', 'ĐÁNH GIÁ HÀI LÒNG', 'Mã chỉ dùng được một lần']) expect(text).toContain(phrase);
    const [cardUrl, ...others] = qrCodes(printed.rawPayload);
    expect(others).toEqual([]);
    expect(cardUrl).toMatch(new RegExp(`^${base}/danh-gia/${d.code.replace(/\./g, '\\.')}#[A-Za-z0-9_-]{24}$`));
    const cardToken = cardUrl!.split('#')[1]!;
    const invitation = await invite();
    expect(invitation.statusCode, invitation.body).toBe(201);
    const invitationToken = (invitation.json().url as string).split('#')[1]!;
    expect(invitationToken).not.toBe(cardToken);
    // Only hashes are kept, each with the officer who issued it: form 01's, the card's, the invitation's.
    const tokens = await t.database.db.selectFrom('dossier_rating_tokens').select(['token_hash', 'issued_by']).where('dossier_id', '=', d.id).execute();
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens.map((r) => r.issued_by))).toEqual(new Set([await userId('canbo.giaothuy')]));
    for (const r of tokens) expect([cardToken, invitationToken, d.token]).not.toContain(r.token_hash);

    // The page checks the card's token before asking anything, then the applicant rates with it.
    const check = await t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating/check`, { ratingToken: cardToken });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ code: d.code, procedureName: expect.stringContaining('kết hôn'), agencyName: 'Ủy ban nhân dân xã Giao Thủy', status: 'returned' });
    expect(await rated({ code: d.code, token: cardToken }, { score: 3, criteria: { one_stop: 2 } })).toEqual({ code: d.code, score: 3, criteria: { one_stop: 2 }, alerted: false });
    // Every other token of the dossier is done with: it is rated.
    for (const token of [invitationToken, d.token, cardToken]) {
      expect((await rate(d.code, { score: 1, ratingToken: token })).json().code).toBe('rating.already_rated');
      expect((await t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating/check`, { ratingToken: token })).json().code).toBe('rating.already_rated');
    }
    expect((await card()).json().code).toBe('rating.already_rated');
    expect((await invite()).json().code).toBe('rating.already_rated');
    expect((await staff.officer.get(`/api/v1/dossiers/${d.id}`)).json()).toMatchObject({
      rating: { score: 3, criteria: { one_stop: 2 }, comment: null, proof: 'token' }, ratingCard: null,
    });
  });

  it('checks a proof without writing anything but a refused proof', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await received();
    const check = (body: Record<string, unknown>) => t.anonymous().post(`/api/v1/public/dossiers/${d.code}/rating/check`, body, { 'x-forwarded-for': `192.0.2.${++address % 250}` });
    expect((await check({})).json().code).toBe('rating.proof_required');
    expect((await check({ ratingToken: d.token })).json().code).toBe('rating.too_early');
    await resolve(d);
    expect((await check({ ratingToken: 'x'.repeat(24) })).json().code).toBe('rating.proof_invalid');
    expect((await check({ ratingToken: d.token })).statusCode).toBe(200);
    expect((await check({ ratingToken: d.token })).statusCode).toBe(200);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', d.code).where('action', 'like', 'dossier.rat%').execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.rating_refused']);
    expect(await t.database.db.selectFrom('dossier_rating_tokens').select('used_at').where('dossier_id', '=', d.id).execute()).toEqual([{ used_at: null }]);
  });

  it('alerts the leaders of the receiving unit once for a low rating, through the outbox, and nobody for a neutral or better one', async () => {
    now = at('2025-03-04T14:30:00+07:00');
    const [neutral, low, lowB] = [await received(), await received(), await received('B')];
    for (const d of [neutral, low, lowB]) await resolve(d);

    expect(await rated(neutral, { score: 3, criteria: { attitude: 1 } })).toMatchObject({ alerted: false });
    expect(await lowRatingMessages(neutral.id)).toEqual([]);
    expect(await t.database.db.selectFrom('rating_alerts').select('dossier_id').where('dossier_id', '=', neutral.id).execute()).toEqual([]);

    expect(await rated(low, { score: 1, criteria: { attitude: 0 }, comment: 'Phải đi lại ba lần,   không ai giải thích vì sao chậm.' })).toMatchObject({ alerted: true });
    const alert = await t.database.db.selectFrom('rating_alerts').selectAll().where('dossier_id', '=', low.id).executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ agency_id: await t.agencyId('000.41.00.H40'), score: 1, handled_at: null });
    expect(alert.raised_at.getTime()).toBe(now);
    const messages = await lowRatingMessages(low.id);
    // Giao Thủy's one leader, by e-mail; not its officer, not Giao Minh's leader.
    expect(messages).toEqual([{
      user_id: await userId('lanhdao.giaothuy'), channel: 'email', destination: 'lanhdao.giaothuy@motcua.example', recipient_kind: 'staff',
      agency_id: await t.agencyId('000.41.00.H40'), variables: expect.any(Object),
    }]);
    expect(messages[0]!.variables).toMatchObject({
      code: low.code, link: `${base}/console/danh-gia?ho-so=${encodeURIComponent(low.code)}`, recipientName: 'Đỗ Văn Hùng',
      score: { vi: '1 – Rất không hài lòng', en: '1 – Very dissatisfied' }, comment: 'Phải đi lại ba lần, không ai giải thích vì sao chậm.', ratedAt: '04/03/2025 14:30',
      agencyName: 'Ủy ban nhân dân xã Giao Thủy',
    });
    // A second try with the same token is refused and alerts no one again.
    expect((await rate(low.code, { score: 1, ratingToken: low.token })).json().code).toBe('rating.already_rated');
    expect(await lowRatingMessages(low.id)).toHaveLength(1);

    // Giao Minh's dossier alerts Giao Minh's leader only; "(không có)" stands for no comment.
    await rated(lowB, { score: 2 });
    const bMessages = await lowRatingMessages(lowB.id);
    expect(bMessages.map((m) => m.user_id)).toEqual([await userId('lanhdao.giaominh')]);
    expect(bMessages[0]!.variables).toMatchObject({ score: { vi: '2 – Không hài lòng' }, comment: { vi: '(không có)', en: '(none)' } });
  });

  it('lets the signed-in applicant rate with the criteria from "Hồ sơ của tôi", and alerts as any low rating does', async () => {
    now = at('2025-03-05T09:00:00+07:00');
    const d = await received('A', { name: 'Nguyễn Văn An', idNumber: '036090001234' });
    await resolve(d);
    const citizen = await t.signInCitizen('036090001234');
    const res = await citizen.post(`/api/v1/citizen/dossiers/${d.code}/rating`, { score: 2, criteria: { contacts: 0, publication: 1 }, comment: 'Chờ lâu' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ code: d.code, score: 2, criteria: { contacts: 0, publication: 1 }, alerted: true });
    expect(await t.database.db.selectFrom('dossier_ratings').select(['score', 'proof']).where('dossier_id', '=', d.id).execute()).toEqual([{ score: 2, proof: 'eid' }]);
    expect(await lowRatingMessages(d.id)).toHaveLength(1);
  });

  it('shows the leaders the alerts of their units with the criteria and the comment, and lets a leader mark one handled, once, audited', async () => {
    now = at('2025-03-06T09:00:00+07:00');
    const [a, b] = [await received(), await received('B')];
    for (const d of [a, b]) await resolve(d);
    await rated(a, { score: 1, criteria: { total_time: 0, attitude: 0, feedback_handling: 1 }, comment: 'Hẹn trả kết quả nhưng không có.' });
    await rated(b, { score: 2 });
    const list = async (agent: Agent, query = '') => {
      const res = await agent.get(`/api/v1/rating-alerts${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; open: number; items: Array<Record<string, unknown>> };
    };

    const mine = await list(staff.leader, '?limit=100');
    const item = mine.items.find((i) => i.code === a.code);
    expect(item).toMatchObject({
      dossierId: a.id, score: 1, level: { vi: 'Rất không hài lòng' }, comment: 'Hẹn trả kết quả nhưng không có.', applicantName: 'Trịnh Thị Tâm',
      criteria: { total_time: 0, attitude: 0, feedback_handling: 1 }, agency: { code: '000.41.00.H40' }, handledAt: null, canHandle: true,
      procedureName: expect.stringContaining('kết hôn'), ratedAt: '2025-03-06T09:00:00+07:00',
    });
    expect(mine.items.map((i) => i.code)).not.toContain(b.code);
    expect(mine.items.every((i) => (i.agency as { code: string }).code === '000.41.00.H40')).toBe(true);
    expect(mine.open).toBe(mine.total);
    // The link of the leader's message opens one dossier's alert.
    expect((await list(staff.leader, `?code=${encodeURIComponent(a.code)}`)).items.map((i) => i.code)).toEqual([a.code]);
    expect((await list(staff.leaderB)).items.map((i) => i.code)).toContain(b.code);
    expect((await list(staff.leaderB)).items.map((i) => i.code)).not.toContain(a.code);
    // The province's manager reads both communes' alerts but does not lead them.
    const province = await list(staff.province, '?limit=100');
    expect(province.items.map((i) => i.code)).toEqual(expect.arrayContaining([a.code, b.code]));
    expect(province.items.find((i) => i.code === a.code)).toMatchObject({ canHandle: false });
    expect((await staff.province.post(`/api/v1/rating-alerts/${a.id}/handle`, { note: 'Đã xem' })).statusCode).toBe(403);
    // Neither an officer nor another commune's leader.
    expect((await staff.officer.get('/api/v1/rating-alerts')).statusCode).toBe(403);
    expect((await staff.leaderB.post(`/api/v1/rating-alerts/${a.id}/handle`, { note: 'Đã xem' })).json().code).toBe('rating_alert.not_found');
    expect((await staff.leader.post(`/api/v1/rating-alerts/${a.id}/handle`, { note: '   ' })).statusCode).toBe(400);

    now = at('2025-03-06T15:00:00+07:00');
    const handled = await staff.leader.post(`/api/v1/rating-alerts/${a.id}/handle`, { note: 'Đã gọi điện xin lỗi ông Tâm, nhắc nhở cán bộ một cửa.' });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json()).toMatchObject({
      code: a.code, handledAt: '2025-03-06T15:00:00+07:00', handledBy: 'Đỗ Văn Hùng', note: 'Đã gọi điện xin lỗi ông Tâm, nhắc nhở cán bộ một cửa.', canHandle: false,
    });
    const again = await staff.leader.post(`/api/v1/rating-alerts/${a.id}/handle`, { note: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('rating_alert.already_handled');
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', a.code).where('action', '=', 'rating_alert.handled').execute();
    expect(audit).toEqual([{ action: 'rating_alert.handled', actor_id: await userId('lanhdao.giaothuy'), details: { score: 1, note: 'Đã gọi điện xin lỗi ông Tâm, nhắc nhở cán bộ một cửa.' } }]);
    expect((await list(staff.leader, '?state=open&limit=100')).items.map((i) => i.code)).not.toContain(a.code);
    expect((await list(staff.leader, '?state=handled&limit=100')).items.map((i) => i.code)).toContain(a.code);
    expect((await list(staff.leader, '?limit=100')).open).toBe(mine.open - 1);
  });
});
