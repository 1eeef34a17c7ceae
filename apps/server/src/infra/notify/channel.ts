/**
 * A notification channel is an adapter (docs/jobs.md): e-mail over SMTP, SMS and chat
 * over HTTP webhooks with signed payloads. The dispatcher gives it a rendered message and reads
 * back what the channel said; it never knows which provider is behind it.
 */
import type { NotificationChannel, NotificationLocale } from '@motcua/domain';

export interface OutgoingMessage {
  /** The notification's id: the idempotency key given to the channel (Message-ID, webhook id). */
  id: number;
  channel: NotificationChannel;
  /** An e-mail address, a phone number (as given), or a chat user id. */
  to: string;
  locale: NotificationLocale;
  /** E-mail only; empty for SMS and chat. */
  subject: string;
  text: string;
  /** The dossier's public link, when there is one (chat channels show it as a button). */
  link?: string | undefined;
}

export interface ChannelReceipt {
  /** `sent`: accepted by the relay or gateway; `delivered`: it says the person has it already. */
  status: 'sent' | 'delivered';
  providerMessageId?: string | undefined;
}

/** A refusal. `permanent`: retrying cannot help (a bad address, a rejected recipient). */
export class ChannelError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface NotificationChannelAdapter {
  readonly channel: NotificationChannel;
  send(message: OutgoingMessage): Promise<ChannelReceipt>;
  close?(): Promise<void>;
}
