/**
 * The statistics report as a file: an XLSX workbook laid out like the official periodic form (the
 * table, the charts as pictures, the figures beside the table) or a PDF with the same table and
 * charts. The numbers are those of the JSON report, never recomputed; both formats take their
 * columns from one list (`infra/xlsx/report-layout.ts`) and their charts from one rendering.
 *
 * The renderers are loaded on first use: exceljs and ECharts would otherwise slow the start of
 * the server and of every CLI command.
 */
import type { Kysely } from 'kysely';
import { REPORT_KIND_ABBREVIATION, bodyAbbreviation, headTitle, officialHeading, placeName } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { RenderedReport, ReportIssuer } from '../../infra/pdf/report/report-pdf.ts';
import type { ReportData } from '../../infra/xlsx/report-layout.ts';
import { agencyWithParent } from './reports.repository.ts';
import type { StatisticsReport } from './reports.usecases.ts';

/**
 * Who issues a report, for the heading of its PDF and workbook (Decree 30/2020, Annex I): the
 * agency it is scoped to or, without one, the top of the caller's scope when that is a single
 * agency (a district manager's report of all their agencies is the district's); the agency under
 * its direct managing body, its place, the report's symbol ("BC-UBND", the number left for the
 * clerk) and its head's title. Undefined for a report of several separate subtrees.
 */
export async function reportIssuer(db: Kysely<Database>, report: StatisticsReport, scopePaths: readonly string[] = []): Promise<ReportIssuer | undefined> {
  let code = report.filters.agency;
  if (!code && scopePaths.length === 1) {
    code = (await db.selectFrom('agencies').select('code').where('path', '=', scopePaths[0]!).executeTakeFirst())?.code ?? null;
  }
  if (!code) return undefined;
  const agency = await agencyWithParent(db, code);
  if (!agency) return undefined;
  return {
    heading: officialHeading(agency, agency.parent),
    place: placeName(agency),
    symbol: `${REPORT_KIND_ABBREVIATION}-${bodyAbbreviation(agency, agency.parent)}`,
    signerTitle: headTitle(agency),
  };
}

export async function renderReport(report: StatisticsReport, format: 'xlsx' | 'pdf', issuer?: ReportIssuer): Promise<Uint8Array> {
  const data: ReportData = report;
  const { reportCharts } = await import('../../infra/charts/report-charts.ts');
  const charts = await reportCharts(data);
  if (format === 'xlsx') {
    const { renderReportWorkbook } = await import('../../infra/xlsx/report-workbook.ts');
    return renderReportWorkbook(data, charts, issuer);
  }
  const { renderReportPdf } = await import('../../infra/pdf/report/report-pdf.ts');
  return renderReportPdf(data, charts, issuer ? { issuer } : {});
}

/** The report as PDF with the rectangle left for the head's signature image, for signing it. */
export async function renderReportPdfDocument(report: StatisticsReport, issuer?: ReportIssuer): Promise<RenderedReport> {
  const { reportCharts } = await import('../../infra/charts/report-charts.ts');
  const { renderReportPdfDocument: render } = await import('../../infra/pdf/report/report-pdf.ts');
  return render(report, await reportCharts(report), issuer ? { issuer } : {});
}
