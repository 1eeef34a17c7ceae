// Helpers for the screenshot journeys (not part of the test suite): a browser, sign-in, shots.
/* global window */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { locateChromium } from '../../scripts/test-env/tools.mjs';

export const base = process.env.MOTCUA_URL ?? 'http://localhost:3300';
export const outDir = path.resolve(process.env.SHOTS_DIR ?? '/tmp/motcua-shots-2');
fs.mkdirSync(outDir, { recursive: true });

export const desktop = { width: 1366, height: 768 };
export const mobile = { width: 390, height: 844 };

/** Chromium as the tests find it (scripts/test-env/tools.mjs): CHROMIUM_PATH, Debian's, or npm's. */
export async function launch() {
  const found = await locateChromium();
  return chromium.launch({
    executablePath: found.path,
    args: [...new Set([...found.args, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'])],
  });
}

export const problems = [];

/** A fresh browser context (own cookies) in New York time: the screen must still show Vietnam's. CSP is bypassed only so that axe() can inject its script. */
export async function newPage(browser, { viewport = desktop, language = 'vi', name = 'page' } = {}) {
  const context = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US', bypassCSP: true });
  await context.addInitScript((lng) => window.localStorage.setItem('motcua.language', lng), language);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type()) && !/Failed to load resource/.test(m.text())) problems.push(`${name}: console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page, username) {
  await page.goto(`${base}/console/dang-nhap`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('Motcua@2026');
  await page.locator('button[type=submit]').click();
  await page.getByTestId('console-home').waitFor();
}

export async function shot(page, name, { fullPage = true } = {}) {
  await page.waitForTimeout(300);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  shot ${file}`);
}

/** A small PNG (a pale "scan") and a minimal PDF, written once. */
export function sampleFiles() {
  const dir = fs.mkdtempSync(path.join(outDir, '.files-'));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 120; const h = 160;
  const raw = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0xe6)])));
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  const scan = path.join(dir, 'to-khai-ket-hon.png');
  fs.writeFileSync(scan, png);
  const pdf = path.join(dir, 'giay-xac-nhan.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const text = path.join(dir, 'ghi-chu.txt');
  fs.writeFileSync(text, 'not a scan');
  return { scan, pdf, text };
}

/** Opens a dossier's action dialog, lets `fill` complete it, confirms, and waits for it to close. */
export async function act(page, action, fill, shotName) {
  await page.locator(`button[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  if (shotName) await shot(page, shotName, { fullPage: false });
  await dialog.locator('button[type=submit]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}

const axeSource = () => fs.readFileSync(path.join(path.dirname(new URL(import.meta.resolve('axe-core')).pathname), 'axe.min.js'), 'utf8');

/** axe-core's whole result (WCAG 2.1 A/AA rules) on the page as it is now. */
export async function axeResults(page) {
   
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
}

/**
 * Runs axe-core on the page as it is now and prints its critical and serious findings (WCAG 2.1
 * A/AA rules). Returns them, so a caller can fail on any. `{ lesser }` also prints the moderate and
 * minor ones and hands them to it (an array to fill).
 */
export async function axe(page, name, { lesser } = {}) {
  const result = await axeResults(page);
  const bad = result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  for (const v of bad) console.log(`  axe ${name}: ${v.impact} ${v.id} — ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  if (!bad.length) console.log(`  axe ${name}: no critical or serious findings`);
  if (lesser) {
    const rest = result.violations.filter((v) => !bad.includes(v));
    for (const v of rest) console.log(`  axe ${name}: ${v.impact} ${v.id} — ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
    lesser.push(...rest.map((v) => ({ page: name, id: v.id, impact: v.impact })));
  }
  return bad;
}

/**
 * `look` and `visit` of the screen scripts, filling the caller's lists. `look(page, name, viewport,
 * { keepScroll, fullPage })` shoots the page at one size as `<name>-<width>`, runs axe on it (its
 * critical and serious findings into `findings`, the rest into `lesser` when given), notes a page
 * wider than the viewport (and its first wide elements) in `overflow`, then runs `then(page, full)`.
 * `visit(page, url, name, ready, options)` opens `url` at each of `sizes`, waits for `ready(page)`
 * and looks.
 */
export function looker({ findings = [], lesser, overflow = [], sizes = [desktop, mobile], then } = {}) {
  const look = async (page, name, viewport, options = {}) => {
    await page.setViewportSize(viewport);
     
    if (!options.keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const full = `${name}-${viewport.width}`;
    // eslint-disable-next-line no-undef
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > viewport.width) {
      // eslint-disable-next-line no-undef
      const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 1)
        .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`), viewport.width);
      overflow.push(`${full}: ${width}px (${wide.join(', ')})`);
    }
    await shot(page, full, options);
    findings.push(...(await axe(page, full, { lesser })).map((v) => `${full}: ${v.id}`));
    if (then) await then(page, full);
  };
  const visit = async (page, url, name, ready, options) => {
    for (const viewport of sizes) {
      await page.setViewportSize(viewport);
      await page.goto(`${base}${url}`);
      await ready(page);
      await look(page, name, viewport, options);
    }
  };
  return { look, visit };
}
