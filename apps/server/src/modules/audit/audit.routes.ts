import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { listOf, Pagination } from '../../http/schemas.ts';
import { auditReadScope } from './audit.policies.ts';
import { listAuditEvents } from './audit.repository.ts';

const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  agencyId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-events', {
    config: { access: staffWith('admin', 'manager') },
    schema: {
      tags: ['audit'],
      summary: 'The audit trail of the caller’s agencies (Nhật ký)',
      querystring: Pagination.extend({ entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional() }),
      response: { 200: listOf(AuditEventSchema) },
    },
    handler: async (request) => {
      const page = await listAuditEvents(deps.db, { ...request.query, scopePaths: auditReadScope(request.actor) });
      return { total: page.total, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  });
}
