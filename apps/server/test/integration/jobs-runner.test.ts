/**
 * The runner on the job queue (docs/jobs.md): two runners on one database run a scheduled job once
 * per slot between them; a message enqueued and woken is sent without waiting for a poll, and one
 * committed by another process is found by polling; stopping drains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildDeps, systemClock, type Deps } from '../../src/deps.ts';
import { startJobs, type RunningJobs } from '../../src/modules/jobs/runner.ts';
import { scheduledJobs } from '../../src/modules/jobs/registry.ts';
import type { ScheduledJob } from '../../src/modules/jobs/types.ts';
import { enqueueNotifications } from '../../src/modules/notifications/outbox.repository.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const silent = { info() {}, warn() {}, error() {} };
const fast = { cronCheckSeconds: 1, pollSeconds: 1 };

describe.each(databaseKinds)('the job runner on %s', (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  const runners: RunningJobs[] = [];
  const depsOf = () => buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', SMTP_URL: smtp.url }), database.db, systemClock);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await smtp?.close();
    await database?.close();
  });

  it('schedules the hourly sweep of expired things', () => {
    expect(scheduledJobs.map((j) => [j.name, j.cron])).toContainEqual(['sweep.expired', '0 * * * *']);
  });

  it('runs a scheduled job once per slot although two runners serve the database', async () => {
    const runs: Array<{ runner: string; at: Date }> = [];
    const everyMinute = (runner: string): ScheduledJob => ({
      name: 'test.every-minute',
      cron: '* * * * *',
      run: async (_deps, at) => {
        runs.push({ runner, at });
        return {};
      },
    });
    for (const name of ['a', 'b']) {
      runners.push(await startJobs(depsOf(), database, silent, { scheduledJobs: [everyMinute(name)], queue: fast }));
    }
    await expect.poll(() => runs.length, { timeout: 20_000, interval: 200 }).toBeGreaterThan(0);
    // Time enough for both runners to look at the schedule several times more.
    await new Promise((r) => setTimeout(r, 4000));
    const perMinute = new Map<number, number>();
    for (const run of runs) {
      const slot = Math.floor(run.at.getTime() / 60_000);
      perMinute.set(slot, (perMinute.get(slot) ?? 0) + 1);
    }
    expect([...perMinute.values()].every((n) => n === 1), JSON.stringify(runs)).toBe(true);
    // pg-boss keeps one schedule however many processes scheduled it.
    const schedules = await database.pool.query(`SELECT name, timezone FROM pgboss.schedule WHERE name = 'test.every-minute'`);
    expect(schedules.rows).toEqual([{ name: 'test.every-minute', timezone: 'Asia/Ho_Chi_Minh' }]);
  }, 60_000);

  it('sends a message as soon as the process that enqueued it wakes its dispatcher, and one from elsewhere on the next poll', async () => {
    const deps: Deps = depsOf();
    const runner = await startJobs(deps, database, silent, { scheduledJobs: [], dispatcher: { pollMs: 60_000 } });
    runners.push(runner);
    const message = (code: string) => ({
      kind: 'withdrawn' as const, channel: 'email' as const, recipientKind: 'applicant' as const, destination: 'an@example.vn',
      variables: { code, link: `https://motcua.example.vn/tra-cuu/${code}`, procedureName: 'Đăng ký khai sinh', agencyName: 'UBND xã Giao Thủy', recipientName: 'Nguyễn Văn An' },
    });
    const before = smtp.received.length;
    await database.db.transaction().execute((tx) => enqueueNotifications(tx, [message('H40.22-260213-0600')], deps.clock()));
    deps.outbox.wake();
    const mails = await smtp.waitFor(before + 1, 5000);
    expect(mails.at(-1)!.subject).toContain('H40.22-260213-0600');
    await runner.stop();
    runners.splice(runners.indexOf(runner), 1);
    // Another process committed it: no wake reaches this one, its poll finds the message.
    runners.push(await startJobs(depsOf(), database, silent, { scheduledJobs: [], dispatcher: { pollMs: 200 } }));
    await database.db.transaction().execute((tx) => enqueueNotifications(tx, [message('H40.22-260213-0601')], deps.clock()));
    expect((await smtp.waitFor(before + 2, 5000)).at(-1)!.subject).toContain('H40.22-260213-0601');
  });
});
