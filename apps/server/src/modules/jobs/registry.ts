/**
 * Every scheduled job of Motcua (docs/jobs.md). The runner schedules each one on the queue; a
 * feature adds its own jobs here (defined next to its use cases, as `<feature>.jobs.ts`).
 */
import { feedbackEscalationJob } from '../feedback/feedback.jobs.ts';
import { sweepExpiredJob } from '../maintenance/sweep.jobs.ts';
import { reminderJobs } from '../notifications/reminder.jobs.ts';
import { reconcilePaymentsJob } from '../payments/online.jobs.ts';
import type { ScheduledJob } from './types.ts';

export const scheduledJobs: ScheduledJob[] = [sweepExpiredJob, ...reminderJobs, reconcilePaymentsJob, feedbackEscalationJob];
