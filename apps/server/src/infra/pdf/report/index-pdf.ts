/**
 * The ranking of units by the service index as PDF: A4 landscape, the same lines and tables as the
 * workbook (`index-layout.ts`): the ranking with the notes, the indicators of each unit, the
 * weights of the version in force, "Trang n/N" on every page. The statistics report's page flow,
 * fonts and ruled tables.
 */
import { shortPlainDate } from '../format.ts';
import { newDocument } from '../document.ts';
import {
  INDEX_NOTES, INDEX_TITLE, asOfLine, generatedLine, indexPeriodLine, indexScopeLine, indicatorColumns, rankingColumns, weightColumns,
  weightRows, type IndexData,
} from '../../xlsx/index-layout.ts';
import { PAGE, drawRuledTable, heading, notes } from './report-pdf.ts';

export async function renderIndexPdf(report: IndexData): Promise<Uint8Array> {
  const { pdf, flow } = await newDocument(
    { title: 'Bảng xếp hạng chỉ số phục vụ người dân, doanh nghiệp', subject: indexPeriodLine(report), author: 'Motcua', issuedAt: report.generatedAt, seed: report },
    PAGE,
  );
  const asOf = asOfLine(report);
  const lines = () => {
    flow.paragraph([{ text: indexPeriodLine(report), style: 'bold' }], { size: 11.5, align: 'center', spaceAfter: 1 });
    if (asOf) flow.paragraph([{ text: asOf, style: 'bold' }], { size: 11, align: 'center', spaceAfter: 1 });
    flow.paragraph(indexScopeLine(report), { size: 10.5, align: 'center', spaceAfter: 1 });
    flow.paragraph([{ text: generatedLine(report), style: 'italic' }], { size: 10.5, align: 'center', spaceAfter: 8 });
  };
  heading(flow, INDEX_TITLE, 13);
  lines();
  drawRuledTable(flow, rankingColumns, report);
  notes(flow, INDEX_NOTES);

  flow.newPage();
  heading(flow, 'CHỈ TIÊU THÀNH PHẦN CỦA TỪNG ĐƠN VỊ (GIÁ TRỊ SAU KHI SO VỚI MỤC TIÊU)');
  lines();
  drawRuledTable(flow, indicatorColumns, report);

  flow.newPage();
  heading(flow, `TRỌNG SỐ CÁC CHỈ TIÊU — PHIÊN BẢN ${report.version.number}, ÁP DỤNG TỪ NGÀY ${shortPlainDate(report.version.effectiveFrom)}`);
  flow.y += 4;
  drawRuledTable(flow, weightColumns, weightRows(report));

  const period = `${shortPlainDate(report.period.from)}–${shortPlainDate(report.period.to)}`;
  flow.footers(`Chỉ số phục vụ người dân, doanh nghiệp · Kỳ ${period}${asOf ? ` (${asOf.charAt(0).toLowerCase()}${asOf.slice(1)})` : ''} · ${generatedLine(report)}`, { always: true });
  return pdf.save();
}
