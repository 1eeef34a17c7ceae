/**
 * Text PostgreSQL cannot store (a NUL character, a lone UTF-16 surrogate) or that no person types
 * (other control characters) is refused with a 400 that names the field, at every place every
 * route reads text: generated from the route table, so that a new route or field is covered as
 * soon as it exists. Signed in with roles that pass each route's access (a citizen on citizen routes), so validation is reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { textProblem, type StaffRole } from '@motcua/domain';
import type { DeclaredRoute } from '../../src/http/access.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { signedHeaders } from '../../src/infra/notify/signature.ts';
import { inputProbes } from '../support/input-probes.ts';
import { samplePdf } from '../support/multipart.ts';

/** Hostile text: as JSON or a header value, and as it arrives in a URL. */
const hostile = [
  { name: 'a NUL character', text: 'a\u0000b', url: 'a%00b', urlRefused: true },
  // In a URL, a lone surrogate is invalid UTF-8 (%ED%A0%80): refused as a bad URL in a path, and
  // left undecoded (plain text) in a querystring; neither may reach the database as a surrogate.
  { name: 'a lone surrogate', text: 'a\uD800b', url: 'a%ED%A0%80b', urlRefused: false },
  { name: 'a control character', text: 'a\u001bb', url: 'a%1Bb', urlRefused: true },
] as const;

interface Staff { agent: Agent; roles: StaffRole[] }

describe.each(databaseKinds)('hostile text on %s', (kind) => {
  let t: TestApp;
  let staff: Staff[];
  let anonymous: Agent;
  let citizen: Agent;
  let address = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    staff = [
      { agent: await t.signIn('quantri'), roles: ['admin'] },
      { agent: await t.signIn('quanly.tinh'), roles: ['manager'] },
      { agent: await t.signIn('canbo.giaothuy'), roles: ['officer'] },
      { agent: await t.signIn('chuyenvien.giaothuy'), roles: ['specialist'] },
      { agent: await t.signIn('lanhdao.giaothuy'), roles: ['leader', 'manager'] },
    ];
    citizen = await t.signInCitizen('036090001234');
    // Sign-in needs the double-submit CSRF cookie.
    anonymous = t.anonymous();
    anonymous.csrfToken = (await anonymous.get('/api/v1/auth/csrf')).json().csrfToken;
    citizen = await t.signInCitizen('036090001234');
  });
  afterAll(async () => t?.close());

  /** An agent whose roles pass the route's declared access. */
  function agentFor(route: DeclaredRoute): Agent {
    const access = route.access;
    if (access.kind === 'public') return anonymous;
    if (access.kind === 'citizen') return citizen;
    const found = staff.find((s) => access.kind !== 'staff' || !access.roles || s.roles.some((role) => access.roles!.includes(role)));
    if (!found) throw new Error(`no test account passes the access of ${route.method} ${route.url}`);
    return found.agent;
  }

  /**
   * Each request from its own address, so that per-address rate limits never answer instead of
   * validation. A gateway's delivery receipt is signed with the channel's secret, its access rule.
   */
  function send(agent: Agent, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    address += 1;
    const receipt = /^\/api\/v1\/notifications\/receipts\/(sms|chat)$/.exec(url)?.[1] as 'sms' | 'chat' | undefined;
    const secret = receipt ? t.deps.config.notifications[receipt]?.secret : undefined;
    const raw = secret && body !== undefined ? JSON.stringify(body) : undefined;
    return t.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
      cookies: agent.cookies,
      headers: {
        ...(agent.csrfToken && method !== 'GET' ? { 'x-csrf-token': agent.csrfToken } : {}),
        ...(raw !== undefined ? { 'content-type': 'application/json', ...signedHeaders(secret!, raw, t.deps.clock()) } : {}),
        ...headers,
      },
      ...(raw !== undefined ? { payload: raw } : body === undefined ? {} : { payload: body as object }),
    });
  }

  function expectRefusalNaming(res: LightMyRequestResponse, path: string, what: string): void {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
    const problem = res.json();
    expect(problem.code, what).toBe('request.invalid');
    expect(problem.issues.map((i: { path: string }) => i.path), what).toContain(path);
  }

  it('finds text inputs in the route table (the walk itself works)', () => {
    const count = t.app.apiRoutes.reduce((n, r) => n + inputProbes(r).length, 0);
    expect(count).toBeGreaterThan(150);
    const names = t.app.apiRoutes.flatMap((r) => inputProbes(r).map((p) => `${r.method} ${r.url} ${p.name}`));
    expect(names).toEqual(expect.arrayContaining([
      'GET /api/v1/public/procedures querystring.q',
      'GET /api/v1/public/procedures/:code params.code',
      'POST /api/v1/auth/login body.username',
      'POST /api/v1/dossiers body.applicant.name',
      'POST /api/v1/dossiers body.components.0.note',
      'POST /api/v1/dossiers headers.idempotency-key',
      'POST /api/v1/procedures body.components.0.name',
    ]));
  });

  it('refuses hostile text with a 400 naming the field, at every place every route reads text', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const route of t.app.apiRoutes) {
      const agent = agentFor(route);
      for (const probe of inputProbes(route)) {
        for (const h of hostile) {
          const inUrl = probe.location === 'params' || probe.location === 'querystring';
          const req = probe.request(inUrl ? h.url : h.text);
          const res = await send(agent, route.method, req.url, req.body, req.headers);
          probes += 1;
          const what = `${route.method} ${route.url} ${probe.name} with ${h.name}`;
          if (res.statusCode >= 500) { failures.push(`${what}: ${res.statusCode}`); continue; }
          if (inUrl && !h.urlRefused) continue;
          const path = probe.issuePath(inUrl ? decodeURIComponent(h.url) : h.text);
          const named = res.statusCode === 400 && res.json().code === 'request.invalid'
            && (res.json().issues ?? []).some((i: { path: string }) => i.path === path);
          if (!named) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(probes).toBeGreaterThan(300);
    expect(failures, `${failures.length} of ${probes} probes`).toEqual([]);
  });

  it('answers a lone surrogate in a path with 400 problem+json', async () => {
    const res = await send(anonymous, 'GET', '/api/v1/public/procedures/a%ED%A0%80b');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('request.invalid');
  });

  it.each([
    ['/api/v1/files', 'canbo.giaothuy'],
    ['/api/v1/public/files', null],
  ] as const)('refuses hostile text in the name of a file uploaded to %s, and in its other fields', async (url, username) => {
    const agent = username ? staff.find((s) => s.roles.includes('officer'))!.agent : anonymous;
    // A lone surrogate cannot be written in UTF-8: a multipart body carries bytes, decoded as UTF-8.
    for (const h of hostile.filter((x) => x.name !== 'a lone surrogate')) {
      const named = multipart([{ field: 'file', filename: `giay${h.text}to.pdf`, content: samplePdf }]);
      expectRefusalNaming(await send(agent, 'POST', url, named.payload, named.headers), 'body.file.filename', `${url} file name with ${h.name}`);
      const field = multipart([{ field: 'note', value: `ghi${h.text}chu` }, { field: 'file', filename: 'giay-to.pdf', content: samplePdf }]);
      expectRefusalNaming(await send(agent, 'POST', url, field.payload, field.headers), 'body.note', `${url} field with ${h.name}`);
    }
    const files = await t.database.db.selectFrom('files').select('original_name').execute();
    expect(files.filter((f) => textProblem(f.original_name) !== null)).toEqual([]);
  });

  it('keeps tabs, line breaks and Vietnamese text in free text', async () => {
    const officer = staff.find((s) => s.roles.includes('officer'))!.agent;
    const res = await send(officer, 'POST', '/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Thị Ánh 𠀀' },
      components: [{ index: 0, received: true, note: 'Bản sao\tcó chứng thực\r\nhai trang' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().applicant.name).toBe('Nguyễn Thị Ánh 𠀀');
    expect(res.json().components[0].note).toBe('Bản sao\tcó chứng thực\r\nhai trang');
  });
});

/** multipart/form-data with fields and files, in order. */
function multipart(parts: Array<{ field: string; value?: string; filename?: string; content?: Buffer }>) {
  const boundary = '----motcua' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const type = p.filename === undefined ? '' : 'Content-Type: application/pdf\r\n';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`, 'utf8'));
    chunks.push(p.content ?? Buffer.from(p.value ?? '', 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
