#!/usr/bin/env node
// `npm test`: the whole suite, on a machine that has Node and nothing else. Lint (which enforces
// the dependency rule), type checks and the web build, side by side; then every test tier (unit,
// integration on PGlite and on a PostgreSQL server, e2e in Chromium) with TZ=UTC, then the unit
// tier again with TZ=America/New_York: results must not depend on the server's time zone. Extra
// arguments go to vitest (e.g. `npm test -- --project unit`). What makes it fast enough for CI's
// two cores: docs/testing.md.
//
// What the tests need is got first (scripts/test-env): the PDF tools and Chromium are installed
// with apt when missing and this runs as root on Debian or Ubuntu (else the browser comes from the
// npm package @sparticuz/chromium); the PostgreSQL server is TEST_DATABASE_URL when it answers,
// else one started from npm for this run and stopped at the end. What cannot be had stops the
// run at once with one line naming what to install. Each tier prints what it runs on.
// MOTCUA_TEST_NOW=2026-12-07T00:20:00+07:00 runs the tests, the e2e server and its browsers at
// that hour (apps/server/test/support/clock.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseKinds, serverDatabaseForTests } from './test-env/postgres.mjs';
import { installMissingTools, missingLine, tierTools } from './test-env/tools.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = {
  vitest: path.join(root, 'node_modules/vitest/vitest.mjs'),
  eslint: path.join(root, 'node_modules/eslint/bin/eslint.js'),
};
const extra = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const ci = process.env.CI === 'true';
const started = Date.now();

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`✗ Node ${process.version}: Motcua needs Node 20.19 or newer (22 and 24 are the LTS lines)`);
  process.exit(1);
}
console.log(`── Node ${process.version} (${process.execPath})${ci ? ', CI' : ''}`);

// 1. The tools, before anything runs (installed once here, not by tiers running in parallel).
const needed = [...new Set(Object.values(tierTools).flat())];
const stillMissing = installMissingTools(needed, (line) => console.log(`── ${line}`));
if (stillMissing.length) {
  console.error(`✗ ${missingLine(stillMissing)}`);
  process.exit(1);
}

// 2. The PostgreSQL server, once for the whole run (the tiers' global setups find it answering).
let server;
const kinds = databaseKinds();
const integrationRuns = !extra.length || extra.join(' ').includes('integration') || !extra.includes('--project');
if (kinds.includes('postgres') && integrationRuns) {
  try {
    server = await serverDatabaseForTests();
  } catch (error) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
  console.log(`── PostgreSQL ${server.version}: ${server.source}${server.note ? ` — ${server.note}` : ''}`);
}
const stopServer = async () => {
  const s = server;
  server = undefined;
  await s?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void stopServer().finally(() => process.exit(130)));
}

const env = server ? { TEST_DATABASE_URL: server.url } : {};
const vitest = (args, extraEnv) => [process.execPath, [bin.vitest, 'run', ...args], { ...env, ...extraEnv }];
// The static checks: ESLint, each workspace's type check (`npm run typecheck` runs them one after
// the other) and the web build, run side by side below: each is a single-threaded process.
const workspaces = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
const checks = [
  [process.execPath, [bin.eslint, '.'], {}],
  ...workspaces
    .filter((w) => JSON.parse(fs.readFileSync(path.join(root, w, 'package.json'), 'utf8')).scripts?.typecheck)
    .map((w) => ['npm', ['run', '--silent', 'typecheck', '--workspace', w], {}]),
  // Built once here, so that browser tests starting servers in parallel never build it twice.
  ['npm', ['run', '--silent', 'build'], {}],
];
const steps = extra.length
  ? [vitest(extra, { TZ: 'UTC' })]
  : [
      checks,
      vitest(['--project', 'unit', '--project', 'integration'], { TZ: 'UTC' }),
      // The browser journeys alone afterwards: on two cores, sharing them with the integration
      // tests' databases made their waits flaky.
      vitest(['--project', 'e2e'], { TZ: 'UTC' }),
      vitest(['--project', 'unit'], { TZ: 'America/New_York' }),
    ];

function labelOf([cmd, args, stepEnv]) {
  const shown = [cmd === process.execPath ? path.basename(args[0]).replace(/\.(m?js)$/, '') : cmd, ...args.slice(cmd === process.execPath ? 1 : 0)];
  return `${Object.entries(stepEnv).filter(([k]) => k !== 'TEST_DATABASE_URL').map(([k, v]) => `${k}=${v} `).join('')}${shown.join(' ')}`;
}

/**
 * Runs the commands `lanes` at a time, each one's output printed in one piece when it ends.
 * Resolves with the label of the first that failed (the others running are let finish; no new
 * one starts), else undefined.
 */
async function sideBySide(commands, lanes) {
  const queue = [...commands];
  let failed;
  const lane = async () => {
    while (queue.length && !failed) {
      const command = queue.shift();
      const [cmd, args, stepEnv] = command;
      const started = Date.now();
      const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...stepEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = [];
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
      const code = await new Promise((resolve) => {
        child.on('error', (error) => { output.push(Buffer.from(`${error.message}\n`)); resolve(-1); });
        child.on('close', resolve);
      });
      const label = labelOf(command);
      console.log(`\n━━ ${label} (${((Date.now() - started) / 1000).toFixed(0)} s${code === 0 ? '' : `, exit ${code}`})`);
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) failed ??= label;
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, commands.length) }, lane));
  return failed;
}

let failed;
for (const step of steps) {
  if (Array.isArray(step[0])) {
    // Two at a time on two cores; each type check needs up to 1 GB of memory.
    failed = await sideBySide(step, Math.min(4, Math.max(2, os.availableParallelism())));
    if (failed) break;
    continue;
  }
  const [cmd, args, stepEnv] = step;
  const label = labelOf(step);
  console.log(`\n━━ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...stepEnv } });
  if (r.status !== 0) {
    failed = label;
    break;
  }
}
await stopServer();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failed) {
  console.error(`\n✗ failed: ${failed} (${minutes} min)`);
  process.exit(1);
}
console.log(`\n✓ all checks passed in ${minutes} min (Node ${process.version})`);
