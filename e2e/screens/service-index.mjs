#!/usr/bin/env node
// Screenshots and axe-core of the service index (not part of the test suite): the section
// "Chỉ số phục vụ người dân, doanh nghiệp" of the managers' report page with the ranking of the
// communes, a unit's detail with what is behind one indicator, and the administrator's tab of
// weight versions; 1366×768 and 390×844, Vietnamese (and the section once in English).
//   MOTCUA_URL=http://localhost:3461 SHOTS_DIR=/tmp/shots-index node e2e/screens/service-index.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-index';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const browser = await launch();
const findings = [];
try {
  // The last whole month before today (Vietnam time): the demo's recent history has dossiers in it.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const to = new Date(Date.parse(`${firstOfMonth}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const from = `${to.slice(0, 7)}-01`;
  for (const language of ['vi', 'en']) {
    const manager = await newPage(browser, { name: `manager-${language}`, language });
    await signIn(manager, 'quanly.tinh');
    for (const viewport of language === 'vi' ? [desktop, mobile] : [desktop]) {
      const suffix = `${viewport === desktop ? 'desktop' : 'mobile'}${language === 'en' ? '-en' : ''}`;
      await manager.setViewportSize(viewport);
      await manager.goto(`${base}/console/bao-cao?from=${from}&to=${to}&kind=custom`);
      await manager.getByTestId('console-reports').waitFor();
      const section = manager.getByTestId('report-index');
      await section.getByTestId('index-ranking').waitFor();
      await section.scrollIntoViewIfNeeded();
      await shot(manager, `30-index-${suffix}`, { fullPage: false });
      await section.screenshot({ path: `${process.env.SHOTS_DIR}/31-index-section-${suffix}.png` });
      findings.push(...await axe(manager, `30-index-${suffix}`));
      if (language === 'en') continue;
      // The first commune's detail, and the dossiers behind its on-time share.
      await section.locator('[data-testid=index-ranking] tbody tr').first().locator('button').click();
      const dialog = manager.getByTestId('index-unit');
      await dialog.waitFor();
      await dialog.locator('button[aria-label="Chi tiết: Hồ sơ giải quyết đúng hạn"]:visible').click();
      await dialog.getByTestId('index-items').locator('tbody tr').first().waitFor();
      await shot(manager, `32-index-unit-${suffix}`, { fullPage: false });
      findings.push(...await axe(manager, `32-index-unit-${suffix}`));
      await dialog.getByTestId('index-items').scrollIntoViewIfNeeded();
      await shot(manager, `33-index-items-${suffix}`, { fullPage: false });
      await manager.keyboard.press('Escape');
    }
  }
  const admin = await newPage(browser, { name: 'admin' });
  await signIn(admin, 'quantri');
  for (const viewport of [desktop, mobile]) {
    const suffix = viewport === desktop ? 'desktop' : 'mobile';
    await admin.setViewportSize(viewport);
    await admin.goto(`${base}/console/quan-tri?tab=chi-so`);
    await admin.getByTestId('index-weights').waitFor();
    await shot(admin, `34-index-weights-${suffix}`, { fullPage: false });
    await shot(admin, `35-index-weights-full-${suffix}`);
    findings.push(...await axe(admin, `34-index-weights-${suffix}`));
  }
} finally {
  await browser.close();
}
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'no console errors');
console.log(findings.length ? `${findings.length} serious axe findings: ${findings.map((f) => f.id).join(", ")}` : "axe: no serious findings");
