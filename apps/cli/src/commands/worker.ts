/**
 * `motcua worker` (docs/jobs.md): the job queue's scheduled jobs and the notification dispatcher
 * without HTTP, until SIGTERM or SIGINT, then a clean drain (sends in progress are recorded, jobs in
 * progress complete). Run beside servers started with JOBS=off, or beside JOBS=inline ones to add
 * capacity; any number of workers and servers share one PostgreSQL database. The embedded
 * database belongs to one process: a worker on it must be the only process on its data directory.
 */
import type { Command } from 'commander';
import { pino } from 'pino';
import { loadConfig } from '@motcua/server/config.ts';
import { buildDeps, configuredClock } from '@motcua/server/deps.ts';
import { startJobs } from '@motcua/server/modules/jobs/runner.ts';
import { listenForReferenceChanges } from '@motcua/server/modules/reference/reference.changes.ts';
import { withDatabase, type GlobalOptions } from '../context.ts';

export function registerWorkerCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('worker')
    .description('run scheduled jobs and send notifications (no HTTP) until SIGTERM or SIGINT')
    .action(async () => {
      const config = loadConfig();
      const log = pino({ name: 'motcua-worker', level: config.logLevel });
      await withDatabase(globals(), async (handle) => {
        const deps = buildDeps(config, handle.db, configuredClock(config));
        // Administrators' templates and reference data changed by any process reach this one.
        const referenceChanges = await listenForReferenceChanges(handle, deps, {
          onError: (error) => log.warn({ err: error }, 'reference change notices interrupted; reconnecting'),
        });
        const jobs = await startJobs(deps, handle, log);
        log.info({ database: handle.kind, location: handle.location }, 'worker running');
        const signal = await new Promise<string>((resolve) => {
          process.once('SIGTERM', () => resolve('SIGTERM'));
          process.once('SIGINT', () => resolve('SIGINT'));
        });
        log.info({ signal }, 'worker stopping');
        await jobs.stop();
        await referenceChanges.close();
        log.info('worker stopped');
      });
    });
}
