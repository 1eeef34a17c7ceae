/**
 * Online fee payment, the payer's side (docs/payments.md): start a payment of what the dossier
 * still owes, and read an order's status. The payer proves the dossier is theirs as for the
 * applicant's other actions: signed in with the e-ID as its citizen, or with the security code of
 * the online receipt.
 */
import { randomInt } from 'node:crypto';
import { AppError, feeBalance, feeOwedIn, isDossierCode, type DossierStatus, type PaymentOrderStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { accessDenied, secretMatches, type ApplicantProof } from '../dossiers/applicant-actions.usecases.ts';
import { notFound } from '../dossiers/dossier.context.ts';
import { isCitizensDossier } from '../dossiers/dossiers.policies.ts';
import { invalidCode } from '../dossiers/dossiers.queries.ts';
import * as dossiers from '../dossiers/dossiers.repository.ts';
import type { DossierRow } from '../dossiers/dossiers.repository.ts';
import { entryOfOrder, findOrder, insertOrder, pendingOrderOf, type PaymentOrderRow } from './online.repository.ts';

/** How the payer proves the dossier is theirs (as for the applicant's actions). */
export type PayerProof = { kind: 'security_code'; secret: string } | Extract<ApplicantProof, { kind: 'eid' }>;

export interface StartedPayment {
  paymentUrl: string;
  reference: string;
  amount: number;
  expiresAt: Date;
  provider: PaymentOrderRow['provider'];
}

const unavailable = () => new AppError('payment.unavailable');
const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A new order reference: the dossier's code in the characters gateways accept ([A-Za-z0-9_-],
 * other characters of a legacy code become '_') and eight random characters (40 bits), so that
 * the payer and the accountant recognise the dossier and a reference cannot be guessed.
 */
export function newOrderReference(code: string): string {
  const suffix = Array.from({ length: 8 }, () => referenceAlphabet[randomInt(referenceAlphabet.length)]).join('');
  return `${code.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}-${suffix}`;
}

/** What the payer sees at the gateway (ASCII is made of it by the adapter). */
export const orderDescription = (code: string) => `Thanh toan phi, le phi ho so ${code}`;

function checkProof(proof: PayerProof, dossier: DossierRow): void {
  // Signed in: a dossier that is not theirs does not exist for them (404, as elsewhere).
  if (proof.kind === 'eid' && !isCitizensDossier(proof.actor, dossier)) throw notFound();
  if (proof.kind === 'security_code' && !secretMatches(proof.secret, dossier.access_secret_hash)) throw accessDenied();
}

/** The address of the gateway's return for `provider` on this server. */
export const returnUrlOf = (deps: Pick<Deps, 'config'>, provider: PaymentOrderRow['provider']) => `${deps.config.publicBaseUrl}/api/v1/payments/${provider}/return`;

/**
 * Starts a payment of everything the dossier still owes: a new order (or the pending one, when it
 * is still valid and for the same amount), and the signed address to send the payer to. Refused
 * when nothing is owed, or when another order for a different amount is still under way.
 */
export async function startPayment(
  context: AuditContext,
  input: { code: string; proof: PayerProof; locale: 'vi' | 'en'; payerIp: string },
  deps: Deps,
): Promise<StartedPayment> {
  const payments = deps.config.payments;
  const provider = payments ? deps.paymentProviders[payments.provider] : undefined;
  if (!payments || !provider) throw unavailable();
  if (!isDossierCode(input.code)) throw invalidCode();
  const now = deps.clock();
  const { order, code } = await deps.db.transaction().execute(async (tx) => {
    const found = await dossiers.findDossierByCode(tx, input.code);
    if (!found) throw notFound();
    checkProof(input.proof, found);
    // Locked: two starts at once make one order.
    const dossier = await dossiers.lockDossier(tx, found.id);
    if (!dossier) throw notFound();
    if (!feeOwedIn(dossier.status as DossierStatus)) throw new AppError('payment.nothing_owed');
    const entries = await tx.selectFrom('fee_entries').select(['id', 'kind', 'amount', 'reverses']).where('dossier_id', '=', dossier.id).execute();
    const { outstanding } = feeBalance(dossier.fee_amount, entries);
    if (outstanding <= 0) throw new AppError('payment.nothing_owed');
    const pending = await pendingOrderOf(tx, dossier.id);
    if (pending && pending.expires_at.getTime() > now.getTime()) {
      if (pending.amount === outstanding && pending.provider === provider.name) return { order: pending, code: dossier.code };
      throw new AppError('payment.order_pending');
    }
    const order = await insertOrder(tx, {
      reference: newOrderReference(dossier.code),
      dossier_id: dossier.id,
      agency_id: dossier.agency_id,
      provider: provider.name,
      amount: outstanding,
      citizen_id: input.proof.kind === 'eid' && input.proof.actor.kind === 'citizen' && input.proof.actor.account ? input.proof.actor.citizenId : null,
      payer_ip: input.payerIp.slice(0, 64),
      created_at: now,
      expires_at: new Date(now.getTime() + payments.orderTtlMs),
    });
    await recordAudit(tx, { ...context, at: now }, {
      action: 'payment.order_started',
      entityType: 'dossier',
      entityId: dossier.code,
      agencyId: dossier.agency_id,
      details: { reference: order.reference, amount: order.amount, provider: order.provider, proof: input.proof.kind },
    });
    return { order, code: dossier.code };
  });
  const paymentUrl = provider.paymentUrl({
    reference: order.reference,
    amount: order.amount,
    description: orderDescription(code),
    returnUrl: returnUrlOf(deps, order.provider),
    payerIp: input.payerIp,
    createdAt: order.created_at,
    expiresAt: order.expires_at,
    locale: input.locale,
  });
  return { paymentUrl, reference: order.reference, amount: order.amount, expiresAt: order.expires_at, provider: order.provider };
}

export interface OrderView {
  reference: string;
  dossierCode: string;
  provider: PaymentOrderRow['provider'];
  amount: number;
  currency: 'VND';
  status: PaymentOrderStatus;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  /** The electronic receipt's number once paid (biên lai điện tử), e.g. BL26E 12/2026. */
  receipt: { symbol: string; number: number; year: number } | null;
  /** What the dossier still owes now. */
  outstanding: number;
}

/** An order as its payer sees it: the server's word, whatever the browser was told by the gateway. */
export async function orderStatus(reference: string, proof: PayerProof, deps: Pick<Deps, 'db'>): Promise<OrderView> {
  const order = await findOrder(deps.db, reference);
  if (!order) throw new AppError('payment.order_not_found');
  const dossier = await dossiers.findDossier(deps.db, order.dossier_id);
  if (!dossier) throw new AppError('payment.order_not_found');
  try {
    checkProof(proof, dossier);
  } catch (error) {
    // Someone else's order does not exist for them.
    if (error instanceof AppError && error.code === 'dossier.not_found') throw new AppError('payment.order_not_found');
    throw error;
  }
  const entry = order.status === 'paid' ? await entryOfOrder(deps.db, order.id) : undefined;
  const entries = await deps.db.selectFrom('fee_entries').select(['id', 'kind', 'amount', 'reverses']).where('dossier_id', '=', dossier.id).execute();
  return {
    reference: order.reference,
    dossierCode: dossier.code,
    provider: order.provider,
    amount: order.amount,
    currency: 'VND',
    status: order.status,
    createdAt: order.created_at,
    expiresAt: order.expires_at,
    paidAt: order.paid_at,
    receipt: entry?.receipt_number != null && entry.receipt_symbol && entry.receipt_year != null
      ? { symbol: entry.receipt_symbol, number: entry.receipt_number, year: entry.receipt_year }
      : null,
    outstanding: feeBalance(dossier.fee_amount, entries).outstanding,
  };
}
