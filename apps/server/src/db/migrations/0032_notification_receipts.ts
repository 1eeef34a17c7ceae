import { sql, type Kysely } from 'kysely';

/**
 * Delivery receipts (docs/notifications-channels.md) name a message by the gateway's own id when
 * they do not carry ours: find it without reading the whole ledger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX notifications_provider_message ON notifications (channel, provider_message_id)
    WHERE provider_message_id IS NOT NULL`.execute(db);
}
