#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then starts the
// server (TypeScript run through tsx, no separate compile step).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '../../..');
const web = path.join(root, 'apps/web');
const built = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// The build's own set-up counts too: a build from before the precompress step has no .br/.gz copies.
const sources = [path.join(web, 'src'), path.join(root, 'packages/domain/src'), path.join(web, 'scripts'), path.join(web, 'vite.config.ts')].filter((d) => fs.existsSync(d));
const newest = (p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
const stale = !fs.existsSync(built) || sources.some((d) => newest(d) > fs.statSync(built).mtimeMs);
if (stale && process.env.MOTCUA_SKIP_WEB_BUILD !== '1' && fs.existsSync(path.join(web, 'index.html'))) {
  console.log('Building the web app (apps/web)…');
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@motcua/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

register();
const { main } = await import('../src/main.ts');
await main();
