#!/usr/bin/env node
// Screenshots of the built web app for a visual review (not a test suite; PNGs are not committed).
//
//   npm run build -w @motcua/web && node apps/web/scripts/screenshots.mjs [OUT_DIR]
//
// Serves apps/web/dist with `vite preview` on port 4173 and drives Chromium (scripts/test-env/tools.mjs) through
// playwright-core. Every /api request is answered by stubs below, so no server is needed; the
// stubs follow the server's auth contract and problem+json shape. The browser runs in New York
// time on purpose: dates and times on screen must still be Vietnam's.
/* global window, document -- used inside page.evaluate(), which runs in the browser */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { locateChromium } from '../../../scripts/test-env/tools.mjs';

const webDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(webDir, '../..');
const outDir = path.resolve(process.argv[2] ?? '/tmp/motcua-shots');
const port = 4173;
const base = `http://localhost:${port}`;
fs.mkdirSync(outDir, { recursive: true });

const problem = (status, code, vi, en, extra = {}) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({
    type: `https://motcua.vn/problems/${code}`, title: en, status, detail: en, code, messages: { vi, en },
    requestId: 'req-7f3a9c', ...extra,
  }),
});
const json = (body, status = 200) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

const profiles = {
  officer: {
    user: { id: 'u1', username: 'canbo.giaothuy', fullName: 'Phạm Thị Thu' },
    assignments: [{ role: 'officer', agencyId: 'a41', agencyCode: '000.41.00.H40', agencyName: 'Ủy ban nhân dân xã Giao Thủy' }],
    csrfToken: 'csrf-after-login',
  },
  leader: {
    user: { id: 'u5', username: 'lanhdao.giaothuy', fullName: 'Đỗ Văn Hùng' },
    assignments: [
      { role: 'leader', agencyId: 'a41', agencyCode: '000.41.00.H40', agencyName: 'Ủy ban nhân dân xã Giao Thủy' },
      { role: 'manager', agencyId: 'a41', agencyCode: '000.41.00.H40', agencyName: 'Ủy ban nhân dân xã Giao Thủy' },
      { role: 'manager', agencyId: 'a00', agencyCode: '000.00.00.H40', agencyName: 'Ủy ban nhân dân tỉnh Ninh Bình' },
    ],
    csrfToken: 'csrf-after-login',
  },
};

const demoProcedures = JSON.parse(fs.readFileSync(path.join(repoRoot, 'bundles/demo/procedures.json'), 'utf8'));

/** Installs API stubs on a page. `scenario` picks the answers. */
async function stubApi(page, scenario) {
  const seen = [];
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    seen.push(`${request.method()} ${url.pathname} csrf=${request.headers()['x-csrf-token'] ?? '-'}`);
    const p = url.pathname;
    if (p === '/api/v1/auth/csrf') return route.fulfill(json({ csrfToken: 'csrf-before-login' }));
    if (p === '/api/v1/auth/me') {
      return scenario.profile
        ? route.fulfill(json(scenario.profile))
        : route.fulfill(problem(401, 'auth.unauthenticated', 'Vui lòng đăng nhập', 'Please sign in'));
    }
    if (p === '/api/v1/auth/login') {
      if (scenario.login === 'ok') return route.fulfill(json(profiles.officer));
      return route.fulfill(problem(401, 'auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password'));
    }
    if (p === '/api/v1/public/procedures') {
      if (!scenario.catalogue) return route.fulfill(problem(404, 'request.not_found', 'Không tìm thấy địa chỉ yêu cầu', 'No such route'));
      // The bundle's entries, shaped as the API answers them (fee and time carry their text).
      const items = demoProcedures.slice(0, 8).map((p) => ({
        ...p, version: 1, validFrom: null,
        processingTime: { ...p.processingTime, cutoff: p.processingTime.cutoff ?? null, text: { vi: '', en: '' } },
        fee: {
          kind: p.fee?.amount ? 'fixed' : 'free', currency: 'VND', amount: p.fee?.amount ?? 0, onlineAmount: null, table: [],
          text: p.fee?.amount ? { vi: `${p.fee.amount.toLocaleString('vi-VN')} đồng`, en: `${p.fee.amount} VND` } : { vi: 'Miễn phí', en: 'Free of charge' },
        },
      }));
      return route.fulfill(json({ items, total: 27 }));
    }
    if (p === '/api/v1/dossiers') return route.fulfill(json({ items: [], total: 0 }));
    if (p.startsWith('/api/v1/public/dossiers/')) {
      if (!scenario.dossier) return route.fulfill(problem(404, 'dossier.not_found', 'Không tìm thấy hồ sơ', 'Dossier not found'));
      return route.fulfill(json(scenario.dossier));
    }
    return route.fulfill(problem(404, 'request.not_found', 'Không tìm thấy địa chỉ yêu cầu', 'No such route'));
  });
  return seen;
}

async function waitForServer(url, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

const preview = spawn(path.join(repoRoot, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort'], {
  cwd: webDir,
  stdio: ['ignore', 'ignore', 'inherit'],
});
let browser;
try {
  await waitForServer(base);
  const found = await locateChromium();
  browser = await chromium.launch({
    executablePath: found.path,
    args: [...found.args, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  const problems = [];
  async function shot(name, { path: urlPath, scenario = {}, viewport = { width: 1366, height: 820 }, language = 'vi', fullPage = true, act }) {
    const context = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
    await context.addInitScript((lng) => window.localStorage.setItem('motcua.language', lng), language);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type()) && !/Failed to load resource/.test(message.text())) {
        problems.push(`${name}: console.${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
    const seen = await stubApi(page, scenario);
    await page.goto(base + urlPath);
    await page.waitForSelector('[data-testid]');
    if (act) await act(page);
    await page.waitForTimeout(250);
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    const heading = await page.locator('h1[data-testid]').first().getAttribute('data-testid').catch(() => null);
    const lang = await page.evaluate(() => document.documentElement.lang);
    console.log(`${file}  heading=${heading} lang=${lang} title="${await page.title()}"${seen.length ? `\n    api: ${seen.join(' | ')}` : ''}`);
    await context.close();
  }

  await shot('01-portal-home', { path: '/' });
  await shot('02-portal-home-en', { path: '/', language: 'en' });
  await shot('03-portal-home-mobile', { path: '/', viewport: { width: 390, height: 844 } });
  await shot('04-procedures-unavailable', { path: '/thu-tuc?q=khai%20sinh' });
  await shot('05-procedures-list', { path: '/thu-tuc?q=ho%20tich', scenario: { catalogue: true } });
  await shot('06-lookup-not-found', { path: '/tra-cuu/000.00.12.H40-250304-0007' });
  await shot('07-lookup-found', {
    path: '/tra-cuu/000.41.00.H40-250304-0007',
    scenario: {
      dossier: {
        code: '000.41.00.H40-250304-0007', status: 'processing', statusLabel: { vi: 'Đang xử lý', en: 'Processing' }, nationalStatus: 4,
        procedure: { code: '1.000894', name: 'Đăng ký kết hôn' }, agency: { code: '000.41.00.H40', name: 'Ủy ban nhân dân xã Giao Thủy' },
        applicantInitials: 'N.V.A.', submittedAt: '2025-03-04T01:30:00Z', receivedAt: '2025-03-04T01:30:00Z', dueAt: '2025-03-11T01:30:00Z',
        newDueAt: null, resultAt: null, returnedAt: null, currentStep: 'Thẩm định, xử lý hồ sơ',
        clock: { state: 'running', dueAt: '2025-03-11T01:30:00Z', overdue: false, workingMinutesLeft: 1620 },
        steps: [
          { label: { vi: 'Nộp hồ sơ', en: 'Submit' }, at: '2025-03-04T01:30:00Z', status: 'submitted', statusLabel: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' } },
          { label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' }, at: '2025-03-04T01:30:00Z', status: 'received', statusLabel: { vi: 'Đã tiếp nhận', en: 'Received' } },
          { label: { vi: 'Chuyển xử lý', en: 'Transfer for processing' }, at: '2025-03-05T02:15:00Z', status: 'processing', statusLabel: { vi: 'Đang xử lý', en: 'Processing' } },
        ],
        rated: false,
      },
    },
  });
  await shot('08-login', { path: '/console/dang-nhap', fullPage: false });
  await shot('09-login-error', {
    path: '/console/dang-nhap', fullPage: false,
    act: async (page) => {
      await page.getByLabel('Tên đăng nhập').fill('canbo.giaothuy');
      await page.locator('input[name=password]').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('alert').waitFor();
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
      console.log(`    focus after failure: ${focused}`);
    },
  });
  await shot('10-login-empty', {
    path: '/console/dang-nhap', fullPage: false,
    act: async (page) => page.getByRole('button', { name: 'Đăng nhập' }).click(),
  });
  await shot('11-console-redirect-then-login', {
    path: '/console/tiep-nhan', scenario: { login: 'ok' }, fullPage: false,
    act: async (page) => {
      await page.waitForURL(/dang-nhap\?next=/);
      await page.getByLabel('Tên đăng nhập').fill('canbo.giaothuy');
      await page.locator('input[name=password]').fill('Motcua@2026');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('console-intake').waitFor();
      console.log(`    after login: ${new URL(page.url()).pathname}`);
    },
  });
  await shot('12-console-home-officer', { path: '/console', scenario: { profile: profiles.officer }, fullPage: false });
  await shot('13-console-home-leader-en', { path: '/console', scenario: { profile: profiles.leader }, language: 'en', fullPage: false });
  await shot('14-console-forbidden', { path: '/console/quan-tri', scenario: { profile: profiles.officer }, fullPage: false });
  await shot('15-console-mobile', { path: '/console', scenario: { profile: profiles.leader }, viewport: { width: 390, height: 844 }, fullPage: false });
  await shot('16-not-found', { path: '/khong-co-trang-nay', fullPage: false });

  if (problems.length) console.log(`\nBrowser console:\n  ${problems.join('\n  ')}`);
} finally {
  await browser?.close();
  preview.kill('SIGTERM');
}
