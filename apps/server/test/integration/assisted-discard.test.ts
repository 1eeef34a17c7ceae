/**
 * A prepared dossier nobody confirms does not linger (docs/rules/assisted-filing.md): whoever
 * prepared it discards it (no other officer may), or the maintenance sweep does after
 * PREPARATION_DISCARD_DAYS; a discarded preparation can no longer be confirmed and is in no
 * statistic, and the log says who discarded it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../src/modules/maintenance/sweep.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const at = (iso: string) => Date.parse(iso);
const day = 86_400_000;

describe.each(databaseKinds)('discarding a preparation nobody confirms on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T08:00:00+07:00');
  let helper: Agent;
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', PREPARATION_DISCARD_DAYS: '30' } });
    helper = await t.signIn('hotro.giaothuy');
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  const prepare = async (by: Agent) => {
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const uploaded = await by.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const res = await by.post('/api/v1/dossiers/assisted', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678' },
      components: [{ index: 0, fileIds: [uploaded.json().id] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string; codeSent: { devCode: string } };
  };
  const statusOf = async (id: number) => (await t.database.db.selectFrom('dossiers').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const logOf = (id: number) => t.database.db.selectFrom('dossier_events').select(['action', 'actor_kind', 'actor_role', 'actor_name', 'note', 'data'])
    .where('dossier_id', '=', id).orderBy('seq').execute();

  it('lets the helper who prepared it discard it, and no other officer; it can no longer be confirmed', async () => {
    const p = await prepare(helper);
    const other = await officer.get(`/api/v1/dossiers/${p.id}`);
    expect((other.json().allowedActions as Array<{ action: string }>).map((a) => a.action)).not.toContain('discard_preparation');
    const refused = await officer.post(`/api/v1/dossiers/${p.id}/actions`, { action: 'discard_preparation' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await statusOf(p.id)).toBe('awaiting_confirmation');

    const done = await helper.post(`/api/v1/dossiers/${p.id}/actions`, { action: 'discard_preparation', note: 'Người dân không dùng điện thoại này' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'discarded', allowedActions: [] });
    expect((await logOf(p.id)).map((e) => [e.action, e.actor_kind, e.actor_role])).toEqual([
      ['prepare', 'staff', 'helper'], ['discard_preparation', 'staff', 'helper'],
    ]);
    const confirm = await t.anonymous().post(`/api/v1/public/dossiers/${encodeURIComponent(p.code)}/confirm`, { oneTimeCode: p.codeSent.devCode });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().code).toBe('dossier.transition_not_allowed');
    const summary = (await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(p.code)}/preparation`)).json();
    expect(summary).toMatchObject({ awaitingConfirmation: false, oneTimeCode: null });
    const codes = await t.database.db.selectFrom('dossier_confirmation_codes').select(['voided_at', 'used_at']).where('dossier_id', '=', p.id).execute();
    expect(codes).toEqual([{ voided_at: expect.any(Date), used_at: null }]);
    expect((await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(p.code)}`)).statusCode).toBe(404);
  });

  it('discards in the hourly sweep what nobody confirmed within 30 days, as the system, and leaves the rest', async () => {
    now = at('2025-03-10T08:00:00+07:00');
    const stale = await prepare(officer);
    const confirmed = await prepare(officer);
    const ok = await t.anonymous().post(`/api/v1/public/dossiers/${encodeURIComponent(confirmed.code)}/confirm`, { oneTimeCode: confirmed.codeSent.devCode });
    expect(ok.statusCode, ok.body).toBe(200);
    now = at('2025-03-20T08:00:00+07:00');
    const recent = await prepare(officer);

    now = at('2025-04-09T07:59:00+07:00');
    expect((await sweepExpired(t.deps)).preparations).toBe(0);
    now = at('2025-04-09T08:00:01+07:00');
    expect((await sweepExpired(t.deps)).preparations).toBe(1);
    expect(await statusOf(stale.id)).toBe('discarded');
    expect(await statusOf(confirmed.id)).toBe('submitted');
    expect(await statusOf(recent.id)).toBe('awaiting_confirmation');
    const last = (await logOf(stale.id)).at(-1)!;
    expect(last).toMatchObject({
      action: 'discard_preparation', actor_kind: 'system', actor_role: 'system', actor_name: 'motcua sweep',
      note: 'Người nộp không xác nhận trong 30 ngày', data: { reason: 'not_confirmed', days: 30 },
    });
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_name']).where('entity_id', '=', stale.code).orderBy('id').execute();
    expect(audit.at(-1)).toEqual({ action: 'dossier.discard_preparation', actor_name: 'motcua sweep' });
    // Once discarded, nothing more: the next sweep finds nothing; nothing was ever counted.
    expect((await sweepExpired(t.deps)).preparations).toBe(0);
    now += 30 * day;
    expect((await sweepExpired(t.deps)).preparations).toBe(1);
    expect(await statusOf(recent.id)).toBe('discarded');
    const manager = await t.signIn('lanhdao.giaothuy');
    const report = (await manager.get('/api/v1/reports/statistics?from=2025-03-01&to=2025-05-31')).json();
    expect(report.total.received).toBe(0);
  });
});
