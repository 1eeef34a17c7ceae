/**
 * Nothing acknowledged is lost when the server is killed (docs/benchmarks.md): a dossier answered with 201 is
 * there after `kill -9` and a restart, on the embedded database and on the PostgreSQL server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../../e2e/support/server.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { signInOverHttp as signIn } from '../support/http-sign-in.ts';

describe.each(databaseKinds)('durability on %s', (kind) => {
  let server: RunningServer | undefined;
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  }, 120_000);

  it('keeps every acknowledged intake after the server is killed with SIGKILL', async () => {
    let env: Record<string, string> = {};
    if (kind === 'postgres') {
      db = await createTestDatabase('postgres');
      env = { DATABASE_URL: db.url! };
    }
    server = await startServer({ ...env, MOTCUA_SKIP_WEB_BUILD: '1' });
    const session = await signIn(server.baseUrl, 'canbo.giaothuy');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf, cookie: session.cookie },
        body: JSON.stringify({
          procedureCode: '1.000894', applicant: { name: `Người nộp ${i}` }, components: [{ index: 0, received: true }],
        }),
      });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { code: string }).code);
    }
    await server.kill();
    server = await server.restart();
    for (const code of codes) {
      const res = await fetch(`${server.baseUrl}/api/v1/public/dossiers/${code}`);
      expect(res.status, code).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('received');
    }
    // Two starts: the first loads the demo history, which startServer allows up to 4 minutes on a
    // busy two-core machine; the integration tier's 60 s default is shorter than that wait.
  }, 600_000);
});
