/**
 * Integration tests run on both databases the product supports: the embedded PGlite and a real
 * PostgreSQL server. Each test file gets a fresh database. The server is the one the tier's global
 * setup chose (scripts/test-env/vitest-setup.mjs): TEST_DATABASE_URL when it answers (default the
 * local server on 127.0.0.1:5432), else a PostgreSQL started from npm for the run. It is never
 * silently skipped. MOTCUA_TEST_DATABASES=pglite narrows the run (refused under CI).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseKinds as kindsFromEnvironment, defaultServerUrl } from '../../../../scripts/test-env/postgres.mjs';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl?: string;
  }
}

export const serverAdminUrl = inject('testDatabaseUrl') ?? process.env.TEST_DATABASE_URL ?? defaultServerUrl;

export const databaseKinds: DatabaseKind[] = kindsFromEnvironment();

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the throw-away server database (postgres only), for commands run as processes. */
  url?: string;
}

/** A fresh, migrated database of the given kind; `close()` also drops it. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
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
