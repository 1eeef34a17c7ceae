/**
 * The demo's mail catcher: a real SMTP server in the server process (smtp-server) that accepts
 * every message for any address and keeps the latest ones in memory, so that a newcomer sees what
 * Motcua "sent" without a mail account anywhere (the demo mailbox page lists `messages()`). Only
 * on the loopback address, without authentication; never configured in production (with SMTP_URL
 * set, mail goes there instead).
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  receivedAt: Date;
}

export interface MailCatcher {
  /** The port it listens on (the configured one, or another when that one was taken). */
  port: number;
  /** Newest first. */
  messages(): readonly CaughtMail[];
  close(): Promise<void>;
}

export async function startMailCatcher(options: { port: number; keep?: number; clock?: () => Date; onTaken?: (port: number) => void }): Promise<MailCatcher> {
  const keep = options.keep ?? 500;
  const caught: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Motcua development mail catcher',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          caught.unshift({
            messageId: mail.messageId,
            from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : undefined,
            receivedAt: options.clock?.() ?? new Date(),
          });
          caught.length = Math.min(caught.length, keep);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve((server.server.address() as { port: number }).port);
      });
    });
  let port: number;
  try {
    port = await listen(options.port);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    // Another process (a second server, a test) holds the port: take any free one.
    options.onTaken?.(options.port);
    port = await listen(0);
  }
  return {
    port,
    messages: () => caught,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
