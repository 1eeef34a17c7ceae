/**
 * Asking the gateway about orders still pending (docs/payments.md): when the payer comes back
 * before the IPN, and every 5 minutes for orders older than a few minutes (an IPN lost or never
 * sent). The gateway's verified answer goes through `applyGatewayOutcome`, as an IPN would; an
 * order past its expiry that the gateway reports unpaid becomes `expired`.
 */
import type { Deps } from '../../deps.ts';
import { answerCodeOf, applyGatewayOutcome, logUnapplied, type Applied } from './online.apply.ts';
import { lockOrder, noteChecked, ordersToReconcile, recordCallback, settleOrder, type PaymentOrderRow } from './online.repository.ts';

export type CheckResult = Applied | 'expired' | 'pending' | 'error';

/** What a query about an order says in its own description (ASCII, VNPay `vnp_OrderInfo`). */
const queryDescription = (order: PaymentOrderRow) => `Truy van giao dich ${order.reference}`;

/** Queries the gateway once about `order` and applies its verified answer. */
export async function checkOrderWithGateway(deps: Pick<Deps, 'db' | 'paymentProviders'>, order: PaymentOrderRow, at: Date): Promise<CheckResult> {
  const provider = deps.paymentProviders[order.provider];
  if (!provider) return 'error';
  await noteChecked(deps.db, order.id, at);
  let answer;
  try {
    answer = await provider.query({ reference: order.reference, createdAt: order.created_at, description: queryDescription(order) }, at);
  } catch (error) {
    await logUnapplied(deps, { provider: order.provider, kind: 'query', reference: order.reference, orderId: order.id, params: {}, answerCode: '99', outcome: `error: ${(error as Error).message}`, at });
    return 'error';
  }
  const { outcome } = answer;
  if (outcome.status === 'paid' || outcome.status === 'failed' || outcome.status === 'cancelled') {
    const result = await applyGatewayOutcome(deps, provider, 'query', answer, at);
    return result.applied;
  }
  // Not paid at the gateway: past its expiry the payer can no longer pay it.
  return deps.db.transaction().execute(async (tx) => {
    const locked = await lockOrder(tx, order.reference);
    const expire = locked?.status === 'pending' && at.getTime() >= locked.expires_at.getTime() && outcome.status === 'pending';
    if (expire) await settleOrder(tx, order.id, { status: 'expired', settled_at: at, response_code: outcome.responseCode });
    await recordCallback(tx, {
      provider: order.provider, kind: 'query', order_id: order.id, reference: order.reference, params: JSON.stringify(answer.params),
      answer_code: answerCodeOf(provider, 'confirmed'), outcome: expire ? 'expired' : outcome.status, received_at: at,
    });
    return expire ? 'expired' : 'pending';
  });
}

export interface ReconcileOptions {
  /** Orders younger than this are left to their IPN. */
  olderThanMs: number;
  /** At most this many queries a run (the rest wait for the next run, least recently checked first). */
  limit: number;
}

export const reconcileDefaults: ReconcileOptions = { olderThanMs: 5 * 60_000, limit: 200 };

/** One reconciliation run: the counts, for the job's log. */
export async function reconcilePendingOrders(deps: Pick<Deps, 'db' | 'paymentProviders'>, at: Date, options: ReconcileOptions = reconcileDefaults) {
  const orders = await ordersToReconcile(deps.db, new Date(at.getTime() - options.olderThanMs), options.limit);
  const counts: Record<CheckResult, number> = { paid: 0, failed: 0, cancelled: 0, unchanged: 0, expired: 0, pending: 0, error: 0 };
  for (const order of orders) counts[await checkOrderWithGateway(deps, order, at)]++;
  return { checked: orders.length, ...counts };
}
