import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText, endOfLocalDay, startOfLocalDay, type PlainDate } from '@motcua/domain';
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
      description: 'Events of no agency (yearly holiday schedules, the catalogue, bundle loads) are read by those of a root agency. Dates are local days in Asia/Ho_Chi_Minh, both included.',
      querystring: Pagination.extend({
        entityType: inputText().max(50).optional(),
        entityId: inputText().max(100).optional(),
        action: inputText().trim().max(100).optional().describe('an action (dossier.receive), or a family ending with a dot (dossier.)'),
        actor: inputText().trim().max(100).optional().describe('part of the actor’s name, case-insensitive'),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      }).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to must not be before from' }),
      response: { 200: listOf(AuditEventSchema) },
    },
    handler: async (request) => {
      const { from, to, ...query } = request.query;
      const page = await listAuditEvents(deps.db, {
        ...query, ...auditReadScope(request.actor),
        from: from ? new Date(startOfLocalDay(from as PlainDate)) : undefined,
        to: to ? new Date(endOfLocalDay(to as PlainDate)) : undefined,
      });
      return { total: page.total, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  });
}
