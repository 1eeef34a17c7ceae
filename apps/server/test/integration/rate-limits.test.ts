/**
 * Request rate limits count where RATE_LIMIT_STORE says. With `database` (the default) and `redis`,
 * two server processes on one database answer 429 at the shared limit, whichever process each
 * request reaches; with `memory` each process counts alone. Two applications on one database
 * stand for the two processes here (real processes: multi-process.test.ts). The Redis store is
 * tested when a Redis server answers at TEST_REDIS_URL (default the local one); the file says
 * which stores it tested.
 */
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { buildDeps } from '../../src/deps.ts';
import { buildApp } from '../../src/http/app.ts';
import { publicAccess } from '../../src/http/access.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis server answers PING at `url` within half a second. */
async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const withRedis = await redisAnswers(redisUrl);
const stores = ['database', 'memory', ...(withRedis ? ['redis'] : [])] as const;
const tested: string[] = [];

afterAll(() => {
  console.log(
    `rate-limit stores tested: ${tested.join('; ')}` +
      (withRedis ? ` (Redis answered at ${redisUrl})` : ` — redis NOT tested: no Redis server answered at ${redisUrl} (set TEST_REDIS_URL)`),
  );
});

/** Limited routes of the test: 4 per minute, and 3 in two seconds (to see a window end). */
function limitedRoutes(app: FastifyInstance): void {
  app.get('/api/v1/test/limited', { config: { access: publicAccess, rateLimit: { max: 4, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
  app.get('/api/v1/test/brief', { config: { access: publicAccess, rateLimit: { max: 3, timeWindow: 2000 } } }, async () => ({ ok: true }));
}

/** A client address of its own per test, so that runs sharing a Redis server never count each other's requests. */
const someAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

describe.each(databaseKinds.flatMap((kind) => stores.map((store) => [kind, store] as const)))('request rate limits on %s with the %s store', (kind, store) => {
  const env = { RATE_LIMIT_STORE: store, ...(store === 'redis' ? { REDIS_URL: redisUrl } : {}) };
  let a: TestApp;
  let b: FastifyInstance;

  const setUp = async () => {
    a = await startTestApp(kind, { demo: false, config: env, extraRoutes: limitedRoutes });
    // A second process: its own application and store, on the same database.
    b = await buildApp(buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), a.database.db));
    limitedRoutes(b);
    await b.ready();
  };
  afterAll(async () => {
    await b?.close();
    await a?.close();
    tested.push(`${store} on ${kind}`);
  });

  const get = (app: FastifyInstance, url: string, address: string) => app.inject({ method: 'GET', url, remoteAddress: address });

  it(store === 'memory' ? 'counts in each process alone: each allows the limit' : 'answers 429 at the shared limit when requests are split across two processes', async () => {
    await setUp();
    const address = someAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await get(i % 2 ? b : a.app, '/api/v1/test/limited', address)).statusCode);
    if (store === 'memory') {
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    } else {
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
    }
    const refused = await get(a.app, '/api/v1/test/limited', address);
    expect(refused.json().code).toBe('request.rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another address and another route count apart.
    expect((await get(b, '/api/v1/test/limited', someAddress())).statusCode).toBe(200);
    expect((await get(b, '/api/v1/test/brief', address)).statusCode).toBe(200);
  });

  // Shared stores only: the plugin's memory store hands every caller the same counter object and
  // the plugin reads it after an await, so a burst of parallel requests all see the burst's final
  // count (all refused, the first included). Sequential requests are counted right.
  it.runIf(store !== 'memory')('counts parallel requests one by one: exactly the limit goes through', async () => {
    const address = someAddress();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => get(i % 2 ? b : a.app, '/api/v1/test/limited', address)));
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(4);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(8);
  });

  it('opens a new window once the last one has ended', async () => {
    const address = someAddress();
    const first = await get(a.app, '/api/v1/test/brief', address);
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    for (let i = 0; i < 2; i++) expect((await get(store === 'memory' ? a.app : b, '/api/v1/test/brief', address)).statusCode).toBe(200);
    expect((await get(a.app, '/api/v1/test/brief', address)).statusCode).toBe(429);
    await new Promise((r) => setTimeout(r, 2100));
    const again = await get(a.app, '/api/v1/test/brief', address);
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-ratelimit-remaining']).toBe('2');
  });

  it.runIf(store === 'database')('deletes ended windows now and then, without a request waiting for it', async () => {
    await sql`INSERT INTO request_rate_limits (key, window_ends_at, hits) VALUES ('GET/gone-192.0.2.1', now() - interval '1 hour', 7)`.execute(a.database.db);
    // A fresh process deletes at its first request, then at most once a minute.
    const c = await buildApp(buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), a.database.db));
    limitedRoutes(c);
    try {
      expect((await get(c, '/api/v1/test/limited', someAddress())).statusCode).toBe(200);
      const left = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM request_rate_limits WHERE key = 'GET/gone-192.0.2.1'`.execute(a.database.db)).rows[0]!.n;
      for (let i = 0; i < 50 && (await left()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await left()).toBe(0);
    } finally {
      await c.close();
    }
  });
});

describe('request rate limits with a Redis server that does not answer', () => {
  it('fails a limited request within a second and leaves the other routes alone', async () => {
    // A port nothing listens on: the store's connection is refused.
    const t = await startTestApp(databaseKinds[0]!, { demo: false, config: { RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1' }, extraRoutes: limitedRoutes });
    try {
      const started = performance.now();
      const limited = await t.app.inject({ method: 'GET', url: '/api/v1/test/limited' });
      expect(limited.statusCode).toBe(500);
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
