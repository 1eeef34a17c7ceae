/**
 * Display formats for dates, times, numbers, percentages and money.
 *
 * Deliberate choice: Motcua is a Vietnamese administrative product. Every figure on screen must
 * read exactly as on the printed forms and the official reports (3.884 hồ sơ, 68,7%, 1.500.000 ₫,
 * 04/03/2025 08:30), so these helpers use the Vietnamese conventions in BOTH languages: the English
 * UI translates the words, never the numbers. An English-speaking officer comparing the screen with
 * a stamped paper report must see the same digits.
 *
 * Instants are always shown in Asia/Ho_Chi_Minh, whatever time zone the browser is in: an
 * appointment is a legal time at the counter, not a time on the viewer's laptop.
 */

export const displayTimeZone = 'Asia/Ho_Chi_Minh';

/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with an offset. */
export type InstantInput = Date | number | string;

/** Shown for a missing or unreadable value. */
export const emptyValue = '—';

const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: displayTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  numberingSystem: 'latn',
});

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormats = new Map<number, Intl.NumberFormat>();
const decimalFormats = new Map<number, Intl.NumberFormat>();
const currencyFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

function toDate(value: InstantInput | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface LocalParts { day: string; month: string; year: string; hour: string; minute: string }

function localParts(value: InstantInput | null | undefined): LocalParts | undefined {
  const date = toDate(value);
  if (!date) return undefined;
  const parts: Record<string, string> = {};
  for (const part of instantParts.formatToParts(date)) parts[part.type] = part.value;
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** The local date of an instant in Vietnam: `04/03/2025`. */
export function formatDate(value: InstantInput | null | undefined): string {
  const p = localParts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : emptyValue;
}

/** The local time of an instant in Vietnam, 24-hour clock: `08:30`. */
export function formatTime(value: InstantInput | null | undefined): string {
  const p = localParts(value);
  return p ? `${p.hour}:${p.minute}` : emptyValue;
}

/** Date and time of an instant in Vietnam: `04/03/2025 08:30`. */
export function formatDateTime(value: InstantInput | null | undefined): string {
  const p = localParts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : emptyValue;
}

/**
 * A calendar date (`YYYY-MM-DD`, a PlainDate on the wire) as `04/03/2025`. No time zone is
 * involved: a reporting period's "15/12/2022" is that date everywhere.
 */
export function formatPlainDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : emptyValue;
}

/** An integer count with Vietnamese grouping: `3.884`, `47.219`. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? emptyValue : integerFormat.format(value);
}

/**
 * A rate given as a fraction (the API sends 0.6874) as a percentage with a decimal comma:
 * `68,7%`. `null` (a rate whose denominator is 0) is shown as `—`.
 */
export function formatPercent(fraction: number | null | undefined, fractionDigits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return emptyValue;
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
    percentFormats.set(fractionDigits, format);
  }
  return format.format(fraction);
}

/** A score with a fixed number of decimals and a decimal comma: `54,63`; `null` is shown as `—`. */
export function formatDecimal(value: number | null | undefined, fractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return emptyValue;
  let format = decimalFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    decimalFormats.set(fractionDigits, format);
  }
  return format.format(value);
}

/**
 * An amount of Vietnamese đồng: `1.500.000 ₫`. The space before ₫ is a no-break space (U+00A0)
 * so the symbol never wraps away from the amount.
 */
export function formatCurrency(amount: number | null | undefined): string {
  return amount === null || amount === undefined || !Number.isFinite(amount) ? emptyValue : currencyFormat.format(amount);
}
