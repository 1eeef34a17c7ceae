/**
 * The test databases are copies of a migrated template (test/support/templates.ts): a copy must be
 * what migrating an empty database gives, and each copy a database of its own.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase, databaseKinds, serverAdminUrl, type TestDatabase } from '../support/databases.ts';
import { postgresTemplate, templateKey } from '../support/templates.ts';

/** Everything the migrations make, as text: tables and columns, constraints, indexes, triggers, functions, extensions, rows. */
async function schemaOf(db: Kysely<any>): Promise<Record<string, unknown[]>> {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  const tables = (await rows(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)) as Array<{ name: string }>;
  const counts = [];
  for (const { name } of tables) {
    // The migrator's own log: which migrations, not when they ran.
    const [row] = name === 'kysely_migration'
      ? await rows(sql`SELECT string_agg(name, ',' ORDER BY name) AS n FROM kysely_migration`)
      : await rows(sql`SELECT count(*)::int AS n FROM ${sql.table(name)}`);
    counts.push({ name, rows: (row as { n: unknown }).n });
  }
  return {
    columns: await rows(sql`SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
    constraints: await rows(sql`SELECT conrelid::regclass::text AS on_table, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await rows(sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    triggers: await rows(sql`SELECT tgrelid::regclass::text AS on_table, tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
    functions: await rows(sql`SELECT proname, pg_get_function_identity_arguments(oid) AS args, md5(prosrc) AS body FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2`),
    extensions: await rows(sql`SELECT extname, extversion FROM pg_extension ORDER BY 1`),
    sequences: await rows(sql`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`),
    rows: counts,
  };
}

/** An empty database, migrated here: what the tests got before the templates. */
async function migratedFromEmpty(kind: 'pglite' | 'postgres'): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { handle, drop: () => handle.close() };
  }
  const name = `motcua_test_${process.pid}_empty`;
  const admin = new pg.Client({ connectionString: serverAdminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  await migrateToLatest(handle.db);
  return {
    handle,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.each(databaseKinds)('test databases on %s', (kind) => {
  const open: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of open) await database.close();
  });

  it('are copies of the template with the schema that migrating an empty database gives', { timeout: 180_000 }, async () => {
    // (An empty PGlite initialised and migrated here, as each test database was before the templates: slow.)
    const copy = await createTestDatabase(kind);
    open.push(copy);
    const fresh = await migratedFromEmpty(kind);
    try {
      const expected = await schemaOf(fresh.handle.db);
      expect(expected.columns!.length).toBeGreaterThan(100);
      expect(expected.triggers!.length).toBeGreaterThan(0);
      expect(await schemaOf(copy.db)).toEqual(expected);
    } finally {
      await fresh.drop();
    }
  });

  it('are each a database of its own: what one file does, no other copy sees', async () => {
    const a = await createTestDatabase(kind);
    open.push(a);
    await sql`CREATE TABLE copy_probe (x int)`.execute(a.db);
    await sql`INSERT INTO copy_probe VALUES (1)`.execute(a.db);
    await sql`INSERT INTO request_rate_limits (key, window_ends_at, hits) VALUES ('probe', now(), 1)`.execute(a.db);
    const b = await createTestDatabase(kind);
    open.push(b);
    const probe = (db: Kysely<any>) => sql<{ t: string | null; n: number }>`
      SELECT to_regclass('copy_probe')::text AS t, (SELECT count(*)::int FROM request_rate_limits WHERE key = 'probe') AS n`.execute(db);
    expect((await probe(a.db)).rows).toEqual([{ t: 'copy_probe', n: 1 }]);
    expect((await probe(b.db)).rows).toEqual([{ t: null, n: 0 }]);
  });
});

describe.runIf(databaseKinds.includes('postgres'))('the PostgreSQL templates', () => {
  it('are kept while used and removed after a day unused, as is what an interrupted run half made', async () => {
    const admin = new pg.Client({ connectionString: serverAdminUrl });
    await admin.connect();
    const suffix = `${process.pid}`;
    const stale = `motcua_template_stale${suffix}`;
    const recent = `motcua_template_recent${suffix}`;
    const half = `motcua_template_half${suffix}_partial`;
    try {
      for (const name of [stale, recent, half]) await admin.query(`CREATE DATABASE ${name}`);
      await admin.query(`COMMENT ON DATABASE ${stale} IS 'motcua test template, last used ${new Date(Date.now() - 25 * 3600_000).toISOString()}'`);
      await admin.query(`COMMENT ON DATABASE ${recent} IS 'motcua test template, last used ${new Date(Date.now() - 23 * 3600_000).toISOString()}'`);
      await admin.query(`ALTER DATABASE ${stale} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);

      const name = await postgresTemplate(serverAdminUrl, templateKey());
      const present = (await admin.query<{ datname: string; datistemplate: boolean; datallowconn: boolean }>(
        "SELECT datname, datistemplate, datallowconn FROM pg_database WHERE datname LIKE 'motcua\\_template\\_%'",
      )).rows;
      const names = present.map((r) => r.datname);
      expect(names).toContain(recent);
      expect(names).not.toContain(stale);
      expect(names).not.toContain(half);
      // The one in use: a template nobody can connect to (a database being copied must have no connection).
      expect(present.find((r) => r.datname === name)).toEqual({ datname: name, datistemplate: true, datallowconn: false });
    } finally {
      for (const name of [stale, recent, half]) {
        await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await admin.end();
    }
  });
});
