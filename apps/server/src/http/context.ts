import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import type { AuditContext } from '../modules/audit/audit.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, by the server's clock (`deps.clock`), not the database's. */
    receivedAt: Date;
  }
}

/** Stamps every request with the server's clock, so that what it records agrees with its rules. */
export function registerRequestTime(app: FastifyInstance, deps: Pick<Deps, 'clock'>): void {
  app.decorateRequest('receivedAt', null as never);
  app.addHook('onRequest', async (request) => {
    request.receivedAt = deps.clock();
  });
}

/** Who did it, from where, under which request id and when: the audit trail's view of a request. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id, at: request.receivedAt };
}
