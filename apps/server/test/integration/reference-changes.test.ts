/**
 * Cached reference data (agencies, working calendars) never outlives a committed change, in any
 * server process: a second application on the same database, and a bundle loaded by a separate
 * set of dependencies as `motcua setup` does, are seen at once, not after the caches' 30 seconds.
 * Observed through the public dossier page, which names the receiving agency (reference cache)
 * and counts the working time left on the agency's calendar (calendar cache).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle, type Listener } from '../../src/db/database.ts';
import { buildDeps } from '../../src/deps.ts';
import { demoBundleDir } from '../../src/demo/demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { listenForReferenceChanges } from '../../src/modules/reference/reference.changes.ts';
import { bundlePartLoaders } from '../../src/modules/setup/bundle-parts.ts';
import { readBundle } from '../../src/modules/setup/bundle.read.ts';
import { loadBundle } from '../../src/modules/setup/setup.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { sha256 } from '../../src/infra/tokens.ts';
import { sessionCookie } from '../../src/http/session.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const communeCode = '000.41.00.H40';
const at = (iso: string) => Date.parse(iso);

/** Polls `read` until it returns `expected`; resolves with the milliseconds it took. */
async function seen<T>(read: () => Promise<T>, expected: T, withinMs = 2_000): Promise<number> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started <= withinMs) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`still ${JSON.stringify(last)} instead of ${JSON.stringify(expected)} after ${withinMs} ms`);
}

/** The demo bundle with the commune renamed, as an administrator would edit agencies.json. */
function bundleRenaming(name: string) {
  const bundle = readBundle(demoBundleDir);
  return { ...bundle, agencies: bundle.agencies.map((a) => (a.code === communeCode ? { ...a, name } : a)) };
}

describe.each(databaseKinds)('reference data changed elsewhere on %s', (kind) => {
  let t: TestApp;
  const now = at('2025-03-05T09:00:00+07:00');
  let code = '';

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now) });
    const officer = await t.signIn('canbo.giaothuy');
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894',
      applicant: { name: 'Lê Văn Đức', idNumber: '036085001111', phone: '0987654321' },
      components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
  });
  afterAll(async () => t?.close());

  const agencyName = async (app: FastifyInstance) => (await app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` })).json().agency.name;

  it('refuses a staff session an operator ends in SQL (deleted, or made to expire sooner), though the session is cached', async () => {
    const me = async (agent: Agent) => (await agent.get('/api/v1/auth/me')).statusCode;
    const ended = await t.signIn('canbo.giaothuy');
    const shortened = await t.signIn('chuyenvien.giaothuy');
    expect([await me(ended), await me(shortened)]).toEqual([200, 200]);
    // The database keeps a session as the SHA-256 of its cookie.
    const idOf = (agent: Agent) => sha256(agent.cookies[sessionCookie]!);
    await t.database.db.deleteFrom('sessions').where('id', '=', idOf(ended)).execute();
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(now - 1_000) }).where('id', '=', idOf(shortened)).execute();
    await seen(() => me(ended), 401);
    await seen(() => me(shortened), 401);
  });

  it('shows an agency renamed by a bundle loaded from separate dependencies, as `motcua setup` does, at once', async () => {
    expect(await agencyName(t.app)).toBe('Ủy ban nhân dân xã Giao Thủy');
    // The CLI opens its own connections (on PGlite it can only share the one database).
    const cli: DatabaseHandle | undefined = kind === 'postgres' ? await openDatabase({ databaseUrl: t.database.url!, poolSize: 2 }) : undefined;
    try {
      await loadBundle(bundleRenaming('Ủy ban nhân dân xã Giao Thủy (đã nạp lại)'), { db: (cli ?? t.database).db }, { extraLoaders: bundlePartLoaders });
    } finally {
      await cli?.close();
    }
    await seen(() => agencyName(t.app), 'Ủy ban nhân dân xã Giao Thủy (đã nạp lại)');
  });
});

describe.runIf(databaseKinds.includes('postgres'))('two server processes on one PostgreSQL database', () => {
  let a: TestApp;
  let b: { app: FastifyInstance; handle: DatabaseHandle; listener: Listener; close(): Promise<void> };
  let admin: Agent;
  let code = '';
  let communeId = '';
  const now = at('2025-03-05T09:00:00+07:00');
  const delays: number[] = [];

  beforeAll(async () => {
    a = await startTestApp('postgres', { clock: () => new Date(now) });
    // A second process: its own pool, caches and listener, on the same database.
    const handle = await openDatabase({ databaseUrl: a.database.url!, poolSize: 4 });
    const deps = buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), handle.db, () => new Date(now));
    const listener = await listenForReferenceChanges(handle, deps, { retryDelaysMs: [1_000] });
    const app = await buildApp(deps);
    await app.ready();
    b = {
      app, handle, listener,
      async close() {
        await listener.close();
        await app.close();
        await handle.close();
      },
    };
    admin = await a.signIn('quantri');
    communeId = await a.agencyId(communeCode);
    const officer = await a.signIn('canbo.giaothuy');
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894',
      applicant: { name: 'Trần Thị Mai', idNumber: '036085002222', phone: '0987654322' },
      components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const publicDossier = async (app: FastifyInstance) => (await app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` })).json();

  it('shows an agency renamed through one process at once through the other', async () => {
    expect((await publicDossier(b.app)).agency.name).toBe('Ủy ban nhân dân xã Giao Thủy');
    const renamed = await admin.request('PATCH', `/api/v1/agencies/${communeId}`, { name: 'Ủy ban nhân dân xã Giao Thủy mới' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await publicDossier(a.app)).agency.name).toBe('Ủy ban nhân dân xã Giao Thủy mới');
    delays.push(await seen(async () => (await publicDossier(b.app)).agency.name, 'Ủy ban nhân dân xã Giao Thủy mới'));
  });

  it('counts working time on an agency calendar changed through the other process at once', async () => {
    const before = (await publicDossier(b.app)).clock.workingMinutesLeft as number;
    expect(before).toBeGreaterThan(0);
    // Mornings only: less working time left before the appointment.
    const set = await admin.request('PUT', `/api/v1/agencies/${communeId}/calendar`, { periods: [{ start: '07:30', end: '11:30' }] });
    expect(set.statusCode, set.body).toBe(204);
    const after = (await publicDossier(a.app)).clock.workingMinutesLeft as number;
    expect(after).toBeLessThan(before);
    delays.push(await seen(async () => (await publicDossier(b.app)).clock.workingMinutesLeft, after));
  });

  it('forgets everything when its listening connection comes back, since notices sent meanwhile are lost', async () => {
    expect(b.listener.connected).toBe(true);
    await a.database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'motcua-listener' AND datname = current_database()`,
    );
    await seen(async () => b.listener.connected, false);
    // While it is away, B caches the name, then A renames the agency: B misses the notice.
    expect((await publicDossier(b.app)).agency.name).toBe('Ủy ban nhân dân xã Giao Thủy mới');
    expect((await admin.request('PATCH', `/api/v1/agencies/${communeId}`, { name: 'Ủy ban nhân dân xã Giao Thủy (sau mất kết nối)' })).statusCode).toBe(200);
    expect((await publicDossier(b.app)).agency.name).toBe('Ủy ban nhân dân xã Giao Thủy mới');
    // Back within its one-second retry, it forgets what it held.
    await seen(async () => b.listener.connected, true, 5_000);
    expect((await publicDossier(b.app)).agency.name).toBe('Ủy ban nhân dân xã Giao Thủy (sau mất kết nối)');
  });

  it('sees a bundle loaded by `motcua setup` in a third process in both server processes', async () => {
    const cli = await openDatabase({ databaseUrl: a.database.url!, poolSize: 2 });
    try {
      await loadBundle(bundleRenaming('Ủy ban nhân dân xã Giao Thủy (gói mới)'), { db: cli.db }, { extraLoaders: bundlePartLoaders });
    } finally {
      await cli.close();
    }
    delays.push(await seen(async () => (await publicDossier(a.app)).agency.name, 'Ủy ban nhân dân xã Giao Thủy (gói mới)'));
    delays.push(await seen(async () => (await publicDossier(b.app)).agency.name, 'Ủy ban nhân dân xã Giao Thủy (gói mới)'));
    console.log(`reference change seen by the other process after ${delays.join(', ')} ms`);
  });
});
