/**
 * Background work on the PostgreSQL job queue (docs/jobs.md). A scheduled job runs once per slot
 * across every process on the database, at local Vietnam times (Asia/Ho_Chi_Minh); what it does is
 * a plain use case on `deps`, on `deps.clock`, so a test can run it directly at any instant.
 */
import type { Deps } from '../../deps.ts';

export interface ScheduledJob {
  /** The queue's name, e.g. `sweep.expired`, `reminders.daily`. */
  name: string;
  /** Five-field cron in Asia/Ho_Chi_Minh, e.g. `0 * * * *` (hourly), `30 7 * * *` (07:30 every day). */
  cron: string;
  /** What it did, for the log (counts). */
  run(deps: Deps, at: Date): Promise<Record<string, unknown>>;
}
