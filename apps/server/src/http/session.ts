/**
 * Puts the caller on every request (`request.actor`) from a session cookie, and enforces CSRF
 * protection: a state-changing request made with a session must carry that session's token in
 * the `x-csrf-token` header; sign-in uses a double-submit cookie before a session exists.
 *
 * Staff and citizens have different cookies and different session tables. Which cookie a request
 * is read with follows the route's declared access: a staff route reads only the staff cookie, a
 * citizen route only the citizen one, so neither can act as the other. A public route reads the
 * citizen cookie (the portal is the citizens'), or the staff one when there is none.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, anonymous, type Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { safeEqual } from '../infra/tokens.ts';
import { resolveSession, type ResolvedSession } from '../modules/auth/auth.usecases.ts';
import { resolveCitizenSession, type ResolvedCitizenSession } from '../modules/citizens/citizen-sessions.ts';
import type { Access } from './access.ts';

export const sessionCookie = 'motcua_session';
export const citizenSessionCookie = 'motcua_citizen';
export const csrfCookie = 'motcua_csrf';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The staff session the request was read with, if any. */
    session: ResolvedSession | undefined;
    /** The citizen session the request was read with, if any. */
    citizenSession: ResolvedCitizenSession | undefined;
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
  app.decorateRequest('citizenSession', undefined);

  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const access = (request.routeOptions.config as { access?: Access } | undefined)?.access;
    const readCitizen = access?.kind !== 'staff';
    const readStaff = access?.kind !== 'citizen';
    const citizenToken = cookieToken(request, citizenSessionCookie);
    if (readCitizen && citizenToken) {
      const session = await resolveCitizenSession(citizenToken, deps);
      if (session) {
        request.citizenSession = session;
        request.actor = session.actor;
        return;
      }
    }
    const token = cookieToken(request, sessionCookie);
    if (readStaff && token) {
      const session = await resolveSession(token, deps);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      }
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (safeMethods.has(request.method)) return;
    const config = request.routeOptions.config;
    if (config?.csrfExempt) return;
    const presented = header(request);
    const sessionCsrf = request.session?.csrfToken ?? request.citizenSession?.csrfToken;
    if (sessionCsrf) {
      if (!presented || !safeEqual(presented, sessionCsrf)) throw new AppError('auth.csrf_invalid');
      return;
    }
    if (config?.csrf === 'double_submit') {
      const cookie = request.cookies[csrfCookie];
      if (!presented || !cookie || !safeEqual(presented, cookie)) throw new AppError('auth.csrf_invalid');
    }
  });
}

function cookieToken(request: FastifyRequest, name: string): string | undefined {
  const token = request.cookies[name];
  return token && token.length <= 200 ? token : undefined;
}

function header(request: FastifyRequest): string | undefined {
  const value = request.headers[csrfHeader];
  return Array.isArray(value) ? value[0] : value;
}
