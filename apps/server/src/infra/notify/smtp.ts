/**
 * E-mail over SMTP (nodemailer, a pool of connections to `SMTP_URL`). Each message carries a
 * Message-ID made from the notification's id, so a message sent twice (the one window the
 * dispatcher cannot close, docs/jobs.md) is recognisably the same message. The relay's answer
 * decides what happens next: a 5xx reply is permanent (a rejected address will stay rejected), a
 * 4xx reply or a connection problem is transient (the dispatcher retries later).
 */
import nodemailer from 'nodemailer';
import { escapeHtml } from '../html.ts';
import { ChannelError, type ChannelReceipt, type NotificationChannelAdapter, type OutgoingMessage } from './channel.ts';

export interface SmtpChannelConfig {
  smtpUrl: string;
  /** `Name <address>` or a bare address. */
  from: string;
}

export function smtpChannel(config: SmtpChannelConfig): NotificationChannelAdapter {
  const transport = nodemailer.createTransport({
    pool: true,
    url: config.smtpUrl,
    maxConnections: 5,
    // Well under the dispatcher's lease: a send that hangs fails and is retried, never sent twice in parallel.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const domain = messageIdDomain(config.from);
  return {
    channel: 'email',
    async send(message: OutgoingMessage): Promise<ChannelReceipt> {
      const messageId = `<notification-${message.id}@${domain}>`;
      try {
        await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: htmlAlternative(message.text, message.locale),
          messageId,
          headers: { 'Content-Language': message.locale },
        });
      } catch (error) {
        throw smtpError(error);
      }
      return { status: 'sent', providerMessageId: messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** The domain of the sender's address (what receivers see as ours), else a local one. */
export function messageIdDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim();
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'motcua.local';
}

function smtpError(error: unknown): ChannelError {
  const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const text = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number') return new ChannelError(`SMTP ${text}`, e.responseCode >= 500);
  // No reply code: an address nodemailer itself refused is permanent; the rest is the connection.
  if (e.code === 'EENVELOPE') return new ChannelError(`SMTP envelope: ${text}`, true);
  return new ChannelError(`SMTP ${e.code ?? 'error'}: ${text}`, false);
}

/** The plain text as simple HTML: paragraphs, line breaks, and links that can be clicked. */
export function htmlAlternative(text: string, locale: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join('\n')}</body></html>`;
}

const linkify = (escaped: string) => escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
