/**
 * The VNPay-compatible gateway (docs/payments.md): payment URL version 2.1.0, IPN and return
 * address verification, IPN answers, and `querydr` over the merchant API. Written from VNPay's
 * public integration guide rather than with the `vnpay` npm package: that package compares
 * signatures with `===`, accepts a querydr answer that carries no signature at all, and formats
 * the GMT+7 dates with the process's local time (wrong unless TZ=UTC) — docs/payments.md.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IpnVerdict, PaymentOutcome, PaymentProvider, PaymentStart, QueryAnswer, VerifiedCallback } from '../../modules/payments/payment-provider.port.ts';
import { asciiDescription, gatewayTimestamp, parseGatewayTimestamp, sameHexDigest } from './gateway-text.ts';

export interface VnpayOptions {
  tmnCode: string;
  hashSecret: string;
  /** The payment page (…/paymentv2/vpcpay.html). */
  paymentUrl: string;
  /** The merchant API (…/merchant_webapi/api/transaction). */
  apiUrl: string;
  /** The server's own address, sent with a query (`vnp_IpAddr`). */
  serverIp?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** How long a query may take before it counts as unanswered. */
  timeoutMs?: number | undefined;
}

export const vnpayVersion = '2.1.0';

/**
 * One value as VNPay's integration code writes it into the signed string: form URL-encoding
 * (UTF-8, space as '+', letters, digits and `*-._` left as they are).
 */
export function vnpayEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * The string VNPay signs: every `vnp_` parameter with a value except the hash itself, sorted by
 * name, `name=value` URL-encoded, joined with '&'.
 */
export function vnpayCanonical(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort()
    .map((k) => `${vnpayEncode(k)}=${vnpayEncode(params[k]!)}`)
    .join('&');
}

const hmac = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest();

/** The pipe-joined fields of a querydr request, in VNPay's order. */
export const queryRequestFields = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;
/** The pipe-joined fields of a querydr answer, in VNPay's order (a missing one is empty). */
export const queryAnswerFields = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

const ipnAnswers: Record<IpnVerdict, { RspCode: string; Message: string }> = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  order_not_found: { RspCode: '01', Message: 'Order not found' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalid_amount: { RspCode: '04', Message: 'Invalid amount' },
  invalid_signature: { RspCode: '97', Message: 'Invalid signature' },
  error: { RspCode: '99', Message: 'Unknown error' },
};

/** vnp_Amount is the amount in đồng ×100, digits only; null when it is not. */
function amountOf(text: string | undefined): number | null {
  if (!text || !/^\d{1,18}$/.test(text)) return null;
  return Number(text) / 100;
}

/**
 * An IPN or return address's verdict on the payment: paid only when both the response code and
 * the transaction status say so; 24 is the payer's cancellation.
 */
function callbackStatus(responseCode: string | undefined, transactionStatus: string | undefined): PaymentOutcome['status'] {
  if (responseCode === '00' && transactionStatus === '00') return 'paid';
  if (responseCode === '24') return 'cancelled';
  return 'failed';
}

/** A querydr answer's transaction status (vnp_TransactionStatus) as an order status. */
function queriedStatus(transactionStatus: string | undefined): PaymentOutcome['status'] {
  switch (transactionStatus) {
    case '00':
      return 'paid';
    case '01': // not completed: the payer has not paid (yet)
      return 'pending';
    case '02':
      return 'failed';
    default: // 04 reversed, 05/06 refund under way, 07 suspected fraud, 09 refund refused: for a person
      return 'unknown';
  }
}

export function vnpayProvider(options: VnpayOptions): PaymentProvider {
  const doFetch = options.fetch ?? fetch;
  const sign = (params: Record<string, string>) => hmac(options.hashSecret, vnpayCanonical(params)).toString('hex');

  return {
    name: 'vnpay',

    paymentUrl(start: PaymentStart): string {
      const params: Record<string, string> = {
        vnp_Version: vnpayVersion,
        vnp_Command: 'pay',
        vnp_TmnCode: options.tmnCode,
        vnp_Amount: String(Math.round(start.amount * 100)),
        vnp_CurrCode: 'VND',
        vnp_TxnRef: start.reference,
        vnp_OrderInfo: asciiDescription(start.description),
        vnp_OrderType: 'other',
        vnp_Locale: start.locale === 'en' ? 'en' : 'vn',
        vnp_ReturnUrl: start.returnUrl,
        vnp_IpAddr: start.payerIp,
        vnp_CreateDate: gatewayTimestamp(start.createdAt),
        vnp_ExpireDate: gatewayTimestamp(start.expiresAt),
      };
      return `${options.paymentUrl}?${vnpayCanonical(params)}&vnp_SecureHash=${sign(params)}`;
    },

    verifyCallback(params: Record<string, string>): VerifiedCallback {
      if (!sameHexDigest(hmac(options.hashSecret, vnpayCanonical(params)), params.vnp_SecureHash)) return { ok: false, reason: 'signature', params };
      const amount = amountOf(params.vnp_Amount);
      const reference = params.vnp_TxnRef;
      if (amount === null || !reference || params.vnp_TmnCode !== options.tmnCode || !params.vnp_ResponseCode) return { ok: false, reason: 'malformed', params };
      return {
        ok: true,
        params,
        outcome: {
          reference,
          amount,
          currency: params.vnp_CurrCode || 'VND',
          status: callbackStatus(params.vnp_ResponseCode, params.vnp_TransactionStatus),
          providerTransactionNo: params.vnp_TransactionNo || null,
          bankCode: params.vnp_BankCode || null,
          responseCode: params.vnp_ResponseCode,
          paidAt: parseGatewayTimestamp(params.vnp_PayDate),
        },
      };
    },

    ipnAnswer(verdict: IpnVerdict) {
      const answer = ipnAnswers[verdict];
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(answer), code: answer.RspCode };
    },

    async query(order, requestedAt): Promise<QueryAnswer> {
      const request: Record<string, string> = {
        vnp_RequestId: randomBytes(16).toString('hex'),
        vnp_Version: vnpayVersion,
        vnp_Command: 'querydr',
        vnp_TmnCode: options.tmnCode,
        vnp_TxnRef: order.reference,
        vnp_TransactionDate: gatewayTimestamp(order.createdAt),
        vnp_CreateDate: gatewayTimestamp(requestedAt),
        vnp_IpAddr: options.serverIp ?? '127.0.0.1',
        vnp_OrderInfo: asciiDescription(order.description),
      };
      request.vnp_SecureHash = hmac(options.hashSecret, queryRequestFields.map((f) => request[f]).join('|')).toString('hex');
      const response = await doFetch(options.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`VNPay querydr answered HTTP ${response.status}`);
      const raw = (await response.json()) as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]),
      );
      const expected = hmac(options.hashSecret, queryAnswerFields.map((f) => params[f] ?? '').join('|'));
      if (!sameHexDigest(expected, params.vnp_SecureHash)) throw new Error('VNPay querydr answer: missing or wrong vnp_SecureHash');
      if (params.vnp_TmnCode !== options.tmnCode || (params.vnp_ResponseCode === '00' && params.vnp_TxnRef !== order.reference)) {
        throw new Error('VNPay querydr answer is about another merchant or order');
      }
      const base = { reference: order.reference, currency: 'VND', providerTransactionNo: params.vnp_TransactionNo || null, bankCode: params.vnp_BankCode || null, responseCode: params.vnp_ResponseCode ?? null };
      // 91: the gateway has no transaction for this reference (the payer never paid).
      if (params.vnp_ResponseCode === '91') return { params, outcome: { ...base, amount: 0, status: 'pending', paidAt: null } };
      if (params.vnp_ResponseCode !== '00') throw new Error(`VNPay querydr refused the query: ${params.vnp_ResponseCode} ${params.vnp_Message ?? ''}`);
      const amount = amountOf(params.vnp_Amount);
      if (amount === null) throw new Error('VNPay querydr answer without a valid vnp_Amount');
      const status = queriedStatus(params.vnp_TransactionStatus);
      return {
        params,
        outcome: { ...base, amount, status, responseCode: params.vnp_TransactionStatus ?? null, paidAt: status === 'paid' ? parseGatewayTimestamp(params.vnp_PayDate) : null },
      };
    },
  };
}
