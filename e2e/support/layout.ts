import type { Page } from 'playwright-core';

/**
 * How wide the page scrolls, and the outermost elements that reach past the viewport's right
 * edge (tag, test id or class, right edge in px), so a failed "fits a phone" check says what
 * overflowed rather than only by how much. What a scroll box or a clipping box holds is skipped:
 * it cannot widen the page.
 */
export async function pageOverflow(page: Page): Promise<{ scrollWidth: number; past: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const past: string[] = [];
    const visit = (el: Element) => {
      if (past.length >= 8 || !(el instanceof HTMLElement || el instanceof SVGElement)) return;
      if (el.getBoundingClientRect().right > limit) {
        const name = (el as HTMLElement).dataset?.testid ?? (el as HTMLElement).dataset?.chart ?? String(el.getAttribute('class') ?? '').split(' ')[0];
        past.push(`${el.tagName.toLowerCase()}${name ? `.${name}` : ''} → ${Math.round(el.getBoundingClientRect().right)} px`);
        return;
      }
      if (getComputedStyle(el).overflowX !== 'visible') return;
      for (const child of Array.from(el.children)) visit(child);
    };
    for (const child of Array.from(document.body.children)) visit(child);
    return { scrollWidth: document.documentElement.scrollWidth, past };
  });
}
