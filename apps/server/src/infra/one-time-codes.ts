/**
 * The six-digit one-time codes that confirm a prepared dossier (assisted filing,
 * docs/rules/assisted-filing.md). They reach the applicant as `confirmation_code` notifications
 * through the outbox (`modules/dossiers/confirmation-code.notifications.ts`).
 */
import { randomInt } from 'node:crypto';

/** A six-digit code, uniformly random (000000–999999). */
export function newOneTimeCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** What may be shown or logged of a destination: `09******78`, `a***@example.vn`. */
export function maskDestination(channel: 'sms' | 'email', destination: string): string {
  if (channel === 'email') {
    const at = destination.lastIndexOf('@');
    if (at <= 0) return '***';
    return `${destination[0]}***${destination.slice(at)}`;
  }
  const digits = destination.replace(/\D/g, '');
  if (digits.length < 5) return '***';
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}
