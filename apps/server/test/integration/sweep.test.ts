/**
 * The sweep of expired things, on an injected clock: staff sessions past their expiry, and files
 * uploaded for an online submission that no dossier claimed within a day, rows and stored bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../src/modules/maintenance/sweep.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const hour = 3600_000;

describe.each(databaseKinds)('sweeping expired sessions and uploads on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2025-03-05T09:00:00+07:00');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sweep-'));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { DATA_DIR: dataDir, SESSION_TTL_HOURS: '12' } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (agent: Agent, url: string) => {
    const file = multipartFile('don.pdf', samplePdf, 'application/pdf');
    const res = await agent.request('POST', url, file.payload, file.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadToken?: string };
  };
  const storedFile = async (id: string) => {
    const row = await t.database.db.selectFrom('files').select('storage_key').where('id', '=', id).executeTakeFirst();
    return row && fs.existsSync(path.join(dataDir, 'files', row.storage_key));
  };
  const sessionsOf = (username: string) =>
    t.database.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select('s.id').where('u.username', '=', username).execute();

  it('deletes expired sessions, and public uploads no dossier claimed within a day with their stored files, and records the counts', async () => {
    const morning = await t.signIn('canbo.giaothuy');
    const citizen = t.anonymous();
    const abandoned = await upload(citizen, '/api/v1/public/files');
    const used = await upload(citizen, '/api/v1/public/files');
    const submitted = await citizen.post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40',
      applicant: { name: 'Phạm Minh Khôi', phone: '0901234567' },
      components: [{ index: 0, fileIds: [used.id] }], uploadTokens: { [used.id]: used.uploadToken },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    // A staff member's own unattached scan is theirs to use later: not swept.
    const scan = await upload(morning, '/api/v1/files');
    const stored = await t.database.db.selectFrom('files').select('storage_key').where('id', '=', abandoned.id).executeTakeFirstOrThrow();
    expect(await storedFile(abandoned.id)).toBe(true);

    // 22:00: the morning session (12 hours) has expired; the uploads are 13 hours old.
    now += 13 * hour;
    const evening = await t.signIn('chuyenvien.giaothuy');
    expect(await sweepExpired(t.deps)).toMatchObject({ sessions: 1, uploads: 0 });
    expect(await sessionsOf('canbo.giaothuy')).toEqual([]);
    expect((await evening.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await storedFile(abandoned.id)).toBe(true);

    // 10:00 the next day: 25 hours after the upload, the abandoned one goes, row and bytes.
    now += 12 * hour;
    expect(await sweepExpired(t.deps)).toMatchObject({ sessions: 1, uploads: 1 });
    expect(await storedFile(abandoned.id)).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'files', stored.storage_key))).toBe(false);
    expect(await storedFile(used.id)).toBe(true);
    expect(await storedFile(scan.id)).toBe(true);
    expect(await sessionsOf('chuyenvien.giaothuy')).toEqual([]);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['at', 'actor_name', 'details'])
      .where('action', '=', 'maintenance.expired_swept')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [new Date(a.at).getTime(), a.actor_name])).toEqual([
      [now - 12 * hour, 'motcua sweep'],
      [now, 'motcua sweep'],
    ]);
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ sessions: 1, uploads: 0 }),
      expect.objectContaining({ sessions: 1, uploads: 1 }),
    ]);
  });

  it('records nothing when nothing has expired', async () => {
    const before = await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await sweepExpired(t.deps)).toEqual({ sessions: 0, citizenSessions: 0, uploads: 0, throttleRows: 0, usualAddresses: 0, preparations: 0 });
    const after = await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
