/**
 * A VNPay-compatible gateway for tests, written apart from the adapter (VNPay's own sample-code
 * style: encodeURIComponent with %20 as '+'): it signs IPN and return parameters as the gateway
 * does, and answers `querydr` on a real local HTTP server from the transactions a test sets.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const testMerchant = { tmnCode: 'TESTPAY1', hashSecret: 'test-gateway-hash-secret-0123456789' } as const;

const hmac = (data: string, secret: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

/** `params` with vnp_SecureHash, signed over the sorted vnp_ fields (not the hash's type) as the gateway signs them. */
export function signAsGateway(params: Record<string, string>, secret: string = testMerchant.hashSecret): Record<string, string> {
  const signed = (k: string) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '';
  const data = Object.keys(params).filter(signed).sort()
    .map((k) => `${k}=${encodeURIComponent(params[k]!).replace(/%20/g, '+')}`).join('&');
  return { ...params, vnp_SecureHash: hmac(data, secret) };
}

/** The fields of a notification (IPN or return) about `reference` for `amount` đồng. */
export function callbackFields(reference: string, amount: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    vnp_Amount: String(amount * 100), vnp_BankCode: 'NCB', vnp_BankTranNo: 'VNP14226112', vnp_CardType: 'ATM', vnp_OrderInfo: 'Thanh toan phi le phi',
    vnp_PayDate: '20261207091011', vnp_ResponseCode: '00', vnp_TmnCode: testMerchant.tmnCode, vnp_TransactionNo: '14226112', vnp_TransactionStatus: '00',
    vnp_TxnRef: reference, vnp_SecureHashType: 'HmacSHA512', ...over,
  };
}

export const queryString = (params: Record<string, string>) => new URLSearchParams(params).toString();

export interface GatewayTransaction {
  amount: number;
  /** vnp_TransactionStatus: 00 paid, 01 not completed, 02 failed. */
  status: '00' | '01' | '02';
}

export interface TestGateway {
  paymentUrl: string;
  apiUrl: string;
  /** What querydr reports per reference; absent: 91 (no such transaction). */
  transactions: Map<string, GatewayTransaction>;
  queries: number;
  close(): Promise<void>;
}

const answerFields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];

export async function startTestGateway(): Promise<TestGateway> {
  const transactions = new Map<string, GatewayTransaction>();
  const state = { queries: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      state.queries++;
      const q = JSON.parse(body) as Record<string, string>;
      const requestOk = q.vnp_SecureHash === hmac([q.vnp_RequestId, q.vnp_Version, q.vnp_Command, q.vnp_TmnCode, q.vnp_TxnRef, q.vnp_TransactionDate, q.vnp_CreateDate, q.vnp_IpAddr, q.vnp_OrderInfo].join('|'), testMerchant.hashSecret);
      const t = transactions.get(q.vnp_TxnRef ?? '');
      const a: Record<string, string> = !requestOk
        ? { vnp_ResponseId: 'g', vnp_Command: 'querydr', vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum', vnp_TmnCode: testMerchant.tmnCode }
        : !t
          ? { vnp_ResponseId: 'g', vnp_Command: 'querydr', vnp_ResponseCode: '91', vnp_Message: 'Transaction not found', vnp_TmnCode: testMerchant.tmnCode, vnp_TxnRef: q.vnp_TxnRef! }
          : {
            vnp_ResponseId: 'g', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_TmnCode: testMerchant.tmnCode, vnp_TxnRef: q.vnp_TxnRef!,
            vnp_Amount: String(t.amount * 100), vnp_BankCode: 'NCB', vnp_PayDate: '20261207091011', vnp_TransactionNo: '55501', vnp_TransactionType: '01',
            vnp_TransactionStatus: t.status, vnp_OrderInfo: q.vnp_OrderInfo!,
          };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...a, vnp_SecureHash: hmac(answerFields.map((f) => a[f] ?? '').join('|'), testMerchant.hashSecret) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    paymentUrl: `${base}/paymentv2/vpcpay.html`,
    apiUrl: `${base}/merchant_webapi/api/transaction`,
    transactions,
    get queries() { return state.queries; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The configuration that points Motcua's VNPay adapter at `gateway`. */
export const vnpayConfigFor = (gateway: TestGateway): Record<string, string> => ({
  VNPAY_TMN_CODE: testMerchant.tmnCode, VNPAY_HASH_SECRET: testMerchant.hashSecret, VNPAY_PAYMENT_URL: gateway.paymentUrl, VNPAY_API_URL: gateway.apiUrl,
});
