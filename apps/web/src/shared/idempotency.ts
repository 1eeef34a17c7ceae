/**
 * Idempotency keys: one UUID per user intent (a click on "Tiếp nhận", a confirmed dialog), reused
 * when the same intent is retried after a network failure, so the server creates nothing twice.
 */
export function newIdempotencyKey(): string {
  // `crypto.randomUUID` exists only in secure contexts; a counter reached by its LAN address over
  // plain HTTP is not one, so build a version-4 UUID from random bytes there.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const idempotencyHeader = 'idempotency-key';
