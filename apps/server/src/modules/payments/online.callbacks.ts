/**
 * What gateways send (docs/payments.md). The IPN (server to server) is verified, applied once and
 * answered in the gateway's format. The return address (the payer's browser) is verified and
 * logged but never trusted: while the order is still pending Motcua asks the gateway itself once,
 * then sends the browser to the portal page that shows the order's status from the server.
 */
import { AppError, type Actor, type PaymentProviderName } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { isCitizensDossier } from '../dossiers/dossiers.policies.ts';
import * as dossiers from '../dossiers/dossiers.repository.ts';
import { answerCodeOf, applyGatewayOutcome, logUnapplied } from './online.apply.ts';
import { checkOrderWithGateway } from './online.reconcile.ts';
import { findOrder } from './online.repository.ts';

/** The reference a callback names, before it is verified (for the log only). */
const claimedReference = (params: Record<string, string>) => params.vnp_TxnRef ?? params.reference ?? null;

export interface IpnAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Handles one IPN: never throws, always answers in the gateway's format (99 on an unexpected error). */
export async function receiveIpn(
  deps: Pick<Deps, 'db' | 'paymentProviders' | 'clock'>,
  providerName: PaymentProviderName,
  params: Record<string, string>,
  log: { error(o: object, msg: string): void },
): Promise<IpnAnswer> {
  const provider = deps.paymentProviders[providerName];
  if (!provider) throw new AppError('payment.unavailable');
  const at = deps.clock();
  const verified = provider.verifyCallback(params);
  if (!verified.ok) {
    const verdict = verified.reason === 'signature' ? 'invalid_signature' : 'error';
    await logUnapplied(deps, { provider: providerName, kind: 'ipn', reference: claimedReference(params), params, answerCode: answerCodeOf(provider, verdict), outcome: verified.reason, at })
      .catch((error: unknown) => log.error({ err: error }, 'payment callback not logged'));
    return provider.ipnAnswer(verdict);
  }
  try {
    const result = await applyGatewayOutcome(deps, provider, 'ipn', verified, at);
    return provider.ipnAnswer(result.verdict);
  } catch (error) {
    log.error({ err: error, reference: verified.outcome.reference }, 'IPN not applied');
    await logUnapplied(deps, { provider: providerName, kind: 'ipn', reference: verified.outcome.reference, params, answerCode: answerCodeOf(provider, 'error'), outcome: 'error', at })
      .catch(() => undefined);
    return provider.ipnAnswer('error');
  }
}

/**
 * Handles the payer's return: logs it, asks the gateway once about a verified order still
 * pending, and gives the portal address to send the browser to — the dossier's page in "Hồ sơ của
 * tôi" for its signed-in citizen, else the public status page, with `?thanh-toan=<reference>`.
 */
export async function receiveReturn(
  deps: Pick<Deps, 'db' | 'paymentProviders' | 'clock'>,
  providerName: PaymentProviderName,
  params: Record<string, string>,
  viewer: Actor,
): Promise<string> {
  const provider = deps.paymentProviders[providerName];
  if (!provider) throw new AppError('payment.unavailable');
  const at = deps.clock();
  const verified = provider.verifyCallback(params);
  const order = verified.ok ? await findOrder(deps.db, verified.outcome.reference) : undefined;
  await logUnapplied(deps, {
    provider: providerName, kind: 'return', reference: claimedReference(params), orderId: order?.provider === providerName ? order.id : null, params,
    answerCode: verified.ok ? '00' : answerCodeOf(provider, verified.reason === 'signature' ? 'invalid_signature' : 'error'),
    outcome: verified.ok ? `reported_${verified.outcome.status}` : verified.reason, at,
  });
  if (!order || order.provider !== providerName) return '/tra-cuu?thanh-toan=loi';
  // The browser's word is never applied; the gateway's answer to our own query is.
  if (order.status === 'pending') await checkOrderWithGateway(deps, order, at);
  const dossier = await dossiers.findDossier(deps.db, order.dossier_id);
  const code = encodeURIComponent(dossier?.code ?? '');
  const query = `?thanh-toan=${encodeURIComponent(order.reference)}`;
  return dossier && isCitizensDossier(viewer, dossier) ? `/ho-so-cua-toi/${code}${query}` : `/tra-cuu/${code}${query}`;
}
