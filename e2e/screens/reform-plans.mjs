#!/usr/bin/env node
// Screenshots and axe-core of the administrative-reform plans (not part of the test suite), each at
// 1366×768 and 390×844: the plans of the year, the demo plan of xã Giao Thủy with its overdue tasks
// highlighted (all, and filtered to the overdue ones), the new-plan and new-task dialogs, a task
// the officer's unit leads (progress and result forms, timeline with evidence), a task it only
// coordinates, a task done, the report page; the plan in English; and the report's PDF and XLSX
// saved beside the shots; and the unit field of a staff account in the administration.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/reform-shots node e2e/screens/reform-plans.mjs
// Needs a server with a demo database (its demo data makes xã Giao Thủy's plan) serving a current
// build of apps/web.
import fs from 'node:fs';
import path from 'node:path';

process.env.SHOTS_DIR ??= '/tmp/reform-shots';
const { base, desktop, launch, looker, mobile, newPage, outDir, problems, signIn } = await import('./lib.mjs');

const sizes = [desktop, mobile];
const browser = await launch();
const findings = [];
const lesser = [];
const overflow = [];

const { look, visit } = looker({ findings, lesser, overflow, sizes });
const api = async (page, url) => {
  const res = await page.context().request.get(`${base}/api/v1${url}`, { headers: { accept: 'application/json' } });
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
  return res.json();
};
const dialog = async (page, button, name, title) => {
  for (const viewport of sizes) {
    await page.setViewportSize(viewport);
    await page.getByRole('button', { name: button, exact: true }).first().click();
    const box = page.getByRole('dialog', { name: title });
    await box.waitFor();
    await look(page, name, viewport, { fullPage: false, keepScroll: true });
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'detached' });
  }
};

try {
  const manager = await newPage(browser, { name: 'manager' });
  await signIn(manager, 'lanhdao.giaothuy');
  const [plan] = (await api(manager, '/reform-plans')).items;
  if (!plan) throw new Error('no demo reform plan: start the server on a fresh demo database');
  const tasks = (await api(manager, `/reform-plans/${plan.id}`)).tasks;
  const tasksTable = (p) => p.getByTestId('reform-plan-tally').waitFor();

  await visit(manager, `/console/cai-cach?nam=${plan.year}`, '80-reform-plans', (p) => p.getByTestId('reform-plans').waitFor());
  await dialog(manager, 'Lập kế hoạch', '81-reform-new-plan', 'Lập kế hoạch cải cách hành chính');
  await visit(manager, `/console/cai-cach/${plan.id}`, '82-reform-plan', tasksTable);
  await dialog(manager, 'Thêm nhiệm vụ', '83-reform-new-task', 'Thêm nhiệm vụ');
  await visit(manager, `/console/cai-cach/${plan.id}?qua-han=1`, '84-reform-plan-overdue', tasksTable);
  const overdue = tasks.find((x) => x.overdue && x.progress > 0) ?? tasks.find((x) => x.overdue);
  await visit(manager, `/console/cai-cach/nhiem-vu/${overdue.id}`, '85-reform-task-overdue', (p) => p.getByTestId('reform-task-title').waitFor());
  const done = tasks.find((x) => x.state === 'done_late') ?? tasks.find((x) => x.state === 'done_on_time');
  await visit(manager, `/console/cai-cach/nhiem-vu/${done.id}`, '86-reform-task-done', (p) => p.getByTestId('reform-timeline').waitFor());
  await visit(manager, `/console/cai-cach/bao-cao?nam=${plan.year}`, '87-reform-report', (p) => p.getByTestId('reform-report-units').waitFor());

  // The officer works in Văn phòng - Thống kê: a task it leads (with evidence), one it coordinates.
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  const mine = (await api(officer, `/reform-plans/${plan.id}`)).tasks;
  const led = mine.find((x) => x.part === 'lead' && x.state === 'in_progress' && x.lastReportedOn) ?? mine.find((x) => x.part === 'lead');
  await visit(officer, `/console/cai-cach/${plan.id}`, '88-reform-plan-officer', tasksTable);
  await visit(officer, `/console/cai-cach/nhiem-vu/${led.id}`, '89-reform-task-lead', (p) => p.getByTestId('reform-timeline').waitFor());
  const coordinated = mine.find((x) => x.part === 'coordinating' && !x.state.startsWith('done'));
  if (coordinated) await visit(officer, `/console/cai-cach/nhiem-vu/${coordinated.id}`, '90-reform-task-coordinating', (p) => p.getByTestId('reform-task-title').waitFor());

  const english = await newPage(browser, { name: 'english', language: 'en' });
  await signIn(english, 'lanhdao.giaothuy');
  await visit(english, `/console/cai-cach/${plan.id}`, '91-reform-plan-en', tasksTable);

  // The administrator sets the unit a staff account works in (the staff drawer's profile).
  const admin = await newPage(browser, { name: 'admin' });
  await signIn(admin, 'quantri');
  const [account] = (await api(admin, '/users?q=canbo.giaothuy')).items;
  await visit(admin, `/console/quan-tri?tab=tai-khoan&user=${account.id}`, '92-staff-unit', (p) => p.getByTestId('staff-unit').waitFor(), { fullPage: false });

  for (const format of ['pdf', 'xlsx']) {
    const res = await manager.context().request.get(`${base}/api/v1/reform-plans/report.${format}?year=${plan.year}`);
    if (!res.ok()) throw new Error(`report.${format}: ${res.status()}`);
    fs.writeFileSync(path.join(outDir, `reform-report.${format}`), await res.body());
  }
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
