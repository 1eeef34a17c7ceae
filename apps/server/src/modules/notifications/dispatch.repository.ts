/**
 * The delivery side of `notifications` (migration 0026): claiming due messages and recording what
 * the channel said. A claim is one statement: it picks due rows with FOR UPDATE SKIP LOCKED (rows
 * another worker is claiming right now are skipped, not waited for) and marks them `sending` with
 * a lease, so that each row is handed to one worker. The lease's end (`locked_until`) is the
 * claim's token: a worker records its outcome only while the row still carries its lease, so a
 * worker that outlived its lease cannot overwrite what the next one recorded.
 */
import { sql, type Kysely } from 'kysely';
import type { NotificationChannel, NotificationKind, NotificationLocale, TemplateVariables } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface ClaimedNotification {
  id: number;
  kind: NotificationKind;
  channel: NotificationChannel;
  destination: string;
  locale: NotificationLocale;
  variables: TemplateVariables;
  /** Including this one. */
  attempts: number;
  lockedUntil: Date;
}

/**
 * Claims up to `limit` due messages: queued ones whose time has come, and `sending` ones whose
 * worker's lease has run out (it died, or lost its database connection mid-send).
 */
export async function claimDueNotifications(db: Kysely<Database>, now: Date, lockedUntil: Date, limit: number): Promise<ClaimedNotification[]> {
  const rows = await db
    .updateTable('notifications')
    .set({ status: 'sending', locked_until: lockedUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notifications')
        .select('id')
        .where('status', 'in', ['queued', 'sending'])
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('status', '=', 'queued'), w('locked_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'channel', 'destination', 'locale', 'variables', 'attempts', 'locked_until'])
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      destination: r.destination,
      locale: r.locale,
      variables: r.variables,
      attempts: r.attempts,
      lockedUntil: r.locked_until!,
    }))
    .sort((a, b) => a.id - b.id);
}

type Claim = Pick<ClaimedNotification, 'id' | 'lockedUntil'>;

/** The text as sent, and what the channel answered. False: the lease was lost meanwhile. */
export async function recordSent(
  db: Kysely<Database>,
  claim: Claim,
  sent: { status: 'sent' | 'delivered'; subject: string; body: string; providerMessageId: string | null; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({
      status: sent.status,
      subject: sent.subject,
      body: sent.body,
      provider_message_id: sent.providerMessageId,
      sent_at: sent.at,
      delivered_at: sent.status === 'delivered' ? sent.at : null,
      locked_until: null,
      last_error: null,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('locked_until', '=', claim.lockedUntil)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Back to the queue, to be tried again at `nextAttemptAt`. */
export async function recordRetry(db: Kysely<Database>, claim: Claim, retry: { nextAttemptAt: Date; error: string }): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ status: 'queued', next_attempt_at: retry.nextAttemptAt, locked_until: null, last_error: retry.error })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('locked_until', '=', claim.lockedUntil)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Given up, with the reason (and the text it would have sent, when it got that far). */
export async function recordFailed(db: Kysely<Database>, claim: Claim, failure: { error: string; at: Date; subject?: string; body?: string }): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({
      status: 'failed',
      failed_at: failure.at,
      locked_until: null,
      last_error: failure.error,
      ...(failure.body !== undefined ? { subject: failure.subject ?? '', body: failure.body } : {}),
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('locked_until', '=', claim.lockedUntil)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
