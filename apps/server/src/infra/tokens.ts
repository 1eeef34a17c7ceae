import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { formatSecurityCode, generateSecurityCode } from '@motcua/domain';

/** A random URL-safe token of `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids are stored hashed: a leaked table gives no usable cookie. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * A new security code for an online receipt (docs/rules/security-code.md): `canonical` is what is
 * hashed and stored, `shown` is what the applicant reads (groups of four with dashes).
 */
export function newSecurityCode(): { canonical: string; shown: string } {
  const canonical = generateSecurityCode((max) => randomInt(max));
  return { canonical, shown: formatSecurityCode(canonical) };
}
