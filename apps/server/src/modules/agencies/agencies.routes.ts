import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inputText, localDateOf, workflowRoles } from '@motcua/domain';
import { anyStaff, publicAccess } from '../../http/access.ts';
import { listAgenciesInForce } from './agencies.repository.ts';
import { IdParams, listOf, Pagination } from '../../http/schemas.ts';
import { AgencySchema, presentAgency } from './agencies.presenter.ts';
import { agencyStaff, getAgency, listAgencies } from './agencies.usecases.ts';

export function registerAgencyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/agencies', {
    config: { access: anyStaff },
    schema: {
      tags: ['agencies'],
      summary: 'Agencies in the caller’s subtrees (Danh sách cơ quan)',
      querystring: Pagination.extend({ level: inputText().max(50).optional(), q: inputText().max(200).optional() }),
      response: { 200: listOf(AgencySchema) },
    },
    handler: async (request) => {
      const page = await listAgencies(request.actor, request.query, deps);
      const today = localDateOf(deps.clock().getTime());
      return { items: page.items.map((a) => presentAgency(a, today)), total: page.total };
    },
  });

  r.get('/api/v1/agencies/:id', {
    config: { access: anyStaff, problems: ['agency.not_found'] },
    schema: { tags: ['agencies'], summary: 'One agency', params: IdParams, response: { 200: AgencySchema } },
    handler: async (request) => presentAgency(await getAgency(request.actor, request.params.id, deps), localDateOf(deps.clock().getTime())),
  });

  r.get('/api/v1/agencies/:id/staff', {
    config: { access: anyStaff, problems: ['agency.not_found'] },
    schema: {
      tags: ['agencies'],
      summary: 'Staff of an agency holding a role (for assigning dossiers)',
      params: IdParams,
      querystring: z.object({ role: z.enum(workflowRoles).default('specialist') }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), fullName: z.string() })), total: z.number() }) },
    },
    handler: async (request) => {
      const rows = await agencyStaff(request.actor, request.params.id, request.query.role, deps);
      return { items: rows.map((r) => ({ id: r.id, username: r.username, fullName: r.full_name })), total: rows.length };
    },
  });

  r.get('/api/v1/public/agencies', {
    config: { access: publicAccess, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Agencies in force today, where dossiers can be filed (danh bạ cơ quan)',
      querystring: z.object({ level: inputText().max(50).optional(), q: inputText().max(200).optional() }),
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })), total: z.number() }) },
    },
    handler: async (request) => {
      const rows = await listAgenciesInForce(deps.db, { date: localDateOf(deps.clock().getTime()), ...request.query });
      return { items: rows.map((a) => ({ code: a.code, name: a.name, level: a.level })), total: rows.length };
    },
  });
}
