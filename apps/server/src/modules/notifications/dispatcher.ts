/**
 * Sends the outbox (docs/jobs.md). Each round claims a batch of due messages
 * (`claimDueNotifications`: atomic, SKIP LOCKED, with a lease), renders each one with the template
 * in force, hands it to its channel's adapter and records the outcome at once: `sent` or
 * `delivered` with the text as sent and the provider's id, or back to the queue after a growing
 * delay, or `failed` with the reason once retries are exhausted or the channel refused for good.
 *
 * The dispatcher runs when woken (`deps.outbox.wake()` after a commit in this process) and every
 * `pollMs` (for messages committed by other processes, and retries coming due). Exactly once, as
 * far as it can be: a message is claimed by one worker; the one gap is a crash after the channel
 * accepted a message and before the row says so — the lease then runs out and the message is sent
 * again, with the same Message-ID, so a receiver can drop the repeat.
 */
import { renderTemplate, valueIn, type NotificationChannel } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { ChannelError, type NotificationChannelAdapter, type OutgoingMessage } from '../../infra/notify/channel.ts';
import { claimDueNotifications, recordFailed, recordRetry, recordSent, type ClaimedNotification } from './dispatch.repository.ts';

/** The adapters this process can send through, by channel; a channel left out is not configured. */
export type ChannelAdapters = Partial<Record<NotificationChannel, NotificationChannelAdapter>>;

/** Waits after the 1st, 2nd, … failed attempt; after the last one the message fails. */
export const defaultRetryDelaysMs: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];

export interface DispatcherOptions {
  /** Messages claimed (and sent concurrently) per round. */
  batchSize?: number;
  /** How often to look for messages committed by other processes and retries coming due. */
  pollMs?: number;
  /** How long a claim holds a message; longer than any send can take (SMTP timeouts are shorter). */
  leaseMs?: number;
  retryDelaysMs?: readonly number[];
}

export interface DispatcherLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Dispatcher {
  /** Sends everything due now, round after round, until a round finds nothing; how many it handled. */
  drain(): Promise<number>;
  /** Starts polling and answering wakes. */
  start(): void;
  /** Stops polling and waits for the round in progress (its messages are recorded, not abandoned). */
  stop(): Promise<void>;
}

export function createDispatcher(
  deps: Pick<Deps, 'db' | 'clock' | 'templates' | 'outbox'>,
  channels: ChannelAdapters,
  log: DispatcherLog,
  options: DispatcherOptions = {},
): Dispatcher {
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 120_000;
  const delays = options.retryDelaysMs ?? defaultRetryDelaysMs;

  const deliver = async (row: ClaimedNotification): Promise<void> => {
    const adapter = channels[row.channel];
    if (!adapter) {
      // Failed rather than left queued: the console shows why, and can resend once configured.
      await recordFailed(deps.db, row, { error: `channel "${row.channel}" is not configured in this process (${configurationHint[row.channel]})`, at: deps.clock() });
      return;
    }
    const template = await deps.templates.template(deps.db, row.kind, row.channel);
    if (!template) {
      await recordFailed(deps.db, row, { error: `no template for ${row.kind} on ${row.channel}`, at: deps.clock() });
      return;
    }
    const message: OutgoingMessage = {
      id: row.id,
      channel: row.channel,
      to: row.destination,
      locale: row.locale,
      subject: renderTemplate(template.subject[row.locale], row.variables, row.locale),
      text: renderTemplate(template.body[row.locale], row.variables, row.locale),
      link: valueIn(row.variables.link, row.locale) || undefined,
    };
    let receipt;
    try {
      receipt = await adapter.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof ChannelError && error.permanent;
      const at = deps.clock();
      if (permanent || row.attempts > delays.length) {
        await recordFailed(deps.db, row, { error: reason, at, subject: message.subject, body: message.text });
        log.warn({ notification: row.id, channel: row.channel, attempts: row.attempts, permanent, reason }, 'notification failed');
      } else {
        const nextAttemptAt = new Date(at.getTime() + delays[row.attempts - 1]!);
        await recordRetry(deps.db, row, { nextAttemptAt, error: reason });
        log.info({ notification: row.id, channel: row.channel, attempts: row.attempts, nextAttemptAt, reason }, 'notification to be retried');
      }
      return;
    }
    // Recorded right after the channel accepted: the shorter this gap, the rarer a repeat.
    const recorded = await recordSent(deps.db, row, {
      status: receipt.status,
      subject: message.subject,
      body: message.text,
      providerMessageId: receipt.providerMessageId ?? null,
      at: deps.clock(),
    });
    if (!recorded) log.warn({ notification: row.id }, 'notification sent after its lease ran out; another worker may have sent it too');
  };

  const round = async (): Promise<number> => {
    const now = deps.clock();
    const claimed = await claimDueNotifications(deps.db, now, new Date(now.getTime() + leaseMs), batchSize);
    await Promise.all(
      claimed.map((row) =>
        deliver(row).catch((error: unknown) => {
          // The outcome could not be recorded (database unreachable): the lease runs out and the row is claimed again.
          log.error({ err: error, notification: row.id }, 'notification outcome not recorded');
        }),
      ),
    );
    return claimed.length;
  };

  const drain = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await round();
      total += n;
      if (n < batchSize || stopped) return total;
    }
  };

  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          log.error({ err: error }, 'notification round failed; trying again at the next poll');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  };

  return {
    drain,
    start() {
      stopped = false;
      unsubscribe = deps.outbox.onWake(kick);
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

const configurationHint: Record<NotificationChannel, string> = {
  email: 'set SMTP_URL',
  sms: 'set SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET',
  chat: 'set CHAT_WEBHOOK_URL and CHAT_WEBHOOK_SECRET',
};
