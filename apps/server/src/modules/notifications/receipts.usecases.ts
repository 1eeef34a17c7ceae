/**
 * Delivery receipts from SMS and chat gateways (docs/notifications-channels.md). The gateway has
 * no session: what lets it in is the signature, made with the channel's webhook secret.
 *
 * A receipt is applied once and may arrive any number of times: `delivered` is final (a later
 * `failed` does not undo it, a repeat changes nothing); `delivered` also replaces a failure the
 * dispatcher recorded after losing the gateway's answer (the gateway had the message after all);
 * a first `failed` records the gateway's reason.
 */
import { AppError, type DeliveryStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { checkSignature } from '../../infra/notify/signature.ts';
import * as repo from './receipts.repository.ts';

export type ReceiptChannel = 'sms' | 'chat';

export interface DeliveryReceipt {
  id?: number | undefined;
  providerMessageId?: string | undefined;
  status: 'delivered' | 'failed';
  reason?: string | undefined;
  at: Date;
}

export interface ReceiptOutcome {
  id: number;
  status: DeliveryStatus;
  deliveredAt: Date | null;
  failedAt: Date | null;
  /** False when the message already was in the state the receipt reports (a repeat). */
  changed: boolean;
}

/** Refuses a receipt not signed with the channel's secret within five minutes of now. */
export function verifyReceiptSignature(
  channel: ReceiptChannel,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | undefined,
  deps: Pick<Deps, 'config' | 'clock'>,
): void {
  const channelConfig = deps.config.notifications[channel];
  const check = channelConfig && rawBody !== undefined ? checkSignature(channelConfig.secret, headers, rawBody, deps.clock()) : undefined;
  if (!check?.ok) {
    throw new AppError('notification.receipt_signature_invalid', { details: { reason: check ? check.reason : 'channel_not_configured' } });
  }
}

export async function recordDeliveryReceipt(channel: ReceiptChannel, receipt: DeliveryReceipt, deps: Pick<Deps, 'db'>): Promise<ReceiptOutcome> {
  return inTransaction(deps.db, async (tx) => {
    const row = await repo.lockReceiptTarget(tx, channel, receipt);
    if (!row) throw new AppError('notification.not_found');
    const providerMessageId = row.provider_message_id ?? receipt.providerMessageId ?? null;
    const unchanged = { id: row.id, status: row.status, deliveredAt: row.delivered_at, failedAt: row.failed_at, changed: false };
    if (row.status === 'delivered') return unchanged;
    if (receipt.status === 'delivered') {
      await repo.markDelivered(tx, row.id, receipt.at, providerMessageId);
      return { id: row.id, status: 'delivered', deliveredAt: receipt.at, failedAt: row.failed_at, changed: true };
    }
    if (row.status === 'failed') return unchanged;
    const reason = `${channel} gateway: ${receipt.reason?.trim() || 'not delivered'}`;
    await repo.markFailed(tx, row.id, receipt.at, reason, providerMessageId);
    return { id: row.id, status: 'failed', deliveredAt: null, failedAt: receipt.at, changed: true };
  });
}
