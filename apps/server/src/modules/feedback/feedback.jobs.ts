/**
 * The feedback sweep as a scheduled job (docs/jobs.md): hourly through the working day, with the
 * dossiers' escalations, the leaders of units whose feedback passed its due instant are told once.
 * A run on a Saturday, a holiday or during Tết adds nothing (the unit's calendar decides).
 */
import type { ScheduledJob } from '../jobs/types.ts';
import { sendFeedbackOverdueNotices } from './feedback.escalations.ts';

export const feedbackEscalationJob: ScheduledJob = {
  name: 'feedback.escalations',
  cron: '5 8-17 * * *',
  run: (deps, at) => sendFeedbackOverdueNotices(deps, at),
};
