#!/usr/bin/env node
// Screenshots and axe-core of the public procedure page and the search results (not part of the
// test suite): a national procedure with an e-form and conditions (1.000894), one with an
// internal code (DEMO.018, no "Mã thủ tục" shown), one in calendar days with fees (DEMO.012), and
// the results of a search, at 1280×800, 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/shots-procedure node e2e/screens/procedure-page.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-procedure';
const { axe, base, desktop, launch, mobile, newPage, problems, shot } = await import('./lib.mjs');

const browser = await launch();
const findings = [];
try {
  for (const [size, viewport] of [['1280', { width: 1280, height: 800 }], ['1366', desktop], ['390', mobile]]) {
    const page = await newPage(browser, { viewport, name: `portal-${size}` });
    for (const code of ['1.000894', 'DEMO.018', 'DEMO.012']) {
      await page.goto(`${base}/thu-tuc/${code}`);
      await page.getByTestId('procedure-facts').waitFor();
      await shot(page, `procedure-${code}-${size}`);
      findings.push(...await axe(page, `${code} ${size}`));
    }
    await page.goto(`${base}/thu-tuc?q=${encodeURIComponent('cư trú')}`);
    await page.getByRole('article').first().waitFor();
    await shot(page, `search-${size}`);
    findings.push(...await axe(page, `search ${size}`));
    await page.context().close();
  }
} finally {
  await browser.close();
}
if (problems.length) console.log(problems.join('\n'));
console.log(findings.length ? `${findings.length} critical or serious findings` : 'axe: no critical or serious findings');
process.exit(findings.length || problems.length ? 1 : 0);
