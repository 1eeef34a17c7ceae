import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, publicAccess, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { listOfficialSchedules, putYearSchedule, scheduleOfYear } from './calendar.usecases.ts';

const PlainDateString = inputText().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Year = z.coerce.number().int().min(1900).max(2300);

const ScheduleSchema = z.object({
  year: z.number(),
  official: z.boolean().describe('true: an official schedule decides; false: derived from the Labour Code rules'),
  source: z.enum(['bundled', 'loaded', 'statutory_rules']),
  daysOff: z.array(z.string()).describe('weekdays off (holidays, compensation, swapped days)'),
  workingDays: z.array(z.string()).describe('weekend days worked (make-up days)'),
  confidence: z.string().nullable(),
  notes: z.string().nullable(),
});

export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/public/holidays/:year', {
    config: { access: publicAccess, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['calendar'],
      summary: 'Days off and make-up working days of a year (Lịch nghỉ lễ)',
      params: z.object({ year: Year }),
      response: { 200: ScheduleSchema },
    },
    handler: async (request) => scheduleOfYear(request.params.year, deps),
  });

  r.get('/api/v1/calendar/schedules', {
    config: { access: anyStaff },
    schema: { tags: ['calendar'], summary: 'Official yearly schedules known to the system', response: { 200: z.object({ items: z.array(ScheduleSchema), total: z.number() }) } },
    handler: async () => {
      const items = await listOfficialSchedules(deps);
      return { items, total: items.length };
    },
  });

  r.put('/api/v1/calendar/schedules/:year', {
    config: { access: staffWith('admin'), problems: ['calendar.invalid_schedule', 'calendar.schedule_conflict'] },
    schema: {
      tags: ['calendar'],
      summary: 'Load the official schedule of a year (administrator of the root agency)',
      params: z.object({ year: Year }),
      body: z.object({
        daysOff: z.array(PlainDateString).max(60),
        workingDays: z.array(PlainDateString).max(30),
        confidence: inputText().max(200).optional(),
        notes: inputText().max(2000).optional(),
      }),
      response: { 200: ScheduleSchema },
    },
    handler: async (request) => putYearSchedule(auditContextOf(request), request.params.year, request.body, deps),
  });
}
