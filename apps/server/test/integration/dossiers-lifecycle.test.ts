import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const at = (iso: string) => Date.parse(iso);

describe.each(databaseKinds)('a counter dossier from intake to returned result on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
  });
  afterAll(async () => t?.close());

  const intake = {
    procedureCode: '1.000894',
    applicant: { kind: 'citizen', name: 'Nguyễn Thị Ánh Tuyết', idNumber: '036190001234', phone: '0912345678', address: 'Xóm 3, xã Giao Thủy' },
    components: [{ index: 0, received: true }, { index: 1, received: true, kind: 'certified_copy' }],
  };

  it('receives the dossier, gives it a code and the appointment 5 working days later', async () => {
    const res = await officer.post('/api/v1/dossiers', intake);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.code).toBe('000.41.00.H40-250303-0001');
    expect(d.status).toBe('received');
    expect(d.nationalStatus).toBe(2);
    expect(Date.parse(d.receivedAt)).toBe(now);
    expect(Date.parse(d.dueAt)).toBe(at('2025-03-10T09:00:00+07:00'));
    expect(d.step).toMatchObject({ index: 0, role: 'officer' });
    expect(d.allowedActions.map((a: { action: string }) => a.action)).toContain('transfer');
    expect(d.forms).toEqual(['01', '06']);
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'receive']);
  });

  it('numbers the next dossier of the day 0002 and restarts at 0001 the next day', async () => {
    const second = await officer.post('/api/v1/dossiers', intake);
    expect(second.json().code).toBe('000.41.00.H40-250303-0002');
    now = at('2025-03-04T08:30:00+07:00');
    const third = await officer.post('/api/v1/dossiers', intake);
    expect(third.json().code).toBe('000.41.00.H40-250304-0001');
  });

  it('walks the workflow: transfer, appraisal, approval, result, return; the public page follows', async () => {
    const code = '000.41.00.H40-250303-0001';
    const id = (await officer.get(`/api/v1/dossiers/by-code/${code}`)).json().id;
    const act = async (agent: Agent, action: string, body: Record<string, unknown> = {}) => {
      const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    };
    const publicStatus = async () => (await t.anonymous().get(`/api/v1/public/dossiers/${code}`)).json();

    expect((await publicStatus()).status).toBe('received');
    now = at('2025-03-04T10:00:00+07:00');
    let d = await act(officer, 'transfer');
    expect(d).toMatchObject({ status: 'processing', step: { index: 1, role: 'specialist' } });
    expect((await publicStatus())).toMatchObject({ status: 'processing', currentStep: d.step.name });

    now = at('2025-03-05T15:00:00+07:00');
    d = await act(specialist, 'forward');
    expect(d.step).toMatchObject({ index: 2, role: 'leader' });

    now = at('2025-03-06T11:00:00+07:00');
    d = await act(leader, 'resolve');
    expect(d).toMatchObject({ status: 'resolved', nationalStatus: 9, resultClass: 'ahead' });
    expect((await publicStatus()).status).toBe('resolved');

    now = at('2025-03-07T09:00:00+07:00');
    d = await act(officer, 'return_result');
    expect(d).toMatchObject({ status: 'returned', nationalStatus: 10 });
    const pub = await publicStatus();
    expect(pub).toMatchObject({ status: 'returned', applicantInitials: 'N.T.Á.T.', statusLabel: { vi: 'Đã trả kết quả' } });
    expect(pub.steps.map((s: { status: string }) => s.status)).toEqual(['submitted', 'received', 'processing', 'resolved', 'returned']);
    expect(JSON.stringify(pub)).not.toMatch(/Tuyết|036190001234|0912345678|Xóm 3/);

    const events = await t.database.db.selectFrom('dossier_events').select(['seq', 'action', 'actor_name', 'from_status', 'to_status']).where('dossier_id', '=', id).orderBy('seq').execute();
    expect(events.map((e) => `${e.seq} ${e.action} ${e.actor_name} ${e.from_status}→${e.to_status}`)).toEqual([
      '1 submit canbo.giaothuy null→submitted',
      '2 receive canbo.giaothuy submitted→received',
      '3 transfer canbo.giaothuy received→processing',
      '4 forward chuyenvien.giaothuy processing→processing',
      '5 resolve lanhdao.giaothuy processing→resolved',
      '6 return_result canbo.giaothuy resolved→returned',
    ]);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', code).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.created', 'dossier.transfer', 'dossier.forward', 'dossier.resolve', 'dossier.return_result']);
  });
});
