/**
 * axe-core on a page of a journey: the WCAG 2.1 A/AA rules, and no critical or serious finding.
 * The script is evaluated through the browser's debugging protocol, which the page's Content
 * Security Policy does not restrict, so the page is checked with the headers it really has.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The browser's globals the functions run inside the page use, declared here: the bench imports the
// journeys' browser helper and compiles without the DOM library.
declare const window: object;
declare const document: {
  contentType: string;
  getAnimations(): Array<{ effect: { getComputedTiming(): { iterations?: number } } | null; playState: string; finished: Promise<unknown> }>;
};

interface Finding { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** Fails with each critical or serious finding (rule, help, the first elements) of `page` as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // A menu, drawer or dialog fading in is half transparent: judged mid-way, its text fails the
  // contrast rule. Wait until no finite animation or transition has run for 150 ms (a spinner's
  // never end): one that React starts a frame after the step's wait is waited for too. 3 s at most.
  await page.evaluate(async () => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const deadline = Date.now() + 3_000;
    let still = 0;
    while (still < 3 && Date.now() < deadline) {
      const running = document.getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().iterations ?? Infinity));
      if (running.length === 0) {
        still += 1;
        await pause(50);
      } else {
        still = 0;
        await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), pause(Math.max(0, deadline - Date.now()))]);
      }
    }
  });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: Finding[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad.join('\n'), `axe on ${name}`).toBe('');
}

/** What `checkEveryPage` did in this test file: the pages it checked (a journey that checked none did not really run it). */
export const pagesChecked: string[] = [];

/** Pages navigated to (the new address) and not yet checked. */
const due = new WeakMap<Page, string>();
let patched = false;

/**
 * Runs `expectAccessible` on every page the context's pages navigate to (a load or an address
 * change of a single-page app), once the journey has waited for something on it to be there: the
 * first `locator.waitFor()` (visible or attached) after the navigation. So the check runs inside
 * the step that opened the page, on the page as the journey sees it, and fails that step.
 */
export function checkEveryPage(context: BrowserContext): void {
  const track = (page: Page) => {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) due.set(page, frame.url());
    });
    if (!patched) patchWaitFor(Object.getPrototypeOf(page.locator('body')) as Locator);
  };
  context.pages().forEach(track);
  context.on('page', track);
}

function patchWaitFor(proto: Locator): void {
  patched = true;
  const waitFor = proto.waitFor;
  proto.waitFor = async function (this: Locator, options?: Parameters<Locator['waitFor']>[0]) {
    await waitFor.call(this, options);
    const state = options?.state ?? 'visible';
    if (state === 'visible' || state === 'attached') await checkIfDue(this.page());
  };
}

async function checkIfDue(page: Page): Promise<void> {
  const url = due.get(page);
  if (!url) return;
  due.delete(page);
  if (!url.startsWith('http') || new URL(url).pathname.startsWith('/api/')) return;
  try {
    // A PDF or an image opened in the tab is not a page of ours.
    if (!(await page.evaluate(() => document.contentType === 'text/html'))) return;
    const { pathname, search } = new URL(url);
    await expectAccessible(page, `${pathname}${search}`);
    pagesChecked.push(`${pathname}${search}`);
  } catch (error) {
    // The page moved on while axe ran: the next page is checked in its turn.
    if (/Execution context was destroyed|has been closed|navigat/i.test(String((error as Error).message))) return;
    throw error;
  }
}
