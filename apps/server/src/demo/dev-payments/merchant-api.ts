/**
 * The merchant API (`POST …/merchant_webapi/api/transaction`, JSON): `querydr` answers what the
 * sandbox knows of a transaction, `refund` gives money back. Both requests and answers are signed
 * with HMAC-SHA512 over their fixed fields joined by `|` (`protocol.ts`). As at VNPay, a refused
 * request still answers HTTP 200 with its code in `vnp_ResponseCode`.
 */
import { randomBytes } from 'node:crypto';
import type { DevPayments, SandboxTransaction } from './sandbox.ts';
import {
  parseVnpDate, pipeSignature, querydrRequestFields, querydrResponseFields, refundRequestFields, refundResponseFields, sameHex, vnpVersion,
} from './protocol.ts';

const messages: Record<string, string> = {
  '00': 'Success',
  '02': 'Invalid merchant (vnp_TmnCode)',
  '03': 'Invalid data format',
  '91': 'Transaction not found',
  '94': 'Duplicate request (vnp_RequestId)',
  '95': 'The transaction was not successful: nothing to refund',
  '97': 'Invalid checksum',
  '99': 'Unknown error',
};

type Answer = Record<string, string>;

export function answerMerchantApi(sandbox: DevPayments, body: unknown): Answer {
  const request = stringFields(body);
  const command = request.vnp_Command;
  if (command !== 'querydr' && command !== 'refund') return unsigned(command ?? '', '03', 'vnp_Command must be querydr or refund');
  const merchant = sandbox.merchant(request.vnp_TmnCode ?? '');
  if (!merchant) return unsigned(command, '02');
  const signed = command === 'querydr' ? querydrRequestFields : refundRequestFields;
  const answerFields = command === 'querydr' ? querydrResponseFields : refundResponseFields;
  const sign = (fields: Answer): Answer => ({ ...fields, vnp_SecureHash: pipeSignature(merchant.hashSecret, answerFields.map((f) => fields[f])) });
  const refuse = (code: string, detail?: string): Answer =>
    sign({ vnp_ResponseId: responseId(), vnp_Command: command, vnp_ResponseCode: code, vnp_Message: detail ?? messages[code]!, vnp_TmnCode: merchant.tmnCode, vnp_TxnRef: request.vnp_TxnRef ?? '' });

  if (!request.vnp_SecureHash || !sameHex(request.vnp_SecureHash, pipeSignature(merchant.hashSecret, signed.map((f) => request[f])))) return refuse('97');
  const mandatory = command === 'querydr'
    ? ['vnp_RequestId', 'vnp_Version', 'vnp_TxnRef', 'vnp_OrderInfo', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr']
    : ['vnp_RequestId', 'vnp_Version', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_OrderInfo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr'];
  const missing = mandatory.filter((f) => !request[f]);
  if (missing.length) return refuse('03', `Missing ${missing.join(', ')}`);
  if (request.vnp_Version !== vnpVersion || !parseVnpDate(request.vnp_CreateDate) || !parseVnpDate(request.vnp_TransactionDate) || request.vnp_RequestId!.length > 32) {
    return refuse('03');
  }
  if (!rememberRequestId(sandbox, merchant.tmnCode, request.vnp_RequestId!)) return refuse('94');
  // The transaction is named by the merchant's reference and the date the payment was created.
  const transaction = sandbox.find(merchant.tmnCode, request.vnp_TxnRef!);
  if (!transaction || transaction.createDate !== request.vnp_TransactionDate) return refuse('91');
  if (request.vnp_TransactionNo && request.vnp_TransactionNo !== '0' && request.vnp_TransactionNo !== transaction.transactionNo) return refuse('91');

  if (command === 'refund') {
    const refused = refund(sandbox, transaction, request);
    if (refused) return refuse(refused.code, refused.detail);
  }
  return sign(describe(transaction, command, command === 'refund' ? request.vnp_TransactionType! : '01'));
}

function describe(t: SandboxTransaction, command: string, transactionType: string): Answer {
  return {
    vnp_ResponseId: responseId(),
    vnp_Command: command,
    vnp_ResponseCode: '00',
    vnp_Message: messages['00']!,
    vnp_TmnCode: t.tmnCode,
    vnp_TxnRef: t.txnRef,
    vnp_Amount: String(t.amount * 100),
    vnp_BankCode: t.bankCode ?? '',
    vnp_PayDate: t.payDate ?? '',
    vnp_TransactionNo: t.transactionNo,
    vnp_TransactionType: transactionType,
    vnp_TransactionStatus: t.status,
    vnp_OrderInfo: t.orderInfo,
    vnp_PromotionCode: '',
    vnp_PromotionAmount: '',
  };
}

/** Records a refund of a successful payment (`02` full, `03` partial, never more than what is left). */
function refund(sandbox: DevPayments, t: SandboxTransaction, request: Answer): { code: string; detail?: string } | undefined {
  if (t.responseCode !== '00') return { code: '95' };
  const kind = request.vnp_TransactionType;
  if (kind !== '02' && kind !== '03') return { code: '03', detail: 'vnp_TransactionType must be 02 (full) or 03 (partial)' };
  if (!/^[1-9]\d*00$/.test(request.vnp_Amount!)) return { code: '03', detail: 'vnp_Amount is đồng × 100' };
  const amount = Number(request.vnp_Amount) / 100;
  const left = t.amount - t.refunds.reduce((sum, r) => sum + r.amount, 0);
  if (amount > left || (kind === '02' && amount !== left)) return { code: '03', detail: `At most ${left * 100} (vnp_Amount) can be refunded` };
  const at = sandbox.options.clock();
  t.refunds.push({ requestId: request.vnp_RequestId!, amount, at, kind });
  t.status = '06';
  return undefined;
}

const seenRequestIds = new WeakMap<DevPayments, Set<string>>();

/** A request id may be used once per merchant (VNPay answers `94` to a repeated one). */
function rememberRequestId(sandbox: DevPayments, tmnCode: string, requestId: string): boolean {
  let seen = seenRequestIds.get(sandbox);
  if (!seen) seenRequestIds.set(sandbox, (seen = new Set()));
  const key = `${tmnCode}|${requestId}`;
  if (seen.has(key)) return false;
  seen.add(key);
  if (seen.size > 10_000) seen.delete(seen.values().next().value!);
  return true;
}

/** An answer to a request from no known merchant: nothing to sign it with. */
function unsigned(command: string, code: string, detail?: string): Answer {
  return { vnp_ResponseId: responseId(), vnp_Command: command, vnp_ResponseCode: code, vnp_Message: detail ?? messages[code]! };
}

function responseId(): string {
  return randomBytes(16).toString('hex');
}

/** The body's top-level strings and numbers as strings (clients send `vnp_TransactionNo` either way). */
function stringFields(body: unknown): Answer {
  const out: Answer = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}
