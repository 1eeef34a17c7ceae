#!/usr/bin/env node
// Screenshots and axe-core of the notification screens (not part of the test suite): the console's
// "Thông báo" (list, a failed message open beside it, filtered to failures), a dossier's page with
// its messages, "Mẫu thông báo" (an e-mail template, an SMS template with an unknown variable typed
// in), and the citizen's notification settings in the portal. Each at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3347 SHOTS_DIR=/tmp/shots-notifications node e2e/screens/notifications.mjs
// Needs a server with a demo database (it seeds messages of every status) serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-notifications';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const sizes = [desktop, mobile];
const browser = await launch();
const findings = [];
const look = async (page, name, viewport, options) => {
  const suffix = viewport === desktop ? 'desktop' : 'mobile';
  await shot(page, `${name}-${suffix}`, options);
  findings.push(...await axe(page, `${name}-${suffix}`));
};

try {
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/thong-bao`);
    await officer.getByTestId('console-notifications').waitFor();
    await officer.locator('[data-status]:visible').first().waitFor();
    await look(officer, '10-notifications', viewport);
    // A failed message when the demo has one (it seeds one only into an empty ledger), else the latest.
    const anyFailed = (await (await officer.request.get(`${base}/api/v1/notifications?status=failed&limit=1`)).json()).total > 0;
    await officer.goto(`${base}/console/thong-bao${anyFailed ? '?tt=failed' : ''}`);
    const failed = viewport === desktop ? officer.getByTestId('notification-list').getByRole('button').first() : officer.getByTestId('notification-cards').getByRole('button').first();
    await failed.click();
    await officer.getByTestId('notification-detail').waitFor();
    await look(officer, '11-notification-failed-open', viewport, { fullPage: viewport === desktop });
  }
  // A dossier's page with its messages.
  await officer.setViewportSize(desktop);
  await officer.goto(`${base}/console/thong-bao`);
  const link = officer.getByTestId('notification-list').locator('a[href^="/console/ho-so/"]').first();
  const href = await link.getAttribute('href');
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}${href}`);
    await officer.getByTestId('dossier-notifications').locator('[data-status]').first().waitFor();
    await officer.getByTestId('dossier-notifications').scrollIntoViewIfNeeded();
    await look(officer, '12-dossier-messages', viewport, { fullPage: false });
  }

  const admin = await newPage(browser, { name: 'admin' });
  await signIn(admin, 'quantri');
  for (const viewport of sizes) {
    await admin.setViewportSize(viewport);
    await admin.goto(`${base}/console/mau-thong-bao?mau=dossier_received.email`);
    await admin.getByTestId('template-editor').waitFor();
    await admin.getByTestId('template-preview-vi').getByText(/000\.00\.12\.H40/).first().waitFor();
    await look(admin, '20-templates-email', viewport);
    await admin.goto(`${base}/console/mau-thong-bao?mau=supplement_requested.sms`);
    const body = admin.locator('[data-field="body.vi"]');
    await body.waitFor();
    await body.fill('Hồ sơ {{code}} cần bổ sung trước {{hanNop}}. {{link}}');
    await admin.getByText(/\{\{hanNop\}\} không dùng được/).waitFor();
    await look(admin, '21-templates-sms-invalid', viewport);
  }

  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/`);
  await citizen.getByRole('link', { name: /Đăng nhập VNeID/ }).click();
  await citizen.locator('input#login').waitFor();
  await citizen.locator('input#login').fill('036090001234');
  await citizen.locator('input#password').fill('Vneid@2026');
  await citizen.locator('button[type=submit]').first().click();
  await citizen.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/tai-khoan/thong-bao`);
    await citizen.getByRole('switch', { name: /Tin nhắn Zalo/ }).waitFor();
    if (viewport === mobile) await citizen.getByRole('switch', { name: /Tin nhắn Zalo/ }).check({ force: true });
    await look(citizen, '30-citizen-preferences', viewport);
  }
} finally {
  await browser.close();
}
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'no console errors');
console.log(findings.length ? `${findings.length} serious axe findings` : 'axe: no serious findings');
