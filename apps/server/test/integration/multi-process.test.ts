/**
 * Two real server processes on one PostgreSQL database behave as one (docs/operations.md): a
 * catalogue change or a session ended through one is seen by the other as soon as the database's
 * change notice reaches it (milliseconds, printed; the notice travels on its own connection, so a
 * request sent at the same instant may still overtake it, and the test allows it 2 s), sign-in
 * failures split across both lock the account at the configured limit, a rate-limited public
 * route split across both answers 429 at the shared limit, and a scheduled job runs once when
 * both run the job queue. Each part comes from its own client address (TRUST_PROXY, the
 * X-Forwarded-For header), so that their counts never mix.
 *
 * PostgreSQL only: the embedded PGlite lives inside one server process and cannot be shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freePort, startServer, type RunningServer } from '../../../../e2e/support/server.ts';
import { loadConfig } from '../../src/config.ts';
import { buildDeps } from '../../src/deps.ts';
import { demoBundleDir } from '../../src/demo/demo.ts';
import { referenceChannel } from '../../src/modules/reference/reference.changes.ts';
import { bundlePartLoaders } from '../../src/modules/setup/bundle-parts.ts';
import { readBundle } from '../../src/modules/setup/bundle.read.ts';
import { loadBundle } from '../../src/modules/setup/setup.usecases.ts';
import { testClock } from '../support/clock.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const password = 'Motcua@2026';
const lookupLimit = 7;
const loginMaxFailures = 4;

/**
 * Asks until `check` holds, for at most `withinMs`; the milliseconds it took. The other process
 * hears of a change through the database's notice, which a request sent to it right after the
 * change can overtake by a few milliseconds on a busy machine.
 */
async function eventually(check: () => Promise<boolean>, withinMs = 2_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) throw new Error(`still not true after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A client of one server at one address, carrying cookies and the CSRF token. */
class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly baseUrl: string,
    readonly address: string,
  ) {}

  /** The same person at the same address, on another server (sessions live in the database). */
  on(server: RunningServer): Client {
    const c = new Client(server.baseUrl, this.address);
    c.cookies = this.cookies;
    c.csrf = this.csrf;
    return c;
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'x-forwarded-for': this.address,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await res.text();
    return { status: res.status, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
  }

  async signIn(username: string, pass = password) {
    this.csrf = (await this.request('GET', '/api/v1/auth/csrf')).json.csrfToken as string;
    const res = await this.request('POST', '/api/v1/auth/login', { username, password: pass });
    if (res.status === 200) this.csrf = res.json.csrfToken as string;
    return res;
  }
}

describe.each(databaseKinds)('two server processes on one database (%s)', (kind) => {
  if (kind === 'pglite') {
    // Stated, not silently skipped: there is nothing to share an embedded database with.
    const why = 'PGlite: not applicable — the embedded database lives inside one server process; several processes need PostgreSQL (DATABASE_URL)';
    console.log(`multi-process: ${why}`);
    it.skip(why, () => {});
    return;
  }

  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // The demo's agencies, procedures and staff, without its history (fast); the servers then find
    // agencies and load nothing more.
    await loadBundle(readBundle(demoBundleDir), buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db.db, testClock), { extraLoaders: bundlePartLoaders });
    const env = {
      DATABASE_URL: db.url!,
      MOTCUA_SKIP_WEB_BUILD: '1',
      TRUST_PROXY: 'true',
      RATE_LIMIT_STORE: 'database',
      PUBLIC_LOOKUP_RATE_LIMIT: String(lookupLimit),
      LOGIN_MAX_FAILURES: String(loginMaxFailures),
      // Both would bind the demo mail catcher's port otherwise; 0: any free port.
      DEV_SMTP_PORT: '0',
      // Both run the job queue (the default), and say so in their log when a scheduled job is done.
      JOBS: 'inline',
      LOG_LEVEL: 'info',
    };
    // As docs/operations.md asks: one DATA_DIR for both (files, the development e-ID's secrets).
    a = await startServer(env);
    b = await startServer(env, { port: await freePort(), dataDir: a.dataDir });
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
  }, 60_000);

  it('serves an agency renamed through one process from the other as soon as the notice reaches it', async () => {
    const officer = new Client(a.baseUrl, '203.0.113.10');
    expect((await officer.signIn('canbo.giaothuy')).status).toBe(200);
    const filed = await officer.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Trần Thị Mai' }, components: [{ index: 0, received: true }],
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    const code = filed.json.code as string;
    const visitor = new Client(b.baseUrl, '203.0.113.11');
    const agencyOnB = async () => ((await visitor.request('GET', `/api/v1/public/dossiers/${code}`)).json.agency as { name: string }).name;
    // B has the agency in its cache now.
    expect(await agencyOnB()).toBe('Ủy ban nhân dân xã Giao Thủy');

    // The notice as every process hears it, to measure how long it takes.
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    await listener.query(`LISTEN ${referenceChannel}`);
    let started = 0;
    const noticed = new Promise<number>((resolve) => listener.on('notification', (n) => n.payload === 'agencies' && resolve(performance.now() - started)));
    try {
      const admin = new Client(a.baseUrl, '203.0.113.12');
      expect((await admin.signIn('quantri')).status).toBe(200);
      const id = (await db.db.selectFrom('agencies').select('id').where('code', '=', '000.41.00.H40').executeTakeFirstOrThrow()).id;
      started = performance.now();
      const renamed = await admin.request('PATCH', `/api/v1/agencies/${id}`, { name: 'Ủy ban nhân dân xã Giao Thủy (đổi tên)' });
      expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
      const answered = performance.now() - started;
      // B, asked from the moment A has answered.
      await eventually(async () => (await agencyOnB()) === 'Ủy ban nhân dân xã Giao Thủy (đổi tên)');
      const servedByB = performance.now() - started;
      const notice = await noticed;
      console.log(`multi-process: rename sent to A at 0 ms; the change notice reached a listener at ${notice.toFixed(1)} ms; ` +
        `A answered at ${answered.toFixed(1)} ms; B served the new name at ${servedByB.toFixed(1)} ms`);
      // The notice leaves at the commit, before A even answers.
      expect(notice).toBeLessThan(answered + 50);
      // And A forgot its own cache at once.
      expect(((await officer.request('GET', `/api/v1/public/dossiers/${code}`)).json.agency as { name: string }).name).toBe('Ủy ban nhân dân xã Giao Thủy (đổi tên)');
    } finally {
      await listener.end();
    }
  });

  it('refuses a session ended or disabled through one process on the other as soon as the notice reaches it (sessions are cached in each)', async () => {
    const officer = new Client(a.baseUrl, '203.0.113.20');
    expect((await officer.signIn('canbo.giaominh')).status).toBe(200);
    const onB = officer.on(b);
    // Both processes have the session in their cache now.
    expect((await officer.request('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await onB.request('GET', '/api/v1/auth/me')).status).toBe(200);
    // The cookie the officer had, kept (signing out clears it in the client), presented to B at once.
    const stale = new Client(b.baseUrl, '203.0.113.20');
    stale.cookies = new Map(officer.cookies);
    expect((await officer.request('POST', '/api/v1/auth/logout', {})).status).toBe(204);
    const signedOut = await eventually(async () => (await stale.request('GET', '/api/v1/auth/me')).status === 401);
    // And once refused, refused for good (the row is gone, not only the cache entry).
    expect((await stale.request('GET', '/api/v1/auth/me')).status).toBe(401);

    // An administrator on A disables an account signed in on B: B refuses it on the next request.
    const other = new Client(b.baseUrl, '203.0.113.21');
    expect((await other.signIn('chuyenvien.giaominh')).status).toBe(200);
    expect((await other.request('GET', '/api/v1/auth/me')).status).toBe(200);
    const admin = new Client(a.baseUrl, '203.0.113.22');
    expect((await admin.signIn('quantri')).status).toBe(200);
    const id = (await db.db.selectFrom('users').select('id').where('username', '=', 'chuyenvien.giaominh').executeTakeFirstOrThrow()).id;
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { disabled: true })).status).toBe(200);
    const disabled = await eventually(async () => (await other.request('GET', '/api/v1/auth/me')).status === 401);
    expect((await other.request('GET', '/api/v1/auth/me')).status).toBe(401);
    console.log(`multi-process: B refused the signed-out session ${signedOut.toFixed(1)} ms and the disabled account ${disabled.toFixed(1)} ms after A answered`);
  });

  it(`locks an account after ${loginMaxFailures} wrong passwords split across the two processes`, async () => {
    const guesser = new Client(a.baseUrl, '198.51.100.20');
    const statuses: number[] = [];
    for (let i = 0; i < loginMaxFailures; i++) statuses.push((await (i % 2 ? guesser.on(b) : guesser).signIn('chuyenvien.giaothuy', `wrong-${i}`)).status);
    expect(statuses).toEqual(Array(loginMaxFailures).fill(401));
    // Locked on both, even with the right password.
    for (const server of [a, b]) {
      const refused = await guesser.on(server).signIn('chuyenvien.giaothuy');
      expect(refused.status).toBe(429);
      expect(refused.json.code).toBe('auth.throttled');
    }
    // Another address is not concerned by that pair's lock.
    expect((await new Client(b.baseUrl, '198.51.100.21').signIn('chuyenvien.giaothuy')).status).toBe(200);
  });

  it(`answers 429 on the public lookup at the shared limit of ${lookupLimit} when requests alternate between the processes`, async () => {
    const citizen = new Client(a.baseUrl, '192.0.2.30');
    const statuses: number[] = [];
    for (let i = 0; i < lookupLimit + 3; i++) statuses.push((await (i % 2 ? citizen.on(b) : citizen).request('GET', '/api/v1/public/dossiers/000.41.00.H40-260101-9999')).status);
    // Answered (no such dossier) up to the shared limit, refused past it, on either process.
    expect(statuses).toEqual([...Array(lookupLimit).fill(404), 429, 429, 429]);
  });

  it('runs a scheduled job once per slot when both processes run the job queue', async () => {
    // The registry's hourly sweep, made due every minute. pg-boss reads its schedules from its
    // table at each check (every 30 s in one process at a time), so both processes see the change
    // without a restart; the servers offer no other way to pick a slot.
    const changed = await db.pool.query(`UPDATE pgboss.schedule SET cron = '* * * * *' WHERE name = 'sweep.expired'`);
    expect(changed.rowCount, 'the sweep is scheduled on the queue').toBe(1);
    const completed = async () => (await db.pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sweep.expired' AND state = 'completed'`)).rows[0].n as number;
    await expect.poll(completed, { timeout: 90_000, interval: 500 }).toBeGreaterThan(0);
    // Time for both workers to poll again (every 10 s): a second job of the same slot would run now.
    await new Promise((r) => setTimeout(r, 12_000));

    const jobs = (await db.pool.query<{ id: string; state: string; retry_count: number; slot: string }>(
      `SELECT id, state, retry_count, to_char(date_trunc('minute', created_on), 'HH24:MI') AS slot FROM pgboss.job WHERE name = 'sweep.expired' ORDER BY created_on`,
    )).rows;
    const runsIn = (server: RunningServer) => server.output().split('\n').filter((l) => l.includes('"job":"sweep.expired"') && l.includes('scheduled job done')).length;
    const [inA, inB] = [runsIn(a), runsIn(b)];
    console.log(`multi-process: sweep.expired jobs ${JSON.stringify(jobs.map((j) => `${j.slot} ${j.state}`))}; runs in A: ${inA}, in B: ${inB}`);
    // One job per minute slot, none retried, and as many runs across both processes as jobs done.
    const slots = jobs.map((j) => j.slot);
    expect(new Set(slots).size).toBe(slots.length);
    expect(jobs.every((j) => j.retry_count === 0)).toBe(true);
    expect(inA + inB).toBe(jobs.filter((j) => j.state === 'completed').length);
  }, 150_000);
});
