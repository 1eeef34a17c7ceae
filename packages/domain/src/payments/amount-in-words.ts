/**
 * An amount of money in Vietnamese words, as a receipt or an invoice writes it under the figures
 * ("Số tiền bằng chữ"): 1 005 000 → "Một triệu không trăm linh năm nghìn đồng". Northern usage,
 * which administrative documents follow: "linh" for a zero ten, "nghìn", "tỷ"; "mốt" for a one
 * after a ten from twenty, "lăm" for a five after any ten; an empty group is left out, and a
 * group after the first is read in full ("không trăm …").
 */
import { AppError } from '../errors.ts';

const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

/** Tens and ones of a group: `afterHundreds` when a hundreds word precedes them (in words or "không trăm"). */
function tensAndOnes(n: number, afterHundreds: boolean): string[] {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) {
    if (ones === 0) return [];
    return afterHundreds ? ['linh', digits[ones]!] : [digits[ones]!];
  }
  const words = tens === 1 ? ['mười'] : [digits[tens]!, 'mươi'];
  if (ones === 1 && tens >= 2) words.push('mốt');
  else if (ones === 5) words.push('lăm');
  else if (ones > 0) words.push(digits[ones]!);
  return words;
}

/** A group of three digits (1–999); `full` reads its hundreds even when zero ("không trăm linh năm"). */
function group(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !full) return tensAndOnes(rest, false);
  return [digits[hundreds]!, 'trăm', ...tensAndOnes(rest, true)];
}

/** 0 < n < 10⁹ in words; `leading` when nothing is read before it. */
function belowBillion(n: number, leading: boolean): string[] {
  const parts: Array<[number, string | null]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, null],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [value, unit] of parts) {
    if (value === 0) continue;
    words.push(...group(value, !first));
    if (unit) words.push(unit);
    first = false;
  }
  return words;
}

function numberWords(n: number, leading: boolean): string[] {
  if (n < BILLION) return belowBillion(n, leading);
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  return [...numberWords(high, leading), 'tỷ', ...(low > 0 ? belowBillion(low, false) : [])];
}

/**
 * A whole number of đồng in words, capitalised, ending in "đồng": 0 → "Không đồng", 21 → "Hai
 * mươi mốt đồng", 105 → "Một trăm linh năm đồng". Throws for a negative or fractional amount.
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new AppError('document.invalid', { issues: [{ path: 'amount', message: `not a whole, non-negative number of đồng: ${amount}` }] });
  }
  const words = amount === 0 ? ['không'] : numberWords(amount, true);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
