/**
 * What the payment gateways' protocols share (docs/payments.md): instants written as
 * yyyyMMddHHmmss in Vietnam's time (GMT+7, no daylight saving), ASCII order descriptions, and
 * constant-time comparison of hexadecimal signatures.
 */
import { timingSafeEqual } from 'node:crypto';

const vietnamOffsetMs = 7 * 3_600_000;

/** `2026-12-07T02:05:09Z` → `20261207090509` (GMT+7), whatever the process's time zone. */
export function gatewayTimestamp(at: Date): string {
  const d = new Date(at.getTime() + vietnamOffsetMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/** The instant a yyyyMMddHHmmss GMT+7 timestamp names; null when it is not one. */
export function parseGatewayTimestamp(text: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  // 20261332… is not a date: Date.UTC would roll it over.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - vietnamOffsetMs);
}

/**
 * An order description a gateway accepts (VNPay: "Tiếng Việt không dấu", no special characters):
 * diacritics removed (đ → d), only letters, digits, spaces and `-_.` kept — characters every
 * URL-encoder writes the same way, so the signature cannot depend on which one the gateway uses.
 */
export function asciiDescription(text: string, max = 255): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 _.-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** True when `given` is the hexadecimal form (any case) of `expected`, compared in constant time. */
export function sameHexDigest(expected: Buffer, given: string | undefined): boolean {
  if (given === undefined || given.length !== expected.length * 2 || !/^[0-9a-fA-F]+$/.test(given)) return false;
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
