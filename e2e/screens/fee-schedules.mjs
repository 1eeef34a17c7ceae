#!/usr/bin/env node
// Screenshots and axe-core of fee schedules (not part of the test suite): the portal's page of a
// procedure with fees and charges by case, an online reduction and exemptions (DEMO.014), of one
// whose fee is paid before processing (DEMO.016), and the counter intake's papers step for
// DEMO.015 (a commune's procedure) with an exemption chosen. Each at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/shots-fees node e2e/screens/fee-schedules.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-fees';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const browser = await launch();
const findings = [];
try {
  for (const [size, viewport] of [['desktop', desktop], ['mobile', mobile]]) {
    const page = await newPage(browser, { viewport, name: `portal-${size}` });
    for (const code of ['DEMO.014', 'DEMO.016']) {
      await page.goto(`${base}/thu-tuc/${code}`);
      await page.getByTestId('fee-schedule').waitFor();
      await shot(page, `fees-${code}-${size}`);
      findings.push(...await axe(page, `${code} ${size}`));
    }
    await page.context().close();

    const officer = await newPage(browser, { viewport, name: `intake-${size}` });
    await signIn(officer, 'canbo.giaothuy');
    await officer.goto(`${base}/console/tiep-nhan`);
    await officer.getByTestId('console-intake').waitFor();
    await officer.keyboard.type('thường trú');
    await officer.getByRole('option').first().waitFor();
    await officer.keyboard.press('Enter');
    await officer.locator('input[name=applicant-name]').waitFor();
    await officer.locator('input[name=applicant-name]').fill('Lê Văn Thành');
    await officer.locator('input[name=applicant-id]').fill('036090004321');
    await officer.locator('input[name=applicant-phone]').fill('0912 000 111');
    await officer.getByTestId('intake-next').click();
    await officer.getByTestId('fee-schedule').waitFor();
    await officer.getByPlaceholder('Không miễn, giảm').click();
    await officer.getByRole('option', { name: /Hộ nghèo/ }).click();
    await shot(officer, `fees-intake-${size}`);
    findings.push(...await axe(officer, `intake ${size}`));
    await officer.context().close();
  }
} finally {
  await browser.close();
}
if (problems.length) console.log(problems.join('\n'));
console.log(findings.length ? `${findings.length} serious or critical axe findings` : 'axe: no serious or critical findings');
