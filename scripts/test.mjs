#!/usr/bin/env node
// `npm test`: the whole suite. Lint (which enforces the dependency rule) and type checks, then
// every test tier (unit, integration on PGlite and on the PostgreSQL server, e2e in Chromium)
// with TZ=UTC, then the unit tier again with TZ=America/New_York: results must not depend on
// the server's time zone. Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const steps = extra.length
  ? [['vitest', ['run', ...extra], { TZ: 'UTC' }]]
  : [
      ['eslint', ['.'], {}],
      ['npm', ['run', '--silent', 'typecheck'], {}],
      // Built once here, so that browser tests starting servers in parallel never build it twice.
      ['npm', ['run', '--silent', 'build'], {}],
      ['vitest', ['run', '--project', 'unit', '--project', 'integration'], { TZ: 'UTC' }],
      // The browser journeys alone afterwards: on two cores, sharing them with the integration
      // tests' databases made their waits flaky.
      ['vitest', ['run', '--project', 'e2e'], { TZ: 'UTC' }],
      ['vitest', ['run', '--project', 'unit'], { TZ: 'America/New_York' }],
    ];

for (const [cmd, args, env] of steps) {
  const label = `${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`;
  console.log(`\n━━ ${label}`);
  const bin = cmd === 'npm' ? 'npm' : 'npx';
  const r = spawnSync(bin, cmd === 'npm' ? args : [cmd, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✗ failed: ${label}`);
    process.exit(r.status ?? 1);
  }
}
console.log('\n✓ all checks passed');
