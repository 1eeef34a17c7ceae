import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailInput, inputText, localDateOf } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdParams } from '../../http/schemas.ts';
import { AgencySchema, presentAgency } from './agencies.presenter.ts';
import { addOffice, createAgency, officesOf, setAgencyCalendar, updateAgency } from './agencies.admin.usecases.ts';
import { getAgency } from './agencies.usecases.ts';

const PlainDate = z.iso.date();
const Code = inputText().trim().min(1).max(64).regex(/^[^/\s]+$/, 'no spaces or slashes');
const Office = z.object({ id: z.string(), code: z.string(), name: z.string() });

export function registerAgencyAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/agencies', {
    config: { access: staffWith('admin'), problems: ['agency.not_found', 'agency.already_exists'] },
    schema: {
      tags: ['agencies'],
      summary: 'Add an agency under one the administrator manages',
      body: z.object({ code: Code, name: inputText().trim().min(1).max(300), level: inputText().trim().min(1).max(50), parentId: z.uuid(), validFrom: PlainDate.optional() }),
      response: { 201: AgencySchema },
    },
    handler: async (request, reply) => {
      const agency = await createAgency(auditContextOf(request), request.body, deps);
      return reply.status(201).send(presentAgency(agency, localDateOf(deps.clock().getTime())));
    },
  });

  r.patch('/api/v1/agencies/:id', {
    config: { access: staffWith('admin'), problems: ['agency.not_found'] },
    schema: {
      tags: ['agencies'],
      summary: 'Rename an agency, or end it (merged or abolished: validTo and a successor; it is never deleted)',
      params: IdParams,
      body: z.object({
        name: inputText().trim().min(1).max(300).optional(),
        shortName: inputText().trim().max(100).nullable().optional(),
        address: inputText().trim().max(300).nullable().optional(),
        phone: inputText().trim().max(50).nullable().optional(),
        email: emailInput().nullable().optional(),
        validTo: PlainDate.nullable().optional(),
        successorCode: Code.nullable().optional(),
      }),
      response: { 200: AgencySchema },
    },
    handler: async (request) => {
      const agency = await updateAgency(auditContextOf(request), request.params.id, request.body, deps);
      return presentAgency(agency, localDateOf(deps.clock().getTime()));
    },
  });

  r.put('/api/v1/agencies/:id/calendar', {
    config: { access: staffWith('admin'), problems: ['agency.not_found', 'calendar.invalid_config'] },
    schema: {
      tags: ['agencies'],
      summary: 'Set the working periods and weekly rest days of an agency (null: the standard ones)',
      params: IdParams,
      body: z.object({
        periods: z.array(z.object({ start: inputText().regex(/^\d{2}:\d{2}$/), end: inputText().regex(/^\d{2}:\d{2}$/) })).min(1).max(6).nullable().optional(),
        weeklyDaysOff: z.array(z.number().int().min(0).max(6)).max(6).nullable().optional(),
      }),
      response: { 204: z.undefined().describe('Saved') },
    },
    handler: async (request, reply) => {
      await setAgencyCalendar(auditContextOf(request), request.params.id, request.body, deps);
      return reply.status(204).send();
    },
  });

  for (const kind of ['counters', 'units'] as const) {
    r.post(`/api/v1/agencies/:id/${kind}`, {
      config: { access: staffWith('admin'), problems: ['agency.not_found', 'counter.already_exists', 'unit.already_exists'] },
      schema: {
        tags: ['agencies'],
        summary: kind === 'counters' ? 'Add a one-stop counter to an agency' : 'Add a unit (phòng ban) to an agency',
        params: IdParams,
        body: z.object({ code: Code, name: inputText().trim().min(1).max(300), address: inputText().max(300).optional() }),
        response: { 201: Office },
      },
      handler: async (request, reply) => {
        const office = await addOffice(auditContextOf(request), request.params.id, kind, request.body, deps);
        return reply.status(201).send(office);
      },
    });
  }

  r.get('/api/v1/agencies/:id/offices', {
    config: { access: anyStaff, problems: ['agency.not_found'] },
    schema: {
      tags: ['agencies'],
      summary: 'Counters, units and working calendar of an agency',
      params: IdParams,
      response: {
        200: z.object({
          counters: z.array(Office.extend({ address: z.string().nullable(), active: z.boolean() })),
          units: z.array(Office.extend({ active: z.boolean() })),
          calendar: z.object({ periods: z.array(z.object({ start: z.string(), end: z.string() })).nullable(), weeklyDaysOff: z.array(z.number()).nullable() }).nullable(),
        }),
      },
    },
    handler: async (request) => {
      await getAgency(request.actor, request.params.id, deps);
      return officesOf(request.params.id, deps);
    },
  });
}
