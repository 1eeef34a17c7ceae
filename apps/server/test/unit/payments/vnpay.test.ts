/**
 * The VNPay-compatible adapter against fixed vectors: each expected hash is computed here with
 * node:crypto over the literal canonical string VNPay's guide implies, so a change in sorting,
 * encoding or date formatting fails.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnpayProvider } from '../../../src/infra/payments/vnpay.ts';
import { asciiDescription, gatewayTimestamp, parseGatewayTimestamp } from '../../../src/infra/payments/gateway-text.ts';

const secret = 'TESTSECRETKEY0123456789ABCDEFGHIJ';
const hmac = (data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');
const options = { tmnCode: 'MOTCUA01', hashSecret: secret, paymentUrl: 'https://sandbox.test/paymentv2/vpcpay.html', apiUrl: 'http://127.0.0.1:1/api' };

describe('the VNPay payment address', () => {
  const provider = vnpayProvider(options);
  const url = provider.paymentUrl({
    reference: 'H40_22-261207-0001-AB3CD4EF',
    amount: 50_000,
    description: 'Thanh toán phí, lệ phí hồ sơ H40.22-261207-0001 (Đăng ký kết hôn)',
    returnUrl: 'https://motcua.test/api/v1/payments/vnpay/return',
    payerIp: '203.0.113.7',
    createdAt: new Date('2026-12-07T02:05:09Z'),
    expiresAt: new Date('2026-12-07T02:20:09Z'),
    locale: 'vi',
  });

  it('signs the parameters sorted by name, form-encoded with spaces as +, dates in GMT+7, amount ×100', () => {
    const canonical = 'vnp_Amount=5000000&vnp_Command=pay&vnp_CreateDate=20261207090509&vnp_CurrCode=VND&vnp_ExpireDate=20261207092009'
      + '&vnp_IpAddr=203.0.113.7&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+le+phi+ho+so+H40.22-261207-0001+Dang+ky+ket+hon'
      + '&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fmotcua.test%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn'
      + '&vnp_TmnCode=MOTCUA01&vnp_TxnRef=H40_22-261207-0001-AB3CD4EF&vnp_Version=2.1.0';
    expect(url).toBe(`https://sandbox.test/paymentv2/vpcpay.html?${canonical}&vnp_SecureHash=${hmac(canonical)}`);
  });

  it('is accepted back by its own verification when the gateway echoes the parameters', () => {
    const params = Object.fromEntries(new URL(url).searchParams);
    expect(provider.verifyCallback(params).ok).toBe(false); // a payment address is not a callback: no response code
  });
});

describe('a VNPay IPN', () => {
  const provider = vnpayProvider(options);
  const fields: Record<string, string> = {
    vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_BankTranNo: 'VNP14226112', vnp_CardType: 'ATM', vnp_OrderInfo: 'Thanh toan phi le phi ho so X',
    vnp_PayDate: '20261207091011', vnp_ResponseCode: '00', vnp_TmnCode: 'MOTCUA01', vnp_TransactionNo: '14226112', vnp_TransactionStatus: '00', vnp_TxnRef: 'REF-1',
  };
  const canonical = 'vnp_Amount=5000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14226112&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+phi+le+phi+ho+so+X'
    + '&vnp_PayDate=20261207091011&vnp_ResponseCode=00&vnp_TmnCode=MOTCUA01&vnp_TransactionNo=14226112&vnp_TransactionStatus=00&vnp_TxnRef=REF-1';

  it('is verified over the sorted fields without vnp_SecureHash and vnp_SecureHashType, in either hex case', () => {
    for (const hash of [hmac(canonical), hmac(canonical).toUpperCase()]) {
      const verified = provider.verifyCallback({ ...fields, vnp_SecureHashType: 'HmacSHA512', vnp_SecureHash: hash });
      expect(verified).toMatchObject({ ok: true, outcome: { reference: 'REF-1', amount: 50_000, status: 'paid', providerTransactionNo: '14226112', bankCode: 'NCB' } });
      if (verified.ok) expect(verified.outcome.paidAt?.toISOString()).toBe('2026-12-07T02:10:11.000Z');
    }
  });

  it('is refused when one field differs from what was signed, or the hash is missing or short', () => {
    expect(provider.verifyCallback({ ...fields, vnp_Amount: '5000100', vnp_SecureHash: hmac(canonical) })).toMatchObject({ ok: false, reason: 'signature' });
    expect(provider.verifyCallback({ ...fields })).toMatchObject({ ok: false, reason: 'signature' });
    expect(provider.verifyCallback({ ...fields, vnp_SecureHash: hmac(canonical).slice(0, 64) })).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('reads 24 as the payer cancelling, and any other code as a failure', () => {
    const signed = (over: Record<string, string>) => {
      const f = { ...fields, ...over };
      const c = Object.keys(f).sort().map((k) => `${k}=${f[k]!.replace(/ /g, '+')}`).join('&');
      return { ...f, vnp_SecureHash: hmac(c) };
    };
    expect(provider.verifyCallback(signed({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).toMatchObject({ ok: true, outcome: { status: 'cancelled' } });
    expect(provider.verifyCallback(signed({ vnp_ResponseCode: '51', vnp_TransactionStatus: '02' }))).toMatchObject({ ok: true, outcome: { status: 'failed' } });
    expect(provider.verifyCallback(signed({ vnp_ResponseCode: '00', vnp_TransactionStatus: '01' }))).toMatchObject({ ok: true, outcome: { status: 'failed' } });
  });

  it('is answered in VNPay’s words', () => {
    expect(provider.ipnAnswer('confirmed').body).toBe('{"RspCode":"00","Message":"Confirm Success"}');
    expect(provider.ipnAnswer('order_not_found').body).toBe('{"RspCode":"01","Message":"Order not found"}');
    expect(provider.ipnAnswer('already_confirmed').body).toBe('{"RspCode":"02","Message":"Order already confirmed"}');
    expect(provider.ipnAnswer('invalid_amount').body).toBe('{"RspCode":"04","Message":"Invalid amount"}');
    expect(provider.ipnAnswer('invalid_signature').body).toBe('{"RspCode":"97","Message":"Invalid signature"}');
    expect(provider.ipnAnswer('error').body).toBe('{"RspCode":"99","Message":"Unknown error"}');
  });
});

describe('a VNPay querydr over the merchant API', () => {
  let server: http.Server;
  let received: Record<string, string> = {};
  let answer: (req: Record<string, string>) => Record<string, string> = () => ({});
  let apiUrl = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received = JSON.parse(body) as Record<string, string>;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer(received)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/merchant_webapi/api/transaction`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const answerFields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
    'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];
  const signedAnswer = (a: Record<string, string>) => ({ ...a, vnp_SecureHash: hmac(answerFields.map((f) => a[f] ?? '').join('|')) });
  const paidAnswer = (req: Record<string, string>) => ({
    vnp_ResponseId: 'r1', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_TmnCode: 'MOTCUA01', vnp_TxnRef: req.vnp_TxnRef!,
    vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_PayDate: '20261207091011', vnp_TransactionNo: '14226112', vnp_TransactionType: '01', vnp_TransactionStatus: '00',
    vnp_OrderInfo: 'x',
  });

  it('posts JSON signed over the pipe-joined fields and reads a signed answer', async () => {
    answer = (req) => signedAnswer(paidAnswer(req));
    const provider = vnpayProvider({ ...options, apiUrl, serverIp: '10.1.2.3' });
    const result = await provider.query({ reference: 'REF-1', createdAt: new Date('2026-12-07T02:05:09Z'), description: 'Truy vấn giao dịch REF-1' }, new Date('2026-12-07T02:30:00Z'));
    expect(received).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: 'MOTCUA01', vnp_TxnRef: 'REF-1', vnp_TransactionDate: '20261207090509',
      vnp_CreateDate: '20261207093000', vnp_IpAddr: '10.1.2.3', vnp_OrderInfo: 'Truy van giao dich REF-1' });
    expect(received.vnp_RequestId).toMatch(/^[0-9a-f]{32}$/);
    const data = `${received.vnp_RequestId}|2.1.0|querydr|MOTCUA01|REF-1|20261207090509|20261207093000|10.1.2.3|Truy van giao dich REF-1`;
    expect(received.vnp_SecureHash).toBe(hmac(data));
    expect(result.outcome).toMatchObject({ reference: 'REF-1', amount: 50_000, status: 'paid', providerTransactionNo: '14226112' });
  });

  it('refuses an answer without a signature or with a wrong one', async () => {
    const provider = vnpayProvider({ ...options, apiUrl });
    const order = { reference: 'REF-2', createdAt: new Date('2026-12-07T02:05:09Z'), description: 'q' };
    answer = (req) => paidAnswer(req);
    await expect(provider.query(order, new Date())).rejects.toThrow(/vnp_SecureHash/);
    answer = (req) => ({ ...signedAnswer(paidAnswer(req)), vnp_Amount: '9900000' });
    await expect(provider.query(order, new Date())).rejects.toThrow(/vnp_SecureHash/);
  });

  it('reads 91 (no such transaction) and status 01 as not paid', async () => {
    const provider = vnpayProvider({ ...options, apiUrl });
    const order = { reference: 'REF-3', createdAt: new Date('2026-12-07T02:05:09Z'), description: 'q' };
    answer = () => signedAnswer({ vnp_ResponseId: 'r', vnp_Command: 'querydr', vnp_ResponseCode: '91', vnp_Message: 'Not found', vnp_TmnCode: 'MOTCUA01' });
    expect((await provider.query(order, new Date())).outcome.status).toBe('pending');
    answer = (req) => signedAnswer({ ...paidAnswer(req), vnp_TransactionStatus: '01' });
    expect((await provider.query(order, new Date())).outcome.status).toBe('pending');
  });
});

describe('gateway text', () => {
  it('writes and reads yyyyMMddHHmmss in GMT+7 across midnight and the year', () => {
    expect(gatewayTimestamp(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(parseGatewayTimestamp('20270101000000')?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(parseGatewayTimestamp('20261332000000')).toBeNull();
  });

  it('removes diacritics, đ included, and characters encoders disagree on', () => {
    expect(asciiDescription('Đăng ký khai sinh (bản sao) * ~ ! Nguyễn Thị Ánh')).toBe('Dang ky khai sinh ban sao Nguyen Thi Anh');
  });
});
