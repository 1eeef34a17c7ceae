/**
 * The handling deadline of an incoming document, on the agency's legal clock (docs/rules/time.md):
 * N working days counted from the instant it is routed, as a dossier's appointment is counted.
 */
import { AppError } from '../errors.ts';
import { computeDueAt } from '../calendar/due.ts';
import type { Instant } from '../calendar/time.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';

/** The longest handling time a route may give, in working days. */
export const MAX_HANDLING_WORKING_DAYS = 60;
/** The handling time when the router gives none, in working days. */
export const DEFAULT_HANDLING_WORKING_DAYS = 7;

/** The instant the handling unit must have handled the document by. */
export function handlingDueAt(calendar: WorkingCalendar, routedAt: Instant, workingDays: number): Instant {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_HANDLING_WORKING_DAYS) {
    throw new AppError('office.invalid_deadline', { details: { workingDays } });
  }
  return computeDueAt(calendar, { receivedAt: routedAt, duration: { value: workingDays, unit: 'working_days' } });
}

/** Open (routed, not handled) and past its deadline at `now`. */
export function isHandlingOverdue(doc: { status: string; dueAt: Instant | null }, now: Instant): boolean {
  return doc.status === 'routed' && doc.dueAt !== null && now > doc.dueAt;
}
