/**
 * A payment gateway, as the payments module sees it (docs/payments.md). An adapter
 * (`infra/payments/`) speaks one gateway's protocol: it builds the signed address the payer is sent
 * to, verifies and reads what the gateway sends back (IPN, return address), answers an IPN in the
 * gateway's own format, and asks the gateway about an order (reconciliation). Nothing here trusts
 * the payer's browser: only a verified IPN or query answer changes an order.
 */
import type { PaymentProviderName } from '@motcua/domain';

export interface PaymentStart {
  /** Unique per order; the gateway echoes it (VNPay `vnp_TxnRef`). */
  reference: string;
  /** Whole đồng. */
  amount: number;
  /** Shown by the gateway to the payer (ASCII for VNPay: no diacritics). */
  description: string;
  /** Where the gateway sends the payer's browser back. */
  returnUrl: string;
  payerIp: string;
  createdAt: Date;
  expiresAt: Date;
  locale: 'vi' | 'en';
}

/** A gateway's verified word on an order. */
export interface PaymentOutcome {
  reference: string;
  /** Whole đồng, as the gateway reports it (VNPay sends ×100: the adapter divides). */
  amount: number;
  /** The currency the gateway names, 'VND' when it names none (VNPay's IPN does not). */
  currency: string;
  /**
   * `pending`: the gateway has no completed payment for the order (not yet paid, or never seen);
   * `unknown`: it reports something Motcua does not act on (a refund in progress, a suspected fraud).
   */
  status: 'paid' | 'failed' | 'cancelled' | 'pending' | 'unknown';
  providerTransactionNo: string | null;
  bankCode: string | null;
  /** The gateway's own response code, kept as received. */
  responseCode: string | null;
  paidAt: Date | null;
}

export type VerifiedCallback =
  | { ok: true; outcome: PaymentOutcome; params: Record<string, string> }
  | { ok: false; reason: 'signature' | 'malformed'; params: Record<string, string> };

export interface QueryAnswer {
  outcome: PaymentOutcome;
  params: Record<string, string>;
}

/** What Motcua found when applying an IPN; the adapter turns it into the gateway's answer. */
export type IpnVerdict = 'confirmed' | 'already_confirmed' | 'order_not_found' | 'invalid_amount' | 'invalid_signature' | 'error';

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** The address to send the payer to. */
  paymentUrl(start: PaymentStart): string;
  /** Verifies the signature of a callback's parameters (IPN or return address) and reads them. */
  verifyCallback(params: Record<string, string>): VerifiedCallback;
  /** The body and content type the gateway expects in answer to its IPN. */
  ipnAnswer(verdict: IpnVerdict): { status: number; contentType: string; body: string; code: string };
  /**
   * Asks the gateway about an order (VNPay `querydr`); the answer is verified before it is returned,
   * with the fields received, which are kept (`payment_callbacks`). Throws when the gateway cannot
   * be reached or its answer is not signed by it.
   */
  query(order: { reference: string; createdAt: Date; description: string }, requestedAt: Date): Promise<QueryAnswer>;
}
