import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, client, networkErrorCode, refreshCsrfToken, request, setCsrfToken } from '../../src/shared/api.ts';

interface Call { url: string; method: string; headers: Headers; body: unknown }

function stubFetch(respond: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
    calls.push(call);
    return respond(call);
  });
  return calls;
}

const jsonResponse = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('the API client', () => {
  it('sends and reads JSON under /api/v1 with same-origin credentials', async () => {
    let credentials: RequestCredentials | undefined;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      credentials = init.credentials;
      return jsonResponse({ items: [], total: 0 });
    });
    await expect(client.get('/public/procedures', { query: { q: 'khai sinh', limit: 20, offset: 0, agency: '' } }))
      .resolves.toEqual({ items: [], total: 0 });
    expect(credentials).toBe('same-origin');
  });

  it('builds the query string and leaves out empty parameters', async () => {
    const calls = stubFetch(() => jsonResponse({}));
    await client.get('/public/procedures', { query: { q: 'khai sinh', limit: 20, offset: 0, agency: '', level: undefined, field: null } });
    expect(calls[0]!.url).toBe('/api/v1/public/procedures?q=khai+sinh&limit=20&offset=0');
  });

  it('fills the path parameters of the document’s paths, URL-encoded', async () => {
    const calls = stubFetch(() => jsonResponse({}));
    await client.get('/public/dossiers/{code}', { params: { code: 'XA01/2026 1' } });
    await client.get('/dossiers/{id}', { params: { id: 42 } });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/public/dossiers/XA01%2F2026%201', '/api/v1/dossiers/42']);
  });

  it('sends the CSRF token it holds on every request that changes something, never on GET', async () => {
    const calls = stubFetch((call) => (call.url.endsWith('/auth/csrf') ? jsonResponse({ csrfToken: 'tok-1' }) : jsonResponse({})));
    await refreshCsrfToken();
    await client.post('/auth/login', { username: 'a', password: 'b' });
    await client.get('/auth/me');
    setCsrfToken('tok-2');
    await request('DELETE', '/things/1');
    expect(calls.map((c) => [c.method, c.headers.get('x-csrf-token')])).toEqual([
      ['GET', null], ['POST', 'tok-1'], ['GET', null], ['DELETE', 'tok-2'],
    ]);
    expect(calls[1]!.body).toEqual({ username: 'a', password: 'b' });
    expect(calls[1]!.headers.get('content-type')).toBe('application/json');
  });

  it('answers undefined for 204 No Content', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(client.post('/auth/logout', undefined)).resolves.toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError with its code, messages, issues and request id', async () => {
    stubFetch(() => jsonResponse({
      type: 'https://motcua.gov.vn/problems/auth.invalid_credentials', title: 'Wrong username or password', status: 401,
      code: 'auth.invalid_credentials',
      messages: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
      issues: [{ path: 'username', message: 'required' }], requestId: 'req-1',
    }, 401, 'application/problem+json'));
    const error = await request('POST', '/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401, code: 'auth.invalid_credentials', requestId: 'req-1',
      messages: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng' }, issues: [{ path: 'username' }],
    });
  });

  it('gives a failure that is not problem+json the domain message for its status', async () => {
    stubFetch(() => new Response('<html>Not Found</html>', { status: 404, headers: { 'content-type': 'text/html' } }));
    await expect(client.get('/public/dossiers/{code}', { params: { code: 'X' } })).rejects.toMatchObject({
      status: 404, code: 'request.not_found', messages: { vi: 'Không tìm thấy địa chỉ yêu cầu' },
    });
  });

  it('reports an unreachable server, or a gateway answering for it, as a network error', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    await expect(client.get('/auth/me')).rejects.toMatchObject({ status: 0, code: networkErrorCode });
    stubFetch(() => new Response('', { status: 502 }));
    await expect(client.get('/auth/me')).rejects.toMatchObject({ status: 502, code: networkErrorCode });
  });
});
