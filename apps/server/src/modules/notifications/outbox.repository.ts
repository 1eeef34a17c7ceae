/**
 * The outbox side of `notifications` (migration 0026): use cases add messages inside their own
 * transaction, and nothing else. Workers (`dispatcher.ts`) send them after the commit.
 */
import type { Kysely } from 'kysely';
import type { NotificationChannel, NotificationKind, NotificationLocale, RecipientKind, TemplateVariables } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { noteEnqueued } from './outbox.wake.ts';

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

/** Adds messages to the outbox in the caller's transaction; returns the ids of the new ones (a repeated dedupe key adds none). */
export async function enqueueNotifications(tx: Kysely<Database>, messages: readonly NewNotification[], at: Date): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = messages.map((m) => ({
    kind: m.kind,
    channel: m.channel,
    recipient_kind: m.recipientKind,
    user_id: m.userId ?? null,
    citizen_id: m.citizenId ?? null,
    destination: m.destination,
    locale: m.locale ?? 'vi',
    dossier_id: m.dossierId ?? null,
    agency_id: m.agencyId ?? null,
    variables: JSON.stringify(m.variables),
    dedupe_key: m.dedupeKey ?? null,
    next_attempt_at: at,
    created_at: at,
    resend_of: m.resendOf ?? null,
  }));
  const inserted = await tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .execute();
  // Whoever opened the transaction wakes this process's dispatcher after the commit (outbox.wake.ts).
  if (inserted.length) noteEnqueued(tx);
  return inserted.map((r) => Number(r.id));
}
