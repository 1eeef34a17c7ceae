#!/usr/bin/env node
// Screenshots and axe-core of the sandbox payment gateway (/dev-payments), not part of the test
// suite: it signs a payment request as Motcua's merchant account at the sandbox would, shoots the
// payment page, pays, shoots the error page of a badly signed request and the transactions list,
// at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3461 SHOTS_DIR=/tmp/shots-payments node e2e/screens/dev-payments.mjs
// Needs a server in demo mode without VNPAY_* (npm run dev).
import { createHmac } from 'node:crypto';

process.env.SHOTS_DIR ??= '/tmp/shots-payments';
const { axe, base, desktop, launch, mobile, newPage, problems, shot } = await import('./lib.mjs');
// The sandbox merchant account (apps/server/src/config.ts devPaymentsMerchant): demo values, not secrets.
const merchant = { tmnCode: 'MOTCUA01', hashSecret: 'motcua-sandbox-hash-secret-NOT-FOR-PRODUCTION' };
const vnTime = (d) => new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

function signedUrl(overrides = {}, secret = merchant.hashSecret) {
  const now = new Date();
  const params = {
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: merchant.tmnCode, vnp_Amount: '5000000', vnp_CurrCode: 'VND',
    vnp_TxnRef: `SHOT${Date.now()}${Math.floor(Math.random() * 1000)}`, vnp_OrderInfo: 'Thanh toan le phi ho so 000.00.12.H40-261207-0003',
    vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: `${base}/dev-payments`, vnp_IpAddr: '127.0.0.1',
    vnp_CreateDate: vnTime(now), vnp_ExpireDate: vnTime(new Date(now.getTime() + 15 * 60_000)), ...overrides,
  };
  const text = new URLSearchParams(Object.keys(params).sort().map((k) => [k, params[k]])).toString();
  const query = new URLSearchParams({ ...params, vnp_SecureHash: createHmac('sha512', secret).update(text).digest('hex') });
  return `${base}/dev-payments/vnpay/paymentv2/vpcpay.html?${query}`;
}

const browser = await launch();
for (const [viewport, suffix] of [[desktop, '1366'], [mobile, '390']]) {
  const page = await newPage(browser, { viewport, name: `payments-${suffix}` });
  await page.goto(signedUrl());
  await shot(page, `dev-payments-page-${suffix}`);
  await axe(page, `dev-payments-page-${suffix}`);
  await page.getByLabel(/Vietcombank/).check();
  await page.getByRole('button', { name: /Thanh toán/ }).click();
  await page.waitForURL(/\/dev-payments(\?|$)/);
  await shot(page, `dev-payments-list-${suffix}`);
  await axe(page, `dev-payments-list-${suffix}`);
  await page.goto(signedUrl({}, 'not-the-merchant-secret-000000'));
  await shot(page, `dev-payments-error-${suffix}`);
  await axe(page, `dev-payments-error-${suffix}`);
  await page.close();
}
await browser.close();
if (problems.length) console.log(problems.join('\n'));
