/**
 * A report table on a worksheet, the way the official periodic forms are ruled: a heading of
 * merged cells over several rows, a row of column numbers "(1) (2) …", one row per agency and a
 * bold total. Numbers are real numbers with a number format (`#,##0`, `0.0%`), not text, so the
 * spreadsheet shows them in the reader's locale (3.884 and 68,7% under vi-VN) and can sum them.
 */
import type { Borders, Cell, Worksheet } from 'exceljs';
import { NO_VALUE } from '../charts/vi-number.ts';
import { headingCells, type CellValue, type ColumnKind, type TableColumn } from './report-layout.ts';

/** Official documents are set in Times New Roman (Decree 30/2020/NĐ-CP); every office has it. */
export const FONT = 'Times New Roman';
export const FORMATS: Record<ColumnKind, string | undefined> = { index: '0', text: undefined, count: '#,##0', rate: '0.0%', score: '0.00' };

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADING_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

/** The sheet's column widths, from the columns' definitions. */
export function setColumnWidths(sheet: Worksheet, columns: readonly { width: number }[]): void {
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
}

/** A line of text across the table's width (merged), e.g. the title or the period. */
export function bannerRow(sheet: Worksheet, row: number, width: number, text: string, style: { size?: number; bold?: boolean; italic?: boolean; height?: number; align?: 'center' | 'left' } = {}): void {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  if (style.height) sheet.getRow(row).height = style.height;
}

function headingStyle(cell: Cell, italic = false): void {
  cell.font = { name: FONT, size: 11, bold: !italic, italic };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADING_FILL;
}

/** Rough lines a text takes in a column of `width` characters: the sheet's rows are sized from it. */
function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15));
  let lines = 0;
  let line = 0;
  for (const word of text.split(/\s+/)) {
    if (line > 0 && line + 1 + word.length > perLine) {
      lines++;
      line = word.length;
    } else line += (line > 0 ? 1 : 0) + word.length;
  }
  return lines + 1;
}

export interface TableLayout {
  /** First and last row of the heading (with the column numbers), 1-based. */
  headingRows: [number, number];
  /** First agency row and the total row. */
  firstBodyRow: number;
  totalRow: number;
}

/**
 * Writes the heading, one row per agency (or other group) and the total from `top`; returns where
 * each part is. The first three columns are the ordinal, the name and the code: the total's label
 * (the name column's value for the total) spans them.
 */
export function writeTable<Row>(sheet: Worksheet, top: number, columns: readonly TableColumn<Row>[], report: { rows: readonly Row[]; total: Row }): TableLayout {
  const { cells, rows } = headingCells(columns);
  for (const h of cells) {
    if (h.rowSpan > 1 || h.colSpan > 1) sheet.mergeCells(top + h.row, h.col + 1, top + h.row + h.rowSpan - 1, h.col + h.colSpan);
    sheet.getCell(top + h.row, h.col + 1).value = h.text;
  }
  // Merged cells keep the border and fill of each cell they cover: style them all.
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns.length; c++) headingStyle(sheet.getCell(top + r, c + 1));
  // Heights: the tallest wrapped label of each heading row, one line = 15 pt.
  const need = new Array<number>(rows).fill(1);
  for (const h of cells) {
    const width = columns.slice(h.col, h.col + h.colSpan).reduce((a, c) => a + c.width, 0);
    const lines = linesFor(h.text, width);
    const last = h.row + h.rowSpan - 1;
    const have = need.slice(h.row, last + 1).reduce((a, b) => a + b, 0);
    if (lines > have) need[last]! += lines - have;
  }
  need.forEach((lines, r) => (sheet.getRow(top + r).height = 15 * lines + 4));

  const numbers = top + rows;
  columns.forEach((_, c) => {
    const cell = sheet.getCell(numbers, c + 1);
    cell.value = `(${c + 1})`;
    headingStyle(cell, true);
  });

  const body = numbers + 1;
  const write = (rowNumber: number, values: (column: TableColumn<Row>) => CellValue, total: boolean) => {
    const row = sheet.getRow(rowNumber);
    let lines = 1;
    columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = values(column);
      const missing = value === null && (column.kind === 'rate' || column.kind === 'score');
      cell.value = missing ? NO_VALUE : value;
      const format = FORMATS[column.kind];
      if (format && !missing) cell.numFmt = format;
      cell.font = { name: FONT, size: 11, bold: total };
      cell.border = BORDER;
      if (total) cell.fill = TOTAL_FILL;
      const horizontal = column.kind === 'text' ? 'left' : column.kind === 'index' || missing ? 'center' : 'right';
      cell.alignment = { horizontal, vertical: 'middle', wrapText: column.kind === 'text' };
      if (typeof value === 'string') lines = Math.max(lines, linesFor(value, column.width));
    });
    row.height = Math.max(18, 15 * lines + 3);
  };
  report.rows.forEach((r, i) => write(body + i, (column) => column.value(r, i + 1), false));
  const totalRow = body + report.rows.length;
  write(totalRow, (column) => column.value(report.total, null), true);
  // "Tổng cộng" across STT, name and code.
  sheet.mergeCells(totalRow, 1, totalRow, 3);
  const label = sheet.getCell(totalRow, 1);
  label.value = columns[1]!.value(report.total, null);
  label.alignment = { horizontal: 'center', vertical: 'middle' };
  return { headingRows: [top, numbers], firstBodyRow: body, totalRow };
}

/** A4 landscape, fitted to one page wide, the heading repeated on every printed page, pages numbered. */
export function printSetup(sheet: Worksheet, headingRows?: [number, number]): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headingRows ? { printTitlesRow: `${headingRows[0]}:${headingRows[1]}` } : {}),
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C&"Times New Roman,Italic"&9Trang &P/&N' };
}
