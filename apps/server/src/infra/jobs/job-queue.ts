/**
 * The job queue: pg-boss in its own schema (`pgboss`) of the application's database, on the same
 * connection pool, so it runs on a PostgreSQL server and on the embedded PGlite alike (docs/jobs.md).
 * pg-boss creates and upgrades its schema itself when it starts (under an advisory lock, so several
 * processes starting together are fine); its schema is not part of Motcua's migrations.
 *
 * Schedules: pg-boss keeps them in a table, and once per cron slot one process turns a schedule
 * into a job (a singleton per name and minute), which one worker fetches (SKIP LOCKED): a
 * scheduled job runs once per slot however many processes run the queue.
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/database.ts';

/** Scheduled jobs run at Vietnam's local times. */
export const scheduleTimeZone = 'Asia/Ho_Chi_Minh';

export interface JobQueueOptions {
  /** How often a process looks whether a schedule is due (pg-boss: 1–45 s). */
  cronCheckSeconds?: number;
  /** How often a worker looks for jobs. */
  pollSeconds?: number;
  onError?: (error: Error) => void;
}

export interface JobQueue {
  /** Runs `handler` for each job of `name` in this process (one job at a time); creates the queue. */
  work(name: string, handler: () => Promise<unknown>): Promise<void>;
  /** (Re)places the schedule of `name`: a five-field cron in Asia/Ho_Chi_Minh. */
  schedule(name: string, cron: string): Promise<void>;
  /** Stops fetching and waits for the jobs in progress; the database stays open. */
  stop(): Promise<void>;
}

export async function startJobQueue(handle: Pick<DatabaseHandle, 'pool'>, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: {
      async executeSql(text: string, values: unknown[]) {
        // Without parameters node-postgres uses the simple protocol, which runs pg-boss's
        // multi-statement plans (on PGlite too) and answers with one result per statement.
        const result = await handle.pool.query(text, values);
        return Array.isArray(result) ? (result.at(-1) as { rows: unknown[] }) : result;
      },
    },
    schema: 'pgboss',
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(options.cronCheckSeconds ?? 5, 5),
    // Our jobs are sweeps that are safe to repeat: a failed run is tried again a little later.
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    expireInMinutes: 30,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const pollingIntervalSeconds = options.pollSeconds ?? 10;
  return {
    async work(name, handler) {
      await boss.createQueue(name).catch(ignoreExisting);
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async () => {
        await handler();
      });
    },
    async schedule(name, cron) {
      await boss.createQueue(name).catch(ignoreExisting);
      await boss.schedule(name, cron, {}, { tz: scheduleTimeZone });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
    },
  };
}

/** Two processes creating the same queue at once: the second one's insert conflicts. */
function ignoreExisting(error: unknown): void {
  if (!/duplicate key|already exists/.test(String((error as Error)?.message))) throw error;
}
