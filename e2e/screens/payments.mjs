#!/usr/bin/env node
// Screenshots and axe-core of online fee payment in the portal (not part of the test suite): the
// status page with the fee due and "Thanh toán trực tuyến", then the pages the payer comes back to
// from the sandbox gateway — waiting for the gateway (and "come back later" once the page stops
// asking), cancelled (with "Thanh toán lại"), paid, the same in English from another browser (the
// code asked again) — and "Hồ sơ của tôi" with a dossier to pay, then paid with the receipt's link.
// Each at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3471 SHOTS_DIR=/tmp/shots-portal-pay node e2e/screens/payments.mjs
// Needs a server in demo mode without VNPAY_* serving a current build of apps/web. Each run files
// dossiers of "Đăng ký thành lập hộ kinh doanh" (lệ phí 100.000 đồng) online through the API and
// receives them as the officer of xã Giao Thủy.
/* global window */
import crypto from 'node:crypto';

process.env.SHOTS_DIR ??= '/tmp/shots-portal-pay';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const procedureCode = '2.000720';
const agencyCode = '000.41.00.H40';
const eid = { personalId: '036090001234', password: 'Vneid@2026' };
const samplePdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

const browser = await launch();
const findings = [];

/** The CSRF token of the page's session: a signed-in citizen's own, else the anonymous one. */
async function csrfOf(page) {
  const request = page.context().request;
  const me = await request.get(`${base}/api/v1/auth/citizen/me`);
  if (me.ok()) return (await me.json()).csrfToken;
  return (await (await request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
}

/** JSON from the API with the page's cookies; writes echo the CSRF token. */
async function api(page, method, path, body) {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = await csrfOf(page);
    headers['idempotency-key'] = crypto.randomUUID();
  }
  const res = await request.fetch(`${base}/api/v1${path}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
}

/** Files the dossier online (as `page`'s visitor, signed in or not) and has the officer receive it. */
async function fileAndReceive(page, officer, applicantName) {
  const request = page.context().request;
  const csrf = await csrfOf(page);
  const upload = await request.post(`${base}/api/v1/public/files`, {
    headers: { 'x-csrf-token': csrf },
    multipart: { file: { name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf) } },
  });
  const file = await upload.json();
  if (!upload.ok()) throw new Error(`upload: ${upload.status()} ${JSON.stringify(file)}`);
  const submitted = await api(page, 'POST', '/public/dossiers', {
    procedureCode, agencyCode,
    applicant: { kind: 'citizen', name: applicantName, idNumber: eid.personalId, phone: '0912345678' },
    components: [{ index: 0, fileIds: [file.id] }],
    uploadTokens: { [file.id]: file.uploadToken },
  });
  const found = await api(officer, 'GET', `/dossiers?view=all&q=${encodeURIComponent(submitted.code)}`);
  await api(officer, 'POST', `/dossiers/${found.items.find((d) => d.code === submitted.code).id}/actions`, { action: 'receive' });
  console.log(`  ${submitted.code} filed online and received, security code ${submitted.accessSecret}`);
  return { code: submitted.code, secret: submitted.accessSecret };
}

/** Shoots the page at each size from its top, and runs axe on it. */
async function look(page, name) {
  for (const viewport of [desktop, mobile]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const full = `${name}-${viewport.width}`;
    await shot(page, full);
    findings.push(...(await axe(page, full)).map((v) => `${full}: ${v.id}`));
  }
}

/** On the sandbox's page: chooses a bank and presses a button; waits to be back on Motcua. */
async function atGateway(page, button) {
  await page.waitForURL(/\/dev-payments\/vnpay\/paymentv2\/vpcpay\.html/);
  await page.getByLabel(/Vietcombank/).check();
  await page.getByRole('button', { name: new RegExp(`^${button} `) }).click();
  await page.waitForURL(/[?&]thanh-toan=/);
}

try {
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  const visitor = await newPage(browser, { name: 'visitor' });
  const dossier = await fileAndReceive(visitor, officer, 'Phạm Quang Huy');
  const lookup = `${base}/tra-cuu/${encodeURIComponent(dossier.code)}`;

  // The status page: what is owed, the security code and the button.
  await visitor.goto(lookup);
  await visitor.getByTestId('pay-online').waitFor();
  await look(visitor, '01-fee-due');
  await visitor.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await visitor.getByRole('alert').or(visitor.getByText('Vui lòng nhập mã bảo mật.')).first().waitFor();
  await look(visitor, '02-fee-due-no-code');
  await visitor.getByLabel('Mã bảo mật của hồ sơ').fill(dossier.secret);
  await visitor.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();

  // At the gateway, nothing chosen yet: back on Motcua by the order's address, the order is pending.
  await visitor.waitForURL(/\/dev-payments\/vnpay\/paymentv2\/vpcpay\.html/);
  const gateway = visitor.url();
  const reference = new URL(gateway).searchParams.get('vnp_TxnRef');
  await visitor.goto(`${lookup}?thanh-toan=${encodeURIComponent(reference)}`);
  await visitor.locator('[data-payment-status="pending"]').waitFor();
  await look(visitor, '03-return-pending');
  await visitor.locator('[data-payment-status="pending-later"]').waitFor({ timeout: 60_000 });
  await look(visitor, '04-return-pending-later');

  // Cancelled at the gateway, then paid.
  await visitor.goto(gateway);
  await atGateway(visitor, 'Hủy');
  await visitor.locator('[data-payment-status="cancelled"]').waitFor();
  await look(visitor, '05-return-cancelled');
  await visitor.getByRole('button', { name: 'Thanh toán lại' }).click();
  await atGateway(visitor, 'Thanh toán');
  await visitor.locator('[data-payment-status="paid"]').waitFor();
  await look(visitor, '06-return-paid');

  // The same return in another browser, in English: the code is asked, then the outcome shown.
  const other = await newPage(browser, { name: 'other', language: 'en' });
  await other.goto(visitor.url());
  await other.locator('[data-payment-status="proof"]').waitFor();
  await look(other, '07-return-asks-code-en');
  await other.getByLabel(/security code/i).fill(dossier.secret);
  await other.getByRole('button', { name: 'Show the result' }).click();
  await other.locator('[data-payment-status="paid"]').waitFor();
  await look(other, '07-return-paid-en');

  // "Hồ sơ của tôi", signed in with the e-ID: a dossier of this citizen with its fee due.
  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/ho-so-cua-toi`);
  await citizen.getByRole('link', { name: /VNeID/ }).first().click();
  await citizen.getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(eid.personalId);
  await citizen.getByLabel('Mật khẩu').fill(eid.password);
  await citizen.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await citizen.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
  const mine = await fileAndReceive(citizen, officer, 'Nguyễn Văn An');
  await citizen.goto(`${base}/ho-so-cua-toi/${encodeURIComponent(mine.code)}`);
  await citizen.getByTestId('pay-online').waitFor();
  await look(citizen, '08-my-dossier-fee-due');
  await citizen.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await atGateway(citizen, 'Thanh toán');
  await citizen.locator('[data-payment-status="paid"]').waitFor();
  await look(citizen, '09-my-dossier-paid');
} finally {
  await browser.close();
}
if (problems.length) console.log(problems.join('\n'));
if (findings.length) {
  console.log(`axe: ${findings.length} critical or serious findings\n  ${findings.join('\n  ')}`);
  process.exitCode = 1;
}
