/**
 * How much time a dossier has left, in the words of the counter: "còn 1 ngày 3 giờ làm việc",
 * "quá hạn 2 giờ làm việc". Legal time is counted in working time (docs/rules/time.md), so a "day" here is
 * a standard working day of 8 hours, not 24.
 */
import type { TFunction } from 'i18next';

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

/** "Due soon" is what the server's `due=soon` filter means: the appointment within 2 days. */
export const dueSoonMs = 2 * 86_400_000;

/** Statuses whose legal clock is stopped (supplement requested, suspended). */
const stoppedStatuses = new Set(['supplement_requested', 'paused']);
/** Statuses with the clock closed: a result exists, or the dossier ended. */
const closedStatuses = new Set(['resolved', 'rejected', 'returned', 'refused', 'withdrawn']);

export function dueStateOf(input: { status: string; dueAt: string | null; overdue?: boolean }, now: number): DueState {
  if (closedStatuses.has(input.status)) return 'closed';
  if (stoppedStatuses.has(input.status)) return 'stopped';
  if (!input.dueAt) return 'none';
  const due = Date.parse(input.dueAt);
  if (Number.isNaN(due)) return 'none';
  if (input.overdue || due < now) return 'overdue';
  return due - now < dueSoonMs ? 'soon' : 'on_track';
}
