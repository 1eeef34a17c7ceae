/**
 * Numbers as a Vietnamese reader writes them: a dot groups thousands (3.884), a comma marks the
 * decimals (68,7%). Done in integer arithmetic rather than with `Intl`, so the text never depends
 * on the ICU data of the machine, and a rate is rounded the way a spreadsheet rounds the same
 * fraction under the format `0.0%` (half away from zero on its 4 decimals).
 */

/** What a rate whose denominator is 0 (`null` in the JSON) prints as. */
export const NO_VALUE = '—';

/** 3884 → "3.884", 47219 → "47.219", -1200 → "-1.200". */
export function viInteger(value: number): string {
  const digits = String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 && Math.round(value) !== 0 ? `-${digits}` : digits;
}

/**
 * A fraction as a percentage with one decimal: 0.6874 → "68,7%", 1 → "100,0%", null → "—".
 * The fraction is first taken to 4 decimals (as the JSON report rounds it) in basis points, so
 * 0.6875 → 68,8% exactly, without binary floating-point surprises.
 */
export function viPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_VALUE;
  const basisPoints = Math.round(Math.abs(fraction) * 10_000);
  const tenths = Math.floor((basisPoints + 5) / 10);
  const sign = fraction < 0 && tenths !== 0 ? '-' : '';
  return `${sign}${viInteger(Math.floor(tenths / 10))},${tenths % 10}%`;
}

/** A share of a whole, rounded to 4 decimals as the report rounds its rates; null for an empty whole. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** A decimal with a fixed number of digits after the comma: 4.62 → "4,62", null → "—". */
export function viDecimal(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const scale = 10 ** digits;
  const scaled = Math.round(Math.abs(value) * scale);
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  const whole = viInteger(Math.floor(scaled / scale));
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole},${String(scaled % scale).padStart(digits, '0')}`;
}
