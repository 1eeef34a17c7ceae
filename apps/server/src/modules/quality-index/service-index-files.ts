/**
 * The ranking of units as a file: the workbook or the PDF of `infra` (their columns from one list,
 * `infra/xlsx/index-layout.ts`), with the numbers of the JSON report, never recomputed. Loaded on
 * first use: exceljs and the PDF fonts would otherwise slow the start of the server.
 */
import type { ServiceIndexReport } from './service-index.usecases.ts';

export async function renderIndexFile(report: ServiceIndexReport, format: 'xlsx' | 'pdf'): Promise<Uint8Array> {
  if (format === 'xlsx') {
    const { renderIndexWorkbook } = await import('../../infra/xlsx/index-workbook.ts');
    return renderIndexWorkbook(report);
  }
  const { renderIndexPdf } = await import('../../infra/pdf/report/index-pdf.ts');
  return renderIndexPdf(report);
}
