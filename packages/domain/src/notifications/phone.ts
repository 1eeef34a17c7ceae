/**
 * Phone numbers as SMS gateways take them: E.164 (`+84912345678`). People write Vietnamese mobile
 * numbers many ways — `0912 345 678`, `0912.345.678`, `84912345678`, `+84 912 345 678`,
 * `(+84) 0912-345-678` — and the dossier keeps what was typed; the SMS channel normalises it when
 * it sends.
 */

/**
 * Mobile numbers since the 2018 conversion of the 11-digit ones: ten digits, `0` + a network
 * prefix starting with 3, 5, 7, 8 or 9 + eight digits; `+84` replaces the leading `0`.
 */
const nationalMobile = /^[35789]\d{8}$/;

/**
 * The E.164 form of a Vietnamese mobile number, or `null` when `input` is not one (a landline, a
 * foreign number, a number with a digit too many or too few, letters). Spaces, dots, dashes and
 * parentheses are ignored; a `0` written after the country code (`+84 0912…`) is dropped.
 */
export function normalizeVietnameseMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^0084\d+$/.test(compact)) national = compact.slice(4);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
  return nationalMobile.test(national) ? `+84${national}` : null;
}
