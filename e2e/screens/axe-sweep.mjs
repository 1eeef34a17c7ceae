#!/usr/bin/env node
// axe-core on every page of the console and the portal (not part of the test suite): starts a demo
// server (unless MOTCUA_URL names one), signs in with each demo staff role and with the demo
// citizen (VNeID), visits every route of apps/web/src/app/routes.tsx that the role reaches (the
// side menu's sections, their "new" pages and the first item of each list), at 1366×768 and
// 390×844, and counts axe's WCAG 2.1 A/AA findings (elements) by page and impact. Writes the counts
// to $SHOTS_DIR/axe-sweep.json; exits 1 when any is critical or serious.
//   SHOTS_DIR=/tmp/axe-sweep node e2e/screens/axe-sweep.mjs
// Needs a current build of apps/web (npm run build).
import fs from 'node:fs';
import path from 'node:path';
import { startDemoServer } from './server.mjs';

process.env.SHOTS_DIR ??= '/tmp/axe-sweep';
const server = process.env.MOTCUA_URL ? undefined : await startDemoServer();
if (server) process.env.MOTCUA_URL = server.baseUrl;
const { axeResults, desktop, launch, mobile, newPage, outDir, problems, signIn } = await import('./lib.mjs');
const base = process.env.MOTCUA_URL;

const staff = { officer: 'canbo.giaothuy', specialist: 'chuyenvien.giaothuy', leader: 'lanhdao.giaothuy', manager: 'quanly.tinh', admin: 'quantri' };
/** Pages reached from a menu section that are not in the menu: "new" forms and the first item of a list. */
/** The first link to `path` on the section's page (or, `here`, on the page just checked). */
const first = (path, here = false) => ({ like: new RegExp(`^${path.replace(':id', '(?!moi$|bao-cao$|den$|di$|nhiem-vu$)[^/]+')}$`), key: path, here });
const below = {
  '/console/van-ban': ['/console/van-ban/den/moi', '/console/van-ban/di/moi', first('/console/van-ban/:id')],
  '/console/phan-anh': ['/console/phan-anh/moi', first('/console/phan-anh/:id')],
  '/console/cai-cach': ['/console/cai-cach/bao-cao', first('/console/cai-cach/:id'), first('/console/cai-cach/nhiem-vu/:id', true)],
  '/console/khao-sat': ['/console/khao-sat/moi', first('/console/khao-sat/:id')],
  '/console/ho-so': [first('/console/ho-so/:id')],
  '/console/quan-tri': ['/console/quan-tri?tab=lich-nghi', '/console/quan-tri?tab=tai-khoan', '/console/quan-tri?tab=nhat-ky', '/console/quan-tri?tab=chi-so'],
};
const portal = ['/', '/thu-tuc', '/thu-tuc/thay-doi', '/thu-tuc/DEMO.009', '/nop-ho-so/DEMO.009', '/tra-cuu', '/phan-anh', '/khao-sat', '/danh-gia', '/console/dang-nhap', '/khong-co-trang-nay'];
const citizenPages = ['/ho-so-cua-toi', { like: /^\/ho-so-cua-toi\/[^/]+$/, key: '/ho-so-cua-toi/:code' }, '/kho-du-lieu', '/tai-khoan/thong-bao'];

/** page → impact → elements; page → rule → elements. */
const counts = {};
const rules = {};
const visited = [];
const failed = [];

/** Waits for the page to settle: a heading, then no loader or skeleton left. */
async function settle(page) {
  await page.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => {});
  await page.locator('.mantine-Loader-root, .mantine-Skeleton-root').first().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => {});
  await page.waitForTimeout(400);
}

/**
 * Runs axe at both sizes on `url` and adds its findings under `key` (the route as routes.tsx names
 * it), unless that route was checked already (the console's home differs by role: each has its
 * own key).
 */
async function check(page, url, key, who) {
  if (counts[key]) return;
  counts[key] = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const viewport of [desktop, mobile]) {
    await page.setViewportSize(viewport);
    await page.goto(`${base}${url}`);
    await settle(page);
    const result = await axeResults(page).catch((error) => {
      console.log(`  ${who} ${url} @${viewport.width}: axe failed: ${error.message.split('\n')[0]}`);
      failed.push(`${who} ${url} ${viewport.width}`);
      return { violations: [] };
    });
    for (const v of result.violations) {
      counts[key][v.impact] += v.nodes.length;
      const rule = `${v.impact} ${v.id}`;
      rules[key] ??= {};
      rules[key][rule] ??= { elements: 0, where: new Set(), example: v.nodes[0].target.join(' ') };
      rules[key][rule].elements += v.nodes.length;
      rules[key][rule].where.add(`${who}@${viewport.width}`);
    }
    visited.push(`${who} ${url} ${viewport.width}`);
    console.log(`  ${who} ${url} @${viewport.width}: ${result.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`).join(', ') || 'none'}`);
  }
}

/** The first link on the page whose path matches `pattern`. */
async function firstLink(page, pattern) {
  for (let tries = 0; tries < 20; tries++) {
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const found = hrefs.find((h) => pattern.test(h.split(/[?#]/)[0]));
    if (found) return found;
    await page.waitForTimeout(500);
  }
  return undefined;
}


const browser = await launch();
try {
  for (const [role, username] of Object.entries(staff)) {
    console.log(`== ${role} (${username})`);
    const page = await newPage(browser, { name: role });
    await signIn(page, username);
    const sections = await page.getByRole('navigation', { name: 'Chức năng' }).locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const section of sections) {
      const key = section === '/console' ? `/console (${role})` : section;
      const subs = below[section] ?? [];
      // A list's first item is looked for at most once per list (the list's own check opened it).
      const keyOf = (sub) => (typeof sub === 'string' ? sub : sub.key);
      if (counts[key] && subs.every((sub) => counts[keyOf(sub)])) continue;
      await check(page, section, key, role);
      for (const sub of subs) {
        if (counts[keyOf(sub)]) continue;
        let url = sub;
        if (typeof sub !== 'string') {
          if (!sub.here && page.url() !== `${base}${section}`) { await page.goto(`${base}${section}`); await settle(page); }
          url = await firstLink(page, sub.like);
          if (!url) { console.log(`  no link like ${sub.key} on ${section}`); continue; }
        }
        await check(page, url, keyOf(sub), role);
      }
    }
    await page.context().close();
  }

  console.log('== visitor');
  const visitor = await newPage(browser, { name: 'visitor' });
  for (const url of portal) await check(visitor, url, url === '/khong-co-trang-nay' ? '* (not found)' : url, 'visitor');
  // A dossier's public status, from the first of the demo citizen's dossiers below.

  console.log('== citizen (036090001234)');
  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/`);
  await citizen.getByRole('link', { name: /Đăng nhập VNeID/ }).click();
  await citizen.locator('input#login').fill('036090001234');
  await citizen.locator('input#password').fill('Vneid@2026');
  await citizen.locator('button[type=submit]').first().click();
  await citizen.waitForURL((u) => !u.pathname.startsWith('/dev-idp'));
  for (const sub of citizenPages) {
    let url = sub;
    if (typeof sub !== 'string') {
      await citizen.goto(`${base}/ho-so-cua-toi`);
      await settle(citizen);
      url = await firstLink(citizen, sub.like);
      if (!url) { console.log(`  no link like ${sub.key}`); continue; }
      await check(citizen, url, sub.key, 'citizen');
      // The same dossier's public status page.
      url = `/tra-cuu/${url.split('/').pop()}`;
    }
    await check(citizen, url, url.startsWith('/tra-cuu/') ? '/tra-cuu/:code' : url, 'citizen');
  }
} finally {
  await browser.close();
  await server?.stop();
}

const pages = Object.keys(counts).sort();
const total = { critical: 0, serious: 0, moderate: 0, minor: 0 };
console.log(`\n${'page'.padEnd(36)} critical serious moderate minor`);
for (const key of pages) {
  const c = counts[key];
  for (const impact of Object.keys(total)) total[impact] += c[impact];
  console.log(`${key.padEnd(36)} ${String(c.critical).padStart(8)} ${String(c.serious).padStart(7)} ${String(c.moderate).padStart(8)} ${String(c.minor).padStart(5)}`);
  for (const [rule, r] of Object.entries(rules[key] ?? {})) console.log(`    ${rule}: ${r.elements} (${[...r.where].join(', ')}) e.g. ${r.example}`);
}
console.log(`${'all pages'.padEnd(36)} ${String(total.critical).padStart(8)} ${String(total.serious).padStart(7)} ${String(total.moderate).padStart(8)} ${String(total.minor).padStart(5)}`);
console.log(`${visited.length} visits (page × size)${failed.length ? `; axe failed on ${failed.join(', ')}` : ''}`);
if (problems.length) console.log(`console problems:\n  ${problems.join('\n  ')}`);
fs.writeFileSync(path.join(outDir, 'axe-sweep.json'), JSON.stringify({ counts, rules, visited }, (k, v) => (v instanceof Set ? [...v] : v), 2));
process.exitCode = total.critical + total.serious ? 1 : 0;
