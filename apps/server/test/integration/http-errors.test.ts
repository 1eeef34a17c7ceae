import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '@motcua/domain';
import { publicAccess } from '../../src/http/access.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('errors at the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      extraRoutes: (app) => {
        const r = app.withTypeProvider<ZodTypeProvider>();
        r.get('/api/v1/test/boom', { config: { access: publicAccess } }, async () => {
          throw new Error('secret internal detail at /srv/motcua/db.ts:42');
        });
        r.post('/api/v1/test/echo', {
          config: { access: publicAccess },
          schema: { body: z.object({ applicant: z.object({ name: z.string().min(1), phone: z.string().regex(/^\d+$/) }) }) },
        }, async (request) => request.body);
        r.get('/api/v1/test/domain', { config: { access: publicAccess, problems: ['dossier.not_found'] } }, async () => {
          throw new AppError('dossier.not_found', { messages: { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' } });
        });
      },
    });
  });
  afterAll(async () => t?.close());

  it('answers an unexpected error with 500, a request id and no stack or internal detail', async () => {
    const res = await t.anonymous().request('GET', '/api/v1/test/boom', undefined, { 'x-request-id': 'req-12345678' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 500, code: 'internal.unexpected', requestId: 'req-12345678' });
    expect(body.messages.vi).toBe('Lỗi hệ thống, vui lòng thử lại sau');
    expect(res.body).not.toMatch(/secret|\/srv|stack|at /i);
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });

  it('answers invalid input with 400 and the path of every bad field', async () => {
    const res = await t.anonymous().post('/api/v1/test/echo', { applicant: { name: '', phone: 'abc' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.messages).toEqual({ vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' });
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.applicant.name', 'body.applicant.phone']);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"applicant":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.invalid');
  });

  it('maps a domain error code to its status without the domain knowing HTTP', async () => {
    const res = await t.anonymous().get('/api/v1/test/domain');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'dossier.not_found', messages: { vi: 'Không tìm thấy hồ sơ' } });
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    const res = await t.anonymous().get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('request.not_found');
  });

  it('serves the OpenAPI 3.1 document and its viewer at /api/docs', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/agencies/{id}']));
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers /healthz with 200 when the database is reachable', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
