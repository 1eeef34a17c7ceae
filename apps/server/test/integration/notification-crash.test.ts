/**
 * A committed notification survives the death of its process (docs/jobs.md): a real server with
 * JOBS=off receives a dossier (the intake's transaction adds the applicant's message to the
 * outbox), is killed with SIGKILL before anything sends it, and a new process with JOBS=inline
 * sends it — exactly once — to a real SMTP server started by the test. PostgreSQL only: the
 * embedded database cannot be shared by two processes, and its own durability is covered by
 * durability.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../../e2e/support/server.ts';
import { demoBundleDir } from '../../src/demo/demo.ts';
import { readBundle } from '../../src/modules/setup/bundle.read.ts';
import { loadBundle } from '../../src/modules/setup/setup.usecases.ts';
import { bundlePartLoaders } from '../../src/modules/setup/bundle-parts.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { signInOverHttp as signIn } from '../support/http-sign-in.ts';

describe.runIf(databaseKinds.includes('postgres'))('a notification committed before the server is killed', () => {
  let db: TestDatabase | undefined;
  let smtp: TestSmtpServer | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await db?.close();
  }, 60_000);

  it('is sent exactly once by the process started after a SIGKILL', async () => {
    db = await createTestDatabase('postgres');
    await loadBundle(readBundle(demoBundleDir), { db: db.db }, { extraLoaders: bundlePartLoaders });
    smtp = await startTestSmtpServer();
    const env = { DATABASE_URL: db.url!, DEMO_DATA: 'false', MOTCUA_SKIP_WEB_BUILD: '1' };
    server = await startServer({ ...env, JOBS: 'off' });
    const session = await signIn(server.baseUrl, 'canbo.giaothuy');
    const res = await fetch(`${server.baseUrl}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf, cookie: session.cookie },
      body: JSON.stringify({
        procedureCode: '1.000894', components: [{ index: 0, received: true }],
        applicant: { kind: 'citizen', name: 'Trần Thị Bích Ngọc', email: 'ngoc.tt@example.vn' },
      }),
    });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    const queued = await db.db.selectFrom('notifications').select(['id', 'status', 'destination']).execute();
    expect(queued).toEqual([expect.objectContaining({ status: 'queued', destination: 'ngoc.tt@example.vn' })]);

    await server.kill();
    server = await startServer({ ...env, JOBS: 'inline', SMTP_URL: smtp.url }, { port: Number(new URL(server.baseUrl).port), dataDir: server.dataDir });
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail!.subject).toContain(code);
    expect(mail!.messageId).toBe(`<notification-${queued[0]!.id}@motcua.local>`);
    // Time for a second sending, should anything send it again (the dispatcher polls every second).
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.received).toHaveLength(1);
    expect(await db.db.selectFrom('notifications').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 1 }]);
  }, 300_000);
});
