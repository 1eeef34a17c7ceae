#!/usr/bin/env node
// Screenshots and axe-core of the officer's daily pages (not part of the test suite): the
// workspace, the inbox and a dossier, at 1280×720, 1366×768 and 390×844; and whether the inbox
// scrolls sideways (it must not at 1280 px and wider).
//   MOTCUA_URL=http://localhost:3349 SHOTS_DIR=/tmp/shots-officer node e2e/screens/officer.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-officer';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const sizes = [{ width: 1280, height: 720 }, desktop, mobile];
const user = process.env.OFFICER ?? 'canbo.giaothuy';
const browser = await launch();
const bad = [];
try {
  const page = await newPage(browser, { name: 'officer' });
  await signIn(page, user);
  for (const size of sizes) {
    await page.setViewportSize(size);
    const tag = `${size.width}`;
    await page.goto(`${base}/console`);
    await page.getByTestId('console-home').waitFor();
    await page.locator('[data-count="inbox"]').getByText(/^\d/).first().waitFor();
    await shot(page, `officer-${tag}-workspace`);
    bad.push(...await axe(page, `workspace ${tag}`));

    await page.goto(`${base}/console/ho-so`);
    await page.getByTestId('console-inbox').waitFor();
    await page.locator('a[data-row-link]').first().waitFor();
    const overflow = await page.evaluate(() => {
      // eslint-disable-next-line no-undef
      const table = document.querySelector('table');
      const box = table?.parentElement;
      // eslint-disable-next-line no-undef
      return { table: box ? box.scrollWidth - box.clientWidth : null, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    console.log(`  inbox ${tag}: sideways overflow of the table ${overflow.table}px, of the page ${overflow.page}px`);
    await shot(page, `officer-${tag}-inbox`, { fullPage: false });
    bad.push(...await axe(page, `inbox ${tag}`));

    await page.locator('a[data-row-link]').first().click();
    await page.getByTestId('console-dossier').waitFor();
    await shot(page, `officer-${tag}-dossier`);
    bad.push(...await axe(page, `dossier ${tag}`));
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(`  problem: ${p}`);
console.log(bad.length ? `${bad.length} critical/serious axe findings` : 'axe: no critical or serious findings');
