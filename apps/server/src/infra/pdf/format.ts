/**
 * How dates, times and amounts are written on the printed forms. Always Vietnam time
 * (Asia/Ho_Chi_Minh, UTC+07:00 without daylight saving), computed from epoch milliseconds in integer
 * arithmetic, so the server's own time zone never shows on paper.
 */
import { AppError, civilFromEpochDay, DAY_MS, HOUR_MS, LOCAL_OFFSET_MS, MINUTE_MS, parseInstant } from '@motcua/domain';

/** The local wall-clock parts of an instant. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Splits an ISO instant (with its offset) into Vietnam-time parts; `field` names it in errors. */
export function localParts(iso: string, field = 'instant'): LocalParts {
  let instant: number;
  try {
    instant = parseInstant(iso);
  } catch (error) {
    throw invalid(field, `không phải thời điểm ISO 8601 có múi giờ: ${JSON.stringify(iso)}`, error);
  }
  const local = instant + LOCAL_OFFSET_MS;
  const epochDay = Math.floor(local / DAY_MS);
  const rest = local - epochDay * DAY_MS;
  const { year, month, day } = civilFromEpochDay(epochDay);
  return { year, month, day, hour: Math.floor(rest / HOUR_MS), minute: Math.floor((rest % HOUR_MS) / MINUTE_MS) };
}

/** Parts of a plain `YYYY-MM-DD` date (no time zone involved). */
export function plainDateParts(date: string, field = 'date'): LocalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw invalid(field, `không phải ngày dạng YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  return { year: Number(m[1]), month, day, hour: 0, minute: 0 };
}

/**
 * Day and month as an official document writes them in words: a day below 10 and the months 1
 * and 2 take a leading zero, other months do not (Decree 30/2020/NĐ-CP, Annex I, II.6.b).
 */
export function longDate(p: LocalParts): string {
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** "Giao Thủy, ngày 04 tháng 3 năm 2025": the place and date line of the header. */
export function placeAndDate(place: string, iso: string, field = 'issuedAt'): string {
  return `${place}, ${longDate(localParts(iso, field))}`;
}

/** "10 giờ 00 phút" and "ngày 13 tháng 3 năm 2024", for text that may break between the two. */
export function longDateTimeParts(iso: string, field?: string): { time: string; date: string } {
  const p = localParts(iso, field);
  return { time: `${pad2(p.hour)} giờ ${pad2(p.minute)} phút`, date: longDate(p) };
}

/** "10 giờ 00 phút, ngày 13 tháng 3 năm 2024". */
export function longDateTime(iso: string, field?: string): string {
  const { time, date } = longDateTimeParts(iso, field);
  return `${time}, ${date}`;
}

/** "13/03/2024". */
export function shortDate(iso: string, field?: string): string {
  const p = localParts(iso, field);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "10:00 13/03/2024": the compact form used in table cells. */
export function shortDateTime(iso: string, field?: string): string {
  const p = localParts(iso, field);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "10:00" over "13/03/2024": table cells too narrow for both on one line. */
export function stackedDateTime(iso: string, field?: string): string {
  const p = localParts(iso, field);
  return `${pad2(p.hour)}:${pad2(p.minute)}\n${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "2025-03-01" → "01/03/2025". */
export function shortPlainDate(date: string, field?: string): string {
  const p = plainDateParts(date, field);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** 1500000 → "1.500.000 đồng". */
export function money(amount: number, field = 'amount'): string {
  if (!Number.isFinite(amount) || amount < 0) throw invalid(field, `số tiền không hợp lệ: ${amount}`);
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** "ngày 04 tháng 3 năm 2025" → "Ngày 04 tháng 3 năm 2025", at the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Two-digit counts as forms print them: 1 → "01". */
export function count2(n: number): string {
  return pad2(n);
}

/** The error every bad input of a form becomes: one stable code, the offending field named. */
export function invalid(path: string, message: string, cause?: unknown): AppError {
  return new AppError('document.invalid', {
    messages: { vi: 'Dữ liệu của biểu mẫu không hợp lệ', en: 'The form data is invalid' },
    issues: [{ path, message }],
    cause,
  });
}
