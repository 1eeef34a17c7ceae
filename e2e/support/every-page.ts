/**
 * Set-up of every journey file (vitest.config.ts): at the end, how many pages axe-core checked
 * (`checkEveryPage`, installed on each browser context the journeys open) — at least one.
 */
import { afterAll, expect } from 'vitest';
import { pagesChecked } from './axe.ts';

afterAll(() => {
  console.log(`axe-core checked ${pagesChecked.length} pages: ${[...new Set(pagesChecked)].join(', ')}`);
  expect(pagesChecked.length, 'pages checked by axe-core').toBeGreaterThan(0);
});
