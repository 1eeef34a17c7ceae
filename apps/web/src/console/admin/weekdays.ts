/** Days of the week as the calendar API numbers them (0 = Sunday), shown Monday first as in Vietnam. */
export const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

/** Monday … Sunday. */
export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0] as const;

/** `08:00–12:00, 13:00–17:00`. */
export function formatPeriods(periods: ReadonlyArray<{ start: string; end: string }>): string {
  return periods.map((p) => `${p.start}–${p.end}`).join(', ');
}
