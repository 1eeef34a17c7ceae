/**
 * The statistics report's document parts in a worksheet, as the PDF draws them (Decree 30/2020,
 * Annex I): the form's reference top right; the issuing body top left and the national name and
 * motto top right; "Số: ……/BC-UBND" under the body and the place and date under the motto; and,
 * under the table, the maker's and the head's signatures. The left block spans the first columns
 * (the ordinal, the agency's name and code), the right block the last ones, each merged.
 */
import type { Worksheet } from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME, REPORT_MAKER_TITLE, STATISTICS_REPORT_FORM } from '@motcua/domain';
import { placeAndDate } from '../pdf/format.ts';
import type { ReportIssuer } from './report-layout.ts';
import { FONT } from './table-sheet.ts';

interface Blocks {
  /** 1-based columns: the left block is 1..leftEnd, the right block rightStart..last. */
  leftEnd: number;
  rightStart: number;
  last: number;
}

/** The left block takes at least 35% of the table's width, the right block at least 40% from the end. */
function blocksOf(widths: readonly number[]): Blocks {
  const total = widths.reduce((a, b) => a + b, 0);
  let leftEnd = 0;
  for (let sum = 0; leftEnd < widths.length && sum < total * 0.35; leftEnd++) sum += widths[leftEnd]!;
  let rightStart = widths.length;
  for (let sum = widths[rightStart - 1]!; rightStart > leftEnd + 2 && sum < total * 0.4; ) sum += widths[--rightStart - 1]!;
  return { leftEnd, rightStart, last: widths.length };
}

type Style = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; align?: 'center' | 'right' };

function put(sheet: Worksheet, row: number, from: number, to: number, text: string, style: Style = {}): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false, underline: style.underline ?? false };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
}

/**
 * Writes the form's reference and the heading from row 1; returns the first free row. Without an
 * issuer (a report of several separate subtrees) only the national name and the date are written.
 */
export function writeDocumentHeading(sheet: Worksheet, widths: readonly number[], issuer: ReportIssuer | undefined, issuedAt: string): number {
  const b = blocksOf(widths);
  put(sheet, 1, b.rightStart, b.last, STATISTICS_REPORT_FORM.reference, { bold: true, size: 11, align: 'right' });
  put(sheet, 2, b.rightStart, b.last, `(${STATISTICS_REPORT_FORM.issuedWith})`, { italic: true, size: 10, align: 'right' });
  const left = issuer ? [...(issuer.heading.managing ? [{ text: issuer.heading.managing, bold: false }] : []), ...issuer.heading.body.map((text) => ({ text, bold: true }))] : [];
  // The last line of the body is underlined, as the short rule under it on paper.
  left.forEach((line, i) => put(sheet, 3 + i, 1, b.leftEnd, line.text, { bold: line.bold, underline: i === left.length - 1 }));
  put(sheet, 3, b.rightStart, b.last, NATIONAL_NAME, { bold: true });
  put(sheet, 4, b.rightStart, b.last, NATIONAL_MOTTO, { bold: true, underline: true, size: 13 });
  const dateRow = 3 + Math.max(left.length, 2) + 1;
  if (issuer) put(sheet, dateRow, 1, b.leftEnd, `Số: ${issuer.number ?? `……………/${issuer.symbol ?? ''}`}`);
  if (issuer) put(sheet, dateRow, b.rightStart, b.last, placeAndDate(issuer.place, issuedAt), { italic: true });
  for (let r = 1; r <= dateRow; r++) sheet.getRow(r).height = r === dateRow ? 22 : 17;
  return dateRow + 2;
}

/**
 * The maker of the table on the left and the head on the right, each with what goes under the
 * title, and rows left blank for the signatures; returns the row after them.
 */
export function writeSignatures(sheet: Worksheet, widths: readonly number[], row: number, issuer: ReportIssuer | undefined): number {
  const b = blocksOf(widths);
  const head = (issuer?.signerTitle ?? 'THỦ TRƯỞNG CƠ QUAN').split('\n');
  put(sheet, row, 1, b.leftEnd, REPORT_MAKER_TITLE, { bold: true });
  head.forEach((line, i) => put(sheet, row + i, b.rightStart, b.last, line, { bold: true }));
  const hint = row + head.length;
  put(sheet, hint, 1, b.leftEnd, '(Ký, ghi rõ họ tên)', { italic: true, size: 11 });
  put(sheet, hint, b.rightStart, b.last, '(Ký tên, đóng dấu)', { italic: true, size: 11 });
  // About 25 mm for the signatures (and the seal).
  for (let r = hint + 1; r <= hint + 5; r++) sheet.getRow(r).height = 15;
  return hint + 6;
}
