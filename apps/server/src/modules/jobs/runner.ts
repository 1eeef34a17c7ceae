/**
 * Background work of a process (docs/jobs.md): the job queue with every scheduled job
 * (`registry.ts`), and the notification dispatcher. Started by `npm start` when JOBS=inline (the
 * default) and by `motcua worker`; any number of processes may run it on one database.
 */
import type { DatabaseHandle } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { startJobQueue, type JobQueueOptions } from '../../infra/jobs/job-queue.ts';
import { buildChannels, closeChannels } from '../../infra/notify/channels.ts';
import { createDispatcher, type ChannelAdapters, type Dispatcher, type DispatcherLog, type DispatcherOptions } from '../notifications/dispatcher.ts';
import { scheduledJobs as registeredJobs } from './registry.ts';
import type { ScheduledJob } from './types.ts';

export type JobsLog = DispatcherLog;

export interface JobsOptions {
  /** Default: the registry's. */
  scheduledJobs?: readonly ScheduledJob[];
  /** Default: built from the configuration (`infra/notify/channels.ts`); closed by `stop()` either way. */
  channels?: ChannelAdapters;
  dispatcher?: DispatcherOptions;
  queue?: Omit<JobQueueOptions, 'onError'>;
}

export interface RunningJobs {
  dispatcher: Dispatcher;
  /** Stops taking work, finishes what is in progress (sends recorded, jobs completed), closes the channels. */
  stop(): Promise<void>;
}

export async function startJobs(deps: Deps, handle: Pick<DatabaseHandle, 'pool'>, log: JobsLog, options: JobsOptions = {}): Promise<RunningJobs> {
  const channels = options.channels ?? buildChannels(deps.config);
  const queue = await startJobQueue(handle, { ...options.queue, onError: (error) => log.error({ err: error }, 'job queue error') });
  const jobs = options.scheduledJobs ?? registeredJobs;
  for (const job of jobs) {
    await queue.schedule(job.name, job.cron);
    await queue.work(job.name, async () => {
      const started = performance.now();
      try {
        const summary = await job.run(deps, deps.clock());
        log.info({ job: job.name, ms: Math.round(performance.now() - started), ...summary }, 'scheduled job done');
      } catch (error) {
        log.error({ err: error, job: job.name }, 'scheduled job failed');
        throw error;
      }
    });
  }
  const dispatcher = createDispatcher(deps, channels, log, options.dispatcher);
  dispatcher.start();
  return {
    dispatcher,
    async stop() {
      await dispatcher.stop();
      await queue.stop();
      await closeChannels(channels);
    },
  };
}
