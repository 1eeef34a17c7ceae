/**
 * The few plain-date operations the catalogue needs (`YYYY-MM-DD`, local dates in Vietnam). Kept
 * here, unexported from the package, so that the catalogue does not depend on the calendar.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isCatalogueDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for a month written `YYYY-MM`. */
export const isCatalogueMonth = (value: string): boolean => MONTH_RE.test(value);

/** The date `days` days after (or before) `date`. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when `date` lies in `month` (`YYYY-MM`). */
export const isInMonth = (date: string, month: string): boolean => date.slice(0, 7) === month;
