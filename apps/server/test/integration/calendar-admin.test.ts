/**
 * Administrators load next year's official schedule without a release; appointments computed
 * afterwards follow it, appointments already printed do not move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '@motcua/domain';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('the official schedule of a new year on %s', (kind) => {
  let t: TestApp;
  const now = Date.parse('2027-02-03T09:00:00+07:00');
  let admin: Agent;
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    admin = await t.signIn('quantri');
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  it('derives 2027 from the Labour Code until the official schedule is loaded', async () => {
    const derived = (await t.anonymous().get('/api/v1/public/holidays/2027')).json();
    expect(derived).toMatchObject({ year: 2027, official: false, source: 'statutory_rules' });
    // Tết 2027: the lunar new year is Sat 6 Feb 2027; the derived days off include the eve, Fri 5 Feb.
    expect(derived.daysOff).toContain('2027-02-05');
  });

  it('moves later appointments by a newly loaded schedule, but never one already printed', async () => {
    // Received Wed 3 Feb 2027 09:00 for 2 working days, under the Labour Code default (Tết eve
    // Fri 5 Feb off, then Tết and its compensation days).
    const beforeRes = await officer.post('/api/v1/dossiers', { procedureCode: 'DEMO.009', applicant: { name: 'Trương Văn Lộc' }, components: [0, 1, 2].map((index) => ({ index, received: true })) });
    expect(beforeRes.statusCode, beforeRes.body).toBe(201);
    const before = beforeRes.json();
    const printed = before.dueAt;
    // The official schedule then gives Thu 4 and the whole following week off as well.
    const res = await admin.request('PUT', '/api/v1/calendar/schedules/2027', {
      daysOff: ['2027-01-01', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workingDays: ['2027-01-30'],
      notes: 'Lịch nghỉ Tết Đinh Mùi (ví dụ kiểm thử)',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, official: true, source: 'loaded' });
    const again = (await officer.get(`/api/v1/dossiers/${before.id}`)).json();
    expect(again.dueAt).toBe(printed);
    const afterRes = await officer.post('/api/v1/dossiers', { procedureCode: 'DEMO.009', applicant: { name: 'Trương Thị Mai' }, components: [0, 1, 2].map((index) => ({ index, received: true })) });
    expect(afterRes.statusCode, afterRes.body).toBe(201);
    const after = afterRes.json();
    // 2 working days = 16 h from Wed 3 Feb 09:00 with Thu 4 – Fri 12 off: 7 h on Wed 3, 8 h on
    // Mon 15, the last hour on Tue 16: due Tue 16 Feb 2027 at 09:00.
    expect(after.dueAt).toBe('2027-02-16T09:00:00+07:00');
    expect(after.dueAt).not.toBe(printed);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_name']).where('action', '=', 'calendar.schedule_loaded').execute();
    expect(audit).toEqual([{ action: 'calendar.schedule_loaded', actor_name: 'quantri' }]);
  });

  it('shows the load in the audit trail to those of the province, with filters by action, actor and day', async () => {
    const trail = async (query: string) => {
      const res = await admin.get(`/api/v1/audit-events?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ action: string; entityId: string | null; agencyId: string | null; at: string; actorName: string }>;
    };
    const [loaded, ...others] = await trail('action=calendar.');
    expect(others).toEqual([]);
    expect(loaded).toMatchObject({ action: 'calendar.schedule_loaded', entityId: '2027', agencyId: null, actorName: 'quantri' });
    expect((await trail('action=calendar.schedule_loaded&actor=QUANTRI')).map((e) => e.entityId)).toEqual(['2027']);
    expect(await trail('action=calendar.schedule_loaded&actor=chuyenvien')).toEqual([]);
    // Days are Vietnam's: the day of the event includes it, the next day does not.
    const day = localDateOf(Date.parse(loaded!.at));
    expect((await trail(`action=calendar.&from=${day}&to=${day}`)).length).toBe(1);
    expect(await trail(`action=calendar.&from=${addDays(day, 1)}`)).toEqual([]);
    expect(await trail(`action=calendar.&to=${addDays(day, -1)}`)).toEqual([]);
    const backwards = await admin.get(`/api/v1/audit-events?from=${day}&to=${addDays(day, -1)}`);
    expect(backwards.statusCode).toBe(400);
    // The province's manager reads it too; a commune's officer reads no trail at all.
    const manager = await t.signIn('quanly.tinh');
    expect((await manager.get('/api/v1/audit-events?action=calendar.schedule_loaded')).json().items).toHaveLength(1);
    expect((await officer.get('/api/v1/audit-events')).statusCode).toBe(403);
  });

  it('refuses a schedule with a date both off and worked, with the path of the bad date', async () => {
    const res = await admin.request('PUT', '/api/v1/calendar/schedules/2028', { daysOff: ['2028-01-03'], workingDays: ['2028-01-03'] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().issues)).toContain('years.2028');
  });
});
