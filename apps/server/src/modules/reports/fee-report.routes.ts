/** The fee report (docs/rules/payments.md, "Reports") as JSON and as an XLSX workbook for accounting. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText, type PlainDate } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { feeGroupings } from './fee-report.repository.ts';
import { feeReport, feeReportWithEntries, type FeeReportRequest } from './fee-report.usecases.ts';
import { feeReportRoles, feeReportScope } from './reports.policies.ts';

const Filters = z.object({
  from: z.iso.date().describe('first local date of the period'),
  to: z.iso.date().describe('last local date of the period (included)'),
  agency: inputText().max(64).optional().describe('agency code: the subtree to report'),
  level: inputText().max(50).optional().describe('level of the receiving agencies'),
  procedure: inputText().max(50).optional().describe('procedure code'),
  groupBy: z.enum(feeGroupings).default('agency').describe('one row per receiving agency, procedure or local month'),
});

const Share = z.number().nullable();
const Figures = z.object({
  dossiersWithFee: z.number().describe('dossiers received in the period with a fee due'),
  amountDue: z.number().describe('what they owe (đồng), fixed at reception, after exemptions'),
  collected: z.object({ total: z.number(), cash: z.number(), transfer: z.number(), card: z.number(), online: z.number() })
    .describe('payments recorded in the period, reversed ones left out'),
  payments: z.number(),
  onlinePayments: z.number(),
  refunded: z.number(),
  waived: z.number().describe('exemptions at reception of the dossiers received in the period plus waivers recorded in it'),
  waivedAtReception: z.number(),
  outstanding: z.number().describe('what the dossiers received in the period still owe when the report is made'),
  pendingOrders: z.number().describe('online orders created in the period still waiting for the gateway'),
  pendingOnline: z.number(),
  onlineShare: z.object({ byCount: Share, byAmount: Share }).describe('online payments / all payments (fractions, 4 decimals)'),
});
const FeeReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), asOf: z.string().optional().describe('only when the period is not over: the instant counted up to') }),
  filters: z.object({ agency: z.string().nullable(), level: z.string().nullable(), procedure: z.string().nullable() }),
  groupBy: z.enum(feeGroupings),
  generatedAt: z.string(),
  total: Figures,
  rows: z.array(Figures.extend({ key: z.string().describe('agency code, procedure code or YYYY-MM'), label: z.string() })),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const requestOf = (q: z.infer<typeof Filters>): FeeReportRequest => ({
  from: q.from as PlainDate, to: q.to as PlainDate, agencyCode: q.agency, level: q.level, procedureCode: q.procedure, groupBy: q.groupBy,
});

export function registerFeeReportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: staffWith(...feeReportRoles), problems: ['agency.not_found', 'report.invalid_period'] as const };

  r.get('/api/v1/reports/fees', {
    config,
    schema: {
      tags: ['reports'],
      summary: 'Fees and charges of a period (Báo cáo thu phí, lệ phí): due, collected by method, refunded, waived, outstanding, pending online, online share; per agency, procedure or month and in total',
      querystring: Filters,
      response: { 200: FeeReportSchema },
    },
    handler: async (request) => feeReport(deps.db, feeReportScope(request.actor), requestOf(request.query), deps.clock().getTime()),
  });

  r.get('/api/v1/reports/fees.xlsx', {
    config,
    schema: {
      tags: ['reports'],
      summary: 'The same report as an XLSX workbook for accounting: the totals per group and the list of entries with their receipts',
      querystring: Filters,
      produces: [xlsxType],
    },
    handler: async (request, reply) => {
      const { report, entries } = await feeReportWithEntries(deps.db, feeReportScope(request.actor), requestOf(request.query), deps.clock().getTime());
      // Loaded on first use: exceljs would slow the server's start.
      const { renderFeeWorkbook } = await import('../../infra/xlsx/fee-workbook.ts');
      const bytes = await renderFeeWorkbook(report, entries);
      return sendDownload(reply, { bytes, mediaType: xlsxType, fileName: `phi-le-phi-${report.period.from}-${report.period.to}.xlsx`, disposition: 'attachment' });
    },
  });
}
