/**
 * The VNPay-compatible protocol as the gateway side speaks it (version 2.1.0), written from the
 * public protocol description and kept apart from Motcua's merchant adapter on purpose: the sandbox
 * and the adapter are two readings of the same protocol and check each other.
 *
 * - Redirects, IPN and return: the `vnp_*` parameters sorted by name, each `name=value` URL-encoded
 *   as a form is (space as `+`), joined by `&`, signed with HMAC-SHA512 (hex) in `vnp_SecureHash`;
 *   `vnp_SecureHash` and `vnp_SecureHashType` are not signed.
 * - Merchant API (querydr, refund): JSON; the signature is HMAC-SHA512 over fixed fields joined by `|`.
 * - Amounts are whole đồng × 100; instants are `yyyyMMddHHmmss` in Việt Nam's time (GMT+7).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const vnpVersion = '2.1.0';

/** `a b` → `a+b`, as `application/x-www-form-urlencoded` writes it (what VNPay's Java sample does). */
function formEncode(text: string): string {
  return new URLSearchParams({ x: text }).toString().slice(2);
}

/** The signed text of a redirect or callback: its `vnp_*` parameters except the hash, sorted by name. */
export function signedQueryText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, text: string): string {
  return createHmac('sha512', secret).update(text, 'utf8').digest('hex');
}

/** The parameters with their `vnp_SecureHash` added. */
export function signParams(secret: string, params: Record<string, string>): Record<string, string> {
  return { ...params, vnp_SecureHash: hmacSha512(secret, signedQueryText(params)) };
}

/** Whether `vnp_SecureHash` signs the other `vnp_*` parameters (hex, either case). */
export function hasValidSignature(secret: string, params: Record<string, string>): boolean {
  const given = params.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(hmacSha512(secret, signedQueryText(params)), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** The JSON signature of the merchant API: HMAC-SHA512 over `values` joined by `|` (absent values empty). */
export function pipeSignature(secret: string, values: ReadonlyArray<string | number | undefined>): string {
  return hmacSha512(secret, values.map((v) => (v === undefined ? '' : String(v))).join('|'));
}

export function sameHex(a: string, b: string): boolean {
  return a.length === b.length && /^[0-9a-fA-F]+$/.test(a) && timingSafeEqual(Buffer.from(a.toLowerCase()), Buffer.from(b.toLowerCase()));
}

const gmt7 = 7 * 3600_000;

/** An instant as `yyyyMMddHHmmss` in GMT+7. */
export function vnpDate(instant: Date): string {
  return new Date(instant.getTime() + gmt7).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** `yyyyMMddHHmmss` in GMT+7 → the instant; undefined when it is not a real date and time. */
export function parseVnpDate(text: string | undefined): Date | undefined {
  const m = text ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(utc - gmt7);
}

/** `vnp_ResponseCode` of a payment, as VNPay documents them (the ones the sandbox produces). */
export const paymentResponseCodes = {
  '00': { vi: 'Giao dịch thành công', en: 'Successful' },
  '11': { vi: 'Đã hết hạn chờ thanh toán', en: 'The payment time ran out' },
  '24': { vi: 'Khách hàng hủy giao dịch', en: 'Cancelled by the customer' },
  '51': { vi: 'Tài khoản không đủ số dư để thực hiện giao dịch', en: 'Insufficient balance' },
} as const;
export type PaymentResponseCode = keyof typeof paymentResponseCodes;

/**
 * `vnp_TransactionStatus` at VNPay: `00` successful, `01` not completed yet, `02` failed (cancelled
 * included). Refund statuses (`05` being refunded, `06` refund sent to the bank) are set by `refund`.
 */
export const transactionStatuses = {
  '00': { vi: 'Thành công', en: 'Successful' },
  '01': { vi: 'Chưa hoàn tất', en: 'Not completed' },
  '02': { vi: 'Không thành công', en: 'Failed' },
  '05': { vi: 'Đang hoàn tiền', en: 'Being refunded' },
  '06': { vi: 'Đã gửi yêu cầu hoàn tiền sang ngân hàng', en: 'Refund sent to the bank' },
} as const;
export type TransactionStatus = keyof typeof transactionStatuses;

/** Fields signed (in this order) in a querydr request and answer. */
export const querydrRequestFields = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
export const querydrResponseFields = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;
/** Fields signed (in this order) in a refund request and answer. */
export const refundRequestFields = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo',
  'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;
export const refundResponseFields = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo',
] as const;
