/**
 * The signature of webhook payloads and delivery receipts (docs/notifications-channels.md), one
 * scheme in both directions: `X-Motcua-Timestamp` (Unix seconds) and `X-Motcua-Signature:
 * sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`. The timestamp inside the MAC and
 * a five-minute window make a captured request useless later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const timestampHeader = 'x-motcua-timestamp';
export const signatureHeader = 'x-motcua-signature';
/** How far a signed request's timestamp may be from the receiver's clock, either way. */
export const signatureToleranceMs = 5 * 60_000;

export function signatureOf(secret: string, timestamp: string, rawBody: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The two headers that sign `rawBody` at instant `at`. */
export function signedHeaders(secret: string, rawBody: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { 'X-Motcua-Timestamp': timestamp, 'X-Motcua-Signature': signatureOf(secret, timestamp, rawBody) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Whether `rawBody` was signed with `secret` within the tolerance of `now`; compared in constant time. */
export function checkSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  now: Date,
): SignatureCheck {
  const timestamp = headers[timestampHeader];
  const signature = headers[signatureHeader];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  if (Math.abs(Number(timestamp) * 1000 - now.getTime()) > signatureToleranceMs) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signatureOf(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
