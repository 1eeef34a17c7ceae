/**
 * A staff member of commune A (Giao Thủy) cannot read or change anything of commune B (Giao Minh),
 * for every API route that exists. A new route fails this test until it has a case here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';

interface Ctx {
  t: TestApp;
  /** Staff of commune A in every role, including an administrator of commune A. */
  a: Record<'officer' | 'specialist' | 'leader' | 'admin', Agent>;
  bAgencyId: string;
  bUserId: string;
}

type Case = { scoped: true; check: (ctx: Ctx) => Promise<void> } | { scoped: false; why: string };

const matrix: Record<string, Case> = {
  'GET /api/v1/auth/csrf': { scoped: false, why: 'issues a CSRF token; no agency data' },
  'POST /api/v1/auth/login': { scoped: false, why: 'sign-in; answers only the caller’s own profile' },
  'GET /api/v1/auth/me': { scoped: false, why: 'the caller’s own profile' },
  'POST /api/v1/auth/logout': { scoped: false, why: 'ends the caller’s own session' },
  'GET /api/v1/agencies': {
    scoped: true,
    check: async ({ a }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get('/api/v1/agencies?limit=500');
        expect(res.statusCode).toBe(200);
        const codes = res.json().items.map((i: { code: string }) => i.code);
        expect(codes).toContain(communeA);
        expect(codes).not.toContain(communeB);
      }
    },
  },
  'GET /api/v1/agencies/:id': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/agencies/${bAgencyId}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Giao Minh');
      }
    },
  },
  'GET /api/v1/users': {
    scoped: true,
    check: async ({ a }) => {
      const res = await a.admin.get('/api/v1/users?limit=500');
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((u: { username: string }) => u.username);
      expect(names).toContain('canbo.giaothuy');
      expect(names).not.toContain('canbo.giaominh');
      for (const role of ['officer', 'specialist', 'leader'] as const) expect((await a[role].get('/api/v1/users')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/users/:id': {
    scoped: true,
    check: async ({ a, bUserId }) => {
      expect((await a.admin.get(`/api/v1/users/${bUserId}`)).statusCode).toBe(404);
      expect((await a.officer.get(`/api/v1/users/${bUserId}`)).statusCode).toBe(403);
    },
  },
  'POST /api/v1/users': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const res = await a.admin.post('/api/v1/users', {
        username: 'intruder.giaominh', fullName: 'Không được tạo', password: 'a-long-password-1',
        assignments: [{ role: 'officer', agencyId: bAgencyId }],
      });
      expect(res.statusCode).toBe(403);
      const created = await t.database.db.selectFrom('users').select('id').where('username', '=', 'intruder.giaominh').executeTakeFirst();
      expect(created).toBeUndefined();
    },
  },
  'GET /api/v1/audit-events': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      const res = await a.admin.get('/api/v1/audit-events?limit=500');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ agencyId: string; actorName: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((e) => e.agencyId === bAgencyId)).toBe(false);
      expect((await a.officer.get('/api/v1/audit-events')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/public/procedures': { scoped: false, why: 'the public catalogue of procedures (SPEC §7): published to everyone' },
  'GET /api/v1/public/procedures/:code': { scoped: false, why: 'a published procedure and its version history' },
  'GET /api/v1/public/procedure-changes': { scoped: false, why: 'the published list of catalogue changes' },
  'GET /api/v1/public/procedure-fields': { scoped: false, why: 'fields of the published catalogue, with counts' },
  'POST /api/v1/procedures': {
    scoped: true,
    check: async ({ t, a }) => {
      const entry = (code: string, agencies?: string[]) => ({
        code, name: 'Thủ tục thử quyền', field: 'Hộ tịch', levels: ['commune'], processingTime: { value: 3, unit: 'working_days' },
        components: [], fullyOnline: false, ...(agencies ? { agencies } : {}),
      });
      // Commune A's administrator may not publish for commune B, nor for every commune.
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.B', [communeB]))).statusCode).toBe(403);
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.ALL'))).statusCode).toBe(403);
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.AB', [communeA, communeB]))).statusCode).toBe(403);
      for (const role of ['officer', 'specialist', 'leader'] as const) {
        expect((await a[role].post('/api/v1/procedures', entry('AUTHZ.A', [communeA]))).statusCode).toBe(403);
      }
      const created = await t.database.db.selectFrom('procedures').select('code').where('code', 'like', 'AUTHZ.%').execute();
      expect(created).toEqual([]);
      // Its own commune it may.
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.A', [communeA]))).statusCode).toBe(201);
    },
  },
};

describe.each(databaseKinds)('authorization matrix on %s', (kind) => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.t = await startTestApp(kind);
    const province = await ctx.t.signIn('quantri');
    const aId = await ctx.t.agencyId(communeA);
    const created = await province.post('/api/v1/users', {
      username: 'quantri.giaothuy', fullName: 'Quản trị xã Giao Thủy', password: 'Quan-tri-xa-2026',
      assignments: [{ role: 'admin', agencyId: aId }],
    });
    expect(created.statusCode).toBe(201);
    ctx.a = {
      officer: await ctx.t.signIn('canbo.giaothuy'),
      specialist: await ctx.t.signIn('chuyenvien.giaothuy'),
      leader: await ctx.t.signIn('lanhdao.giaothuy'),
      admin: await ctx.t.signIn('quantri.giaothuy', 'Quan-tri-xa-2026'),
    };
    // Activity at commune B, so that there is something to leak.
    await ctx.t.signIn('canbo.giaominh');
    ctx.bAgencyId = await ctx.t.agencyId(communeB);
    ctx.bUserId = (await ctx.t.database.db.selectFrom('users').select('id').where('username', '=', 'canbo.giaominh').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => ctx.t?.close());

  it('has a case for every API route that exists', () => {
    const routes = ctx.t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((r) => !(r in matrix));
    expect(missing, 'routes without an authorization case').toEqual([]);
  });

  it.each(Object.entries(matrix).filter(([, c]) => c.scoped))('keeps commune B out of reach: %s', async (route, c) => {
    expect(ctx.t.app.apiRoutes.some((r) => `${r.method} ${r.url}` === route), `${route} is registered`).toBe(true);
    if (c.scoped) await c.check(ctx);
  });

  it('lets no route be called anonymously unless it is declared public', async () => {
    const anonymous = ctx.t.anonymous();
    for (const r of ctx.t.app.apiRoutes.filter((r) => r.access.kind !== 'public')) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(/:(\w+)/g, 'x');
      const res = await anonymous.request(r.method, url, r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
