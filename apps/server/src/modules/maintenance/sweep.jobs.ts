/** The hourly sweep of expired things, as a scheduled job of the queue (`jobs/registry.ts`). */
import type { ScheduledJob } from '../jobs/types.ts';
import { sweepExpired } from './sweep.usecases.ts';

export const sweepExpiredJob: ScheduledJob = {
  name: 'sweep.expired',
  cron: '0 * * * *',
  run: async (deps) => ({ ...(await sweepExpired(deps)) }),
};
