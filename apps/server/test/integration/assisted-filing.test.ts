/**
 * Assisted online filing: an officer or a community helper prepares an online dossier for a
 * citizen, who confirms it with the six-digit code sent to them or signed in with the e-ID as its
 * applicant. Until then nothing is submitted and nothing counts; afterwards it is an online dossier
 * like any other, received by an officer and counted as online, and its log says who prepared it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const at = (iso: string) => Date.parse(iso);
// The confirmation route allows 10 requests a minute per address: the cases below make 10 in all.
const applicantId = '036090001234';

describe.each(databaseKinds)('assisted online filing on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T08:00:00+07:00');
  let officer: Agent;
  let helper: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    helper = await t.signIn('hotro.giaothuy');
  });
  afterAll(async () => t?.close());

  /** A dossier prepared by `by` for the applicant 036090001234; the answer carries the development code. */
  const prepare = async (by: Agent, applicant: Record<string, unknown> = {}) => {
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const uploaded = await by.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const res = await by.post('/api/v1/dossiers/assisted', {
      procedureCode: '1.000894',
      applicant: { name: 'Nguyễn Văn An', idNumber: applicantId, phone: '0912345678', ...applicant },
      components: [{ index: 0, fileIds: [uploaded.json().id] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string; status: string; channel: string; codeSent: { devCode: string; destination: string; expiresAt: string } };
  };
  const confirm = (code: string, body: Record<string, unknown>, agent: Agent = t.anonymous()) =>
    agent.post(`/api/v1/public/dossiers/${encodeURIComponent(code)}/confirm`, body);
  const wrong = (right: string) => (right === '000000' ? '000001' : '000000');
  const statistics = async () => {
    const manager = await t.signIn('lanhdao.giaothuy');
    const res = await manager.get('/api/v1/reports/statistics?from=2025-03-01&to=2025-03-31');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { total: { received: number; online: number } }).total;
  };
  /** The dossier's one-time-code messages in the outbox, oldest first. */
  const codeMessages = async (dossierId: number) =>
    t.database.db.selectFrom('notifications')
      .select(['id', 'kind', 'channel', 'recipient_kind', 'destination', 'status', 'variables', 'last_error'])
      .where('dossier_id', '=', dossierId).where('kind', '=', 'confirmation_code').orderBy('id').execute();
  const audited = async (code: string) =>
    (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', code).orderBy('id').execute()).map((r) => r.action);

  it('submits a dossier prepared by an officer once the applicant confirms with the code; it counts as online once received', async () => {
    now = at('2025-03-03T08:00:00+07:00');
    const before = await statistics();
    const prepared = await prepare(officer);
    expect(prepared).toMatchObject({ status: 'awaiting_confirmation', channel: 'online', codeSent: { destination: '09******78' } });
    expect(prepared.codeSent.devCode).toMatch(/^\d{6}$/);
    // Not submitted: not in the inbox, not on the public status page, nowhere in the report.
    const inbox = (await officer.get('/api/v1/dossiers?view=inbox&limit=200')).json() as { items: Array<{ code: string }> };
    expect(inbox.items.map((i) => i.code)).not.toContain(prepared.code);
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${prepared.code}`)).statusCode).toBe(404);
    const summary = await t.anonymous().get(`/api/v1/public/dossiers/${prepared.code}/preparation`);
    expect(summary.json()).toMatchObject({
      awaitingConfirmation: true, applicantInitials: 'N.V.A.', preparedByRole: 'officer', procedure: { code: '1.000894' },
      oneTimeCode: { channel: 'sms', destination: '09******78', locked: false },
    });
    expect(summary.body).not.toContain(applicantId);
    expect(summary.body).not.toContain('0912345678');
    // The code travels through the outbox, queued in the preparation's transaction: the dispatcher sends it.
    const [message, ...others] = await codeMessages(prepared.id);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      channel: 'sms', recipient_kind: 'applicant', destination: '0912345678', status: 'queued',
      variables: { otp: prepared.codeSent.devCode, code: prepared.code, link: expect.stringMatching(/\/xac-nhan\//), recipientName: 'Nguyễn Văn An' },
    });

    now = at('2025-03-03T08:10:00+07:00');
    const confirmed = await confirm(prepared.code, { oneTimeCode: ` ${(message!.variables as { otp: string }).otp} ` });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ proof: 'one_time_code', accessSecret: expect.stringMatching(/^([2-9A-HJKMNP-TV-Z]{4}-){3}[2-9A-HJKMNP-TV-Z]{4}$/) });
    const detail = (await officer.get(`/api/v1/dossiers/${prepared.id}`)).json();
    expect(detail).toMatchObject({ status: 'submitted', channel: 'online' });
    const officerUser = await t.database.db.selectFrom('users').select('id').where('username', '=', 'canbo.giaothuy').executeTakeFirstOrThrow();
    const log = await t.database.db.selectFrom('dossier_events').select(['action', 'actor_kind', 'actor_role', 'actor_id', 'data', 'at'])
      .where('dossier_id', '=', prepared.id).orderBy('seq').execute();
    expect(log.map((e) => e.action)).toEqual(['prepare', 'confirm']);
    expect(log[0]).toMatchObject({ actor_kind: 'staff', actor_role: 'officer', actor_id: officerUser.id, data: { channel: 'online', preparedBy: officerUser.id } });
    expect(log[1]).toMatchObject({ actor_kind: 'citizen', actor_role: 'citizen', data: { proof: 'one_time_code' } });
    const row = await t.database.db.selectFrom('dossiers').select(['submitted_at', 'received_at', 'prepared_by']).where('id', '=', prepared.id).executeTakeFirstOrThrow();
    expect(row.submitted_at?.getTime()).toBe(at('2025-03-03T08:10:00+07:00'));
    expect(row.received_at).toBeNull();
    expect(row.prepared_by).toBe(officerUser.id);
    expect(await audited(prepared.code)).toEqual(['dossier.created', 'dossier.confirmation_code_sent', 'dossier.confirm']);
    // A used code is not kept readable in the message ledger.
    expect((await codeMessages(prepared.id))[0]!.variables).toMatchObject({ otp: '••••••' });
    const code = await t.database.db.selectFrom('dossier_confirmation_codes').select(['used_at', 'attempts']).where('dossier_id', '=', prepared.id).executeTakeFirstOrThrow();
    expect(code).toMatchObject({ used_at: expect.any(Date), attempts: 0 });
    // Confirmed, not yet received: still not counted.
    expect(await statistics()).toEqual(before);

    now = at('2025-03-03T09:30:00+07:00');
    const received = await officer.post(`/api/v1/dossiers/${prepared.id}/actions`, { action: 'receive' });
    expect(received.statusCode, received.body).toBe(200);
    now = at('2025-03-03T10:00:00+07:00');
    const after = await statistics();
    expect(after.online).toBe(before.online + 1);
    expect(after.received).toBe(before.received + 1);
  });

  it('locks the code after five wrong ones: the sixth attempt is refused even with the right code, until a new code is sent', async () => {
    now = at('2025-03-04T08:00:00+07:00');
    const prepared = await prepare(officer);
    const right = prepared.codeSent.devCode;
    for (let i = 1; i <= 4; i += 1) {
      const res = await confirm(prepared.code, { oneTimeCode: wrong(right) });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('preparation.code_invalid');
    }
    const fifth = await confirm(prepared.code, { oneTimeCode: wrong(right) });
    expect(fifth.json().code).toBe('preparation.code_locked');
    const sixth = await confirm(prepared.code, { oneTimeCode: right });
    expect(sixth.statusCode).toBe(403);
    expect(sixth.json().code).toBe('preparation.code_locked');
    expect((await officer.get(`/api/v1/dossiers/${prepared.id}`)).json().status).toBe('awaiting_confirmation');
    const audit = await audited(prepared.code);
    expect(audit.filter((a) => a === 'dossier.confirmation_code_refused')).toHaveLength(6);
    expect(audit).toContain('dossier.confirmation_code_locked');
    // A new code voids the locked one.
    const resent = await officer.post(`/api/v1/dossiers/${prepared.id}/assisted/resend-code`, {});
    expect(resent.statusCode, resent.body).toBe(200);
    const summary = (await t.anonymous().get(`/api/v1/public/dossiers/${prepared.code}/preparation`)).json();
    expect(summary.oneTimeCode).toMatchObject({ locked: false });
    // The void code's message, never sent, is not sent now; the new code's is queued.
    const messages = await codeMessages(prepared.id);
    expect(messages.map((m) => [m.status, (m.variables as { otp: string }).otp])).toEqual([
      ['failed', '••••••'], ['queued', resent.json().devCode],
    ]);
    expect(messages[0]!.last_error).toMatch(/replaced or used/);
  });

  it('refuses an expired code', async () => {
    now = at('2025-03-05T08:00:00+07:00');
    const prepared = await prepare(officer, { phone: undefined, email: 'an.nguyen@example.vn' });
    expect(prepared.codeSent.destination).toBe('a***@example.vn');
    now = at('2025-03-05T08:15:00+07:00');
    const late = await confirm(prepared.code, { oneTimeCode: prepared.codeSent.devCode });
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('preparation.code_expired');
  });

  it('lets the applicant signed in with the e-ID confirm without a code, and no other citizen', async () => {
    now = at('2025-03-06T08:00:00+07:00');
    const prepared = await prepare(helper);
    const other = await t.signInCitizen('036192005678');
    const refused = await confirm(prepared.code, {}, other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('preparation.not_applicant');
    const applicant = await t.signInCitizen(applicantId);
    // "Hồ sơ của tôi" lists it as waiting for their confirmation; the other citizen does not see it.
    const mine = (await applicant.get('/api/v1/citizen/dossiers?limit=50')).json() as { items: Array<{ code: string; status: string; asks: string[] }> };
    expect(mine.items.find((i) => i.code === prepared.code)).toMatchObject({ status: 'awaiting_confirmation', asks: ['confirmation'] });
    expect((await applicant.get(`/api/v1/citizen/dossiers/${prepared.code}`)).json()).toMatchObject({ asks: ['confirmation'], actions: [] });
    expect((await other.get(`/api/v1/citizen/dossiers/${prepared.code}`)).statusCode).toBe(404);
    const confirmed = await confirm(prepared.code, {}, applicant);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().proof).toBe('eid');
    const log = await t.database.db.selectFrom('dossier_events').select(['action', 'actor_role', 'data']).where('dossier_id', '=', prepared.id).orderBy('seq').execute();
    expect(log).toMatchObject([{ action: 'prepare', actor_role: 'helper' }, { action: 'confirm', actor_role: 'citizen', data: { proof: 'eid' } }]);
  });

  it('shows a community helper the dossiers they prepared and nothing else, and lets them take no action on them but discarding the preparation', async () => {
    now = at('2025-03-07T08:00:00+07:00');
    const byOfficer = await prepare(officer);
    const byHelper = await prepare(helper);
    expect((await helper.get(`/api/v1/dossiers/${byOfficer.id}`)).statusCode).toBe(404);
    const own = await helper.get(`/api/v1/dossiers/${byHelper.id}`);
    expect(own.statusCode).toBe(200);
    expect((own.json().allowedActions as Array<{ action: string }>).map((a) => a.action)).toEqual(['discard_preparation']);
    const all = (await helper.get('/api/v1/dossiers?view=all&limit=200')).json() as { items: Array<{ code: string }> };
    expect(all.items.map((i) => i.code)).toContain(byHelper.code);
    expect(all.items.map((i) => i.code)).not.toContain(byOfficer.code);
    const nowhere = await helper.post('/api/v1/dossiers/assisted', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: applicantId }, components: [],
    });
    expect(nowhere.json().code).toBe('preparation.no_destination');
    expect((await helper.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'X' }, components: [] })).statusCode).toBe(403);
    expect((await helper.post(`/api/v1/dossiers/${byHelper.id}/assisted/resend-code`, {})).statusCode).toBe(200);
    expect((await helper.post(`/api/v1/dossiers/${byOfficer.id}/assisted/resend-code`, {})).statusCode).toBe(404);
  });
});
