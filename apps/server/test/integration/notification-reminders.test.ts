/**
 * The sweeps of the legal clock (docs/rules/notifications.md) on an injected clock: the daily
 * reminder on Friday of a dossier due on Monday and nothing on Saturday, the overdue notice, the
 * escalation to the unit's leader one working day later, and a second run that adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { reminderJobs } from '../../src/modules/notifications/reminder.jobs.ts';

const vn = (local: string) => new Date(`${local}+07:00`);

describe.each(databaseKinds)('reminders and escalations on %s', (kind) => {
  let t: TestApp;
  let now = vn('2026-11-30T09:00');
  let dossierId: number;
  const job = (name: string) => reminderJobs.find((j) => j.name === name)!;
  const run = async (name: string, at: Date) => {
    now = at;
    return job(name).run(t.deps, at);
  };
  const outbox = async () => t.database.db.selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.kind', 'notifications.destination', 'notifications.dedupe_key', 'notifications.variables', 'users.username'])
    .where('dossier_id', '=', dossierId).orderBy('notifications.id').execute();

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now, config: { SESSION_TTL_HOURS: '720' } });
    for (const [username, email] of [['chuyenvien.giaothuy', 'minh.vd@giaothuy.example.vn'], ['lanhdao.giaothuy', 'hung.dv@giaothuy.example.vn']]) {
      await t.database.db.updateTable('users').set({ email }).where('username', '=', username!).execute();
    }
    const officer = await t.signIn('canbo.giaothuy');
    // Received Monday 30 Nov 2026 at 09:00, five working days: due Monday 7 Dec at 09:00.
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { kind: 'citizen', name: 'Lê Văn Đức' }, components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    dossierId = res.json().id;
    expect(res.json().dueAt).toBe('2026-12-07T09:00:00+07:00');
    now = vn('2026-11-30T10:00');
    expect((await officer.post(`/api/v1/dossiers/${dossierId}/actions`, { action: 'transfer' })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('runs daily at 07:30 and hourly through the working day, in Vietnam time', () => {
    expect(job('reminders.daily').cron).toBe('30 7 * * *');
    expect(job('escalations').cron).toBe('0 8-17 * * *');
  });

  it('reminds the unit\'s specialists on Thursday of nothing, on Friday of the dossier due on Monday, and adds nothing on Saturday or a second run', async () => {
    await run('reminders.daily', vn('2026-12-03T07:30'));
    expect(await outbox()).toEqual([]);
    await run('reminders.daily', vn('2026-12-04T07:30'));
    const friday = await outbox();
    expect(friday.map((r) => `${r.kind} ${r.username} ${r.destination} ${r.dedupe_key}`)).toEqual([
      `due_tomorrow chuyenvien.giaothuy minh.vd@giaothuy.example.vn due_tomorrow:${dossierId}:${(await userId('chuyenvien.giaothuy'))}:2026-12-04`,
    ]);
    expect(friday[0]!.variables).toMatchObject({ dueAt: '07/12/2026 09:00', recipientName: 'Vũ Đức Minh', link: expect.stringMatching(new RegExp(`/console/ho-so/${dossierId}$`)) });
    expect(await run('reminders.daily', vn('2026-12-04T07:30'))).toMatchObject({ added: 0 });
    expect(await run('reminders.daily', vn('2026-12-05T07:30'))).toMatchObject({ added: 0 });
    expect(await run('reminders.daily', vn('2026-12-06T07:30'))).toMatchObject({ added: 0 });
    expect((await outbox()).length).toBe(1);
  });

  it('tells the handler once the due instant passed and the leader one working day later, each once', async () => {
    expect(await run('escalations', vn('2026-12-07T08:00'))).toMatchObject({ added: 0 });
    await run('escalations', vn('2026-12-07T10:00'));
    let rows = (await outbox()).filter((r) => r.kind !== 'due_tomorrow');
    expect(rows.map((r) => `${r.kind} ${r.username}`)).toEqual(['overdue chuyenvien.giaothuy']);
    expect(rows[0]!.variables).toMatchObject({ dueAt: '07/12/2026 09:00', overdueSince: '07/12/2026 09:00' });
    await run('escalations', vn('2026-12-07T17:00'));
    await run('escalations', vn('2026-12-08T08:00'));
    expect((await outbox()).filter((r) => r.kind === 'escalated')).toEqual([]);
    await run('escalations', vn('2026-12-08T09:00'));
    rows = (await outbox()).filter((r) => r.kind === 'escalated');
    expect(rows.map((r) => `${r.kind} ${r.username} ${r.destination}`)).toEqual(['escalated lanhdao.giaothuy hung.dv@giaothuy.example.vn']);
    expect(rows[0]!.variables).toMatchObject({ handlerName: { vi: expect.stringMatching(/chưa phân công/) } });
    const again = await run('escalations', vn('2026-12-08T10:00'));
    expect(again).toMatchObject({ added: 0 });
    expect((await outbox()).map((r) => r.kind)).toEqual(['due_tomorrow', 'overdue', 'escalated']);
  });

  it('adds nothing when Friday\'s reminders are run again days later: the dedupe keys refuse a repeat', async () => {
    const before = (await outbox()).length;
    const at = vn('2026-12-04T07:30');
    await job('reminders.daily').run(t.deps, at);
    expect((await outbox()).length).toBe(before);
  });

  const userId = async (username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
});
