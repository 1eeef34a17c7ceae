import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { anyStaff } from '../../http/access.ts';
import { IdParams, listOf, Pagination } from '../../http/schemas.ts';
import { AgencySchema, presentAgency } from './agencies.presenter.ts';
import { getAgency, listAgencies } from './agencies.usecases.ts';

export function registerAgencyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/agencies', {
    config: { access: anyStaff },
    schema: {
      tags: ['agencies'],
      summary: 'Agencies in the caller’s subtrees (Danh sách cơ quan)',
      querystring: Pagination.extend({ level: z.string().max(50).optional(), q: z.string().max(200).optional() }),
      response: { 200: listOf(AgencySchema) },
    },
    handler: async (request) => {
      const page = await listAgencies(request.actor, request.query, deps);
      return { items: page.items.map(presentAgency), total: page.total };
    },
  });

  r.get('/api/v1/agencies/:id', {
    config: { access: anyStaff },
    schema: { tags: ['agencies'], summary: 'One agency', params: IdParams, response: { 200: AgencySchema } },
    handler: async (request) => presentAgency(await getAgency(request.actor, request.params.id, deps)),
  });
}
