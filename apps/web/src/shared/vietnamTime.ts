/**
 * Wall-clock times in Vietnam (UTC+7, no daylight saving) for date-time pickers, which work with
 * zone-less `YYYY-MM-DD HH:mm:ss` strings: an appointment picked as "09/12/2026 10:00" means
 * 10:00 at the counter, whatever time zone the officer's computer is set to.
 */
const offsetMs = 7 * 3_600_000;

/** An instant as Vietnam's wall-clock time, `YYYY-MM-DD HH:mm:ss`; `undefined` if unreadable. */
export function toVietnamWallTime(value: string | number | Date): string | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  // Shifting by the fixed offset and reading the UTC fields gives Vietnam's local fields.
  return new Date(ms + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** A Vietnam wall-clock time (`YYYY-MM-DD HH:mm[:ss]`) as an ISO instant with its offset, `…T10:00:00+07:00`. */
export function vietnamWallTimeToIso(wall: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!match) return undefined;
  return `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}+07:00`;
}
