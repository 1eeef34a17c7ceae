/**
 * How long the public catalogue search takes (docs/rules/catalogue-search.md): the demo catalogue,
 * then the same with SEARCH_EXTRA (default 2 000) more procedure versions in force, each query of
 * test/fixtures/search-queries.json run SEARCH_ROUNDS (5) times through `searchProcedures` (the
 * vocabulary read, the ranked page and its total). PGlite in memory; PostgreSQL too when
 * SEARCH_DATABASE_URL names an empty database it may fill.
 *   npx tsx apps/server/scripts/catalogue-search-time.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { demoBundleDir } from '../src/demo/demo.ts';
import { searchProcedures } from '../src/modules/procedures/procedures.usecases.ts';
import { bundlePartLoaders } from '../src/modules/setup/bundle-parts.ts';
import { readBundle } from '../src/modules/setup/bundle.read.ts';
import { loadBundle } from '../src/modules/setup/setup.usecases.ts';

const extra = Number(process.env.SEARCH_EXTRA ?? 2000);
const rounds = Number(process.env.SEARCH_ROUNDS ?? 5);
const queries = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../test/fixtures/search-queries.json'), 'utf8')) as {
  queries: Array<{ query: string }>;
}).queries.map((q) => q.query);
const clock = () => new Date('2026-03-10T03:00:00Z');

async function measure(label: string, databaseUrl?: string) {
  const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
  const db = handle.db;
  await migrateToLatest(db);
  await loadBundle(readBundle(demoBundleDir), { db }, { extraLoaders: bundlePartLoaders });
  const run = async (catalogue: string) => {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const started = performance.now();
        await searchProcedures({ q, limit: 20, offset: 0 }, { db, clock });
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
    console.log(`${label}, ${catalogue}: ${times.length} searches, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  };
  await run('demo catalogue (30 procedures)');
  // Copies of the demo versions under new codes, named apart, so the scan has a province's size.
  await sql`INSERT INTO procedures (code, code_verified) SELECT 'SYN.' || g, false FROM generate_series(1, ${extra}::int) AS g`.execute(db);
  await sql`
    INSERT INTO procedure_versions (procedure_id, procedure_code, version, name, field, levels, agency_codes, processing_time, fee, components,
      result_type, legal_basis, fully_online, inter_agency, workflow, valid_from, content_hash)
    SELECT p.id, p.code, 1, v.name || ' (mẫu ' || p.code || ')', v.field, v.levels, v.agency_codes, v.processing_time, v.fee, v.components,
      v.result_type, v.legal_basis, v.fully_online, v.inter_agency, v.workflow, v.valid_from, md5(p.code)
    FROM procedures p
    CROSS JOIN LATERAL (SELECT * FROM procedure_versions WHERE procedure_code NOT LIKE 'SYN.%' ORDER BY md5(p.code || procedure_code) LIMIT 1) v
    WHERE p.code LIKE 'SYN.%'`.execute(db);
  await sql`ANALYZE procedure_versions`.execute(db);
  await run(`with ${extra} more procedures`);
  await handle.close();
}

if (process.env.SEARCH_SKIP_PGLITE !== "1") await measure("PGlite");
if (process.env.SEARCH_DATABASE_URL) await measure('PostgreSQL', process.env.SEARCH_DATABASE_URL);
