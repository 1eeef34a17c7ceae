/**
 * The outbox side of `notifications` (migration 0026): use cases add messages inside their own
 * transaction, and nothing else. Workers (`dispatcher.ts`) send them after the commit.
 */
import type { Kysely } from 'kysely';
import type { NotificationChannel, NotificationKind, NotificationLocale, RecipientKind, TemplateVariables } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { noteEnqueued } from './outbox.wake.ts';
import { fixedInsert } from '../../db/prepared.ts';

export interface NewNotification {
  kind: NotificationKind;
  channel: NotificationChannel;
  recipientKind: RecipientKind;
  userId?: string | null;
  citizenId?: string | null;
  destination: string;
  locale?: NotificationLocale;
  dossierId?: number | null;
  agencyId?: string | null;
  variables: TemplateVariables;
  /** Sweeps: the same key twice adds one row (e.g. `due_tomorrow:<dossier>:<user>:<date>`). */
  dedupeKey?: string | null;
  /** A resend: the message it repeats. */
  resendOf?: number | null;
}

const notificationColumns = [
  'kind', 'channel', 'recipient_kind', 'user_id', 'citizen_id', 'destination', 'locale', 'dossier_id', 'agency_id', 'variables',
  'dedupe_key', 'next_attempt_at', 'created_at', 'resend_of',
] as const;
const notificationRows = fixedInsert<{ id: number | string }>('notifications_enqueue', 'notifications', notificationColumns, {
  onConflict: 'ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING', returning: 'id',
});

/** The rows of messages added at `at`, to insert with others (`insertTogether`; then `noteEnqueued`). */
export function newNotificationRows(messages: readonly NewNotification[], at: Date) {
  // In the order of notificationColumns.
  return notificationRows.part(messages.map((m) => [
    m.kind, m.channel, m.recipientKind, m.userId ?? null, m.citizenId ?? null, m.destination, m.locale ?? 'vi', m.dossierId ?? null,
    m.agencyId ?? null, JSON.stringify(m.variables), m.dedupeKey ?? null, at, at, m.resendOf ?? null,
  ]));
}

/** Adds messages to the outbox in the caller's transaction; returns the ids of the new ones (a repeated dedupe key adds none). */
export async function enqueueNotifications(tx: Kysely<Database>, messages: readonly NewNotification[], at: Date): Promise<number[]> {
  if (messages.length === 0) return [];
  const inserted = (await notificationRows.run(tx, newNotificationRows(messages, at).rows)).rows;
  // Whoever opened the transaction wakes this process's dispatcher after the commit (outbox.wake.ts).
  if (inserted.length) noteEnqueued(tx);
  return inserted.map((r) => Number(r.id));
}
