/** The service index and rankings of units (docs/rules/service-quality.md, "The service index"): JSON, drill-down, files, weight versions. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dossierChannels, feedbackChannels, inputText, maxIndicatorWeight, resultClasses, nextVersionEffectiveFrom, localDateOf, serviceIndexGroups, serviceIndexIndicatorKeys,
  type IndicatorSettings, type PlainDate, type ServiceIndexGroup, type ServiceIndexIndicator,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { assertPeriod, narrowScope } from '../reports/reports.usecases.ts';
import { indexItemKinds, indexItems, indexParts } from './service-index.drilldown.ts';
import { canManageIndexVersions, indexReaderRoles, indexScope } from './service-index.policies.ts';
import { createVersion, listVersions, serviceIndexReport, type IndexRequest } from './service-index.usecases.ts';

const Filters = z.object({
  from: z.iso.date().describe('first local date of the period'),
  to: z.iso.date().describe('last local date of the period (included)'),
  agency: inputText().max(64).optional().describe('agency code: the subtree whose units are ranked'),
  level: inputText().max(50).optional().describe('only the units of this level (province, department, district, commune…)'),
});

const Indicator = z.enum(serviceIndexIndicatorKeys as [ServiceIndexIndicator, ...ServiceIndexIndicator[]]);
const GroupKey = z.enum(serviceIndexGroups.map((g) => g.key) as [string, ...string[]]);
const Score = z.number().nullable();
const IndicatorFigure = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
const Figures = {
  total: Score.describe('out of 100, 2 decimals; null without any data'),
  pointsCounted: z.number().describe('the points of the groups with data (100 when all have); the total is brought back to 100 over them'),
  groups: z.object(Object.fromEntries(serviceIndexGroups.map((g) => [g.key, Score])) as Record<ServiceIndexGroup, typeof Score>)
    .describe('each group’s score out of its points (18, 20, 22, 22, 18), 2 decimals; null when none of its indicators has data'),
  indicators: z.object(Object.fromEntries(serviceIndexIndicatorKeys.map((k) => [k, IndicatorFigure])) as Record<ServiceIndexIndicator, typeof IndicatorFigure>)
    .describe('each indicator’s figures and value: min(1, share / target), 4 decimals; null without data'),
};
const Period = z.object({ from: z.string(), to: z.string() });
const Version = z.object({ number: z.number().int(), effectiveFrom: z.string() });
const IndexSchema = z.object({
  period: Period.extend({ asOf: z.string().optional().describe('only when the period is not over: the instant counted up to') }),
  previousPeriod: Period.describe('the period the ranks are compared with'),
  filters: z.object({ agency: z.string().nullable(), level: z.string().nullable() }),
  version: Version.describe('the version of the weights in force on the period’s first day'),
  previousVersion: Version,
  indicators: z.array(z.object({ key: Indicator, group: GroupKey, weight: z.number(), target: z.number() })),
  generatedAt: z.string(),
  total: z.object(Figures).describe('the index of the whole scope'),
  rows: z.array(z.object({
    agency: z.string(), agencyName: z.string(), shortName: z.string().nullable(), level: z.string(), parent: z.string().nullable(), ...Figures,
    rank: z.number().int().nullable().describe('among the units of the same level in the scope (1, 2, 2, 4 on ties); null without an index or without any dossier received or resolved in the period'),
    of: z.number().int().describe('how many units of that level are ranked'),
    previousTotal: Score, previousRank: z.number().int().nullable(), previousOf: z.number().int(),
    change: z.number().int().nullable().describe('previous rank − rank: positive = moved up'),
  })),
});

const IndicatorSettingsSchema = z.object(Object.fromEntries(serviceIndexIndicatorKeys.map((k) => [k, z.object({
  weight: z.number().min(0).max(maxIndicatorWeight).describe('relative weight inside its group; 0 leaves it out'),
  target: z.number().gt(0).max(1).describe('the share that earns full marks'),
})])) as Record<ServiceIndexIndicator, z.ZodObject<{ weight: z.ZodNumber; target: z.ZodNumber }>>);
const VersionSchema = z.object({
  number: z.number().int(), effectiveFrom: z.string(), indicators: IndicatorSettingsSchema, note: z.string().nullable(),
  createdBy: z.string().nullable(), createdAt: z.string(),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const requestOf = (q: z.infer<typeof Filters>): IndexRequest => {
  const request: IndexRequest = { from: q.from as PlainDate, to: q.to as PlainDate, agencyCode: q.agency, level: q.level };
  assertPeriod(request);
  return request;
};

export function registerServiceIndexRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = staffWith(...indexReaderRoles);
  const problems = ['agency.not_found', 'report.invalid_period'] as const;
  const now = () => deps.clock().getTime();

  r.get('/api/v1/service-index', {
    config: { access: readers, problems },
    schema: {
      tags: ['service-index'],
      summary: 'The service index (Decision 766/QĐ-TTg) of every unit of the scope for a period: the five groups, each indicator, and the rank among the units of its level with the previous period’s',
      querystring: Filters,
      response: { 200: IndexSchema },
    },
    handler: async (request) => serviceIndexReport(deps.db, indexScope(request.actor), requestOf(request.query), now()),
  });

  r.get('/api/v1/service-index.:format', {
    config: { access: readers, problems },
    schema: {
      tags: ['service-index'],
      summary: 'The ranking of units as an XLSX workbook (ranking, indicators, weights) or a PDF',
      params: z.object({ format: z.enum(['xlsx', 'pdf']) }),
      querystring: Filters,
      produces: [xlsxType, 'application/pdf'],
    },
    handler: async (request, reply) => {
      const report = await serviceIndexReport(deps.db, indexScope(request.actor), requestOf(request.query), now());
      const format = request.params.format;
      const { renderIndexFile } = await import('./service-index-files.ts');
      const bytes = await renderIndexFile(report, format);
      return sendDownload(reply, {
        bytes, mediaType: format === 'xlsx' ? xlsxType : 'application/pdf', fileName: `chi-so-phuc-vu-${report.period.from}-${report.period.to}.${format}`, disposition: 'attachment',
      });
    },
  });

  r.get('/api/v1/service-index/items', {
    config: { access: readers, problems },
    schema: {
      tags: ['service-index'],
      summary: 'What is behind one indicator of a unit (or of the scope): the dossiers, ratings, payments, feedback or catalogue entries counted in its denominator or numerator',
      querystring: Filters.omit({ level: true }).extend({
        indicator: Indicator,
        part: z.enum(indexParts).default('denominator'),
        agencyOnly: z.stringbool().default(false).describe('the items of `agency` itself, as its row counts them, not of its subtree'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      }),
      response: {
        200: z.object({
          total: z.number().int(),
          items: z.array(z.object({
            kind: z.enum(indexItemKinds), ref: z.string().describe('dossier, feedback or procedure code'), dossierId: z.number().nullable(), title: z.string(),
            at: z.string().nullable(), agency: z.string(), procedureCode: z.string().nullable(), channel: z.enum([...new Set([...dossierChannels, ...feedbackChannels])] as [string, ...string[]]).nullable().describe('a dossier’s channel, or a feedback’s'), resultClass: z.enum(resultClasses).nullable(),
            score: z.number().nullable(), amount: z.number().nullable(), method: z.string().nullable(),
            met: z.boolean().describe('counted in the numerator too'),
          })),
        }),
      },
    },
    handler: async (request) => {
      const q = request.query;
      const period = requestOf({ from: q.from, to: q.to, agency: q.agency });
      const scopePaths = await narrowScope(deps.db, indexScope(request.actor), q.agency);
      return indexItems(deps.db, {
        indicator: q.indicator, part: q.part, period, scopePaths, agencyOnly: q.agencyOnly && Boolean(q.agency), limit: q.limit, offset: q.offset,
      }, now());
    },
  });

  r.get('/api/v1/service-index/versions', {
    config: { access: readers },
    schema: {
      tags: ['service-index'],
      summary: 'Every version of the indicators’ weights and targets, oldest first; when a new one would take effect and whether the caller may make it',
      response: {
        200: z.object({
          items: z.array(VersionSchema),
          nextEffectiveFrom: z.string().describe('a version made now takes effect on this day (the first of next month)'),
          canManage: z.boolean(),
        }),
      },
    },
    handler: async (request) => {
      const roots = await deps.db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
      return {
        items: await listVersions(deps.db),
        nextEffectiveFrom: nextVersionEffectiveFrom(localDateOf(now())),
        canManage: canManageIndexVersions(request.actor, roots.map((x) => x.path)),
      };
    },
  });

  r.post('/api/v1/service-index/versions', {
    config: { access: staffWith('admin'), problems: ['request.invalid'] },
    schema: {
      tags: ['service-index'],
      summary: 'A new version of the weights (administrator of the province), effective from the first day of next month: the current and past periods keep theirs',
      body: z.object({ indicators: IndicatorSettingsSchema, note: inputText().trim().max(1000).optional() }),
      response: { 201: VersionSchema },
    },
    handler: async (request, reply) => {
      const version = await createVersion(deps.db, auditContextOf(request), { indicators: request.body.indicators as IndicatorSettings, note: request.body.note }, now());
      return reply.status(201).send(version);
    },
  });
}
