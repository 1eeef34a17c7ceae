#!/usr/bin/env node
// Screenshots and axe-core of the pages that show "overdue" and the rating (not part of the test
// suite): the inbox with its due filters, a dossier, the console home, the report as of now, and
// the public status page of a dossier with a result, where the applicant proves who they are.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/motcua-shots-9 node e2e/screens/timeliness-and-rating.mjs
// Needs a server with a demo database serving a current build of apps/web.
import { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } from './lib.mjs';

const browser = await launch();
const findings = [];
const look = async (page, name, viewport) => {
  await page.setViewportSize(viewport);
  await shot(page, `${name}-${viewport.width}`);
  findings.push(...(await axe(page, `${name}-${viewport.width}`)));
};

try {
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  for (const viewport of [desktop, mobile]) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console`);
    await officer.getByTestId('console-home').waitFor();
    await look(officer, '10-console-home', viewport);
    await officer.goto(`${base}/console/ho-so?view=all`);
    await officer.getByRole('table').first().waitFor();
    await look(officer, '20-inbox-all', viewport);
    await officer.goto(`${base}/console/ho-so?view=all&due=overdue`);
    await officer.waitForLoadState('networkidle');
    await look(officer, '21-inbox-overdue', viewport);
  }
  // A dossier of the list: its header says what the server says of its timeliness.
  await officer.setViewportSize(desktop);
  await officer.goto(`${base}/console/ho-so?view=all`);
  await officer.getByRole('table').first().waitFor();
  await officer.locator('table tbody tr a').first().click();
  await officer.getByTestId('console-dossier').waitFor();
  for (const viewport of [desktop, mobile]) await look(officer, '30-dossier', viewport);

  const manager = await newPage(browser, { name: 'manager' });
  await signIn(manager, 'quanly.tinh');
  await manager.goto(`${base}/console/bao-cao`);
  await manager.getByText(/Số liệu tính đến/).first().waitFor();
  for (const viewport of [desktop, mobile]) await look(manager, '40-report-as-of', viewport);

  // The public page of a dossier with a result: the rating asks for the applicant's proof.
  const listed = await manager.evaluate(async () => {
    const res = await fetch('/api/v1/dossiers?view=all&status=resolved&limit=1');
    return res.json();
  });
  const code = listed.items?.[0]?.code;
  if (!code) throw new Error('no resolved dossier in the demo data');
  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/tra-cuu/${encodeURIComponent(code)}`);
  await citizen.getByRole('heading', { name: code }).waitFor();
  for (const viewport of [desktop, mobile]) await look(citizen, '50-public-rating', viewport);
} finally {
  await browser.close();
}
console.log(`\n${problems.length} console problems${problems.length ? `:\n${problems.join('\n')}` : ''}`);
console.log(`${findings.length} critical or serious axe findings`);
process.exit(findings.length || problems.length ? 1 : 0);
