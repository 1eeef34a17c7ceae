/**
 * A statement marked `/* prepared: NAME *\/` (db/prepared.ts) is prepared once per connection of
 * the PostgreSQL server and answers like any other; on PGlite the mark is a comment. The staff
 * session lookup, sent by every request, is one of them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedMark } from '../../src/db/prepared.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

for (const kind of databaseKinds) {
  describe(`prepared statements on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('answers a marked statement with its parameters, every time, and prepares it once per connection on the server', async () => {
      const answers: string[] = [];
      for (const code of ['000.00.12.H40', '000.41.00.H40', '000.00.12.H40']) {
        const r = await sql<{ code: string }>`${sql.raw(preparedMark('test_echo'))} SELECT upper(${code}::text) AS code`.execute(database.db);
        answers.push(r.rows[0]!.code);
      }
      expect(answers).toEqual(['000.00.12.H40', '000.41.00.H40', '000.00.12.H40']);
      if (kind !== 'postgres') return;
      // One connection holds the statement under its name, with the text as sent.
      const client = await database.pool.connect();
      try {
        await client.query(`${preparedMark('test_echo')} SELECT upper($1::text) AS code`, ['x']);
        const r = await client.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name = 'test_echo'`);
        expect(r.rows).toEqual([{ name: 'test_echo' }]);
      } finally {
        client.release();
      }
    });

    it('leaves unmarked statements unprepared', async () => {
      await sql`SELECT 1 AS one`.execute(database.db);
      if (kind !== 'postgres') return;
      const client = await database.pool.connect();
      try {
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_prepared_statements WHERE name <> 'test_echo'`);
        expect(Number(r.rows[0]!.n)).toBe(0);
      } finally {
        client.release();
      }
    });
  });
}
