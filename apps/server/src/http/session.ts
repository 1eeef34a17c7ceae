/**
 * Puts the caller on every request (`request.actor`) from the session cookie, and enforces CSRF
 * protection: a state-changing request made with a session must carry that session's token in
 * the `x-csrf-token` header; sign-in uses a double-submit cookie before a session exists.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, anonymous, type Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { safeEqual } from '../infra/tokens.ts';
import { resolveSession, type ResolvedSession } from '../modules/auth/auth.usecases.ts';

export const sessionCookie = 'motcua_session';
export const csrfCookie = 'motcua_csrf';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: ResolvedSession | undefined;
  }
  interface FastifyContextConfig {
    /** `double_submit`: checked against the csrf cookie when there is no session (sign-in). */
    csrf?: 'double_submit';
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(deps: Deps, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.publicBaseUrl.startsWith('https://'),
    maxAge: maxAgeSeconds,
  };
}

export function registerSessions(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', undefined);

  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const token = request.cookies[sessionCookie];
    if (!token || token.length > 200) return;
    const session = await resolveSession(token, deps);
    if (session) {
      request.session = session;
      request.actor = session.actor;
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (safeMethods.has(request.method)) return;
    const config = request.routeOptions.config;
    if (config?.csrfExempt) return;
    const presented = header(request);
    if (request.session) {
      if (!presented || !safeEqual(presented, request.session.csrfToken)) throw new AppError('auth.csrf_invalid');
      return;
    }
    if (config?.csrf === 'double_submit') {
      const cookie = request.cookies[csrfCookie];
      if (!presented || !cookie || !safeEqual(presented, cookie)) throw new AppError('auth.csrf_invalid');
    }
  });
}

function header(request: FastifyRequest): string | undefined {
  const value = request.headers[csrfHeader];
  return Array.isArray(value) ? value[0] : value;
}
