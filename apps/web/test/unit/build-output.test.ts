/**
 * The production build publishes no source maps: no `.map` file and no `sourceMappingURL`
 * comment in what the server serves. Every text file worth compressing has its brotli and gzip
 * copies beside it (scripts/precompress.ts), holding the very same bytes. Reads `apps/web/dist` (the test command builds it first);
 * when it is missing, builds the app into a temporary directory instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressible, minBytes } from '../../scripts/precompress.ts';

const webDir = fileURLToPath(new URL('../..', import.meta.url));
const distDir = path.join(webDir, 'dist');
const temporary: string[] = [];

function builtOutput(): string {
  if (fs.existsSync(path.join(distDir, 'index.html'))) return distDir;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-build-'));
  temporary.push(outDir);
  const vite = path.join(webDir, '../../node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: webDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
  return outDir;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('production build of the web app', () => {
  afterAll(() => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes no source map and points to none', { timeout: 180_000 }, () => {
    const dir = builtOutput();
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const maps = files.filter((f) => f.endsWith('.map')).map((f) => path.relative(dir, f));
    const pointing = files
      .filter((f) => /\.(js|mjs|css|html)$/.test(f) && fs.readFileSync(f, 'utf8').includes('sourceMappingURL'))
      .map((f) => path.relative(dir, f));
    const hint = dir === distDir ? ' (apps/web/dist may predate this rule: run `npm run build`)' : '';
    expect(maps, `source maps in the build${hint}`).toEqual([]);
    expect(pointing, `files pointing to a source map${hint}`).toEqual([]);
  });

  it('leaves a brotli and a gzip copy beside every script, style and page of 1 kB or more, decoding to the same bytes', { timeout: 180_000 }, () => {
    const dir = builtOutput();
    const texts = filesUnder(dir).filter((f) => compressible.test(f) && fs.statSync(f).size >= minBytes);
    expect(texts.some((f) => f.endsWith('.js'))).toBe(true);
    const hint = dir === distDir ? ' (apps/web/dist may predate this rule: run `npm run build`)' : '';
    const wrong = texts.filter((f) => {
      const bytes = fs.readFileSync(f);
      const br = fs.existsSync(f + '.br') && zlib.brotliDecompressSync(fs.readFileSync(f + '.br')).equals(bytes);
      const gz = fs.existsSync(f + '.gz') && zlib.gunzipSync(fs.readFileSync(f + '.gz')).equals(bytes);
      return !br || !gz;
    });
    expect(wrong.map((f) => path.relative(dir, f)), `files without both copies${hint}`).toEqual([]);
  });
});
