/**
 * Integration tests run on both databases the product supports: the embedded PGlite and a real
 * PostgreSQL server. Each test file gets a fresh database. The server is the one the tier's global
 * setup chose (scripts/test-env/vitest-setup.mjs): TEST_DATABASE_URL when it answers (default the
 * local server on 127.0.0.1:5432), else a PostgreSQL started from npm for the run. It is never
 * silently skipped. MOTCUA_TEST_DATABASES=pglite narrows the run (refused under CI).
 *
 * A fresh database is a copy of a migrated template (templates.ts), made by the global setup.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseKinds as kindsFromEnvironment, defaultServerUrl } from '../../../../scripts/test-env/postgres.mjs';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { pgliteTemplate, postgresTemplate, templateKey } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl?: string;
    /** The PGlite template's archive (templates.ts). */
    pgliteTemplate?: string;
    /** The PostgreSQL template database on the test server (templates.ts). */
    postgresTemplate?: string;
  }
}

export const serverAdminUrl = inject('testDatabaseUrl') ?? process.env.TEST_DATABASE_URL ?? defaultServerUrl;

export const databaseKinds: DatabaseKind[] = kindsFromEnvironment();

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the throw-away server database (postgres only), for commands run as processes. */
  url?: string;
}

let pgliteArchive: Promise<Uint8Array> | undefined;
let serverTemplate: Promise<string> | undefined;

/** The templates the global setup made; made here (once per process) when run without it. */
function template(kind: 'pglite'): Promise<Uint8Array>;
function template(kind: 'postgres'): Promise<string>;
function template(kind: DatabaseKind): Promise<Uint8Array | string> {
  if (kind === 'pglite') {
    pgliteArchive ??= (async () => fs.readFileSync(inject('pgliteTemplate') ?? (await pgliteTemplate(templateKey()))))();
    return pgliteArchive;
  }
  serverTemplate ??= (async () => inject('postgresTemplate') ?? (await postgresTemplate(serverAdminUrl, templateKey())))();
  return serverTemplate;
}

/**
 * A fresh, migrated database of the given kind, its own: a copy of the migrated template (the
 * migrator then finds nothing left to apply). `close()` also drops it.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: await template('pglite') });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const source = await template('postgres');
  const admin = new pg.Client({ connectionString: serverAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverAdminUrl);
  url.pathname = '/' + name;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: serverAdminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
