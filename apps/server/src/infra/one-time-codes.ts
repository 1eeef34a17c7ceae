/**
 * Delivery of the six-digit one-time codes that confirm a prepared dossier (assisted filing,
 * docs/rules/assisted-filing.md), behind a small interface: a later adapter sends them by SMS or
 * e-mail. Until then the only sender is the development one, which writes the code to the log.
 */
import { randomInt } from 'node:crypto';

export interface OneTimeCodeMessage {
  channel: 'sms' | 'email';
  /** The applicant's phone number or e-mail address, as given. */
  destination: string;
  code: string;
  dossierCode: string;
  agencyName: string;
  expiresAt: Date;
}

export interface OneTimeCodeSender {
  /** `delivered: false` when the channel refused it (the code stays valid: the officer may resend). */
  send(message: OneTimeCodeMessage): Promise<{ delivered: boolean }>;
}

interface InfoLogger {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * The development sender: logs the code at level info with the destination masked, so a developer
 * (or the demo's officer, who also sees it in the answer outside production) can confirm.
 */
export function developmentCodeSender(log: InfoLogger): OneTimeCodeSender {
  return {
    async send(message) {
      log.info(
        {
          channel: message.channel, to: maskDestination(message.channel, message.destination), dossier: message.dossierCode,
          code: message.code, expiresAt: message.expiresAt.toISOString(),
        },
        'one-time confirmation code (development sender: not sent)',
      );
      return { delivered: true };
    },
  };
}

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
