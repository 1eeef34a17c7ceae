/**
 * The national payment platform's pattern (Cổng Dịch vụ công quốc gia): a signed redirect, a
 * signed server-to-server notification and a signed query, each signed with a SHA-256 over
 * pipe-joined fields ending with the shared secret. No public specification exists: the fields
 * and their order are Motcua's, defined in docs/payments.md and fixed by unit tests, so that
 * wiring a real platform means changing this one file.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IpnVerdict, PaymentOutcome, PaymentProvider, PaymentStart, QueryAnswer, VerifiedCallback } from '../../modules/payments/payment-provider.port.ts';
import { asciiDescription, gatewayTimestamp, parseGatewayTimestamp, sameHexDigest } from './gateway-text.ts';

export interface NationalPaymentOptions {
  merchant: string;
  secret: string;
  paymentUrl: string;
  apiUrl: string;
  fetch?: typeof fetch | undefined;
  timeoutMs?: number | undefined;
}

export const nationalPaymentVersion = '1';

/** Field orders of the three signed messages (the secret is always appended last). */
export const nationalFields = {
  payment: ['version', 'merchant', 'reference', 'amount', 'currency', 'description', 'returnUrl', 'payerIp', 'createdAt', 'expiresAt', 'locale'],
  notification: ['version', 'merchant', 'reference', 'transactionNo', 'amount', 'currency', 'status', 'resultCode', 'paidAt'],
  queryRequest: ['version', 'merchant', 'reference', 'requestId', 'requestedAt'],
  queryAnswer: ['version', 'requestId', 'merchant', 'reference', 'transactionNo', 'amount', 'currency', 'status', 'resultCode', 'paidAt'],
} as const;

/** SHA-256 (hex) over the fields in `order`, pipe-joined, then `|secret`; a missing field is empty. */
export function nationalChecksum(fields: readonly string[], values: Record<string, string>, secret: string): Buffer {
  return createHash('sha256').update([...fields.map((f) => values[f] ?? ''), secret].join('|'), 'utf8').digest();
}

const answers: Record<IpnVerdict, { code: string; message: string }> = {
  confirmed: { code: '00', message: 'Confirmed' },
  order_not_found: { code: '01', message: 'Order not found' },
  already_confirmed: { code: '02', message: 'Order already confirmed' },
  invalid_amount: { code: '04', message: 'Invalid amount' },
  invalid_signature: { code: '97', message: 'Invalid checksum' },
  error: { code: '99', message: 'Unknown error' },
};

const statuses: ReadonlySet<string> = new Set(['paid', 'failed', 'cancelled']);

function wholeAmount(text: string | undefined): number | null {
  return text && /^\d{1,15}$/.test(text) ? Number(text) : null;
}

export function nationalPaymentProvider(options: NationalPaymentOptions): PaymentProvider {
  const doFetch = options.fetch ?? fetch;
  const checksum = (fields: readonly string[], values: Record<string, string>) => nationalChecksum(fields, values, options.secret);

  return {
    name: 'national',

    paymentUrl(start: PaymentStart): string {
      const values: Record<string, string> = {
        version: nationalPaymentVersion,
        merchant: options.merchant,
        reference: start.reference,
        amount: String(start.amount),
        currency: 'VND',
        description: asciiDescription(start.description),
        returnUrl: start.returnUrl,
        payerIp: start.payerIp,
        createdAt: gatewayTimestamp(start.createdAt),
        expiresAt: gatewayTimestamp(start.expiresAt),
        locale: start.locale,
      };
      const query = new URLSearchParams({ ...values, checksum: checksum(nationalFields.payment, values).toString('hex') });
      return `${options.paymentUrl}?${query.toString()}`;
    },

    verifyCallback(params: Record<string, string>): VerifiedCallback {
      if (!sameHexDigest(checksum(nationalFields.notification, params), params.checksum)) return { ok: false, reason: 'signature', params };
      const amount = wholeAmount(params.amount);
      if (amount === null || !params.reference || params.merchant !== options.merchant || !statuses.has(params.status ?? '')) {
        return { ok: false, reason: 'malformed', params };
      }
      return {
        ok: true,
        params,
        outcome: {
          reference: params.reference,
          amount,
          currency: params.currency || 'VND',
          status: params.status as PaymentOutcome['status'],
          providerTransactionNo: params.transactionNo || null,
          bankCode: null,
          responseCode: params.resultCode || null,
          paidAt: parseGatewayTimestamp(params.paidAt),
        },
      };
    },

    ipnAnswer(verdict: IpnVerdict) {
      const answer = answers[verdict];
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(answer), code: answer.code };
    },

    async query(order, requestedAt): Promise<QueryAnswer> {
      const request: Record<string, string> = {
        version: nationalPaymentVersion,
        merchant: options.merchant,
        reference: order.reference,
        requestId: randomBytes(16).toString('hex'),
        requestedAt: gatewayTimestamp(requestedAt),
      };
      request.checksum = checksum(nationalFields.queryRequest, request).toString('hex');
      const response = await doFetch(options.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`national payment query answered HTTP ${response.status}`);
      const raw = (await response.json()) as Record<string, unknown>;
      const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
      if (!sameHexDigest(checksum(nationalFields.queryAnswer, params), params.checksum)) throw new Error('national payment query answer: missing or wrong checksum');
      if (params.requestId !== request.requestId || params.merchant !== options.merchant || params.reference !== order.reference) {
        throw new Error('national payment query answer is about another request, merchant or order');
      }
      const base = { reference: order.reference, currency: params.currency || 'VND', providerTransactionNo: params.transactionNo || null, bankCode: null, responseCode: params.resultCode || null };
      if (params.status === 'not_found' || params.status === 'pending') return { params, outcome: { ...base, amount: wholeAmount(params.amount) ?? 0, status: 'pending', paidAt: null } };
      const amount = wholeAmount(params.amount);
      if (amount === null || !statuses.has(params.status ?? '')) throw new Error(`national payment query answer with status ${params.status} and amount ${params.amount}`);
      return { params, outcome: { ...base, amount, status: params.status as PaymentOutcome['status'], paidAt: params.status === 'paid' ? parseGatewayTimestamp(params.paidAt) : null } };
    },
  };
}
