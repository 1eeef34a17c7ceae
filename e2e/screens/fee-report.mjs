#!/usr/bin/env node
// Screenshots and axe-core of the fee section of the managers' report page (not part of the test
// suite): "Phí, lệ phí" with its cards and the table per agency, then per procedure, for the
// province manager over the last four months (the demo's recent history has fees). 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3457 SHOTS_DIR=/tmp/shots-fees node e2e/screens/fee-report.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-fees';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const browser = await launch();
const findings = [];
try {
  const manager = await newPage(browser, { name: 'manager' });
  await signIn(manager, 'quanly.tinh');
  // The period picker's "4 months" is not a preset: an explicit range shared with the rest of the page.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 125 * 86_400_000).toISOString().slice(0, 10);
  for (const viewport of [desktop, mobile]) {
    const suffix = viewport === desktop ? 'desktop' : 'mobile';
    await manager.setViewportSize(viewport);
    await manager.goto(`${base}/console/bao-cao?from=${from}&to=${today}`);
    await manager.getByTestId('console-reports').waitFor();
    const section = manager.getByTestId('report-fees');
    await section.getByTestId('fee-table').waitFor();
    await section.scrollIntoViewIfNeeded();
    await shot(manager, `20-fees-${suffix}`, { fullPage: false });
    await section.screenshot({ path: `${process.env.SHOTS_DIR}/21-fees-section-${suffix}.png` });
    findings.push(...await axe(manager, `20-fees-${suffix}`));
    await section.locator('label', { hasText: 'Thủ tục' }).click();
    await section.locator('[data-group="DEMO.009"], [data-group="2.000720"]').first().waitFor();
    await section.screenshot({ path: `${process.env.SHOTS_DIR}/22-fees-by-procedure-${suffix}.png` });
    findings.push(...await axe(manager, `22-fees-by-procedure-${suffix}`));
    await section.locator('label', { hasText: 'Đơn vị' }).click();
  }
} finally {
  await browser.close();
}
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'no console errors');
console.log(findings.length ? `${findings.length} serious axe findings` : 'axe: no serious findings');
