/**
 * The statistics report as a file: XLSX (official columns and a chart) or PDF (the same table and
 * charts). The numbers are those of the JSON report, never recomputed.
 */
import { AppError } from '@motcua/domain';
import type { StatisticsReport } from './reports.usecases.ts';

export async function renderReport(report: StatisticsReport, format: 'xlsx' | 'pdf'): Promise<Uint8Array> {
  void report;
  throw new AppError('report.format_unavailable', {
    messages: { vi: `Chưa hỗ trợ xuất định dạng ${format}`, en: `Export to ${format} is not available yet` },
  });
}
