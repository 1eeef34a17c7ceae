/**
 * First load (docs/benchmarks.md: the portal's first load under 300 kB compressed): three pages
 * opened in headless Chromium, each in a fresh browser context (cold cache, no cookie but the
 * session where one is needed), counting every request of the load — the page, scripts, styles,
 * the icon, API answers — until the network has been idle for half a second:
 *   - the portal home `/`,
 *   - a procedure page `/thu-tuc/1.001193` (birth registration),
 *   - the console inbox `/console/ho-so`, signed in as canbo.giaothuy (the sign-in itself, made
 *     through the API before the page is opened, is not counted).
 * Bytes are what crossed the wire (Chromium's encoded length: headers and compressed bodies).
 * Times: until the page's heading is shown, and until the last byte of the load arrived; both
 * unthrottled (localhost, so mostly parsing and running scripts) and over an emulated slow 4G link
 * (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, as Lighthouse's mobile preset), the median
 * of BENCH_FIRST_LOAD_RUNS (3) loads each.
 * Baseline (same run, same server, same build): the same loads with `Accept-Encoding: identity`
 * on every request, so the server sends every file as it is, uncompressed — what a first load
 * cost before the server sent the build's brotli/gzip copies.
 * The server is the real one (separate process, as `npm start`: it builds apps/web when the
 * sources are newer than the build) on a fresh embedded database with the demo data.
 */
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startServer } from '../e2e/support/server.ts';
import { record } from './lib.ts';
import { machineContext } from './support.ts';

const bench = 'first-load';
const runs = Number(process.env.BENCH_FIRST_LOAD_RUNS ?? 3);
const password = 'Motcua@2026';
const bar = 300_000;

interface PageUnderTest {
  name: string;
  path: string;
  /** The heading that says the page is there (the e2e journeys' test ids). */
  ready: string;
  officer?: string;
}

const pages: PageUnderTest[] = [
  { name: 'portal_home', path: '/', ready: 'portal-home' },
  { name: 'procedure_page', path: '/thu-tuc/1.001193', ready: 'procedure-page' },
  { name: 'console_inbox', path: '/console/ho-so', ready: 'console-inbox', officer: 'canbo.giaothuy' },
];

const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

interface Load {
  requests: number;
  bytes: number;
  /** Encoded bytes by Chromium's resource type (Script, Stylesheet, Document, Fetch…). */
  byType: Record<string, number>;
  encodings: Set<string>;
  headingMs: number;
  loadedMs: number;
}

async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const csrf = (await (await context.request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password }, headers: { 'x-csrf-token': csrf.csrfToken } });
  if (res.status() !== 200) throw new Error(`sign-in of ${username}: ${res.status()} ${await res.text()}`);
}

async function load(browser: Browser, baseUrl: string, target: PageUnderTest, options: { identity: boolean; throttled: boolean }): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  try {
    if (options.identity) await context.setExtraHTTPHeaders({ 'accept-encoding': 'identity' });
    if (target.officer) await signIn(context, baseUrl, target.officer);
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    if (options.throttled) await cdp.send('Network.emulateNetworkConditions', slow4g);
    const types = new Map<string, string>();
    const result: Load = { requests: 0, bytes: 0, byType: {}, encodings: new Set(), headingMs: 0, loadedMs: 0 };
    let lastByteAt = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      result.requests++;
      types.set(e.requestId, e.type ?? 'Other');
    });
    cdp.on('Network.responseReceived', (e) => {
      const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
      if (encoding) result.encodings.add(String(encoding));
    });
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) ?? 'Other';
      result.bytes += e.encodedDataLength;
      result.byType[type] = (result.byType[type] ?? 0) + e.encodedDataLength;
      lastByteAt = performance.now();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // An expected refusal (the portal asks whether a citizen is signed in: 401) is logged by Chromium too.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    const start = performance.now();
    await page.goto(baseUrl + target.path, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByTestId(target.ready).waitFor({ timeout: 120_000 });
    result.headingMs = performance.now() - start;
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    result.loadedMs = lastByteAt - start;
    if (errors.length) throw new Error(`${target.path}: errors in the page: ${errors.join(' | ')}`);
    return result;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

console.log(`  ${machineContext()}`);
const tStart = performance.now();
const server = await startServer({ LOG_LEVEL: 'warn' });
console.log(`  server ready in ${((performance.now() - tStart) / 1000).toFixed(1)} s (embedded database, demo data)`);
const browser = await launchBrowser();
try {
  const procedure = await fetch(`${server.baseUrl}/api/v1/public/procedures/1.001193`);
  if (procedure.status !== 200) throw new Error(`procedure 1.001193 not in the demo catalogue: ${procedure.status}`);
  const dataset = `build of apps/web served by the real server; fresh Chromium context per load; baseline: the same loads with Accept-Encoding: identity`;
  for (const target of pages) {
    const measured: Record<'compressed' | 'identity', { local: Load[]; slow: Load[] }> = { compressed: { local: [], slow: [] }, identity: { local: [], slow: [] } };
    // Warm the server (route compilation, caches) so that neither side pays for it.
    await load(browser, server.baseUrl, target, { identity: false, throttled: false });
    for (let i = 0; i < runs; i++) {
      for (const mode of ['compressed', 'identity'] as const) {
        measured[mode].local.push(await load(browser, server.baseUrl, target, { identity: mode === 'identity', throttled: false }));
        measured[mode].slow.push(await load(browser, server.baseUrl, target, { identity: mode === 'identity', throttled: true }));
      }
    }
    const plain = measured.identity.local[0]!;
    const packed = measured.compressed.local[0]!;
    if (plain.encodings.size) throw new Error(`baseline of ${target.path} was sent compressed (${[...plain.encodings].join(', ')}): Accept-Encoding: identity was not honoured`);
    if (!packed.encodings.has('br')) throw new Error(`${target.path} was sent without brotli: is apps/web/dist built with its .br copies?`);
    console.log(`\n  ${target.path}: ${packed.requests} requests; ${kB(packed.bytes)} transferred (${Object.entries(packed.byType).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${kB(n)}`).join(', ')})`);
    console.log(`    uncompressed: ${plain.requests} requests, ${kB(plain.bytes)}`);
    record({ bench, metric: `${target.name}_transferred_kB`, value: packed.bytes / 1000, unit: 'kB', baseline: plain.bytes / 1000, dataset });
    record({ bench, metric: `${target.name}_requests`, value: packed.requests, unit: 'requests', baseline: plain.requests, dataset });
    for (const [link, key] of [['local', 'local'], ['slow 4G', 'slow']] as const) {
      const slug = link.replace(' ', '');
      record({ bench, metric: `${target.name}_heading_ms_${slug}`, value: median(measured.compressed[key].map((l) => l.headingMs)), unit: 'ms', baseline: median(measured.identity[key].map((l) => l.headingMs)), dataset });
      record({ bench, metric: `${target.name}_loaded_ms_${slug}`, value: median(measured.compressed[key].map((l) => l.loadedMs)), unit: 'ms', baseline: median(measured.identity[key].map((l) => l.loadedMs)), dataset });
    }
    if (target.name === 'portal_home') {
      console.log(`  bar: the portal's first load under ${kB(bar)} compressed: ${packed.bytes < bar ? 'met' : 'NOT met'} (${kB(packed.bytes)})`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
