/**
 * An application on a fresh database with the demo bundle loaded, driven in process through
 * `app.inject`. `signIn(username)` returns an agent that carries the session cookie and CSRF token.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DatabaseKind } from '../../src/db/database.ts';
import { buildDeps, type Clock, type Deps } from '../../src/deps.ts';
import { demoBundleDir } from '../../src/demo/demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { readBundle } from '../../src/modules/setup/bundle.read.ts';
import { loadBundle } from '../../src/modules/setup/setup.usecases.ts';
import { bundlePartLoaders } from '../../src/modules/setup/bundle-parts.ts';
import { listenForReferenceChanges } from '../../src/modules/reference/reference.changes.ts';
import type { CitizenIdentity } from '@motcua/domain';
import { demoIdentity } from '../../src/demo/citizens.ts';
import { startCitizenSession } from '../../src/modules/citizens/citizen-sessions.ts';
import { citizenSessionCookie } from '../../src/http/session.ts';
import { motcuaDevIdentityProvider } from '../../src/demo/dev-idp/motcua.ts';
import { newDevIdentityProviderSecrets } from '../../src/demo/dev-idp/secrets.ts';
import { inProcessFetch } from '../../src/demo/dev-idp/in-process-fetch.ts';
import type { DevMailbox } from '../../src/demo/dev-mailbox/store.ts';
import { motcuaDevPayments } from '../../src/demo/dev-payments/motcua.ts';
import type { DevPayments, DevPaymentsOptions } from '../../src/demo/dev-payments/sandbox.ts';
import { testClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { recordAnswers, undocumentedAnswers } from './documented-answers.ts';

export const demoPassword = 'Motcua@2026';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  /** The sandbox payment gateway served at `/dev-payments` (demo mode without VNPAY_*, as `npm start` does). */
  devPayments: DevPayments | undefined;
  /** Agency id by bundle code. */
  agencyId(code: string): Promise<string>;
  signIn(username: string, password?: string): Promise<Agent>;
  /**
   * An agent signed in as a citizen of the demo (`demoIdentities`, by login) or as `identity`,
   * with a session opened directly, as the OIDC callback opens it: for tests of what citizens may
   * do. The sign-in itself is tested against the bundled provider over HTTP (citizen-oidc tests).
   */
  signInCitizen(who: string | CitizenIdentity): Promise<Agent>;
  anonymous(): Agent;
  close(): Promise<void>;
}

export interface Agent {
  cookies: Record<string, string>;
  csrfToken: string | undefined;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function startTestApp(
  kind: DatabaseKind,
  options: {
    config?: Record<string, string>;
    clock?: Clock;
    demo?: boolean;
    extraRoutes?: (app: FastifyInstance) => void;
    /** Serve the bundled development e-ID provider at `<PUBLIC_BASE_URL>/dev-idp` (fresh keys), as `npm start` does (default). */
    devIdentityProvider?: boolean;
    /** Serve `/dev-mailbox` and the development SMS/chat gateway with this mailbox, as `npm start` does in demo mode. */
    devMailbox?: DevMailbox;
    /**
     * The sandbox payment gateway at `/dev-payments` is served whenever the configuration says so
     * (demo mode without VNPAY_*), as `npm start` does; `false` leaves it out, an object tunes it
     * (IPN retry delays). Its IPN reaches the server only once it listens (`withListeningPort`).
     */
    devPayments?: false | Partial<DevPaymentsOptions>;
    /** Serve the web app built in this directory, as `npm start` serves apps/web/dist. */
    webDistDir?: string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.config });
  // Without a clock of its own, a test runs at the tests' "now" (MOTCUA_TEST_NOW, else the real time).
  // As main.ts does: without OIDC_* the development e-ID provider is served, reached in process.
  const devIdentityProvider = options.devIdentityProvider !== false && config.citizenSignIn?.devProvider
    ? motcuaDevIdentityProvider(config, newDevIdentityProviderSecrets())
    : undefined;
  const deps: Deps = buildDeps(config, database.db, options.clock ?? testClock, {
    citizenOidcFetch: devIdentityProvider ? inProcessFetch(devIdentityProvider) : undefined,
  });
  // As main.ts does: changes committed by any process reach this one's caches.
  const referenceChanges = await listenForReferenceChanges(database, deps);
  if (options.demo !== false) {
    await loadBundle(readBundle(demoBundleDir), deps, { extraLoaders: bundlePartLoaders });
  }
  const devPayments = options.devPayments === false ? undefined : motcuaDevPayments(config, deps.clock, { ipnRetryDelaysMs: [200, 1000], ...options.devPayments });
  const app = await buildApp(deps, { logger: false, devIdentityProvider, devMailbox: options.devMailbox, devPayments, webDistDir: options.webDistDir });
  const answers = recordAnswers(app);
  options.extraRoutes?.(app);
  await app.ready();

  const makeAgent = (): Agent => {
    const agent: Agent = {
      cookies: {},
      csrfToken: undefined,
      async request(method, url, body, headers = {}) {
        const res = await app.inject({
          method: method as 'GET',
          url,
          cookies: agent.cookies,
          headers: {
            ...(agent.csrfToken && method !== 'GET' ? { 'x-csrf-token': agent.csrfToken } : {}),
            ...headers,
          },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
          if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < deps.clock().getTime())) delete agent.cookies[c.name];
          else agent.cookies[c.name] = c.value;
        }
        return res;
      },
      get: (url) => agent.request('GET', url),
      post: (url, body, headers) => agent.request('POST', url, body, headers),
    };
    return agent;
  };

  return {
    app,
    deps,
    database,
    devPayments,
    async agencyId(code) {
      const row = await database.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return row.id;
    },
    anonymous: makeAgent,
    async signIn(username, password = demoPassword) {
      const agent = makeAgent();
      const csrf = await agent.get('/api/v1/auth/csrf');
      agent.csrfToken = csrf.json().csrfToken;
      const res = await agent.post('/api/v1/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      agent.csrfToken = res.json().csrfToken;
      return agent;
    },
    async signInCitizen(who) {
      const identity = typeof who === 'string' ? demoIdentity(who, 'http://id.test.invalid') : who;
      const started = await startCitizenSession(
        { identity, tokens: { idToken: null, refreshToken: null, accessExpiresAt: null }, ip: '127.0.0.1', userAgent: 'test', requestId: 'test', previousSessionToken: undefined },
        deps,
      );
      const agent = makeAgent();
      agent.cookies[citizenSessionCookie] = started.sessionToken;
      agent.csrfToken = started.csrfToken;
      return agent;
    },
    async close() {
      const undocumented = undocumentedAnswers(app.swagger(), answers);
      await referenceChanges.close();
      await app.close();
      await database.close();
      if (undocumented.length) {
        throw new Error(`answers the OpenAPI document does not give (declare them in the route's schema or config.problems):\n${undocumented.join('\n')}`);
      }
    },
  };
}
