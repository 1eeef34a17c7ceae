/**
 * The ranking of units by the service index as an XLSX workbook (docs/rules/service-quality.md,
 * "Files"): "Xếp hạng" (total, rank, previous period, change, the five groups), "Chỉ tiêu thành
 * phần" (every indicator of every unit), "Trọng số" (the version in force). Numbers are numbers
 * with formats (82,35; 68,7%), A4 landscape, one page wide, the heading repeated.
 */
import ExcelJS from 'exceljs';
import { parseInstant } from '@motcua/domain';
import {
  INDEX_NOTES, INDEX_SHEETS, INDEX_TITLE, asOfLine, generatedLine, indexPeriodLine, indexScopeLine, indicatorColumns, rankingColumns,
  weightColumns, weightRows, type IndexData,
} from './index-layout.ts';
import type { TableColumn } from './report-layout.ts';
import { bannerRow, printSetup, setColumnWidths, writeTable } from './table-sheet.ts';

function banners(sheet: ExcelJS.Worksheet, width: number, report: IndexData, title: string): number {
  let row = 1;
  bannerRow(sheet, row++, width, title, { size: 14, bold: true, height: 36 });
  bannerRow(sheet, row++, width, indexPeriodLine(report), { size: 12, bold: true });
  const asOf = asOfLine(report);
  if (asOf) bannerRow(sheet, row++, width, asOf, { size: 12, bold: true, italic: true });
  bannerRow(sheet, row++, width, indexScopeLine(report), { size: 11, height: 30 });
  bannerRow(sheet, row++, width, generatedLine(report), { size: 11, italic: true });
  return row + 1;
}

function tableSheet<Row>(
  workbook: ExcelJS.Workbook, name: string, title: string, report: IndexData, columns: readonly TableColumn<Row>[],
  table: { rows: readonly Row[]; total: Row }, notes: readonly string[], frozenColumns: number,
): void {
  const sheet = workbook.addWorksheet(name, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(sheet, columns);
  const layout = writeTable(sheet, banners(sheet, columns.length, report, title), columns, table);
  notes.forEach((note, i) => bannerRow(sheet, layout.totalRow + 2 + i, columns.length, note, { size: 10, italic: true, align: 'left', height: 30 }));
  const first = String.fromCharCode(65 + frozenColumns);
  sheet.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: layout.headingRows[1], topLeftCell: `${first}${layout.firstBodyRow}`, activeCell: `${first}${layout.firstBodyRow}` }];
  printSetup(sheet, layout.headingRows);
}

export async function renderIndexWorkbook(report: IndexData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = 'Chỉ số phục vụ người dân, doanh nghiệp';
  workbook.created = workbook.modified = new Date(parseInstant(report.generatedAt));
  tableSheet(workbook, INDEX_SHEETS.ranking, INDEX_TITLE, report, rankingColumns, report, INDEX_NOTES, 3);
  tableSheet(workbook, INDEX_SHEETS.indicators, 'CHỈ TIÊU THÀNH PHẦN CỦA CHỈ SỐ PHỤC VỤ (GIÁ TRỊ SAU KHI SO VỚI MỤC TIÊU)', report, indicatorColumns, report, [], 3);
  tableSheet(workbook, INDEX_SHEETS.weights, `TRỌNG SỐ CÁC CHỈ TIÊU — PHIÊN BẢN ${report.version.number}`, report, weightColumns, weightRows(report), [], 0);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
