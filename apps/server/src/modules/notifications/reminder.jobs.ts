/**
 * The sweeps of the legal clock as scheduled jobs (docs/rules/notifications.md). Each runs on every
 * day of its schedule and decides from the agency's working calendar whether today counts: a run on
 * a Saturday, a holiday or during Tết adds nothing.
 */
import type { ScheduledJob } from '../jobs/types.ts';
import { sendDueTomorrowReminders, sendOverdueNotices } from './reminders.usecases.ts';

export const reminderJobs: ScheduledJob[] = [
  // 07:30, before the offices open: the day's reminders are waiting when staff arrive.
  { name: 'reminders.daily', cron: '30 7 * * *', run: (deps, at) => sendDueTomorrowReminders(deps, at) },
  // Hourly through the working day: overdue notices soon after the due instant, escalations on the hour.
  { name: 'escalations', cron: '0 8-17 * * *', run: (deps, at) => sendOverdueNotices(deps, at) },
];
