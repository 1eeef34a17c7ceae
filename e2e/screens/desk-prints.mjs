#!/usr/bin/env node
// Screenshots and axe-core of the inbox's two desk prints (not part of the test suite): the
// tracking book (form 07) and the QR posters dialogs, which share the choice of the counter;
// 1366×768 and 390×844, as the demo's officer.
//   MOTCUA_URL=http://localhost:3349 SHOTS_DIR=/tmp/shots-desk node e2e/screens/desk-prints.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-desk';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const browser = await launch();
const bad = [];
try {
  const page = await newPage(browser, { name: 'officer' });
  await signIn(page, process.env.OFFICER ?? 'canbo.giaothuy');
  for (const size of [desktop, mobile]) {
    await page.setViewportSize(size);
    const tag = `${size.width}`;
    for (const [name, button] of [['tracking-book', 'Sổ theo dõi (mẫu 07)'], ['qr-posters', 'In áp phích QR']]) {
      await page.goto(`${base}/console/ho-so`);
      await page.getByTestId('console-inbox').waitFor();
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The counter is preselected when the agency has one open counter.
      await dialog.getByLabel('Bộ phận một cửa').first().waitFor();
      await page.waitForTimeout(600); // the modal's opening transition
      await shot(page, `desk-${tag}-${name}`, { fullPage: false });
      bad.push(...await axe(page, `${name} ${tag}`));
      await page.keyboard.press('Escape');
    }
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(`  problem: ${p}`);
console.log(bad.length ? `${bad.length} critical/serious axe findings` : 'axe: no critical or serious findings');
