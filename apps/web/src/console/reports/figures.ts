/**
 * The one figure `shared/format.ts` has no helper for: the average satisfaction rating, which the
 * API sends with two decimals (4.52). Same convention: Vietnamese decimal comma in both languages.
 */
import { emptyValue } from '../../shared/format.ts';

const averageFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** `4,52`, `4,0`; `—` when there is no rating. */
export function formatAverage(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? emptyValue : averageFormat.format(value);
}
