/**
 * The sandbox payment gateway (demo/dev-payments) over real HTTP, driven by a tiny merchant written
 * here from the VNPay-compatible protocol with node:crypto alone (not the sandbox's code, not
 * Motcua's adapter): it signs payment requests and merchant-API calls, and serves an IPN route that
 * checks each notification's signature. Then the sandbox as `npm start` mounts it in Motcua.
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devPaymentsMerchant, devPaymentsPath, withListeningPort } from '../../src/config.ts';
import { mountDevPayments } from '../../src/demo/dev-payments/mount.ts';
import { createDevPayments, type DevPayments } from '../../src/demo/dev-payments/sandbox.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const tmnCode = 'SHOP0001';
const secret = 'test-merchant-hash-secret-0123456789';
// 10:00 on 7 December 2026 in Việt Nam.
const now = new Date('2026-12-07T03:00:00Z');
const vnTime = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

/** The merchant's side of the signature: vnp_* sorted, form-encoded, HMAC-SHA512 hex. */
function sign(params: Record<string, string>, key = secret): string {
  const text = new URLSearchParams(Object.keys(params).filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType').sort().map((k): [string, string] => [k, params[k]!])).toString();
  return createHmac('sha512', key).update(text).digest('hex');
}
const pipeHash = (values: Array<string | undefined>) => createHmac('sha512', secret).update(values.map((v) => v ?? '').join('|')).digest('hex');

interface Merchant {
  url: string;
  ipns: Array<Record<string, string>>;
  /** RspCode answered to the next IPNs, then `00` (or `02` once confirmed). */
  answers: string[];
  close(): Promise<void>;
}

async function startMerchant(): Promise<Merchant> {
  const confirmed = new Set<string>();
  const merchant: Merchant = { url: '', ipns: [], answers: [], close: async () => undefined };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://merchant.test');
    const params = Object.fromEntries(url.searchParams);
    let code: string;
    if (url.pathname !== '/ipn') code = '99';
    else if (params.vnp_SecureHash !== sign(params)) code = '97';
    else {
      merchant.ipns.push(params);
      code = merchant.answers.shift() ?? (confirmed.has(params.vnp_TxnRef!) ? '02' : '00');
      if (code === '00') confirmed.add(params.vnp_TxnRef!);
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ RspCode: code, Message: code === '00' ? 'Confirm Success' : 'Other' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  merchant.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  merchant.close = () => new Promise((resolve) => server.close(() => resolve()));
  return merchant;
}

let txnCounter = 0;
function paymentRequest(overrides: Record<string, string> = {}, key = secret): Record<string, string> {
  txnCounter += 1;
  const params: Record<string, string> = {
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: tmnCode, vnp_Amount: '5000000', vnp_CurrCode: 'VND',
    vnp_TxnRef: `ORDER${txnCounter}x${Date.now()}`, vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.12.H40-261207-0001', vnp_OrderType: 'other',
    vnp_Locale: 'vn', vnp_ReturnUrl: 'http://shop.test/return?order=7', vnp_IpAddr: '203.0.113.9',
    vnp_CreateDate: vnTime(now), vnp_ExpireDate: vnTime(new Date(now.getTime() + 15 * 60_000)),
    ...overrides,
  };
  return { ...params, vnp_SecureHash: sign(params, key) };
}

const pageUrl = (base: string, params: Record<string, string>, extra = '') => `${base}${devPaymentsPath}/vnpay/paymentv2/vpcpay.html?${new URLSearchParams(params)}${extra}`;

/** The payer opens the page and presses a button: the sandbox's form, as a browser posts it. */
async function pay(base: string, params: Record<string, string>, action: 'confirm' | 'fail' | 'cancel', form: Record<string, string> = {}, extra = '') {
  const page = await fetch(pageUrl(base, params, extra));
  expect(page.status).toBe(200);
  const html = await page.text();
  const transaction = /name="transaction" value="([^"]+)"/.exec(html)![1]!;
  const response = await fetch(`${base}${devPaymentsPath}/vnpay/paymentv2/pay`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ transaction, action, bank: 'VIETCOMBANK', ...form }).toString(),
  });
  return { html, response, location: response.headers.get('location') ?? '' };
}

describe('the sandbox payment gateway, with a merchant over real HTTP', () => {
  let merchant: Merchant;
  let sandbox: DevPayments;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    merchant = await startMerchant();
    sandbox = createDevPayments({
      merchants: [{ tmnCode, hashSecret: secret, name: 'Cửa hàng thử', ipnUrl: () => `${merchant.url}/ipn` }],
      clock: () => now,
      ipnRetryDelaysMs: [20, 20],
    });
    app = Fastify();
    mountDevPayments(app, sandbox, devPaymentsPath);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await sandbox.settled();
    merchant.ipns.length = 0;
    merchant.answers.length = 0;
  });
  afterAll(async () => {
    await app?.close();
    await merchant?.close();
  });

  it('refuses a request signed with another secret, a tampered amount, an unknown merchant, a malformed amount and an expired request', async () => {
    const before = sandbox.list().length;
    const cases: Array<[Record<string, string>, string]> = [
      [paymentRequest({}, 'someone-else-secret-0123456789'), '70'],
      [{ ...paymentRequest(), vnp_Amount: '500000' }, '70'],
      [paymentRequest({ vnp_TmnCode: 'NOBODY01' }), '02'],
      [paymentRequest({ vnp_Amount: '5000050' }), '03'],
      [paymentRequest({ vnp_CreateDate: vnTime(new Date(now.getTime() - 30 * 60_000)), vnp_ExpireDate: vnTime(new Date(now.getTime() - 60_000)) }), '11'],
    ];
    for (const [params, code] of cases) {
      const res = await fetch(pageUrl(base, params));
      expect(res.status, code).toBe(400);
      expect(await res.text()).toContain(`Mã lỗi <span lang="en">(Error)</span> ${code}`);
    }
    expect(sandbox.list()).toHaveLength(before);
  });

  it('shows the order, and on “Thanh toán” sends a signed IPN the merchant confirms, then returns the payer with the same parameters', async () => {
    const request = paymentRequest();
    const { html, response, location } = await pay(base, request, 'confirm');
    expect(html).toContain('MÔI TRƯỜNG THỬ NGHIỆM');
    expect(html).toContain('Cửa hàng thử');
    expect(html).toContain('50.000 VND');
    expect(html).toContain('Thanh toan le phi ho so 000.00.12.H40-261207-0001');
    expect(html).toMatch(/Giao dịch thất bại[\s\S]*Hủy/);

    expect(response.status).toBe(303);
    expect(location.startsWith('http://shop.test/return?order=7&')).toBe(true);
    const returned = Object.fromEntries(new URL(location).searchParams);
    expect(returned.vnp_SecureHash).toBe(sign(returned));
    expect(merchant.ipns).toHaveLength(1);
    const ipn = merchant.ipns[0]!;
    expect(ipn).toMatchObject({
      vnp_TmnCode: tmnCode, vnp_TxnRef: request.vnp_TxnRef, vnp_Amount: '5000000', vnp_ResponseCode: '00', vnp_TransactionStatus: '00',
      vnp_BankCode: 'VIETCOMBANK', vnp_CardType: 'ATM', vnp_PayDate: '20261207100000', vnp_OrderInfo: request.vnp_OrderInfo,
      vnp_TransactionNo: expect.stringMatching(/^\d{8}$/), vnp_BankTranNo: expect.any(String),
    });
    const { order, ...returnedVnp } = returned;
    expect(order).toBe('7');
    expect(returnedVnp).toEqual(ipn);
    expect(sandbox.find(tmnCode, request.vnp_TxnRef!)!.ipn).toEqual([expect.objectContaining({ accepted: true, rspCode: '00', replay: false })]);
  });

  it('answers code 24 when the payer cancels and 51 when the bank declines, and tells the merchant both', async () => {
    const cancelled = await pay(base, paymentRequest(), 'cancel');
    const declined = await pay(base, paymentRequest(), 'fail');
    expect(new URL(cancelled.location).searchParams.get('vnp_ResponseCode')).toBe('24');
    expect(new URL(declined.location).searchParams.get('vnp_ResponseCode')).toBe('51');
    expect(merchant.ipns.map((p) => [p.vnp_ResponseCode, p.vnp_TransactionStatus])).toEqual([['24', '02'], ['51', '02']]);
  });

  it('retries an IPN the merchant does not confirm, and stops at its answer 00', async () => {
    merchant.answers.push('99');
    const request = paymentRequest();
    await pay(base, request, 'confirm');
    const deadline = Date.now() + 3000;
    while (merchant.ipns.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect(sandbox.find(tmnCode, request.vnp_TxnRef!)!.ipn.map((a) => a.rspCode)).toEqual(['99', '00']);
    expect(merchant.ipns).toHaveLength(2);
  });

  it('loses the IPN when asked (page flag or test control), and a replay later brings it, acknowledged 02 when repeated', async () => {
    const flagged = paymentRequest();
    const { location } = await pay(base, flagged, 'confirm', {}, '&sandbox_ipn=drop');
    expect(new URL(location).searchParams.get('vnp_ResponseCode')).toBe('00');
    sandbox.dropNextIpns(1);
    const controlled = paymentRequest();
    await pay(base, controlled, 'confirm');
    expect(merchant.ipns).toHaveLength(0);

    const transaction = sandbox.find(tmnCode, controlled.vnp_TxnRef!)!;
    expect(await sandbox.replayIpn(transaction.id)).toMatchObject({ accepted: true, rspCode: '00', replay: true });
    expect(await sandbox.replayIpn(transaction.id)).toMatchObject({ accepted: true, rspCode: '02', replay: true });
    expect(merchant.ipns.map((p) => p.vnp_TxnRef)).toEqual([controlled.vnp_TxnRef, controlled.vnp_TxnRef]);

    const listing = await fetch(`${base}${devPaymentsPath}`);
    const page = await listing.text();
    expect(page).toContain(flagged.vnp_TxnRef);
    expect(page).toContain('Đã làm mất');
    const replay = await fetch(`${base}${devPaymentsPath}/transactions/${sandbox.find(tmnCode, flagged.vnp_TxnRef!)!.id}/ipn`, { method: 'POST', redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(merchant.ipns.at(-1)!.vnp_TxnRef).toBe(flagged.vnp_TxnRef);
  });

  it('answers querydr with the transaction’s status, signed, and refuses a bad hash, a repeated request id and an unknown order', async () => {
    const paid = paymentRequest();
    await pay(base, paid, 'confirm');
    const waiting = paymentRequest();
    expect((await fetch(pageUrl(base, waiting))).status).toBe(200);

    let requestNo = 0;
    const querydr = async (txn: Record<string, string>, tamper = false, requestId?: string) => {
      const body: Record<string, string> = {
        vnp_RequestId: requestId ?? `Q${++requestNo}${Date.now()}`, vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: tmnCode,
        vnp_TxnRef: txn.vnp_TxnRef!, vnp_TransactionDate: txn.vnp_CreateDate!, vnp_CreateDate: vnTime(now), vnp_IpAddr: '198.51.100.7',
        vnp_OrderInfo: 'Truy van giao dich',
      };
      body.vnp_SecureHash = pipeHash(['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'].map((f) => body[f]));
      if (tamper) body.vnp_TxnRef += 'X';
      const res = await fetch(`${base}${devPaymentsPath}/vnpay/merchant_webapi/api/transaction`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as Record<string, string>;
      const fields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];
      expect(answer.vnp_SecureHash).toBe(pipeHash(fields.map((f) => answer[f])));
      return answer;
    };
    const paidAnswer = await querydr(paid);
    expect(paidAnswer).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: paid.vnp_TxnRef, vnp_Amount: '5000000', vnp_BankCode: 'VIETCOMBANK', vnp_TransactionType: '01', vnp_PayDate: '20261207100000' });
    expect(await querydr(waiting)).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionStatus: '01', vnp_PayDate: '' });
    expect(await querydr(paymentRequest())).toMatchObject({ vnp_ResponseCode: '91' });
    expect(await querydr(paid, true)).toMatchObject({ vnp_ResponseCode: '97' });
    expect(await querydr(paid, false, 'SAME-ID-1')).toMatchObject({ vnp_ResponseCode: '00' });
    expect(await querydr(paid, false, 'SAME-ID-1')).toMatchObject({ vnp_ResponseCode: '94' });
  });

  it('refunds part of a payment, then no more than what is left', async () => {
    const paid = paymentRequest();
    await pay(base, paid, 'confirm');
    const transactionNo = merchant.ipns[0]!.vnp_TransactionNo!;
    let n = 0;
    const refund = async (kind: '02' | '03', amount: string) => {
      const body: Record<string, string> = {
        vnp_RequestId: `R${++n}${Date.now()}`, vnp_Version: '2.1.0', vnp_Command: 'refund', vnp_TmnCode: tmnCode, vnp_TransactionType: kind,
        vnp_TxnRef: paid.vnp_TxnRef!, vnp_Amount: amount, vnp_TransactionNo: transactionNo, vnp_TransactionDate: paid.vnp_CreateDate!,
        vnp_CreateBy: 'ketoan', vnp_CreateDate: vnTime(now), vnp_IpAddr: '198.51.100.7', vnp_OrderInfo: 'Hoan tien',
      };
      body.vnp_SecureHash = pipeHash(['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'].map((f) => body[f]));
      const res = await fetch(`${base}${devPaymentsPath}/vnpay/merchant_webapi/api/transaction`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as Record<string, string>;
    };
    expect(await refund('03', '2000000')).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionType: '03', vnp_TransactionStatus: '06' });
    expect(await refund('03', '4000000')).toMatchObject({ vnp_ResponseCode: '03' });
    expect(await refund('02', '3000000')).toMatchObject({ vnp_ResponseCode: '00' });
  });
});

describe.each(databaseKinds)('the sandbox gateway as npm start serves it, on %s', (kind) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false, config: { PORT: '0' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    withListeningPort(t.deps.config, port);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t?.devPayments?.settled();
    await t?.close();
  });

  it('takes Motcua’s signed request at the configured address and sends the IPN to Motcua’s own route on the listening port', async () => {
    const vnpay = t.deps.config.payments!.vnpay!;
    expect(vnpay).toMatchObject({ devSandbox: true, tmnCode: devPaymentsMerchant.tmnCode, paymentUrl: expect.stringMatching(/\/dev-payments\/vnpay\/paymentv2\/vpcpay\.html$/) });
    expect(vnpay.apiUrl).toBe(`${base}/dev-payments/vnpay/merchant_webapi/api/transaction`);
    const params: Record<string, string> = {
      vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: vnpay.tmnCode, vnp_Amount: '5000000', vnp_CurrCode: 'VND', vnp_TxnRef: `M${Date.now()}`,
      vnp_OrderInfo: 'Thanh toan phi', vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: `${base}/tra-cuu/X`, vnp_IpAddr: '127.0.0.1',
      vnp_CreateDate: vnTime(t.deps.clock()), vnp_ExpireDate: vnTime(new Date(t.deps.clock().getTime() + 15 * 60_000)),
    };
    const signed = { ...params, vnp_SecureHash: sign(params, vnpay.hashSecret) };
    const { location } = await pay(base, signed, 'confirm');
    expect(location.startsWith(`${base}/tra-cuu/X?`)).toBe(true);
    const attempt = t.devPayments!.find(vnpay.tmnCode, params.vnp_TxnRef!)!.ipn[0]!;
    // Whatever Motcua answers (its IPN route may still be missing), the call reached this server.
    expect(attempt.httpStatus).toEqual(expect.any(Number));
    expect(attempt.error ?? '').not.toMatch(/ECONNREFUSED|fetch failed/);
    const listing = await fetch(`${base}/dev-payments`);
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain(params.vnp_TxnRef);
  });
});
