import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../modules/audit/audit.repository.ts';

/** Who did it, from where, under which request id: the audit trail's view of a request. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id };
}
