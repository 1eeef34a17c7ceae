/**
 * SMS and chat (Zalo OA style) through HTTP webhooks (docs/notifications-channels.md): one signed
 * JSON POST per message to the gateway configured for the channel, which answers with its own id
 * for the message and later posts a delivery receipt back (`modules/notifications/receipts.*`).
 *
 * The gateway's answer decides what the dispatcher does next: 2xx sent; 4xx (but 408 and 429) a
 * refusal retrying cannot change; 5xx, 408, 429, a timeout or a broken connection worth a retry.
 */
import { normalizeVietnameseMobile, type NotificationChannel, type NotificationLocale } from '@motcua/domain';
import type { WebhookChannelConfig } from '../../config.ts';
import { ChannelError, type ChannelReceipt, type NotificationChannelAdapter, type OutgoingMessage } from './channel.ts';
import { signedHeaders } from './signature.ts';

export interface WebhookOptions {
  /** The instant written in `sentAt` and the signature's timestamp. */
  clock?: () => Date;
  /** How long the gateway has to answer (default 10 s). */
  timeoutMs?: number;
}

/** What the gateway receives (the contract of docs/notifications-channels.md). */
export interface WebhookPayload {
  id: number;
  channel: 'sms' | 'chat';
  /** SMS: the phone in E.164 (`+84…`); chat: the person's user id at the chat provider. */
  to: string;
  text: string;
  link: string | null;
  locale: NotificationLocale;
  sentAt: string;
  /** Chat only: the dossier link as a button under the text. */
  button?: { label: string; url: string };
}

const buttonLabel: Record<NotificationLocale, string> = { vi: 'Xem hồ sơ', en: 'View dossier' };
/** A chat provider's user id: opaque, but never blank or a sentence. */
const chatUserId = /^[A-Za-z0-9_.:@-]{1,128}$/;

export const smsChannel = (config: WebhookChannelConfig, options: WebhookOptions = {}): NotificationChannelAdapter =>
  webhookChannel('sms', config, options);

export const chatChannel = (config: WebhookChannelConfig, options: WebhookOptions = {}): NotificationChannelAdapter =>
  webhookChannel('chat', config, options);

function webhookChannel(channel: 'sms' | 'chat', config: WebhookChannelConfig, options: WebhookOptions): NotificationChannelAdapter {
  const clock = options.clock ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    channel,
    async send(message) {
      const payload = payloadOf(channel, message, clock());
      const body = JSON.stringify(payload);
      // Read at each send: the development gateway's address is completed once the server listens.
      const url = config.url;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': `notification-${message.id}`,
            ...signedHeaders(config.secret, body, clock()),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new ChannelError(`${channel} gateway did not answer within ${timeoutMs} ms`, false);
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new ChannelError(`${channel} gateway unreachable: ${cause?.code ?? cause?.message ?? (error as Error).message}`, false);
      }
      return receiptOf(channel, response);
    },
  };
}

function payloadOf(channel: 'sms' | 'chat', message: OutgoingMessage, at: Date): WebhookPayload {
  let to: string;
  if (channel === 'sms') {
    const phone = normalizeVietnameseMobile(message.to);
    if (!phone) throw new ChannelError(`not a Vietnamese mobile number: ${JSON.stringify(message.to)}`, true);
    to = phone;
  } else {
    to = message.to.trim();
    if (!chatUserId.test(to)) throw new ChannelError(`not a chat user id: ${JSON.stringify(message.to)}`, true);
  }
  const link = message.link ?? null;
  return {
    id: message.id, channel, to, text: message.text, link, locale: message.locale, sentAt: at.toISOString(),
    ...(channel === 'chat' && link ? { button: { label: buttonLabel[message.locale], url: link } } : {}),
  };
}

async function receiptOf(channel: NotificationChannel, response: Response): Promise<ChannelReceipt> {
  const text = await response.text().catch(() => '');
  if (response.ok) {
    return { status: 'sent', providerMessageId: providerMessageIdOf(text) };
  }
  const what = `${channel} gateway answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  const status = response.status;
  const transient = status >= 500 || status === 408 || status === 429;
  throw new ChannelError(what, !transient);
}

/** The gateway's id of the message: `{ "messageId": "…" }` (or `id`); none when the answer has none. */
function providerMessageIdOf(text: string): string | undefined {
  try {
    const answer = JSON.parse(text) as { messageId?: unknown; id?: unknown };
    const id = answer.messageId ?? answer.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
