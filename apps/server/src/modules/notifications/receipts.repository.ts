/** The delivery-ledger side of `notifications` that gateways' receipts touch (migration 0026, 0032). */
import type { Kysely } from 'kysely';
import type { DeliveryStatus } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface ReceiptTarget {
  id: number;
  status: DeliveryStatus;
  provider_message_id: string | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
}

/** The message a receipt names (ours `id`, else the gateway's id), locked until the transaction ends. */
export async function lockReceiptTarget(
  tx: Kysely<Database>,
  channel: 'sms' | 'chat',
  ref: { id?: number | undefined; providerMessageId?: string | undefined },
): Promise<ReceiptTarget | undefined> {
  let query = tx
    .selectFrom('notifications')
    .select(['id', 'status', 'provider_message_id', 'delivered_at', 'failed_at', 'last_error'])
    .where('channel', '=', channel);
  query = ref.id !== undefined ? query.where('id', '=', ref.id) : query.where('provider_message_id', '=', ref.providerMessageId ?? '');
  const row = await query.orderBy('id', 'desc').limit(1).forUpdate().executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function markDelivered(tx: Kysely<Database>, id: number, at: Date, providerMessageId: string | null): Promise<void> {
  await tx.updateTable('notifications')
    .set({ status: 'delivered', delivered_at: at, locked_until: null, provider_message_id: providerMessageId })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(tx: Kysely<Database>, id: number, at: Date, reason: string, providerMessageId: string | null): Promise<void> {
  await tx.updateTable('notifications')
    .set({ status: 'failed', failed_at: at, last_error: reason, locked_until: null, provider_message_id: providerMessageId })
    .where('id', '=', id)
    .execute();
}
