/**
 * Signs a staff member in over real HTTP (a server started as its own process): the CSRF cookie
 * and token first, then the login. Returns the session cookie and the CSRF token to send.
 */
import { expect } from 'vitest';
import { demoPassword } from './app.ts';

export async function signInOverHttp(baseUrl: string, username: string, password = demoPassword): Promise<{ cookie: string; csrf: string }> {
  const csrfRes = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
