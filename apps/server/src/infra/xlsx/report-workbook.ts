/**
 * The statistics report as an XLSX workbook (exceljs): "Báo cáo", the official form (its reference,
 * the heading of the issuing body, the table and the signatures); "Biểu đồ",
 * the charts as pictures (exceljs cannot write native charts); "Ngoài bảng", refusals, reuse of
 * the applicants' stored data and satisfaction ratings per agency.
 */
import ExcelJS from 'exceljs';
import { parseInstant } from '@motcua/domain';
import type { ReportChart } from '../charts/report-charts.ts';
import {
  BESIDE_NOTES, BESIDE_TITLE, CRITERIA_NOTES, CRITERIA_TITLE, RATE_NOTES, REPORT_TITLE, asOfLine, besideColumns, criteriaColumns, filtersLine, generatedLine, issuerOf, periodLine, reportColumns,
  type ReportColumn, type ReportData, type ReportIssuer,
} from './report-layout.ts';
import { writeDocumentHeading, writeSignatures } from './report-heading.ts';
import { FONT, bannerRow, printSetup, setColumnWidths, writeTable } from './table-sheet.ts';

/** Sheet names, as the tests and users look them up. */
export const SHEETS = { table: 'Báo cáo', charts: 'Biểu đồ', beside: 'Ngoài bảng', criteria: 'Tiêu chí đánh giá' } as const;

/**
 * Title lines above a table: the title, the period (and, for a period that is not over, the
 * instant its figures are counted up to), the scope and filters, the export date.
 */
function banners(sheet: ExcelJS.Worksheet, columns: readonly ReportColumn[], report: ReportData, title: string, first: number): number {
  const width = columns.length;
  let row = first;
  bannerRow(sheet, row++, width, title, { size: 14, bold: true, height: 24 });
  bannerRow(sheet, row++, width, periodLine(report), { size: 12, bold: true });
  const asOf = asOfLine(report);
  if (asOf) bannerRow(sheet, row++, width, asOf, { size: 12, bold: true, italic: true });
  bannerRow(sheet, row++, width, filtersLine(report), { size: 11, height: 30 });
  bannerRow(sheet, row++, width, generatedLine(report), { size: 11, italic: true });
  return row + 1; // a blank row, then the table
}

/**
 * A table sheet; the official form's (`issuer` given) opens with the document heading and ends
 * with the signatures, the sheet beside it carries neither.
 */
function tableSheet(
  workbook: ExcelJS.Workbook, name: string, columns: readonly ReportColumn[], report: ReportData, title: string, notes: string[],
  document?: { issuer: ReportIssuer | undefined },
): void {
  const sheet = workbook.addWorksheet(name, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(sheet, columns);
  const widths = columns.map((c) => c.width);
  const first = document ? writeDocumentHeading(sheet, widths, document.issuer, report.generatedAt) : 1;
  const top = banners(sheet, columns, report, title, first);
  const layout = writeTable(sheet, top, columns, report);
  notes.forEach((note, i) => bannerRow(sheet, layout.totalRow + 2 + i, columns.length, note, { size: 10, italic: true, align: 'left', height: 28 }));
  if (document) writeSignatures(sheet, widths, layout.totalRow + 3 + notes.length, document.issuer);
  // The heading and the agency columns stay in view while scrolling.
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: layout.headingRows[1], topLeftCell: `D${layout.firstBodyRow}`, activeCell: `D${layout.firstBodyRow}` }];
  printSetup(sheet, layout.headingRows);
}

/** Default row height in pixels (15 pt at 96 dpi): how the chart sheet steps down between pictures. */
const ROW_PX = 20;

function chartSheet(workbook: ExcelJS.Workbook, report: ReportData, charts: ReportChart[]): void {
  const sheet = workbook.addWorksheet(SHEETS.charts, { properties: { defaultRowHeight: 15 } });
  sheet.getColumn(1).width = 2;
  const title = (row: number, text: string, size: number, bold: boolean) => {
    const cell = sheet.getCell(row, 2);
    cell.value = text;
    cell.font = { name: FONT, size, bold };
  };
  title(1, 'BIỂU ĐỒ TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 14, true);
  const asOf = asOfLine(report);
  title(2, `${periodLine(report)}${asOf ? ` (${asOf.charAt(0).toLowerCase()}${asOf.slice(1)})` : ''}. ${filtersLine(report)}.`, 11, false);
  let row = 4;
  if (charts.length === 0) title(row, 'Không có hồ sơ trong kỳ để vẽ biểu đồ.', 11, false);
  for (const [i, chart] of charts.entries()) {
    if (i > 0) sheet.getRow(row - 1).addPageBreak();
    title(row, chart.title, 12, true);
    const image = workbook.addImage({ buffer: Buffer.from(chart.image.png) as unknown as ExcelJS.Buffer, extension: 'png' });
    // Anchored below its title at its size in CSS pixels; a oneCell anchor keeps that size.
    sheet.addImage(image, { tl: { col: 1, row }, ext: { width: chart.image.width, height: chart.image.height }, editAs: 'oneCell' });
    row += Math.ceil(chart.image.height / ROW_PX) + 3;
  }
  printSetup(sheet);
}

/** The whole workbook as bytes. */
export async function renderReportWorkbook(report: ReportData, charts: ReportChart[], issuer = issuerOf(report)): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính';
  // The report's own date, not the clock's: the same report gives the same properties.
  workbook.created = workbook.modified = new Date(parseInstant(report.generatedAt));
  tableSheet(workbook, SHEETS.table, reportColumns, report, REPORT_TITLE, RATE_NOTES, { issuer });
  chartSheet(workbook, report, charts);
  tableSheet(workbook, SHEETS.beside, besideColumns, report, BESIDE_TITLE, BESIDE_NOTES);
  tableSheet(workbook, SHEETS.criteria, criteriaColumns, report, CRITERIA_TITLE, CRITERIA_NOTES);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
