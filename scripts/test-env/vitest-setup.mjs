// Vitest's global setup for each tier: finds what the tier runs on, says it in one line, and stops
// at once (before any test) when something is missing. The integration tier gets its PostgreSQL
// server here: TEST_DATABASE_URL when it answers, else an embedded one for this run (`npm test`
// starts one for the whole run and passes its URL down, so this finds it answering), and the
// migrated templates every test database is copied from (apps/server/test/support/templates.ts):
// the migrations run here, once, instead of in every test file on each database.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { databaseKinds, serverDatabaseForTests } from './postgres.mjs';
import { describeTool, findTool, locateChromium, missingLine, tierTools } from './tools.mjs';

const require = createRequire(path.resolve(import.meta.dirname, '../../apps/server/package.json'));

/** The installed PGlite's version (its package.json is not exported). */
function pgliteVersion() {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

export default async function setup(project) {
  const tier = project.name;
  const lines = [];
  let stop = async () => {};

  if (tier === 'integration') {
    const kinds = databaseKinds();
    const parts = [];
    // (TypeScript, loaded through Vitest's module runner.)
    const templates = await import('../../apps/server/test/support/templates.ts');
    const key = templates.templateKey();
    const started = Date.now();
    if (kinds.includes('pglite')) {
      parts.push(`PGlite ${pgliteVersion()} (in process)`);
      project.provide('pgliteTemplate', await templates.pgliteTemplate(key));
    }
    if (kinds.includes('postgres')) {
      const server = await serverDatabaseForTests();
      process.env.TEST_DATABASE_URL = server.url;
      stop = server.stop;
      project.provide('testDatabaseUrl', server.url);
      parts.push(`PostgreSQL ${server.version} (${server.source})${server.note ? ` — ${server.note}` : ''}`);
      try {
        project.provide('postgresTemplate', await templates.postgresTemplate(server.url, key));
      } catch (error) {
        await stop();
        throw error;
      }
    }
    lines.push(`databases: ${parts.join(' and ')}`);
    lines.push(`each a copy of the migrated template ${key} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (tier === 'e2e') {
    lines.push(`database: ${process.env.E2E_DATABASE_URL ? 'E2E_DATABASE_URL' : `PGlite ${pgliteVersion()} in each server process`}`);
    const browser = await locateChromium();
    lines.push(`browser: ${describeTool(browser)}`);
  }
  const tools = (tierTools[tier] ?? []).filter((n) => n !== 'chromium');
  const missing = tools.filter((n) => !findTool(n));
  if (missing.length) throw new Error(missingLine(missing));
  if (tools.length) lines.push(`tools: ${tools.map((n) => describeTool(findTool(n))).join('; ')}`);
  if (process.env.MOTCUA_TEST_NOW) lines.push(`clock: MOTCUA_TEST_NOW=${process.env.MOTCUA_TEST_NOW} (advancing in real time)`);
  console.log(`── ${tier} tier (Node ${process.version}): ${lines.join(' | ')}`);
  return stop;
}
