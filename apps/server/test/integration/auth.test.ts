import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('staff sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { config: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
  });
  afterAll(async () => t?.close());

  it('signs in a demo officer and returns their role at their commune', async () => {
    const agent = await t.signIn('canbo.giaothuy');
    const me = await agent.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.fullName).toBe('Phạm Thị Thu');
    expect(me.json().assignments).toEqual([
      expect.objectContaining({ role: 'officer', agencyCode: '000.41.00.H40', agencyName: 'Ủy ban nhân dân xã Giao Thủy' }),
    ]);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on path /', async () => {
    const agent = t.anonymous();
    agent.csrfToken = (await agent.get('/api/v1/auth/csrf')).json().csrfToken;
    const res = await agent.post('/api/v1/auth/login', { username: 'canbo.giaothuy', password: 'Motcua@2026' });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('motcua_session='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('rotates the session at sign-in: the cookie presented before is no longer valid', async () => {
    const first = await t.signIn('chuyenvien.giaothuy');
    const before = first.cookies.motcua_session!;
    const res = await first.post('/api/v1/auth/login', { username: 'chuyenvien.giaothuy', password: 'Motcua@2026' });
    expect(res.statusCode).toBe(200);
    const after = first.cookies.motcua_session!;
    expect(after).not.toBe(before);
    const stale = t.anonymous();
    stale.cookies.motcua_session = before;
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);
    first.csrfToken = res.json().csrfToken;
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 and a Vietnamese and English message', async () => {
    const agent = t.anonymous();
    agent.csrfToken = (await agent.get('/api/v1/auth/csrf')).json().csrfToken;
    const res = await agent.post('/api/v1/auth/login', { username: 'lanhdao.giaothuy', password: 'wrong-password' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
      messages: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
    });
  });

  it('throttles an account after repeated wrong passwords, even when the right one follows', async () => {
    const agent = t.anonymous();
    agent.csrfToken = (await agent.get('/api/v1/auth/csrf')).json().csrfToken;
    for (let i = 0; i < 3; i++) {
      const res = await agent.post('/api/v1/auth/login', { username: 'canbo.giaominh', password: `wrong-${i}` });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await agent.post('/api/v1/auth/login', { username: 'canbo.giaominh', password: 'Motcua@2026' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.throttled');
    // Another account from elsewhere is not affected.
    await expect(t.signIn('lanhdao.giaominh')).resolves.toBeDefined();
    const audit = await t.database.db
      .selectFrom('audit_events').select(['action']).where('action', 'in', ['auth.sign_in_failed', 'auth.sign_in_throttled'])
      .where(sql => sql.fn('jsonb_extract_path_text', ['details', sql.val('username')]), '=', 'canbo.giaominh').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['auth.sign_in_failed', 'auth.sign_in_failed', 'auth.sign_in_failed', 'auth.sign_in_throttled']);
  });

  it('refuses sign-in without the CSRF token', async () => {
    const agent = t.anonymous();
    await agent.get('/api/v1/auth/csrf');
    const res = await agent.post('/api/v1/auth/login', { username: 'canbo.giaothuy', password: 'Motcua@2026' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_invalid');
  });

  it('refuses a state-changing request made with a session but without its CSRF token', async () => {
    const agent = await t.signIn('quantri');
    const withoutToken = await agent.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('auth.csrf_invalid');
    const wrongToken = await agent.request('POST', '/api/v1/users', { username: 'x' }, { 'x-csrf-token': 'not-the-token' });
    expect(wrongToken.statusCode).toBe(403);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('signs out: the session ends and is recorded in the audit log', async () => {
    const agent = await t.signIn('quanly.tinh');
    const userId = (await agent.get('/api/v1/auth/me')).json().user.id;
    const cookie = agent.cookies.motcua_session!;
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const stale = t.anonymous();
    stale.cookies.motcua_session = cookie;
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);
    const actions = await t.database.db.selectFrom('audit_events').select(['action', 'ip']).where('entity_id', '=', userId).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['auth.signed_in', 'auth.signed_out']);
    expect(actions.every((a) => a.ip === '127.0.0.1')).toBe(true);
  });

  it('refuses to update or delete audit rows, whoever asks', async () => {
    await expect(t.database.db.updateTable('audit_events').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });
});
