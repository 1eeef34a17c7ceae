#!/usr/bin/env node
// Screenshots and axe-core of a dossier's fees (not part of the test suite): the console's
// "Phí, lệ phí" panel before and after a payment at the counter, its payment, refund and reversal
// dialogs (with a refusal from the server), and the fees of one's own dossier in "Hồ sơ của tôi";
// each at 1366×768 and 390×844. Then the electronic receipt PDF rendered with pdftoppm -r 60.
//   MOTCUA_URL=http://localhost:3317 SHOTS_DIR=/tmp/shots-fees node e2e/screens/fee-account.mjs
// Needs a server with a demo database serving a current build of apps/web. Each run receives one
// dossier of procedure DEMO.009 (50.000 đồng) at the counter for the demo citizen 036090001234.
/* global window, document */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

process.env.SHOTS_DIR ??= '/tmp/shots-fees';
const { base, desktop, launch, looker, mobile, newPage, outDir, problems, signIn } = await import('./lib.mjs');

const citizenId = '036090001234';
const sizes = [desktop, mobile];
const browser = await launch();
const findings = [];
/** Findings elsewhere on the page (the dossier's header and actions): reported, not this script's. */
const pageFindings = [];
const overflow = [];

// The whole page as the other scripts check it, then this script's own part of it alone.
const { look } = looker({
  findings: pageFindings, overflow, sizes,
  then: async (page, full) => {
    const mine = await page.evaluate(async () => {
      const include = [...document.querySelectorAll('[data-testid="dossier-fees"], [data-testid="my-dossier-fees"], [role="dialog"]')];
      if (!include.length) return [];
      const result = await window.axe.run(include, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    console.log(`  axe ${full}, fees panel and dialog only: ${mine.length ? mine.join('; ') : 'no critical or serious findings'}`);
    findings.push(...mine.map((v) => `${full} (fees): ${v}`));
  },
});
const api = async (page, method, url, body) => {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = (await (await request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
  const res = await request.fetch(`${base}/api/v1${url}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
};
const panel = (page) => page.getByTestId('dossier-fees');
/** Shows the panel at both sizes. */
const showPanel = async (page, url, name, ready) => {
  for (const viewport of sizes) {
    await page.setViewportSize(viewport);
    await page.goto(`${base}${url}`);
    await ready(page);
    await panel(page).scrollIntoViewIfNeeded();
    await look(page, name, viewport, { keepScroll: true, fullPage: false });
  }
};
/** Opens a dialog from the panel, fills it, shoots it at both sizes, and submits (or cancels). */
const dialogStep = async (page, open, title, name, fill, { submit = true } = {}) => {
  await page.setViewportSize(desktop);
  await open(page).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  for (const viewport of sizes) await look(page, name, viewport, { fullPage: false, keepScroll: true });
  await page.setViewportSize(desktop);
  if (!submit) {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    return dialog;
  }
  await dialog.getByTestId('fee-submit').click();
  return dialog;
};

try {
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  const procedure = await api(officer, 'GET', '/public/procedures/DEMO.009');
  const intake = await api(officer, 'POST', '/dossiers', {
    procedureCode: 'DEMO.009', applicant: { name: 'Nguyễn Văn An', idNumber: citizenId, address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng' },
    components: procedure.components.map((_, index) => ({ index, received: true })), resultDelivery: 'counter',
  });
  const url = `/console/ho-so/${intake.id}`;
  await showPanel(officer, url, '10-fees-unpaid', (p) => panel(p).getByTestId('fee-payment').waitFor());

  // A payment larger than what is owed: the server's refusal, as it words it.
  const tooMuch = await dialogStep(officer, (p) => panel(p).getByTestId('fee-payment'), 'Thu phí, lệ phí', '11-payment-dialog', async (dialog) => {
    await dialog.getByTestId('fee-amount').fill('60.000');
  });
  await tooMuch.getByRole('alert').waitFor();
  for (const viewport of sizes) await look(officer, '12-payment-refused', viewport, { fullPage: false, keepScroll: true });
  await officer.setViewportSize(desktop);
  await tooMuch.getByTestId('fee-amount').fill('50.000');
  await tooMuch.getByText('Chuyển khoản', { exact: true }).click();
  await tooMuch.getByTestId('fee-submit').click();
  // Recording signs the receipt: give it time on a busy machine.
  await tooMuch.waitFor({ state: 'detached', timeout: 90_000 });
  await panel(officer).getByText('Đã nộp đủ').waitFor();
  await showPanel(officer, url, '13-fees-paid', (p) => panel(p).getByText('Đã nộp đủ').waitFor());

  await dialogStep(officer, (p) => panel(p).getByTestId('fee-refund'), 'Hoàn trả', '14-refund-dialog', async (dialog) => {
    await dialog.getByTestId('fee-reason').fill('Người nộp được giảm 50% theo quyết định của UBND tỉnh');
  }, { submit: false });
  const reverse = (p) => panel(p).getByRole('button', { name: /^Hủy bút toán/ }).first();
  const reversal = await dialogStep(officer, reverse, 'Hủy bút toán', '15-reversal-dialog', async (dialog) => {
    await dialog.getByTestId('fee-reason').fill('Ghi nhầm hình thức thanh toán (tiền mặt, không phải chuyển khoản)');
  });
  await reversal.waitFor({ state: 'detached', timeout: 90_000 });
  await api(officer, 'POST', `/dossiers/${intake.id}/fees/payments`, { method: 'cash' });
  await showPanel(officer, url, '16-fees-corrected', (p) => panel(p).getByText('Đã hủy').waitFor());

  const account = await api(officer, 'GET', `/dossiers/${intake.id}/fees`);
  const receipt = account.entries.at(-1).receipt;
  const pdf = await officer.context().request.get(`${base}${receipt.pdf}`);
  const file = path.join(outDir, 'receipt.pdf');
  fs.writeFileSync(file, await pdf.body());
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(outDir, 'receipt')]);
  console.log(`  receipt ${file} (signed: ${receipt.signed})`);

  // ---- The citizen's own dossier ---------------------------------------------------------------
  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/`);
  await citizen.getByRole('link', { name: /Đăng nhập VNeID/ }).click();
  await citizen.locator('input#login').fill(citizenId);
  await citizen.locator('input#password').fill('Vneid@2026');
  await citizen.locator('button[type=submit]').first().click();
  await citizen.waitForURL((u) => !u.pathname.startsWith('/dev-idp'));
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/ho-so-cua-toi/${encodeURIComponent(intake.code)}`);
    const fees = citizen.getByTestId('my-dossier-fees');
    await fees.getByTestId('fee-entries').waitFor();
    await fees.scrollIntoViewIfNeeded();
    await look(citizen, '20-my-dossier-fees', viewport, { keepScroll: true, fullPage: false });
  }
} finally {
  await browser.close();
}
console.log(`axe critical/serious in the fees panel and dialogs: ${findings.length ? findings.join('; ') : 'none'}`);
console.log(`axe critical/serious elsewhere on the page: ${pageFindings.length ? [...new Set(pageFindings.map((f) => f.split(': ')[1]))].join(', ') + ` (${pageFindings.length} shots)` : 'none'}`);
console.log(`wider than the viewport: ${overflow.length ? overflow.join('; ') : 'none'}`);
console.log(`console problems: ${problems.length ? problems.join('; ') : 'none'}`);
