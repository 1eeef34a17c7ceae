/**
 * Chromium driven by playwright-core; never a browser downloaded by Playwright. Which Chromium is
 * the tests' tool locator's choice (scripts/test-env/tools.mjs): CHROMIUM_PATH, Debian's
 * `chromium`, else the one shipped in the npm package `@sparticuz/chromium`.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { testClockStart, testNow } from '../../apps/server/test/support/clock.ts';
import { locateChromium } from '../../scripts/test-env/tools.mjs';
import { checkEveryPage } from './axe.ts';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const found = await locateChromium();
  return chromium.launch({ executablePath: found.path, args: [...new Set([...found.args, ...chromiumArgs])] });
}

/**
 * A browser context whose clock is the tests' clock: under MOTCUA_TEST_NOW the page's `Date`
 * starts where the tests' (and the server's) clock is and advances in real time, so that the
 * page, the server and the test agree on "today". Every page it opens is checked with axe-core
 * (`checkEveryPage`).
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (testClockStart) await context.clock.install({ time: testNow() });
  checkEveryPage(context);
  return context;
}
