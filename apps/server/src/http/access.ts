/**
 * Every API route states who may call it, in its `config.access`. A route without one refuses to
 * register, so nothing is exposed by accident. Resource-level rules (which agency's data) are
 * decided by the policy functions of each module, called from its use cases.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { AppError, hasAnyRole, type Actor, type StaffRole } from '@motcua/domain';

export type Access =
  /** Anyone, without signing in (the public portal). */
  | { kind: 'public' }
  /** Signed-in staff holding at least one of `roles` somewhere (any role when omitted). */
  | { kind: 'staff'; roles?: readonly StaffRole[] }
  /** A citizen or business signed in with the e-ID (never staff: their cookie is not read here). */
  | { kind: 'citizen' };

export const publicAccess: Access = { kind: 'public' };
export const anyStaff: Access = { kind: 'staff' };
export const staffWith = (...roles: StaffRole[]): Access => ({ kind: 'staff', roles });
export const signedInCitizen: Access = { kind: 'citizen' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Routes that must be callable without a CSRF token even with a session (none today). */
    csrfExempt?: boolean;
  }
}

/** Throws unless the request's actor satisfies the route's declared access. */
export function checkAccess(access: Access, actor: Actor): void {
  if (access.kind === 'public') return;
  if (actor.kind === 'anonymous') throw new AppError('auth.unauthenticated');
  if (access.kind === 'citizen') {
    if (actor.kind !== 'citizen' || !actor.account) throw new AppError('auth.forbidden');
    return;
  }
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  if (access.roles && !hasAnyRole(actor, access.roles)) throw new AppError('auth.forbidden');
}

/** Routes outside these prefixes (static files, docs, health) need no declaration. */
const declaredPrefixes = ['/api/v1/'];

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  /** Its schemas (zod): the hostile-input test and the OpenAPI document walk them. */
  schema: FastifySchema | undefined;
  /** Its route config: access, CSRF mode, rate limit (the OpenAPI document derives error answers from them). */
  config: FastifyContextConfig & { rateLimit?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, for the authorization matrix test and docs. */
    apiRoutes: DeclaredRoute[];
  }
}

export function registerAccessControl(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!declaredPrefixes.some((p) => url.startsWith(p))) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} does not declare config.access`);
    for (const method of ([] as string[]).concat(route.method)) {
      if (method !== 'HEAD') routes.push({ method, url, access, schema: route.schema, config: route.config as DeclaredRoute['config'] });
    }
  });
  // Before body validation: an anonymous caller learns nothing about a route's input.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    checkAccess(access, request.actor);
  });
}
