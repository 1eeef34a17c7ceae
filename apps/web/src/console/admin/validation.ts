/**
 * Checks the administration forms make before sending, so a refusal is explained beside the
 * field. E-mail, phone, username and password are the server's own rules
 * (packages/domain/src/validation/fields.ts); the rest mirror the zod schemas of
 * apps/server/src/modules/{agencies,users}.
 */
import { isEmail, isPhone, isUsername, passwordMinLength } from '@motcua/domain';

export { isEmail, isUsername };

/** Agency, counter and unit codes: 1–64 characters, no spaces or slashes. */
export const isCode = (value: string) => /^[^/\s]{1,64}$/.test(value);

/** A staff member's phone: the phone rule of every form. */
export const isStaffPhone = isPhone;

export const minPasswordLength = passwordMinLength;

/** `HH:mm`, 00:00–23:59. */
export const isTimeOfDay = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** A password to hand over: 14 characters from an alphabet without look-alikes (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const limit = 256 - (256 % alphabet.length); // rejection sampling: every character equally likely
  const chars: string[] = [];
  while (chars.length < 14) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) if (b < limit && chars.length < 14) chars.push(alphabet[b % alphabet.length]!);
  }
  // Readable in groups when read out: abcd-efgh-ijkl-mn.
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12), chars.slice(12)].map((g) => g.join('')).join('-');
}

/** The trimmed value, or `null` for an empty field (clears an optional column). */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
