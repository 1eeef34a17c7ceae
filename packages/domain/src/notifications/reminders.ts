/**
 * Reminders and escalations on the legal clock (docs/rules/notifications.md). They count in the
 * agency's working calendar (docs/rules/time.md): weekends, holidays and Tết are not working time.
 * - Due tomorrow: on a working day, staff are reminded of every dossier whose due instant falls
 *   before the end of the next working day, so a dossier due on Monday is reminded on Friday, and
 *   one due just after Tết on the last working day before it. Nothing is sent on a day off.
 * - Overdue: once the due instant has passed, the assignee (or the unit's staff) is told.
 * - Escalated: once one working day of working time has passed since the dossier became overdue,
 *   the unit's leaders are told.
 * "Due instant" is `overdue_from`: the appointment of a dossier whose clock runs (null while it is
 * stopped for a supplement or suspended, and once it has a result).
 */
import { addWorkingTime, workingTimeBetween } from '../calendar/due.ts';
import { addDays, localDateOf, startOfLocalDay, type Instant, type PlainDate } from '../calendar/time.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { StaffNotificationKind } from './kinds.ts';

/**
 * The due instants reminded on `today`: from the start of tomorrow up to the end of the next
 * working day (days off between included). Undefined on a day off: no reminder is sent then.
 */
export function dueTomorrowWindow(calendar: WorkingCalendar, today: PlainDate): { from: Instant; to: Instant; nextWorkingDay: PlainDate } | undefined {
  if (!calendar.isWorkingDay(today)) return undefined;
  const next = calendar.nextWorkingDay(today);
  return { from: startOfLocalDay(addDays(today, 1)), to: startOfLocalDay(addDays(next, 1)), nextWorkingDay: next };
}

/** Whether a dossier due at `dueAt` is reminded on the day of `at` (a working day). */
export function isDueTomorrow(calendar: WorkingCalendar, dueAt: Instant, at: Instant): boolean {
  const window = dueTomorrowWindow(calendar, localDateOf(at));
  return window !== undefined && dueAt >= window.from && dueAt < window.to;
}

/** Whether the dossier is overdue at `at`: its due instant has passed (the rule of the inbox's filter). */
export function isOverdue(overdueFrom: Instant | null, at: Instant): boolean {
  return overdueFrom !== null && overdueFrom < at;
}

/** The instant an overdue dossier goes to the unit's leaders: one working day of working time after it became overdue. */
export function escalationAt(calendar: WorkingCalendar, overdueFrom: Instant): Instant {
  return addWorkingTime(calendar, overdueFrom, calendar.standardDayMs);
}

/** Whether a dossier overdue since `overdueFrom` is escalated at `at`. */
export function isEscalationDue(calendar: WorkingCalendar, overdueFrom: Instant | null, at: Instant): boolean {
  return overdueFrom !== null && overdueFrom < at && workingTimeBetween(calendar, overdueFrom, at) >= calendar.standardDayMs;
}

/**
 * The key that makes a sweep's message unique, so that a second run (or a second process) adds
 * nothing: a reminder once a day per dossier and person, an overdue notice and an escalation once
 * per person each time the dossier becomes overdue.
 */
export function reminderKey(kind: StaffNotificationKind, dossierId: number, userId: string, when: PlainDate | Instant): string {
  return `${kind}:${dossierId}:${userId}:${when}`;
}
