import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText, isCatalogueDate, isCatalogueMonth } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { listOf, Pagination } from '../../http/schemas.ts';
import {
  CatalogueChangeSchema, CatalogueItemSchema, presentCatalogueItem, presentChange, presentProcedure, ProcedureSchema,
} from './procedures.presenter.ts';
import { ProcedureEntry, toEntryInput } from './procedures.schemas.ts';
import {
  currentMonthOf, getProcedure, listCatalogueChanges, listProcedureFields, monthsBetween, publishProcedureEntry, searchProcedures,
} from './procedures.usecases.ts';

/** Public lookups are cheap but open to anyone: a generous per-IP budget that still stops scraping loops. */
const publicRateLimit = { max: 300, timeWindow: '1 minute' };

const Filter = (max: number) => inputText().trim().min(1).max(max).optional();
const LocalDate = inputText().refine(isCatalogueDate, 'expected a date YYYY-MM-DD');
const Month = inputText().refine(isCatalogueMonth, 'expected a month YYYY-MM');

/** The longest range of months the list of changes covers at once (two years of a citizen's "what changed"). */
const maxChangeMonths = 24;

const ChangesQuery = z
  .object({
    month: Month.optional(),
    from: Month.optional().describe('first month of a range, with `to`'),
    to: Month.optional().describe('last month of a range (included), with `from`'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
  .refine((q) => q.month === undefined || q.from === undefined, { message: 'give either month, or from and to', path: ['month'] })
  .refine((q) => q.from === undefined || q.to === undefined || (q.from <= q.to && monthsBetween(q.from, q.to).length <= maxChangeMonths), {
    message: `from must not be after to, and the range at most ${maxChangeMonths} months`, path: ['from'],
  });

export function registerProcedureRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/public/procedures', {
    config: { access: publicAccess, rateLimit: publicRateLimit },
    schema: {
      tags: ['procedures'],
      summary: 'Search the procedures in force (Tra cứu thủ tục hành chính)',
      description:
        'Searches name, code and field, with or without diacritics and in any case ("dang ky khai sinh" finds "Đăng ký khai sinh"), ' +
        'reading the province\'s abbreviations and everyday words (search-terms.json: "GPXD" is "giấy phép xây dựng") and leaving ' +
        'out words that name no procedure ("cho", "của"). Best matches first: the code, the exact name, names holding every word, ' +
        'then every word in the name or field, words begun, most words, and close spellings (docs/rules/catalogue-search.md). ' +
        'Words are matched whole: "tam tru" does not match "trước".',
      querystring: Pagination.extend({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        q: inputText().trim().max(200).optional().describe('the words of the search; without it, every procedure in force by name'),
        field: Filter(200).describe('a field (lĩnh vực) as `GET /public/procedure-fields` lists it; compared without diacritics'),
        level: Filter(50).describe('an agency level (`commune`, `province`, …): procedures implemented at that level'),
        agency: Filter(64).describe('an agency code: procedures that agency implements, named or by its level'),
      }),
      response: { 200: listOf(CatalogueItemSchema) },
    },
    handler: async (request) => {
      const page = await searchProcedures(request.query, deps);
      return { items: page.items.map(presentCatalogueItem), total: page.total };
    },
  });

  r.get('/api/v1/public/procedures/:code', {
    config: { access: publicAccess, problems: ['procedure.not_found'], rateLimit: publicRateLimit },
    schema: {
      tags: ['procedures'],
      summary: 'One procedure as in force, with its components, fees, time, workflow and history',
      params: z.object({ code: inputText().min(1).max(64) }),
      querystring: z.object({ at: LocalDate.optional().describe('a local date: the version in force that day (default: today)') }),
      response: { 200: ProcedureSchema },
    },
    handler: async (request) => presentProcedure(await getProcedure(request.params.code, { date: request.query.at }, deps)),
  });

  r.get('/api/v1/public/procedure-changes', {
    config: { access: publicAccess, rateLimit: publicRateLimit },
    schema: {
      tags: ['procedures'],
      summary: 'What changed in the catalogue in a month, or in a range of months: new, amended, replaced and abolished procedures',
      description:
        'One month with `month` (default: the current month in Vietnam), or a range with `from` and `to` (both included, at most ' +
        `${maxChangeMonths} months). Sorted by the date each change takes effect, then by code.`,
      querystring: ChangesQuery,
      response: {
        200: z.object({
          month: z.string().nullable().describe('the month asked for; null for a range'),
          from: z.string().describe('first month of the period, YYYY-MM'),
          to: z.string().describe('last month of the period (included), YYYY-MM'),
          items: z.array(CatalogueChangeSchema),
          total: z.number().int(),
        }),
      },
    },
    handler: async (request) => {
      const { from, to } = request.query;
      const month = from === undefined ? request.query.month ?? currentMonthOf(deps.clock) : null;
      const period = month === null ? { from: from!, to: to! } : { from: month, to: month };
      const items = (await listCatalogueChanges(period, deps)).map(presentChange);
      return { month, ...period, items, total: items.length };
    },
  });

  r.get('/api/v1/public/procedure-fields', {
    config: { access: publicAccess, rateLimit: publicRateLimit },
    schema: {
      tags: ['procedures'],
      summary: 'Fields (lĩnh vực) of the procedures in force, with counts',
      response: { 200: listOf(z.object({ field: z.string(), count: z.number().int() })) },
    },
    handler: async () => {
      const items = await listProcedureFields(deps);
      return { items, total: items.length };
    },
  });

  r.post('/api/v1/procedures', {
    config: { access: staffWith('admin'), problems: ['procedure.invalid'] },
    schema: {
      tags: ['procedures'],
      summary: 'Publish a procedure version, or end a procedure (one entry of procedures.json)',
      description:
        'Same rules as `motcua setup`: unchanged content changes nothing (200), new content is a new version (201) and the ' +
        'previous one ends the day before; `status: "abolished"` or `"replaced"` ends the procedure (200).',
      body: ProcedureEntry,
      response: {
        200: z.object({ outcome: z.enum(['unchanged', 'abolished', 'replaced']), procedure: ProcedureSchema }),
        201: z.object({ outcome: z.enum(['created', 'amended']), procedure: ProcedureSchema }),
      },
    },
    handler: async (request, reply) => {
      const { outcome, code, version } = await publishProcedureEntry(
        auditContextOf(request),
        { entry: toEntryInput(request.body), codeVerified: request.body.codeVerified },
        deps,
      );
      // The version just published, which may take effect later than today.
      const procedure = presentProcedure(await getProcedure(code, { version: version ?? undefined }, deps));
      if (outcome === 'created' || outcome === 'amended') return reply.status(201).send({ outcome, procedure });
      return reply.status(200).send({ outcome, procedure });
    },
  });
}
