/**
 * Working time left until an appointment, for list rows (the list API gives the appointment, not
 * the time left; the dossier page shows the server's own figure). Computed on the standard
 * working calendar (docs/rules/time.md) — 08:00–12:00, 13:00–17:00, Monday to Friday, the Labour Code
 * holidays — which is what the server uses unless an agency or an official schedule says
 * otherwise, so a row may differ from the dossier page by a swapped working day.
 */
import { createWorkingCalendar, workingTimeBetween, type WorkingCalendar } from '@motcua/domain';

let standard: WorkingCalendar | undefined;

/** Working minutes from `now` to `dueAt`; negative when the appointment has passed. */
export function workingMinutesUntil(dueAt: string, now: number): number | undefined {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return undefined;
  standard ??= createWorkingCalendar();
  const ms = now <= due ? workingTimeBetween(standard, now, due) : -workingTimeBetween(standard, due, now);
  return Math.round(ms / 60_000);
}
