/**
 * The demo's mail catcher: a real SMTP server in this process (`smtp-server`) that accepts every
 * message, parses it (`mailparser`) and keeps it in the development mailbox instead of sending it
 * anywhere. Bound to the loopback address: only this machine can hand it mail.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import type { DevMailbox } from './store.ts';

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

interface Logger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Listens on `port` (0: any free port); rejects when the port cannot be had (see `startMailCatcherOrWarn`). */
export async function startMailCatcher(mailbox: DevMailbox, options: { port: number; host?: string; clock?: () => Date }): Promise<MailCatcher> {
  const clock = options.clock ?? (() => new Date());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Motcua development mail catcher: nothing is delivered',
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          mailbox.add({
            kind: 'email',
            receivedAt: clock().toISOString(),
            from: addressText(mail.from) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: envelopeTo.length ? envelopeTo : addressList(mail.to),
            subject: mail.subject ?? '',
            text: (mail.text ?? '').trimEnd(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** As main.ts wants it: a port already taken (another catcher, another Motcua) is a warning, not a stop. */
export async function startMailCatcherOrWarn(mailbox: DevMailbox, port: number, log: Logger, clock?: () => Date): Promise<MailCatcher | undefined> {
  try {
    return await startMailCatcher(mailbox, { port, ...(clock ? { clock } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    log.warn(
      { port, code },
      code === 'EADDRINUSE'
        ? `the development mail catcher could not listen on 127.0.0.1:${port} (port in use): e-mails go to whatever listens there; set DEV_SMTP_PORT to a free port`
        : `the development mail catcher could not start on port ${port}; e-mails will not reach /dev-mailbox`,
    );
    return undefined;
  }
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function addressList(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}
