/**
 * Sign-in throttling under attack: parallel guesses never get more password checks than the
 * limits allow, a locked (account, address) pair stays locked, and the owner of an account still
 * signs in from an address they used before. Addresses are injected per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { demoPassword, startTestApp, type TestApp } from '../support/app.ts';

const minute = 60_000;

describe.each(databaseKinds)('sign-in throttling on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2026-03-02T02:00:00Z');
  let csrf = '';

  beforeAll(async () => {
    // The defaults: 5 failures per account and address, 15 minutes, slow-down after 5 failures
    // across addresses, 20 failures per address across accounts.
    t = await startTestApp(kind, { clock: () => new Date(now) });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
    csrf = res.json().csrfToken;
  });
  afterAll(async () => t?.close());

  const attempt = (username: string, password: string, address: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      cookies: { motcua_csrf: csrf },
      headers: { 'x-csrf-token': csrf },
      payload: { username, password },
    });

  const auditOf = (username: string) =>
    t.database.db
      .selectFrom('audit_events')
      .select(['action', 'ip', 'actor_name', 'details'])
      .where('action', 'like', 'auth.sign_in%')
      .where('actor_name', '=', username)
      .orderBy('id')
      .execute();

  it('checks at most five passwords when thirty wrong ones arrive at once from one address', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('canbo.giaothuy', `wrong-${i}`, '203.0.113.7')));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    for (const r of responses.filter((x) => x.statusCode === 429)) expect(r.json().code).toBe('auth.throttled');
    // Every password check is a failed sign-in in the audit trail, with the address and the name typed.
    const audit = await auditOf('canbo.giaothuy');
    expect(audit.filter((a) => a.action === 'auth.sign_in_failed')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'auth.sign_in_throttled')).toHaveLength(25);
    expect(audit.every((a) => a.ip === '203.0.113.7' && (a.details as { username?: string }).username === 'canbo.giaothuy')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('wrong-');
  });

  it('lets the owner sign in from their usual address right after an attack from thirty other addresses', async () => {
    // The owner signed in from the commune office before: that address is known.
    expect((await attempt('chuyenvien.giaothuy', demoPassword, '198.51.100.20')).statusCode).toBe(200);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt('chuyenvien.giaothuy', `guess-${i}`, `192.0.2.${i + 1}`)),
    );
    const checked = responses.filter((r) => r.statusCode === 401).length;
    // Across addresses the account slows down after five failures (the next check waits a second).
    expect(checked).toBeLessThanOrEqual(5);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(30 - checked);
    expect((await attempt('chuyenvien.giaothuy', demoPassword, '198.51.100.20')).statusCode).toBe(200);
  });

  it('keeps the attacking address locked for fifteen minutes while the owner works from their office', async () => {
    expect((await attempt('lanhdao.giaothuy', demoPassword, '198.51.100.21')).statusCode).toBe(200);
    // 25 guesses: the route's coarse per-address flood limit (30 a minute) is not what is tested here.
    await Promise.all(Array.from({ length: 25 }, (_, i) => attempt('lanhdao.giaothuy', `guess-${i}`, '203.0.113.8')));
    expect((await attempt('lanhdao.giaothuy', demoPassword, '198.51.100.21')).statusCode).toBe(200);
    // Even the right password is refused from the attacking address, without checking it.
    const locked = await attempt('lanhdao.giaothuy', demoPassword, '203.0.113.8');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'auth.throttled', details: { retryAfterSeconds: 15 * 60 } });
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    now += 14 * minute;
    expect((await attempt('lanhdao.giaothuy', demoPassword, '203.0.113.8')).statusCode).toBe(429);
    now += 2 * minute;
    expect((await attempt('lanhdao.giaothuy', demoPassword, '203.0.113.8')).statusCode).toBe(200);
  });

  it('slows an account down from new addresses after repeated failures, but never locks it', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('canbo.giaominh', `guess-${i}`, `192.0.2.${100 + i}`)).statusCode).toBe(401);
    // The sixth guess, from yet another address, waits; so does the owner at a new address.
    const slowed = await attempt('canbo.giaominh', demoPassword, '192.0.2.150');
    expect(slowed.statusCode).toBe(429);
    const wait = slowed.json().details.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    now += wait * 1000;
    expect((await attempt('canbo.giaominh', demoPassword, '192.0.2.150')).statusCode).toBe(200);
    now += minute;
    // Each further failure doubles the wait, up to a minute: never a lock.
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await attempt('canbo.giaominh', `again-${i}`, `192.0.2.${160 + i}`);
      expect(r.statusCode).toBe(401);
      const next = await attempt('canbo.giaominh', `again-${i}`, `192.0.2.${160 + i}`);
      expect(next.statusCode).toBe(429);
      waits.push(next.json().details.retryAfterSeconds);
      now += next.json().details.retryAfterSeconds * 1000;
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(Math.max(...waits)).toBe(60);
  });

  it('signs the same person in four times at once without an error or a leftover failure', async () => {
    const responses = await Promise.all(Array.from({ length: 4 }, () => attempt('chuyenvien.giaominh', demoPassword, '198.51.100.40')));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const rows = await t.database.db.selectFrom('login_throttle').select(['scope', 'failures']).where('key', 'in', ['chuyenvien.giaominh', '198.51.100.40']).execute();
    expect(rows.map((r) => r.failures)).toEqual([0, 0]);
  });

  it('stops one address trying many accounts after twenty failures, whatever the names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt(`canbo.xa${i}`, 'Motcua@2026', '203.0.113.9')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Twenty parallel guesses on as many accounts from a fresh address: at most twenty checked.
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`canbo.xb${i}`, 'x', '203.0.113.10')));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(20);
    // An officer whose usual address it is still signs in there.
    expect((await attempt('canbo.tuphap', demoPassword, '203.0.113.11')).statusCode).toBe(200);
    await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(`canbo.xc${i}`, 'x', '203.0.113.11')));
    expect((await attempt('canbo.tuphap', demoPassword, '203.0.113.11')).statusCode).toBe(200);
    const throttled = await t.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'auth.sign_in_throttled')
      .where('ip', '=', '203.0.113.9')
      .execute();
    expect(throttled.map((r) => (r.details as { scope?: string }).scope)).toEqual(['address', 'address', 'address', 'address', 'address']);
  });
});
