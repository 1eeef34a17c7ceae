// A demo server for the screen scripts, as `npm start` runs it: a free port, a fresh data directory
// (so fresh demo data) and the current build of apps/web (not rebuilt).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/test-env/postgres.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts the server and waits until /healthz answers; `stop()` ends it and removes its data. */
export async function startDemoServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-screens-'));
  let output = '';
  const child = spawn(process.execPath, [path.join(repoRoot, 'apps/server/bin/start.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', MOTCUA_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 480_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not become healthy:\n${output}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`demo server at ${baseUrl} (data in ${dataDir})`);
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
