/**
 * Applying a gateway's verified word on an order, exactly once (docs/payments.md). The IPN, the
 * query made when the payer returns and the reconciliation job all come through
 * `applyGatewayOutcome`: one transaction locks the order row, decides, settles the order and for a
 * payment writes the ledger entry (`appendFeeEntry`; `fee_entries.order_id` is unique, so even a
 * path that skipped the lock could not record it twice) and logs what was received.
 */
import type { PaymentProviderName } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { appendFeeEntry } from './fee-ledger.repository.ts';
import type { IpnVerdict, PaymentOutcome, PaymentProvider } from './payment-provider.port.ts';
import { lockOrder, recordCallback, settleOrder, type PaymentOrderRow } from './online.repository.ts';

export type CallbackKind = 'ipn' | 'return' | 'query';

/** What happened to the order. */
export type Applied = 'paid' | 'failed' | 'cancelled' | 'unchanged';

export interface ApplyResult {
  verdict: IpnVerdict;
  applied: Applied;
  order: PaymentOrderRow | undefined;
}

/** The gateway, as the audit trail names it. */
const gatewayActor = (provider: PaymentProviderName, kind: CallbackKind): AuditContext => ({
  actor: { kind: 'anonymous' },
  actorName: `${provider === 'vnpay' ? 'Cổng thanh toán VNPAY' : 'Nền tảng thanh toán quốc gia'} (${kind === 'ipn' ? 'IPN' : 'truy vấn'})`,
});

/** The code a verdict is logged with: the answer the gateway got (IPN), or would have got (query). */
export const answerCodeOf = (provider: PaymentProvider, verdict: IpnVerdict) => provider.ipnAnswer(verdict).code;

/**
 * Decides and applies, in one transaction: unknown reference → 01; amount or currency not the
 * order's → 04 (nothing changes); an order already paid, or already closed and not now paid → 02;
 * else the order becomes paid (with its ledger entry), failed or cancelled → 00. A payment reported
 * on an order Motcua had closed (expired, failed, cancelled) is still recorded: the money was taken.
 */
export async function applyGatewayOutcome(
  deps: Pick<Deps, 'db'>,
  provider: PaymentProvider,
  kind: 'ipn' | 'query',
  received: { outcome: PaymentOutcome; params: Record<string, string> },
  at: Date,
): Promise<ApplyResult> {
  const { outcome, params } = received;
  return deps.db.transaction().execute(async (tx) => {
    const order = await lockOrder(tx, outcome.reference);
    const decide = async (): Promise<{ verdict: IpnVerdict; applied: Applied; note: string }> => {
      if (!order || order.provider !== provider.name) return { verdict: 'order_not_found', applied: 'unchanged', note: 'not_found' };
      if (outcome.amount !== order.amount || outcome.currency !== order.currency) return { verdict: 'invalid_amount', applied: 'unchanged', note: 'amount_mismatch' };
      if (order.status === 'paid' || (order.status !== 'pending' && outcome.status !== 'paid')) return { verdict: 'already_confirmed', applied: 'unchanged', note: 'replay' };
      if (outcome.status !== 'paid' && outcome.status !== 'failed' && outcome.status !== 'cancelled') return { verdict: 'confirmed', applied: 'unchanged', note: outcome.status };
      await settleOrder(tx, order.id, {
        status: outcome.status,
        settled_at: at,
        provider_transaction_no: outcome.providerTransactionNo,
        bank_code: outcome.bankCode,
        response_code: outcome.responseCode,
        paid_at: outcome.status === 'paid' ? (outcome.paidAt ?? at) : null,
      });
      if (outcome.status === 'paid') {
        await appendFeeEntry(tx, {
          dossierId: order.dossier_id,
          kind: 'payment',
          method: 'online',
          amount: order.amount,
          orderId: order.id,
          reason: `${provider.name} ${order.reference}${outcome.providerTransactionNo ? ` (${outcome.providerTransactionNo})` : ''}`,
          recordedAt: at,
        }, gatewayActor(provider.name, kind));
      }
      return { verdict: 'confirmed', applied: outcome.status, note: order.status === 'pending' ? outcome.status : `${outcome.status}_after_${order.status}` };
    };
    const { verdict, applied, note } = await decide();
    await recordCallback(tx, {
      provider: provider.name, kind, order_id: order?.id ?? null, reference: outcome.reference.slice(0, 200), params: JSON.stringify(params),
      answer_code: answerCodeOf(provider, verdict), outcome: note, received_at: at,
    });
    return { verdict, applied, order };
  });
}

/** Logs a callback that was not applied (bad signature, malformed, an error), outside any transaction. */
export async function logUnapplied(
  deps: Pick<Deps, 'db'>,
  entry: { provider: PaymentProviderName; kind: CallbackKind; reference: string | null; params: Record<string, string>; answerCode: string; outcome: string; at: Date; orderId?: string | null },
): Promise<void> {
  await recordCallback(deps.db, {
    provider: entry.provider, kind: entry.kind, order_id: entry.orderId ?? null, reference: entry.reference?.slice(0, 200) ?? null,
    params: JSON.stringify(entry.params), answer_code: entry.answerCode, outcome: entry.outcome.slice(0, 500), received_at: entry.at,
  });
}
