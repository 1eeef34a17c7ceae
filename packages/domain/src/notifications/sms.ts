/**
 * How many SMS segments a text costs. A text wholly in the GSM 7-bit alphabet is sent 160
 * characters to a segment (153 when split); anything else, Vietnamese with its diacritics
 * included, is sent as UCS-2: 70 characters to a segment, 67 when split (the rest of each
 * segment holds the header that joins them).
 */

// The GSM 03.38 basic set; the extension characters (^{}[]~|€\) cost two each.
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('^{}\\[~]|€');

export interface SmsSize {
  encoding: 'gsm7' | 'ucs2';
  /** Characters as the network counts them (UTF-16 code units in UCS-2; extension characters twice in GSM). */
  units: number;
  segments: number;
}

export function smsSize(text: string): SmsSize {
  const normalized = text.normalize('NFC');
  let gsmUnits = 0;
  let gsm = true;
  for (const ch of normalized) {
    if (gsmBasic.has(ch)) gsmUnits += 1;
    else if (gsmExtension.has(ch)) gsmUnits += 2;
    else { gsm = false; break; }
  }
  if (gsm) return { encoding: 'gsm7', units: gsmUnits, segments: gsmUnits <= 160 ? 1 : Math.ceil(gsmUnits / 153) };
  const units = normalized.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** The most segments a default SMS may cost once filled with realistic values. */
export const smsSegmentBudget = 2;
