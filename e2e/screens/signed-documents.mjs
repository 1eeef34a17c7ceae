#!/usr/bin/env node
// Screenshots and axe-core of the signed documents and the document office (not part of the test
// suite), each at 1366×768 and 390×844: in the console, a dossier's result card with the attach
// (generate), sign and return dialogs; the public verification page /xac-thuc/<id> (found and
// valid, the same file uploaded: matches, a changed file: does not match, an unknown id); the
// public status page with the security-code download box; "Hồ sơ của tôi" with the demo's signed
// result; the document office (register, new incoming, new outgoing, an issued document) and the
// console home's digital-share card.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/screens-shots node e2e/screens/signed-documents.mjs
// Needs a server with a demo database (its demo data signs a result of Nguyễn Văn An's and issues
// documents at xã Giao Thủy) serving a current build of apps/web.
import fs from 'node:fs';
import path from 'node:path';

process.env.SHOTS_DIR ??= '/tmp/screens-shots';
const { base, desktop, launch, looker, mobile, newPage, outDir, problems, signIn } = await import('./lib.mjs');

const citizenId = '036090001234';
const sizes = [desktop, mobile];
const browser = await launch();
const findings = [];
const lesser = [];
const overflow = [];

const { look, visit } = looker({ findings, lesser, overflow, sizes });
const api = async (page, method, url, body) => {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = (await (await request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
  const res = await request.fetch(`${base}/api/v1${url}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
};
const bar = (page) => page.getByRole('region', { name: 'Xử lý hồ sơ' });
/** Opens an action's dialog, shoots it at both sizes, and (unless `cancel`) confirms it. */
const dialogStep = async (page, label, name, fill, { cancel = false } = {}) => {
  await page.setViewportSize(desktop);
  await bar(page).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  for (const viewport of sizes) await look(page, name, viewport, { fullPage: false, keepScroll: true });
  await page.setViewportSize(desktop);
  if (cancel) {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    return;
  }
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Đã thực hiện: ${label}.`, { exact: true }).first().waitFor();
};

try {
  // ---- The console: a marriage registration taken to a signed result -------------------------
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  const intake = await api(officer, 'POST', '/dossiers', {
    procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: citizenId }, components: [{ index: 0, received: true }], resultDelivery: 'counter',
  });
  await api(officer, 'POST', `/dossiers/${intake.id}/actions`, { action: 'transfer' });
  const dossierUrl = `/console/ho-so/${intake.id}`;
  const resultCard = (page) => page.getByTestId('result-document');

  const specialist = await newPage(browser, { name: 'specialist' });
  await signIn(specialist, 'chuyenvien.giaothuy');
  await specialist.goto(`${base}${dossierUrl}`);
  await bar(specialist).waitFor();
  await dialogStep(specialist, 'Đính kèm kết quả điện tử', '30-attach-result-dialog', async (dialog) => {
    await dialog.getByText('Tạo thông báo kết quả', { exact: true }).click();
    await dialog.getByLabel('Kết quả giải quyết').fill('Đăng ký kết hôn; cấp Giấy chứng nhận kết hôn bản chính cho ông Nguyễn Văn An và bà Trần Thị Bình');
    await dialog.getByLabel(/^Họ tên người ký/).fill('Đỗ Văn Hùng');
  });
  await resultCard(specialist).getByText('Chưa ký số').waitFor();
  await visit(specialist, dossierUrl, '31-dossier-result-unsigned', (p) => resultCard(p).getByText('Chưa ký số').waitFor());
  await api(specialist, 'POST', `/dossiers/${intake.id}/actions`, { action: 'forward' });

  const leader = await newPage(browser, { name: 'leader' });
  await signIn(leader, 'lanhdao.giaothuy');
  await api(leader, 'POST', `/dossiers/${intake.id}/actions`, { action: 'resolve' });
  await leader.goto(`${base}${dossierUrl}`);
  await bar(leader).waitFor();
  await dialogStep(leader, 'Ký số kết quả', '32-sign-result-dialog');
  await resultCard(leader).getByText(/Đã ký số/).waitFor();
  await visit(leader, dossierUrl, '33-dossier-result-signed', (p) => resultCard(p).getByText(/Đã ký số/).waitFor());

  await officer.goto(`${base}${dossierUrl}`);
  await bar(officer).waitFor();
  await dialogStep(officer, 'Trả kết quả', '34-return-result-dialog', undefined, { cancel: true });

  const documentId = (await api(leader, 'GET', `/dossiers/${intake.id}`)).resultDocument.id;
  const signed = Buffer.from(await (await leader.context().request.get(`${base}/api/v1/signed-documents/${documentId}/file`)).body());
  fs.writeFileSync(path.join(outDir, 'signed-result.pdf'), signed);

  // ---- The verification page -----------------------------------------------------------------
  const visitor = await newPage(browser, { name: 'visitor' });
  const heading = (p) => p.getByRole('heading', { level: 1 }).waitFor();
  await visit(visitor, `/xac-thuc/${documentId}`, '40-verify-found', (p) => p.getByTestId('signature').first().waitFor());
  const check = async (name, buffer, expected) => {
    for (const viewport of sizes) {
      await visitor.setViewportSize(viewport);
      await visitor.goto(`${base}/xac-thuc/${documentId}`);
      await visitor.getByTestId('signature').first().waitFor();
      await visitor.locator('input[type=file]').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer });
      await visitor.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await visitor.getByTestId('check-outcome').getByText(expected).waitFor();
      await visitor.getByTestId('check-outcome').scrollIntoViewIfNeeded();
      await look(visitor, name, viewport, { keepScroll: true, fullPage: true });
    }
  };
  await check('41-verify-matches', signed, /khớp với văn bản đã ký số/);
  const tampered = Buffer.from(signed);
  tampered[100] ^= 0x01;
  await check('42-verify-changed', tampered, /KHÔNG khớp/);
  await visit(visitor, '/xac-thuc/aaaaaaaaaaaaaaaa', '43-verify-unknown', heading);

  // ---- The public status page with the security-code download box (the demo's signed result) --
  const mine = await newPage(browser, { name: 'citizen' });
  await mine.setViewportSize(desktop);
  await mine.goto(`${base}/`);
  await mine.getByRole('link', { name: /Đăng nhập VNeID/ }).click();
  await mine.locator('input#login').waitFor();
  await mine.locator('input#login').fill(citizenId);
  await mine.locator('input#password').fill('Vneid@2026');
  await mine.locator('button[type=submit]').first().click();
  await mine.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
  const list = await api(mine, 'GET', '/citizen/dossiers');
  const items = list.items ?? list;
  const demoSigned = items.find((d) => d.procedure?.code === 'DEMO.005' || d.procedureCode === 'DEMO.005') ?? items[0];
  console.log(`  demo signed dossier: ${demoSigned?.code}`);
  await visit(mine, '/ho-so-cua-toi', '50-my-dossiers', heading);
  await visit(mine, `/ho-so-cua-toi/${encodeURIComponent(demoSigned.code)}`, '51-my-dossier-signed-result', heading);

  await visit(visitor, `/tra-cuu/${encodeURIComponent(demoSigned.code)}`, '60-lookup-download-box', (p) => p.getByTestId('signed-result').waitFor());
  for (const viewport of sizes) {
    await visitor.setViewportSize(viewport);
    await visitor.goto(`${base}/tra-cuu/${encodeURIComponent(demoSigned.code)}`);
    await visitor.getByTestId('signed-result').waitFor();
    await visitor.getByTestId('result-security-code').fill('ABCD-EFGH');
    await visitor.getByTestId('result-download').click();
    await visitor.getByTestId('signed-result').getByRole('alert').waitFor();
    await visitor.getByTestId('signed-result').scrollIntoViewIfNeeded();
    await look(visitor, '61-lookup-download-wrong-code', viewport, { keepScroll: true });
  }

  // ---- The document office ---------------------------------------------------------------------
  await visit(officer, '/console/van-ban', '70-office-register', (p) => p.getByTestId('document-register').locator('tbody tr').first().waitFor());
  await visit(officer, '/console/van-ban/den/moi', '71-office-new-incoming', heading);
  await visit(officer, '/console/van-ban/di/moi', '72-office-new-outgoing', heading);
  const register = await api(officer, 'GET', '/documents?direction=outgoing');
  const issued = (register.items ?? register).find((d) => d.status === 'issued');
  if (issued) await visit(officer, `/console/van-ban/${issued.id}`, '73-office-document-issued', (p) => p.getByTestId('document-number').waitFor());
  const incoming = (await api(officer, 'GET', '/documents?direction=incoming'));
  const routed = (incoming.items ?? incoming).find((d) => d.status === 'routed');
  if (routed) await visit(officer, `/console/van-ban/${routed.id}`, '74-office-document-routed', (p) => p.getByTestId('document-number').waitFor());
  await visit(leader, '/console', '75-workspace-digital-share', (p) => p.getByTestId('digital-share').waitFor());
} finally {
  await browser.close();
}

console.log(`\naxe critical/serious: ${findings.length}`);
for (const f of findings) console.log(`  ${f}`);
console.log(`axe moderate/minor: ${lesser.length}`);
for (const f of lesser) console.log(`  ${f.page}: ${f.impact} ${f.id}`);
console.log(`wider than the viewport: ${overflow.length}`);
for (const o of overflow) console.log(`  ${o}`);
console.log(`console problems: ${problems.length}`);
for (const p of problems) console.log(`  ${p}`);
