/**
 * `motcua worker` (docs/jobs.md): a separate process sends what the outbox holds to the SMTP
 * server, then stops cleanly on SIGTERM (exit status 0) with the message recorded as sent.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/database.ts';
import { migrateToLatest } from '../../../server/src/db/migrate.ts';
import { enqueueNotifications } from '../../../server/src/modules/notifications/outbox.repository.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../server/test/support/smtp.ts';
import { databaseKinds } from '../../../server/test/support/databases.ts';
import { clockEnvironment } from '../../../server/test/support/clock.ts';
import { cliDatabase, repoRoot, type CliDatabase } from './support.ts';

const bin = path.join(repoRoot, 'apps/cli/bin/motcua.mjs');

describe.each(databaseKinds)('motcua worker on %s', (kind) => {
  let database: CliDatabase | undefined;
  let smtp: TestSmtpServer | undefined;
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  /** The database the worker uses, opened by the test while the worker does not run (PGlite has one owner). */
  const open = async (): Promise<DatabaseHandle> =>
    database!.server ?? openDatabase({ dataDir: database!.dataDir! });

  it('sends the outbox and drains on SIGTERM', async () => {
    database = await cliDatabase(kind);
    smtp = await startTestSmtpServer();
    let handle = await open();
    await migrateToLatest(handle.db);
    await handle.db.transaction().execute((tx) => enqueueNotifications(tx, [{
      kind: 'result_ready', channel: 'email', recipientKind: 'applicant', destination: 'an@example.vn',
      variables: { code: 'H40.22-260213-0700', link: 'https://motcua.example.vn/tra-cuu/H40.22-260213-0700', procedureName: 'Đăng ký khai sinh', agencyName: 'UBND xã Giao Thủy', recipientName: 'Nguyễn Văn An', delivery: { vi: 'tại Bộ phận Một cửa', en: 'at the one-stop counter' } },
    }], new Date()));
    if (!database.server) await handle.close();

    let output = '';
    const worker = spawn(process.execPath, [bin, ...database.args, 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', ...clockEnvironment(), ...database.env, DEMO_DATA: 'false', SMTP_URL: smtp.url, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout.on('data', (d) => (output += d));
    worker.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      const [mail] = await smtp.waitFor(1, 60_000);
      expect(mail!.subject).toContain('H40.22-260213-0700');
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
    expect(output).toContain('worker stopped');

    if (!database.server) handle = await open();
    expect(await handle.db.selectFrom('notifications').select(['status']).execute()).toEqual([{ status: 'sent' }]);
    if (!database.server) await handle.close();
  }, 120_000);
});
