/**
 * Citizens' sign-in with the e-ID over OpenID Connect, driven over real HTTP like a browser would:
 * Motcua listens on a port with the bundled development provider mounted at /dev-idp (which the
 * server itself reaches in process), and a test browser follows the redirects, fills the
 * provider's sign-in page and comes back. The second part uses a provider on its own port,
 * configured as OIDC_ISSUER, so that the server's requests to it go over the network as well. Every refusal
 * (bad, reused or unbound state, replayed code, wrong nonce, cancelled sign-in, and below, an
 * expired or foreign-signed ID token) signs nobody in and leaves its reason in the audit trail.
 */
import net from 'node:net';
import http from 'node:http';
import { createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { TestBrowser, readForm } from '../support/browser.ts';
import { demoIdentities } from '../../src/demo/citizens.ts';
import { createDevIdentityProvider, devIdentityPassword } from '../../src/demo/dev-idp/provider.ts';
import { newDevIdentityProviderSecrets, newSigningKey } from '../../src/demo/dev-idp/secrets.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isCallback = (url: URL) => url.pathname === '/api/v1/auth/citizen/callback';

/**
 * Starts a sign-in at Motcua, signs in at the provider as `login` and stops where the provider
 * sends the browser back: the callback URL, not yet requested.
 */
async function signInAtProvider(browser: TestBrowser, base: string, login: string, returnTo = '/ho-so-cua-toi'): Promise<{ callback: URL; authorization: URL }> {
  const start = await browser.request(`${base}/api/v1/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const authorization = new URL(start.headers.get('location')!);
  const page = await browser.follow(authorization);
  expect(page.res.status, 'the provider’s sign-in page').toBe(200);
  const html = await page.res.text();
  expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử VNeID');
  const form = readForm(html, page.url);
  const back = await browser.follow(form.action, { init: { form: { ...form.fields, login, password: devIdentityPassword } }, stopAt: isCallback });
  if (!back.stoppedAt) throw new Error(`the provider did not send the browser back: ${back.res.status} ${await back.res.text()}`);
  return { callback: back.stoppedAt, authorization };
}

async function refusals(t: TestApp) {
  const rows = await t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'auth.citizen_sign_in_refused').orderBy('id').execute();
  return rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { reason: string; detail?: string });
}

async function citizenSessions(t: TestApp): Promise<number> {
  const row = await t.database.db.selectFrom('citizen_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(databaseKinds)('citizen sign-in with the bundled e-ID provider over HTTP on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let offsetMs = 0;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(kind, {
      demo: false,
      clock: () => new Date(testClock().getTime() + offsetMs),
      config: { PORT: String(port), PUBLIC_BASE_URL: base },
    });
    await t.app.listen({ host: '127.0.0.1', port });
  });
  afterAll(async () => t?.close());

  it('publishes the provider’s discovery document under its issuer', async () => {
    const res = await fetch(`${base}/dev-idp/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${base}/dev-idp`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.jwks_uri).toBe(`${base}/dev-idp/jwks`);
  });

  it('signs a citizen in: PKCE, state and nonce to the provider, then a citizen session and the identity it vouched for', async () => {
    const browser = new TestBrowser();
    const { callback, authorization } = await signInAtProvider(browser, base, '036090001234', '/tra-cuu?ma=1');
    const p = authorization.searchParams;
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${base}/dev-idp/auth`);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('motcua-portal');
    expect(p.get('redirect_uri')).toBe(`${base}/api/v1/auth/citizen/callback`);
    expect(p.get('scope')!.split(' ')).toContain('openid');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect(p.get('state')).toBe(callback.searchParams.get('state'));

    const done = await browser.request(callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/tra-cuu?ma=1');
    expect(browser.cookie('motcua_citizen')).toBeDefined();
    expect(browser.cookie('motcua_citizen_signin'), 'the binding cookie is spent').toBeUndefined();

    const me = await browser.request(`${base}/api/v1/auth/citizen/me`, { headers: { accept: 'application/json' } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      kind: 'citizen', fullName: 'Nguyễn Văn An', personalId: '036090001234', birthDate: '1990-04-12', gender: 'male',
      phone: '0912345678', email: 'an.nguyen@example.vn', eidLevel: 2, organizationName: null, taxCode: null,
    });
    const account = await t.database.db.selectFrom('citizens').select(['issuer', 'subject']).where('personal_id', '=', '036090001234').executeTakeFirstOrThrow();
    expect(account).toEqual({ issuer: `${base}/dev-idp`, subject: 'vneid-036090001234' });
  });

  it('signs a business in with its tax code, as its representative', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '0601234567');
    expect((await browser.request(callback)).headers.get('location')).toBe('/ho-so-cua-toi');
    const me = await browser.request(`${base}/api/v1/auth/citizen/me`);
    expect(await me.json()).toMatchObject({ kind: 'business', fullName: 'Hoàng Văn Em', organizationName: 'Công ty TNHH Dệt may Nam Việt', taxCode: '0601234567' });
  });

  it('answers a wrong password at the provider with its own page again, and nothing comes back', async () => {
    const browser = new TestBrowser();
    const start = await browser.request(`${base}/api/v1/auth/citizen/login`);
    const page = await browser.follow(start.headers.get('location')!);
    const form = readForm(await page.res.text(), page.url);
    const wrong = await browser.request(form.action, { form: { login: '036090001234', password: 'sai-mat-khau' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('mật khẩu không đúng');
  });

  it('refuses an unknown state: 4xx, nobody signed in, the reason audited', async () => {
    const before = await citizenSessions(t);
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036192005678');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-motcua-never-issued');
    const res = await browser.request(forged, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('citizen_sign_in.state_invalid');
    expect(browser.cookie('motcua_citizen')).toBeUndefined();
    expect(await citizenSessions(t)).toBe(before);
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'state_unknown' });
  });

  it('refuses a state used before, even with the browser that started it', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036192005678');
    const binding = browser.cookie('motcua_citizen_signin')!;
    expect((await browser.request(callback)).status).toBe(303);
    const other = new TestBrowser();
    other.cookies.set('motcua_citizen_signin', { value: binding, path: '/api/v1/auth/citizen/callback', host: new URL(base).host });
    const again = await other.request(callback);
    expect(again.status).toBe(400);
    expect(other.cookie('motcua_citizen')).toBeUndefined();
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'state_reused' });
  });

  it('refuses a callback carried to another browser (the state is bound to the one that started)', async () => {
    const { callback } = await signInAtProvider(new TestBrowser(), base, '036085009012');
    const elsewhere = new TestBrowser();
    const res = await elsewhere.request(callback);
    expect(res.status).toBe(400);
    // A browser gets a page that leads back to the portal, where the reason is shown.
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('/ho-so-cua-toi?dang-nhap=loi&amp;ma=citizen_sign_in.state_invalid');
    expect(elsewhere.cookie('motcua_citizen')).toBeUndefined();
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'state_not_bound' });
  });

  it('refuses a replayed authorization code under a fresh state', async () => {
    const browser = new TestBrowser();
    const first = await signInAtProvider(browser, base, '036301003456');
    expect((await browser.request(first.callback)).status).toBe(303);
    const attacker = new TestBrowser();
    const second = await signInAtProvider(attacker, base, '036301003456');
    const replay = new URL(second.callback);
    replay.searchParams.set('code', first.callback.searchParams.get('code')!);
    const res = await attacker.request(replay, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('citizen_sign_in.token_refused');
    expect(attacker.cookie('motcua_citizen')).toBeUndefined();
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'code_refused', detail: expect.stringContaining('invalid_grant') });
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const browser = new TestBrowser();
    const { callback, authorization } = await signInAtProvider(browser, base, '036090001234');
    // The provider answers for the nonce it was given; the sign-in now expects another.
    const sentNonce = authorization.searchParams.get('nonce')!;
    const changed = await t.database.db.updateTable('citizen_sign_ins').set({ nonce: 'another-nonce-than-the-one-sent' }).where('nonce', '=', sentNonce).executeTakeFirst();
    expect(Number(changed.numUpdatedRows)).toBe(1);
    const res = await browser.request(callback);
    expect(res.status).toBe(400);
    expect(browser.cookie('motcua_citizen')).toBeUndefined();
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'id_token_invalid', detail: expect.stringContaining('nonce') });
  });

  it('refuses when the citizen cancels at the provider (a provider error)', async () => {
    const browser = new TestBrowser();
    const start = await browser.request(`${base}/api/v1/auth/citizen/login`);
    const page = await browser.follow(start.headers.get('location')!);
    const html = await page.res.text();
    const cancel = [...html.matchAll(/<form\b[^>]*action="([^"]*abort)"/g)][0]![1]!;
    const back = await browser.follow(new URL(cancel, page.url), { init: { method: 'POST', form: {} }, stopAt: isCallback });
    expect(back.stoppedAt?.searchParams.get('error')).toBe('access_denied');
    const res = await browser.request(back.stoppedAt!, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('citizen_sign_in.provider_error');
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'provider_error', detail: expect.stringContaining('access_denied') });
  });

  it('refuses a state older than ten minutes', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036090001234');
    offsetMs = 11 * 60_000;
    try {
      expect((await browser.request(callback)).status).toBe(400);
    } finally {
      offsetMs = 0;
    }
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'state_expired' });
  });

  it('renews the provider’s tokens once the access token has expired, and ends the session when the provider refuses', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036192005678');
    await browser.request(callback);
    const session = () => t.database.db.selectFrom('citizen_sessions as s').innerJoin('citizens as c', 'c.id', 's.citizen_id')
      .select(['s.refresh_token', 's.access_expires_at', 's.id']).where('c.personal_id', '=', '036192005678').orderBy('s.created_at', 'desc').executeTakeFirst();
    const before = (await session())!;
    expect(before.refresh_token).toBeTruthy();
    offsetMs = 11 * 60_000;
    try {
      expect((await browser.request(`${base}/api/v1/auth/citizen/me`)).status).toBe(200);
      const after = (await session())!;
      expect(after.id).toBe(before.id);
      expect(after.refresh_token).not.toBe(before.refresh_token);
      expect(new Date(after.access_expires_at!).getTime()).toBeGreaterThan(new Date(before.access_expires_at!).getTime());

      // The provider no longer knows the refresh token: the session ends.
      await t.database.db.updateTable('citizen_sessions').set({ refresh_token: 'revoked-at-the-provider', access_expires_at: new Date(0) }).where('id', '=', after.id).execute();
      expect((await browser.request(`${base}/api/v1/auth/citizen/me`)).status).toBe(401);
      expect(await t.database.db.selectFrom('citizen_sessions').select('id').where('id', '=', after.id).executeTakeFirst()).toBeUndefined();
      const ended = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.citizen_session_ended').executeTakeFirst();
      expect(ended).toBeDefined();
    } finally {
      offsetMs = 0;
    }
  });

  it('signs out: the session ends and the provider’s end-session URL leads back to the portal', async () => {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036090001234');
    await browser.request(callback);
    const me = (await (await browser.request(`${base}/api/v1/auth/citizen/me`)).json()) as { csrfToken: string };
    const out = await browser.request(`${base}/api/v1/auth/citizen/logout`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken, accept: 'application/json' } });
    expect(out.status).toBe(200);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${base}/dev-idp/session/end`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect((await browser.request(`${base}/api/v1/auth/citizen/me`)).status).toBe(401);

    const confirm = await browser.request(end);
    expect(confirm.status).toBe(200);
    const form = readForm(await confirm.text(), end, 'op.logoutForm');
    const done = await browser.follow(form.action, { init: { form: { ...form.fields, logout: 'yes' } }, stopAt: (next) => next.href === `${base}/` });
    expect(done.stoppedAt?.href).toBe(`${base}/`);
  });
});

/**
 * An ID token the checks must refuse although everything else is right: a provider of the test's
 * own (the same development provider, on its own port) whose token answers are rewritten on the
 * way out, re-signed with its own key but expired, or signed with a key it never published under
 * the kid of its real one.
 */
describe.each(databaseKinds)('ID tokens refused by their checks on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let idp: http.Server;
  let mode: 'as_issued' | 'expired' | 'foreign_key' = 'as_issued';

  const secrets = newDevIdentityProviderSecrets();
  const foreignKey = newSigningKey();

  function resign(idToken: string): string {
    const [header, payload] = idToken.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number>;
    if (mode === 'expired') {
      const now = Math.floor(Date.now() / 1000);
      claims.iat = now - 7200;
      claims.exp = now - 3600;
    }
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const key = createPrivateKey({ key: (mode === 'foreign_key' ? foreignKey : secrets.signingKeys[0]) as never, format: 'jwk' });
    return `${header}.${body}.${sign('sha256', Buffer.from(`${header}.${body}`), key).toString('base64url')}`;
  }

  beforeAll(async () => {
    const [idpPort, appPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${idpPort}`;
    base = `http://127.0.0.1:${appPort}`;
    const provider = createDevIdentityProvider({
      issuer,
      secrets,
      accounts: demoIdentities,
      clients: [{
        client_id: 'motcua-test', client_secret: 'test-secret-of-motcua', redirect_uris: [`${base}/api/v1/auth/citizen/callback`],
        grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
      }],
    });
    idp = http.createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/token' && mode !== 'as_issued') {
        const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
        res.end = ((chunk?: unknown) => {
          if (res.statusCode !== 200 || chunk === undefined) return end(chunk);
          const answer = JSON.parse(String(chunk)) as { id_token?: string };
          if (answer.id_token) answer.id_token = resign(answer.id_token);
          const text = JSON.stringify(answer);
          res.setHeader('content-length', Buffer.byteLength(text));
          return end(text);
        }) as typeof res.end;
      }
      void provider.handle(req, res);
    });
    await new Promise<void>((resolve) => idp.listen(idpPort, '127.0.0.1', resolve));
    t = await startTestApp(kind, {
      demo: false,
      config: { PORT: String(appPort), PUBLIC_BASE_URL: base, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'motcua-test', OIDC_CLIENT_SECRET: 'test-secret-of-motcua' },
    });
    await t.app.listen({ host: '127.0.0.1', port: appPort });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  async function attempt(): Promise<{ status: number; signedIn: boolean }> {
    const browser = new TestBrowser();
    const { callback } = await signInAtProvider(browser, base, '036090001234');
    const res = await browser.request(callback);
    return { status: res.status, signedIn: browser.cookie('motcua_citizen') !== undefined };
  }

  it('signs in through the harness when the tokens are left as issued', async () => {
    mode = 'as_issued';
    expect(await attempt()).toEqual({ status: 303, signedIn: true });
  });

  it('refuses an expired ID token', async () => {
    mode = 'expired';
    expect(await attempt()).toEqual({ status: 400, signedIn: false });
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'id_token_invalid', detail: expect.stringContaining('"exp"') });
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    mode = 'foreign_key';
    expect(await attempt()).toEqual({ status: 400, signedIn: false });
    expect((await refusals(t)).at(-1)).toMatchObject({ reason: 'id_token_invalid', detail: expect.stringMatching(/signature/i) });
  });
});
