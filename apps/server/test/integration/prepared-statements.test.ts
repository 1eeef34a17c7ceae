/**
 * A statement marked `/* prepared: NAME *\/` (db/prepared.ts) is prepared once per connection of
 * the PostgreSQL server and answers like any other; on PGlite the mark is a comment. The staff
 * session lookup, sent by every request, is one of them; so are the rows of an intake, of which
 * several are inserted in one statement (`insertTogether`).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTogether, preparedMark } from '../../src/db/prepared.ts';
import { auditRow } from '../../src/modules/audit/audit.repository.ts';
import { newNotificationRows } from '../../src/modules/notifications/outbox.repository.ts';
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

    it('inserts rows of several tables in one statement, answering what each part returns', async () => {
      const at = new Date(Date.UTC(2026, 11, 7, 3, 0));
      const actor = { kind: 'staff' as const, userId: '00000000-0000-4000-8000-000000000001', username: 'canbo.xa01', assignments: [] };
      const message = (destination: string) => ({
        kind: 'dossier_received' as const, channel: 'sms' as const, recipientKind: 'applicant' as const, destination, variables: { code: 'X-1' },
      });
      const run = (destinations: string[], entity: string) => database.db.transaction().execute((tx) => insertTogether(tx, [
        newNotificationRows(destinations.map(message), at),
        auditRow({ actor, requestId: 'r-1' }, { action: 'dossier.created', entityType: 'dossier', entityId: entity, at, details: { n: destinations.length } }),
        newNotificationRows([], at),
      ] as const));
      const [first, audited, none] = await run(['0912 345 678', '0987 654 321'], 'A-1');
      const [again] = await run(['0901 000 111'], 'A-2');
      expect(first.map((r) => typeof r.id)).toEqual(['number', 'number']);
      expect([audited, none]).toEqual([[], []]);
      const stored = await database.db.selectFrom('notifications').select(['id', 'destination']).orderBy('id').execute();
      expect(stored.map((r) => [Number(r.id), r.destination])).toEqual([
        [first[0]!.id, '0912 345 678'], [first[1]!.id, '0987 654 321'], [again[0]!.id, '0901 000 111'],
      ]);
      const audit = await database.db.selectFrom('audit_events').select(['entity_id', 'at', 'details', 'request_id']).where('action', '=', 'dossier.created').orderBy('id').execute();
      expect(audit).toEqual([
        { entity_id: 'A-1', at, details: { n: 2 }, request_id: 'r-1' },
        { entity_id: 'A-2', at, details: { n: 1 }, request_id: 'r-1' },
      ]);
    });

    it('leaves unmarked statements unprepared', async () => {
      await sql`SELECT 1 AS one`.execute(database.db);
      if (kind !== 'postgres') return;
      const client = await database.pool.connect();
      try {
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_prepared_statements WHERE name <> 'test_echo' AND name NOT LIKE 'together%' AND name NOT LIKE 'audit%' AND name NOT LIKE 'notifications%'`);
        expect(Number(r.rows[0]!.n)).toBe(0);
      } finally {
        client.release();
      }
    });
  });
}
