import { formatProcessingTime, timeUnits, type LegalProcessingTime } from '@motcua/domain';
import type { Language } from './i18n/index.ts';

/**
 * A legal processing time or a step's budget in words: `5 ngày làm việc`, `15 phút làm việc` (never
 * `0,25 giờ`), `Trong ngày (tiếp nhận trước 15:00; …)`. The domain's one formatter, the same text
 * the server sends as `text` and prints on form 01, so the console and the portal say the same.
 */
export function processingTimeLabel(language: Language, time: { value: number; unit: string; cutoff?: string | null }): string {
  if (!(timeUnits as readonly string[]).includes(time.unit)) return String(time.value);
  const unit = time.unit as LegalProcessingTime['unit'];
  const legal = (unit === 'same_day' ? { value: time.value, unit, ...(time.cutoff ? { cutoff: time.cutoff } : {}) } : { value: time.value, unit }) as LegalProcessingTime;
  return formatProcessingTime(legal)[language];
}
