import type { FastifyInstance } from 'fastify';
import { sendDownload } from '../../http/download.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError, dossierChannels, dossierStatuses, formatInstant, inputText, ratingCriterionKeys, resultClasses, statisticsKeys,
  type DossierChannel, type DossierStatus, type PlainDate, type RatingCriterion, type ResultClass,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { reportScope } from './reports.policies.ts';
import { dossiersBehind, monthlyTrend } from './reports.drilldown.ts';
import { renderReport, reportIssuer } from './report-files.ts';
import { maySignReport, signStatisticsReport } from './report-signing.ts';
import { auditContextOf } from '../../http/context.ts';
import { assertPeriod, statisticsReport, type ReportRequest } from './reports.usecases.ts';
import { registerFeeReportRoutes } from './fee-report.routes.ts';

const Filters = z.object({
  from: z.iso.date().describe('first local date of the period'),
  to: z.iso.date().describe('last local date of the period (included)'),
  agency: inputText().max(64).optional().describe('agency code: the subtree to report'),
  level: inputText().max(50).optional(),
  field: inputText().max(200).optional(),
  procedure: inputText().max(50).optional(),
  channel: z.enum(dossierChannels).optional(),
});

const CriterionFigure = z.object({ count: z.number(), average: z.number().nullable() });
const Counts = Object.fromEntries(statisticsKeys.map((k) => [k, z.number()])) as Record<(typeof statisticsKeys)[number], z.ZodNumber>;
const Beside = {
  refused: z.number(),
  reused: z.number().describe('dossiers received in the period that reused documents of the applicant’s data store'),
  reuseRate: z.number().nullable().describe('reused / receivedInPeriod'),
  ratings: z.object({
    count: z.number(),
    average: z.number().nullable().describe('average score 1–5, two decimals'),
    byScore: z.record(z.string(), z.number()).describe('count per score, "5" very satisfied … "1" very dissatisfied'),
    low: z.number().describe('ratings at or below the alert threshold (2)'),
    criteria: z.object(Object.fromEntries(ratingCriterionKeys.map((k) => [k, CriterionFigure])) as Record<RatingCriterion, typeof CriterionFigure>)
      .describe('per criterion of the one-stop scoring tool: ratings that answered it and their average points (0–2)'),
  }).describe('satisfaction ratings given in the period (docs/rules/service-quality.md)'),
};
const Rates = { digitizationRate: z.number().nullable(), onlineRate: z.number().nullable(), onTimeRate: z.number().nullable() };
const ReportSchema = z.object({
  period: z.object({
    from: z.string(),
    to: z.string(),
    asOf: z.string().optional().describe('only when the period is not over: the instant the figures are counted up to (the report is as of then)'),
  }),
  filters: z.record(z.string(), z.string().nullable()),
  generatedAt: z.string(),
  total: z.object({ ...Counts, ...Rates, ...Beside }),
  rows: z.array(z.object({ agency: z.string(), agencyName: z.string(), level: z.string(), ...Counts, ...Rates, ...Beside })),
});

const Instant = z.string().nullable();
const DrillDownSchema = z.object({
  total: z.number().int(),
  items: z.array(z.object({
    id: z.number(), code: z.string(), status: z.enum(dossierStatuses), procedureCode: z.string(), applicantName: z.string(),
    channel: z.enum(dossierChannels), agency: z.string().describe('code of the receiving agency'), receivedAt: Instant,
    dueAt: Instant.describe('the appointment as moved by pauses'), resultAt: Instant, withdrawnAt: Instant, resultClass: z.enum(resultClasses).nullable(),
  })),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const requestOf = (q: z.infer<typeof Filters>): ReportRequest => {
  const request: ReportRequest = {
    from: q.from as PlainDate, to: q.to as PlainDate, agencyCode: q.agency, level: q.level, field: q.field, procedureCode: q.procedure, channel: q.channel,
  };
  assertPeriod(request);
  return request;
};

export function registerReportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = staffWith('manager', 'leader', 'admin');
  // An agency outside the caller's subtrees is not found; a period that ends before it starts is refused.
  const problems = ['agency.not_found', 'report.invalid_period'] as const;

  r.get('/api/v1/reports/statistics', {
    config: { access: readers, problems },
    schema: {
      tags: ['reports'],
      summary: 'The official statistics (docs/rules/statistics.md) for a period, per receiving agency and in total (Báo cáo tình hình giải quyết TTHC)',
      querystring: Filters,
      response: { 200: ReportSchema },
    },
    handler: async (request) => statisticsReport(deps.db, reportScope(request.actor), requestOf(request.query), deps.clock().getTime()),
  });

  r.get('/api/v1/reports/statistics.:format', {
    config: { access: readers, problems },
    schema: {
      tags: ['reports'],
      summary: 'The same report as an XLSX workbook (official columns and a chart) or a PDF',
      params: z.object({ format: z.enum(['xlsx', 'pdf']) }),
      querystring: Filters,
      produces: [xlsxType, 'application/pdf'],
    },
    handler: async (request, reply) => {
      const report = await statisticsReport(deps.db, reportScope(request.actor), requestOf(request.query), deps.clock().getTime());
      const bytes = await renderReport(report, request.params.format, await reportIssuer(deps.db, report, reportScope(request.actor)));
      const type = request.params.format === 'xlsx' ? xlsxType : 'application/pdf';
      return sendDownload(reply, { bytes, mediaType: type, fileName: `bao-cao-${report.period.from}-${report.period.to}.${request.params.format}`, disposition: 'attachment' });
    },
  });

  r.get('/api/v1/reports/statistics/signing', {
    config: { access: readers },
    schema: {
      tags: ['reports'],
      summary: 'Whether the caller may sign the PDF report of agency `agency` digitally (a leader or manager of it; a report of no single agency cannot be signed)',
      querystring: z.object({ agency: inputText().max(64).optional() }),
      response: { 200: z.object({ canSign: z.boolean() }) },
    },
    handler: async (request) => ({ canSign: await maySignReport(request.actor, request.query.agency, deps) }),
  });

  r.post('/api/v1/reports/statistics/sign', {
    config: { access: staffWith('manager', 'leader'), problems: [...problems, 'signing_key.not_found'] },
    schema: {
      tags: ['reports'],
      summary: 'The PDF report of one agency (`agency` required) signed digitally by the caller, a leader or manager of it; with its verification QR code',
      querystring: Filters,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const signed = await signStatisticsReport(auditContextOf(request), requestOf(request.query), deps);
      return sendDownload(reply, { bytes: signed.pdf, mediaType: 'application/pdf', fileName: signed.fileName, disposition: 'attachment' });
    },
  });

  r.get('/api/v1/reports/trend', {
    config: { access: readers, problems },
    schema: {
      tags: ['reports'],
      summary: 'Month by month: received, online, digitized, resolved ahead / on time / overdue, withdrawn',
      querystring: Filters,
      response: {
        200: z.object({
          items: z.array(z.object({
            month: z.string().describe('YYYY-MM'), receivedInPeriod: z.number(), online: z.number(), digitized: z.number(),
            resolvedAhead: z.number(), resolvedOnTime: z.number(), resolvedOverdue: z.number(), withdrawn: z.number(),
          })),
        }),
      },
    },
    handler: async (request) => {
      const q = requestOf(request.query);
      const scope = await scopeFor(request.actor, q.agencyCode, deps);
      return { items: await monthlyTrend(deps.db, { ...q, scopePaths: scope }, deps.clock().getTime()) };
    },
  });

  r.get('/api/v1/reports/dossiers', {
    config: { access: readers, problems },
    schema: {
      tags: ['reports'],
      summary: 'The dossiers behind one number of the report (drill-down)',
      querystring: Filters.extend({
        key: z.enum(statisticsKeys),
        agencyOnly: z.stringbool().default(false).describe('count the dossiers of `agency` itself, as its row in the report does, not of its subtree'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      }),
      response: { 200: DrillDownSchema },
    },
    handler: async (request) => {
      const q = requestOf(request.query);
      const scope = await scopeFor(request.actor, q.agencyCode, deps);
      const page = await dossiersBehind(deps.db, {
        ...q, key: request.query.key, scopePaths: scope, agencyOnly: request.query.agencyOnly && Boolean(q.agencyCode),
        limit: request.query.limit, offset: request.query.offset,
      }, deps.clock().getTime());
      const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
      return {
        total: page.total,
        items: page.items.map((d) => ({
          id: d.id, code: d.code, status: d.status as DossierStatus, procedureCode: d.procedure_code, applicantName: d.applicant_name,
          channel: d.channel as DossierChannel,
          agency: d.agency_code, receivedAt: iso(d.received_at), dueAt: iso(d.clock_due_at), resultAt: iso(d.result_at),
          withdrawnAt: iso(d.withdrawn_at), resultClass: d.result_class as ResultClass | null,
        })),
      };
    },
  });

  registerFeeReportRoutes(app, deps);
}

/** The caller's subtrees, narrowed to one agency when asked (which must be inside them). */
async function scopeFor(actor: Parameters<typeof reportScope>[0], agencyCode: string | undefined, deps: Deps): Promise<string[]> {
  const scope = reportScope(actor);
  if (!agencyCode) return scope;
  const agency = await deps.db.selectFrom('agencies').select('path').where('code', '=', agencyCode).executeTakeFirst();
  if (!agency || !scope.some((p) => agency.path.startsWith(p))) throw new AppError('agency.not_found');
  return [agency.path];
}
