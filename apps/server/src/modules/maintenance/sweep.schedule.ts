/**
 * The in-process schedule of `sweepExpired`: once at start-up, then every hour. The timer is
 * unref'd, so it never keeps a process alive on its own (tests, the CLI). A later job queue in
 * PostgreSQL takes this over.
 */
import type { Deps } from '../../deps.ts';
import { sweepExpired, type SweepSummary } from './sweep.usecases.ts';

export interface SweepLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export function scheduleSweeps(deps: Pick<Deps, 'db' | 'storage' | 'clock' | 'config' | 'calendars' | 'references'>, log: SweepLog, everyMs = 3600_000): { stop(): void; running: () => Promise<SweepSummary | undefined> } {
  let current: Promise<SweepSummary | undefined> = Promise.resolve(undefined);
  const run = () => {
    current = sweepExpired(deps).then(
      (summary) => {
        log.info({ ...summary }, 'expired sessions and uploads swept');
        return summary;
      },
      (error: unknown) => {
        log.error({ err: error }, 'sweep failed');
        return undefined;
      },
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), running: () => current };
}
