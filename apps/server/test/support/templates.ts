/**
 * Migrated templates for the test databases: the migrations run once per set of migrations, not
 * once per test file and database. Every test database still is a database of its own, fresh,
 * that no other file sees: a copy of the template.
 *
 * - PostgreSQL: a template database `motcua_template_<key>` on the test server (not connectable),
 *   and each test database is `CREATE DATABASE … TEMPLATE` it, a file copy inside the server.
 * - PGlite: a tar archive of a migrated data directory, `<tmpdir>/motcua-test-templates/
 *   pglite-<key>.tar`, and each test database is a new PGlite started from it (`loadDataDir`),
 *   which skips PGlite's initdb as well as the migrations.
 *
 * The key is a hash of what decides the migrated schema: the text of the migrator and of every
 * module it imports from this repository (the migrations), the versions of the packages those
 * import, and the PGlite version. A changed migration gives a new key, so a new template. The
 * integration tier's global setup (scripts/test-env/vitest-setup.mjs) makes the templates before
 * any test; `createTestDatabase` still runs the migrator on each copy, which finds nothing to do
 * (and would apply what a stale template lacked). Templates nobody used for a day are removed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const serverDir = path.resolve(import.meta.dirname, '../..');
const migrator = path.join(serverDir, 'src/db/migrate.ts');
const requireFromServer = createRequire(path.join(serverDir, 'package.json'));

/** Bumped when the way a template is made changes. */
const recipe = 1;
/** A template not used for this long is removed (by the next run that makes or uses one). */
const unusedFor = 24 * 3600_000;

/** The installed version of a package, as the server resolves it. */
function packageVersion(name: string): string {
  let dir = path.dirname(requireFromServer.resolve(name));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return json.version ?? '?';
    }
    dir = path.dirname(dir);
  }
  return '?';
}

/** The package a bare specifier names (`kysely`, `@electric-sql/pglite/contrib/x` → `@electric-sql/pglite`). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The template key: a hash over the migrator and every module of this repository it imports,
 * directly or not (type imports included), the versions of the packages they import, and the
 * PGlite version. (`entry` other than the migrator: for the key's own test.)
 */
export function templateKey(entry = migrator): string {
  const hash = createHash('sha256').update(`recipe ${recipe}\npglite ${packageVersion('@electric-sql/pglite')}\n`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    hash.update(`file ${path.relative(serverDir, file)}\n${text}\n`);
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      if (specifier!.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier!));
      else if (!specifier!.startsWith('node:')) packages.add(packageName(specifier!));
    }
  }
  for (const name of [...packages].sort()) hash.update(`package ${name}@${packageVersion(name)}\n`);
  return hash.digest('hex').slice(0, 16);
}

export const pgliteTemplateDir = path.join(os.tmpdir(), 'motcua-test-templates');

/**
 * The PGlite template's archive for `key`, made when missing (written to a temporary name and
 * renamed: a concurrent run sees the whole file or none). Marks it used now, and removes the
 * archives of other keys unused for a day.
 */
export async function pgliteTemplate(key: string): Promise<string> {
  fs.mkdirSync(pgliteTemplateDir, { recursive: true });
  const file = path.join(pgliteTemplateDir, `pglite-${key}.tar`);
  if (!fs.existsSync(file)) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(handle.db);
      const archive = await handle.dumpDataDir!();
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, archive);
      fs.renameSync(partial, file);
    } finally {
      await handle.close();
    }
  }
  const now = new Date();
  fs.utimesSync(file, now, now);
  for (const name of fs.readdirSync(pgliteTemplateDir)) {
    const other = path.join(pgliteTemplateDir, name);
    if (other === file) continue;
    try {
      if (now.getTime() - fs.statSync(other).mtimeMs > unusedFor) fs.rmSync(other, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
  return file;
}

/** Held while a run looks for, makes or removes templates on a server (any key). */
const templateLock = String(0x6d6f74637561); // "motcua"
const usedNote = /^motcua test template, last used (\S+)$/;

export function postgresTemplateName(key: string): string {
  return `motcua_template_${key}`;
}

/**
 * The PostgreSQL template database for `key` on the server at `adminUrl`, made when missing:
 * migrated under another name, then renamed, marked a template and closed to connections (a
 * database being copied must have none). Under an advisory lock, so that concurrent runs make it
 * once. Records its use now (in its comment) and removes templates of other keys unused for a day
 * and what an interrupted run left half made.
 */
export async function postgresTemplate(adminUrl: string, key: string): Promise<string> {
  const name = postgresTemplateName(key);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [templateLock]);
    const templates = (await admin.query<{ datname: string; note: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname LIKE 'motcua\\_template\\_%'",
    )).rows;
    for (const t of templates) {
      if (t.datname === name) continue;
      const used = usedNote.exec(t.note ?? '')?.[1];
      // Half made (no note: the lock is ours, so nobody is making it now), or unused for a day.
      if (used && Date.now() - Date.parse(used) <= unusedFor) continue;
      await admin.query(`ALTER DATABASE ${t.datname} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${t.datname} WITH (FORCE)`);
    }
    if (!templates.some((t) => t.datname === name && t.note)) {
      const building = `${name}_partial`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    await admin.query(`COMMENT ON DATABASE ${name} IS 'motcua test template, last used ${new Date().toISOString()}'`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [templateLock]).catch(() => {});
    await admin.end();
  }
}
