/**
 * How much time a dossier has left, in the words of the counter: "còn 1 ngày 3 giờ làm việc",
 * "quá hạn 2 giờ làm việc". Legal time is counted in working time (docs/rules/time.md), so a "day" here is
 * a standard working day of 8 hours, not 24.
 */
import type { TFunction } from 'i18next';
import { clockStoppedStatuses, type DossierStatus, type Timeliness } from '@motcua/domain';

/** The standard working day (08:00–12:00 and 13:00–17:00), in minutes. */
export const workingDayMinutes = 480;

export interface WorkingDuration {
  days: number;
  hours: number;
  minutes: number;
}

/** Splits a working time (minutes, sign ignored) into working days, hours and minutes. */
export function splitWorkingMinutes(total: number, dayMinutes = workingDayMinutes): WorkingDuration {
  const abs = Math.abs(Math.round(total));
  return {
    days: Math.floor(abs / dayMinutes),
    hours: Math.floor((abs % dayMinutes) / 60),
    minutes: abs % 60,
  };
}

/**
 * The two largest units worth saying: days and hours when a day or more is left, hours and
 * minutes under a day, minutes alone under an hour. `coarse` (list rows) drops the minutes once
 * there is an hour or more.
 */
export function formatWorkingDuration(t: TFunction, total: number, coarse = false): string {
  const { days, hours, minutes } = splitWorkingMinutes(total);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('time.days', { count: days }));
    if (hours > 0) parts.push(t('time.hours', { count: hours }));
  } else if (hours > 0) {
    parts.push(t('time.hours', { count: hours }));
    if (minutes > 0 && !coarse) parts.push(t('time.minutes', { count: minutes }));
  } else {
    parts.push(t('time.minutes', { count: minutes }));
  }
  return parts.join(' ');
}

/** "còn 1 ngày 3 giờ làm việc", "quá hạn 2 giờ làm việc", "đến hạn". */
export function formatWorkingTimeLeft(t: TFunction, minutesLeft: number, coarse = false): string {
  if (Math.round(minutesLeft) === 0) return t('time.dueNow');
  const duration = formatWorkingDuration(t, minutesLeft, coarse);
  return minutesLeft > 0 ? t('time.left', { duration }) : t('time.overdue', { duration });
}

/** How a dossier stands against its appointment, for colours and badges. */
export type DueState = 'overdue' | 'soon' | 'on_track' | 'stopped' | 'closed' | 'none';

/**
 * The badge of what the server says (its `timeliness`, decided by the domain at the server's
 * instant; docs/rules/time.md): nothing here decides whether a dossier is overdue or due soon. A
 * clock stopped in time shows as stopped; one stopped after its appointment stays overdue.
 */
export function dueStateOf(input: { status: string; timeliness: Timeliness }): DueState {
  switch (input.timeliness) {
    case 'in_progress_overdue': return 'overdue';
    case 'due_soon': return 'soon';
    case 'in_progress_on_time': return clockStoppedStatuses.has(input.status as DossierStatus) ? 'stopped' : 'on_track';
    case 'not_received': return 'none';
    default: return 'closed';
  }
}
