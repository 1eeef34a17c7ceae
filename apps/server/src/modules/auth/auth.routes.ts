import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, inputText, staffRoles } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, publicAccess } from '../../http/access.ts';
import { cookieOptions, csrfCookie, sessionCookie } from '../../http/session.ts';
import { randomToken } from '../../infra/tokens.ts';
import { profileOf, signIn, signOut } from './auth.usecases.ts';

export const SignInBody = z.object({
  username: inputText().trim().min(1).max(100),
  password: inputText().min(1).max(200),
});

export const StaffProfileSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
  assignments: z.array(
    z.object({
      role: z.enum(staffRoles),
      agencyId: z.string(),
      agencyCode: z.string(),
      agencyName: z.string(),
    }),
  ),
  csrfToken: z.string(),
});

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const csrfMaxAge = 12 * 3600;

  r.get('/api/v1/auth/csrf', {
    config: { access: publicAccess },
    schema: {
      tags: ['auth'],
      summary: 'Get a CSRF token for sign-in (double-submit cookie)',
      response: { 200: z.object({ csrfToken: z.string() }) },
    },
    handler: async (request, reply) => {
      const csrfToken = request.session?.csrfToken ?? request.cookies[csrfCookie] ?? randomToken();
      reply.setCookie(csrfCookie, csrfToken, cookieOptions(deps, csrfMaxAge));
      reply.header('cache-control', 'no-store');
      return { csrfToken };
    },
  });

  r.post('/api/v1/auth/login', {
    config: {
      access: publicAccess,
      problems: ['auth.invalid_credentials', 'auth.account_disabled', 'auth.throttled'],
      csrf: 'double_submit',
      rateLimit: { max: 30, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['auth'],
      summary: 'Staff sign-in (Đăng nhập cán bộ)',
      body: SignInBody,
      headers: z.object({ 'user-agent': inputText().optional().describe('recorded with the session') }),
      response: { 200: StaffProfileSchema },
    },
    handler: async (request, reply) => {
      const { sessionToken, profile } = await signIn(
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          previousSessionToken: request.cookies[sessionCookie],
        },
        deps,
      );
      reply.setCookie(sessionCookie, sessionToken, cookieOptions(deps, Math.floor(deps.config.sessionTtlMs / 1000)));
      reply.setCookie(csrfCookie, profile.csrfToken, cookieOptions(deps, csrfMaxAge));
      reply.header('cache-control', 'no-store');
      return profile;
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: anyStaff },
    schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: StaffProfileSchema } },
    handler: async (request, reply) => {
      if (!request.session) throw new AppError('auth.unauthenticated');
      reply.header('cache-control', 'no-store');
      return profileOf(request.session);
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: anyStaff },
    schema: { tags: ['auth'], summary: 'Sign out (Đăng xuất)', response: { 204: z.undefined().describe('Signed out; the session cookie is cleared') } },
    handler: async (request, reply) => {
      if (request.session) await signOut(request.session, { ip: request.ip, requestId: request.id }, deps);
      reply.clearCookie(sessionCookie, { path: '/' });
      reply.clearCookie(csrfCookie, { path: '/' });
      return reply.status(204).send();
    },
  });
}
