/**
 * The security code (mã bảo mật) of an online receipt: what an applicant without an e-ID account
 * holds to act on their dossier (docs/rules/security-code.md). One rule for the server that
 * issues and checks it and the portal's input.
 *
 * - 16 symbols of a 30-symbol alphabet: the digits 2–9 and the letters A–Z without I, L, O, U,
 *   so that no two symbols look or sound alike (no 0/O, no 1/I/L, no U/V) — 78.5 bits;
 * - shown in groups of four with dashes, to be read aloud: `K7QM-3XRD-9FHT-2WNP`;
 * - typed in any case, with or without spaces and dashes (`k7qm 3xrd9fht2wnp` is the same code);
 * - codes issued before this format (24 base64url characters, case-sensitive) keep working.
 */

/** The symbols of a security code: 2–9 and A–Z without I, L, O, U (30 symbols). */
export const securityCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a code (78.5 bits with 30 symbols; the arithmetic is in docs/rules/security-code.md). */
export const securityCodeLength = 16;
/** Symbols per group when shown or read aloud. */
export const securityCodeGroupSize = 4;
/** The longest text a security code input accepts (a formatted code with some spaces to spare). */
export const securityCodeInputMaxLength = 64;

/** Characters people put between groups; never part of a code. */
const separators = /[\s\-‐‑‒–—_.·]/g;
const canonicalPattern = new RegExp(`^[${securityCodeAlphabet}]{${securityCodeLength}}$`);
/** Codes issued before the current format: 18 random bytes in base64url (24 characters). */
const legacyPattern = /^[A-Za-z0-9_-]{24}$/;

/**
 * A new code from a source of uniform random integers in [0, max) (the server passes
 * `crypto.randomInt`; the domain does no I/O). Returned in canonical form (no dashes).
 */
export function generateSecurityCode(randomBelow: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < securityCodeLength; i += 1) {
    const n = randomBelow(securityCodeAlphabet.length);
    if (!Number.isInteger(n) || n < 0 || n >= securityCodeAlphabet.length) throw new RangeError('random integer out of range');
    code += securityCodeAlphabet[n];
  }
  return code;
}

/**
 * What a person typed, as a canonical code: full-width forms folded (NFKC), letters upper-cased,
 * spaces and dashes removed. Not checked: see `isSecurityCode`.
 */
export function normalizeSecurityCode(input: string): string {
  return input.normalize('NFKC').replace(separators, '').toUpperCase();
}

/** True when `canonical` (see `normalizeSecurityCode`) has the current format. */
export function isSecurityCode(canonical: string): boolean {
  return canonicalPattern.test(canonical);
}

/** A code in groups of four with dashes, for print and for reading aloud: `K7QM-3XRD-9FHT-2WNP`. */
export function formatSecurityCode(code: string): string {
  const canonical = normalizeSecurityCode(code);
  if (!isSecurityCode(canonical)) return code;
  return canonical.match(new RegExp(`.{1,${securityCodeGroupSize}}`, 'g'))!.join('-');
}

/**
 * What the input box shows once a code is typed: the code as printed (upper case, groups of four)
 * when the text is a whole code of the current format; otherwise the text as typed, so that a code
 * issued before this format (case-sensitive) is never altered.
 */
export function tidySecurityCodeInput(input: string): string {
  if (legacyPattern.test(input.trim())) return input;
  const canonical = normalizeSecurityCode(input);
  return isSecurityCode(canonical) ? formatSecurityCode(canonical) : input;
}

/**
 * The forms in which a typed code is compared with the stored hash, most likely first: the
 * canonical code of the current format, and the text as typed (trimmed) when it can be a code
 * issued before it. Empty when it can be neither.
 */
export function securityCodeCandidates(input: string): string[] {
  const canonical = normalizeSecurityCode(input);
  const typed = input.trim();
  const candidates: string[] = [];
  if (isSecurityCode(canonical)) candidates.push(canonical);
  if (legacyPattern.test(typed) && typed !== canonical) candidates.push(typed);
  return candidates;
}

/**
 * Why `input` cannot be a security code, in Vietnamese and English; undefined when it can (the
 * current format, or one issued before it).
 */
export function securityCodeProblem(input: string): { vi: string; en: string } | undefined {
  if (securityCodeCandidates(input).length) return undefined;
  const canonical = normalizeSecurityCode(input);
  if (canonical.length === 0) return { vi: 'Cần nhập mã bảo mật', en: 'Enter the security code' };
  const foreign = [...new Set([...canonical].filter((c) => !securityCodeAlphabet.includes(c)))];
  if (foreign.length) {
    return {
      vi: `Mã bảo mật không có ký tự ${foreign.join(', ')} (không dùng số 0, 1 và chữ I, L, O, U)`,
      en: `A security code has no ${foreign.join(', ')} (it never uses 0, 1, I, L, O or U)`,
    };
  }
  return {
    vi: `Mã bảo mật gồm ${securityCodeLength} ký tự (đang có ${canonical.length})`,
    en: `A security code has ${securityCodeLength} characters (this has ${canonical.length})`,
  };
}
