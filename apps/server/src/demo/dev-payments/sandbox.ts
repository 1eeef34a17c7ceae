/**
 * The sandbox payment gateway's state and rules: the merchants it knows, the transactions it saw
 * (kept in memory: it stands in for an external gateway, and a restart forgets them as a fresh
 * sandbox account would), the payer's choice, and the IPN it owes the merchant. The HTTP side is
 * `mount.ts`, the merchant API `merchant-api.ts`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { bankByCode, sandboxBanks } from './banks.ts';
import { deliverIpn, type IpnAttempt } from './ipn.ts';
import {
  hasValidSignature, parseVnpDate, paymentResponseCodes, signParams, vnpDate, vnpVersion,
  type PaymentResponseCode, type TransactionStatus,
} from './protocol.ts';

export interface SandboxMerchant {
  tmnCode: string;
  hashSecret: string;
  /** Shown to the payer. */
  name: string;
  /** Where the IPN goes, as configured at the gateway (not sent with the payment); read at each call. */
  ipnUrl: () => string;
}

/** What happens to the IPN of a transaction: sent (and retried), lost, or sent and then replayed once. */
export type IpnMode = 'send' | 'drop' | 'twice';
export const ipnModes: readonly IpnMode[] = ['send', 'drop', 'twice'];

export interface SandboxTransaction {
  /** The sandbox's own id of the payer's visit (the page's form posts it). */
  id: string;
  tmnCode: string;
  merchantName: string;
  txnRef: string;
  /** Whole đồng (`vnp_Amount` / 100). */
  amount: number;
  orderInfo: string;
  orderType: string;
  locale: 'vn' | 'en';
  returnUrl: string;
  ipAddr: string;
  /** `vnp_CreateDate` and `vnp_ExpireDate` as the merchant sent them. */
  createDate: string;
  expireDate: string;
  /** `vnp_BankCode` the merchant asked for, if any. */
  requestedBankCode: string | null;
  transactionNo: string;
  status: TransactionStatus;
  responseCode: PaymentResponseCode | null;
  bankCode: string | null;
  bankTranNo: string | null;
  cardType: string | null;
  /** `vnp_PayDate`. */
  payDate: string | null;
  openedAt: Date;
  ipnMode: IpnMode;
  ipn: IpnAttempt[];
  refunds: Array<{ requestId: string; amount: number; at: Date; kind: '02' | '03' }>;
}

export type OpenResult =
  | { ok: true; transaction: SandboxTransaction }
  | { ok: false; code: '02' | '03' | '11' | '70' | '94'; vi: string; en: string };

export interface DevPaymentsOptions {
  merchants: SandboxMerchant[];
  clock: () => Date;
  /** Waits before each further IPN attempt when the merchant did not answer `00`/`02` (VNPay retries too). */
  ipnRetryDelaysMs?: number[];
  /** How long one IPN call may take. */
  ipnTimeoutMs?: number;
  log?: { warn(fields: object, message: string): void };
}

export interface DevPayments {
  readonly options: DevPaymentsOptions;
  /** Newest first. */
  list(): SandboxTransaction[];
  byId(id: string): SandboxTransaction | undefined;
  find(tmnCode: string, txnRef: string): SandboxTransaction | undefined;
  merchant(tmnCode: string): SandboxMerchant | undefined;
  /** The payer arrives with the merchant's signed request: a pending transaction, or why not. */
  open(params: Record<string, string>, ipnMode?: IpnMode): OpenResult;
  /**
   * The payer confirms, the bank refuses, or the payer cancels: records the outcome, makes the
   * first IPN attempt (unless dropped) and answers the signed address the browser returns to.
   */
  complete(id: string, action: 'confirm' | 'fail' | 'cancel', bankCode: string | undefined, ipnMode?: IpnMode): Promise<string | undefined>;
  /** The signed parameters of the IPN and the return address (the same ones). */
  callbackParams(transaction: SandboxTransaction): Record<string, string>;
  /** Test control: the IPN of the next `count` transactions is lost (never sent, never retried). */
  dropNextIpns(count: number): void;
  /** Test control: sends a transaction's IPN again, as a gateway that retries would. */
  replayIpn(id: string): Promise<IpnAttempt | undefined>;
  /** Waits for the IPN attempts under way (tests). */
  settled(): Promise<void>;
  close(): void;
}

const required = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo', 'vnp_OrderType', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate'] as const;

export function createDevPayments(options: DevPaymentsOptions): DevPayments {
  const transactions: SandboxTransaction[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let dropCount = 0;
  let closed = false;
  let nextTransactionNo = randomInt(14_000_000, 15_000_000);
  const merchants = new Map(options.merchants.map((m) => [m.tmnCode, m]));
  const retryDelays = options.ipnRetryDelaysMs ?? [2_000, 10_000, 60_000];

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  function callbackParams(t: SandboxTransaction): Record<string, string> {
    const merchant = merchants.get(t.tmnCode)!;
    const params: Record<string, string> = {
      vnp_Amount: String(t.amount * 100),
      vnp_BankCode: t.bankCode ?? 'VNPAY',
      vnp_OrderInfo: t.orderInfo,
      vnp_PayDate: t.payDate ?? '',
      vnp_ResponseCode: t.responseCode ?? '',
      vnp_TmnCode: t.tmnCode,
      vnp_TransactionNo: t.transactionNo,
      vnp_TransactionStatus: t.status,
      vnp_TxnRef: t.txnRef,
    };
    if (t.bankTranNo) params.vnp_BankTranNo = t.bankTranNo;
    if (t.cardType) params.vnp_CardType = t.cardType;
    return signParams(merchant.hashSecret, params);
  }

  /** One attempt now; further ones later while the merchant answers neither `00` nor `02`. */
  async function sendIpn(t: SandboxTransaction, replay: boolean, retriesLeft: readonly number[]): Promise<IpnAttempt> {
    const merchant = merchants.get(t.tmnCode)!;
    const attempt = await track(deliverIpn(merchant.ipnUrl(), callbackParams(t), { clock: options.clock, timeoutMs: options.ipnTimeoutMs ?? 10_000, replay }));
    t.ipn.push(attempt);
    if (!attempt.accepted && retriesLeft.length && !closed) {
      const [delay, ...rest] = retriesLeft as [number, ...number[]];
      const timer = setTimeout(() => {
        timers.delete(timer);
        void sendIpn(t, replay, rest).catch((error: Error) => options.log?.warn({ err: error, txnRef: t.txnRef }, 'sandbox gateway: IPN retry failed'));
      }, delay);
      timers.add(timer);
    }
    if (!attempt.accepted) options.log?.warn({ txnRef: t.txnRef, attempt }, 'sandbox gateway: the merchant did not confirm the IPN');
    return attempt;
  }

  function open(params: Record<string, string>, ipnMode: IpnMode = 'send'): OpenResult {
    const merchant = merchants.get(params.vnp_TmnCode ?? '');
    if (!merchant) return { ok: false, code: '02', vi: 'Website này chưa được đăng ký với cổng thanh toán (vnp_TmnCode không hợp lệ).', en: 'Unknown merchant (vnp_TmnCode).' };
    if (!hasValidSignature(merchant.hashSecret, params)) return { ok: false, code: '70', vi: 'Sai chữ ký (vnp_SecureHash).', en: 'Invalid signature (vnp_SecureHash).' };
    const missing = required.filter((k) => !params[k]);
    if (missing.length) return { ok: false, code: '03', vi: `Thiếu tham số: ${missing.join(', ')}.`, en: `Missing parameters: ${missing.join(', ')}.` };
    const amount100 = params.vnp_Amount!;
    const problems: string[] = [];
    if (params.vnp_Version !== vnpVersion) problems.push(`vnp_Version phải là ${vnpVersion}`);
    if (params.vnp_Command !== 'pay') problems.push('vnp_Command phải là pay');
    if (params.vnp_CurrCode !== 'VND') problems.push('vnp_CurrCode phải là VND');
    // vnp_Amount is đồng × 100; VNPay takes 5.000 to under 1.000.000.000 đồng.
    if (!/^[1-9]\d*00$/.test(amount100) || Number(amount100) < 500_000 || Number(amount100) >= 100_000_000_000) problems.push('vnp_Amount phải là số đồng × 100, từ 5.000 đến dưới 1 tỷ đồng');
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(params.vnp_TxnRef!)) problems.push('vnp_TxnRef');
    if (params.vnp_OrderInfo!.length > 255) problems.push('vnp_OrderInfo dài quá 255 ký tự');
    if (!/^https?:\/\//.test(params.vnp_ReturnUrl!)) problems.push('vnp_ReturnUrl');
    if (params.vnp_Locale !== undefined && params.vnp_Locale !== 'vn' && params.vnp_Locale !== 'en') problems.push('vnp_Locale phải là vn hoặc en');
    const created = parseVnpDate(params.vnp_CreateDate);
    const expires = parseVnpDate(params.vnp_ExpireDate);
    if (!created) problems.push('vnp_CreateDate (yyyyMMddHHmmss, GMT+7)');
    if (!expires) problems.push('vnp_ExpireDate (yyyyMMddHHmmss, GMT+7)');
    if (created && expires && expires <= created) problems.push('vnp_ExpireDate phải sau vnp_CreateDate');
    if (problems.length) return { ok: false, code: '03', vi: `Dữ liệu gửi sang không đúng định dạng: ${problems.join('; ')}.`, en: 'Malformed request.' };
    if (expires! <= options.clock()) return { ok: false, code: '11', vi: 'Giao dịch đã quá thời gian chờ thanh toán (vnp_ExpireDate).', en: 'The payment time ran out (vnp_ExpireDate).' };

    const existing = transactions.find((t) => t.tmnCode === merchant.tmnCode && t.txnRef === params.vnp_TxnRef);
    if (existing) {
      // Reloading the page, or coming back to it: the same request finds its transaction again.
      if (existing.status === '01' && existing.amount * 100 === Number(amount100) && existing.createDate === params.vnp_CreateDate) {
        existing.ipnMode = ipnMode;
        return { ok: true, transaction: existing };
      }
      return { ok: false, code: '94', vi: 'Giao dịch với mã tham chiếu này đã tồn tại (vnp_TxnRef).', en: 'A transaction with this reference already exists (vnp_TxnRef).' };
    }
    const transaction: SandboxTransaction = {
      id: randomBytes(12).toString('base64url'),
      tmnCode: merchant.tmnCode,
      merchantName: merchant.name,
      txnRef: params.vnp_TxnRef!,
      amount: Number(amount100) / 100,
      orderInfo: params.vnp_OrderInfo!,
      orderType: params.vnp_OrderType!,
      locale: params.vnp_Locale === 'en' ? 'en' : 'vn',
      returnUrl: params.vnp_ReturnUrl!,
      ipAddr: params.vnp_IpAddr!,
      createDate: params.vnp_CreateDate!,
      expireDate: params.vnp_ExpireDate!,
      requestedBankCode: bankByCode(params.vnp_BankCode) ? params.vnp_BankCode! : null,
      transactionNo: String(nextTransactionNo++),
      status: '01',
      responseCode: null,
      bankCode: null,
      bankTranNo: null,
      cardType: null,
      payDate: null,
      openedAt: options.clock(),
      ipnMode,
      ipn: [],
      refunds: [],
    };
    transactions.push(transaction);
    if (transactions.length > 1000) transactions.shift();
    return { ok: true, transaction };
  }

  async function complete(id: string, action: 'confirm' | 'fail' | 'cancel', bankCode: string | undefined, ipnMode?: IpnMode): Promise<string | undefined> {
    const t = transactions.find((x) => x.id === id);
    if (!t) return undefined;
    if (t.status === '01') {
      const now = options.clock();
      const bank = bankByCode(bankCode) ?? bankByCode(t.requestedBankCode ?? undefined) ?? sandboxBanks[0]!;
      const expired = parseVnpDate(t.expireDate)! <= now;
      t.responseCode = expired ? '11' : action === 'confirm' ? '00' : action === 'cancel' ? '24' : '51';
      t.status = t.responseCode === '00' ? '00' : '02';
      t.payDate = vnpDate(now);
      t.bankCode = action === 'cancel' ? 'VNPAY' : bank.code;
      t.cardType = action === 'cancel' ? null : bank.cardType;
      t.bankTranNo = t.responseCode === '00' ? `VNP${t.transactionNo}` : null;
      if (ipnMode) t.ipnMode = ipnMode;
      if (dropCount > 0) {
        dropCount -= 1;
        t.ipnMode = 'drop';
      }
      if (t.ipnMode !== 'drop') {
        await sendIpn(t, false, retryDelays);
        if (t.ipnMode === 'twice') await sendIpn(t, true, []);
      }
    }
    // The browser goes back with the same signed parameters (again, when the form is posted twice).
    const url = new URL(t.returnUrl);
    for (const [k, v] of Object.entries(callbackParams(t))) url.searchParams.set(k, v);
    return url.toString();
  }

  return {
    options,
    list: () => [...transactions].reverse(),
    byId: (id) => transactions.find((t) => t.id === id),
    find: (tmnCode, txnRef) => transactions.find((t) => t.tmnCode === tmnCode && t.txnRef === txnRef),
    merchant: (tmnCode) => merchants.get(tmnCode),
    open,
    complete,
    callbackParams,
    dropNextIpns(count) {
      dropCount = Math.max(0, Math.floor(count));
    },
    async replayIpn(id) {
      const t = transactions.find((x) => x.id === id);
      if (!t || t.status === '01') return undefined;
      return sendIpn(t, true, []);
    },
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export function responseLabel(code: PaymentResponseCode | null): { vi: string; en: string } {
  return code ? paymentResponseCodes[code] : { vi: 'Đang chờ người thanh toán', en: 'Waiting for the payer' };
}
