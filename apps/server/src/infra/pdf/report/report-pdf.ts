/**
 * The statistics report as PDF: A4 landscape, the same lines above the table, the same columns
 * (`report-layout.ts`) with the heading repeated on every page the table runs onto, the figures
 * reported beside it, the same chart pictures, and "Trang n/N" on every page. It reuses the forms'
 * fonts (Tinos, Times New Roman's metrics), page flow, text and table helpers.
 */
import type { PDFRef } from 'pdf-lib';
import type { ReportChart } from '../../charts/report-charts.ts';
import { NO_VALUE, viDecimal, viInteger, viPercent } from '../../charts/vi-number.ts';
import {
  BESIDE_NOTES, BESIDE_TITLE, CRITERIA_NOTES, CRITERIA_TITLE, RATE_NOTES, REPORT_TITLE, asOfLine, besideColumns, criteriaColumns, filtersLine, generatedLine, headingCells, issuerOf, periodLine, reportColumns,
  type ReportIssuer,
  type CellValue, type ColumnKind, type ReportData, type TableColumn,
} from '../../xlsx/report-layout.ts';
import { REPORT_MAKER_TITLE, STATISTICS_REPORT_FORM } from '@motcua/domain';
import type { PageRect } from '../../signing/types.ts';
import { drawHeader, drawSignatures } from '../blocks.ts';
import { newDocument, type RenderOptions } from '../document.ts';
import { A4_LANDSCAPE, MM, type Flow } from '../flow.ts';
import { shortPlainDate } from '../format.ts';
import { drawTable, type Cell, type Column, type HeaderCell } from '../table.ts';
import { measure } from '../text.ts';
import { drawChartImage, embedChartPng } from './chart-image.ts';

const BODY_SIZE = 8;
const HEADING_SIZE = 7.5;
const PAD_X = 2.5;
/** The agency name wraps beyond this; wide enough for "Ủy ban nhân dân xã Giao Thiện" on one line. */
const MAX_NAME_WIDTH = 190;
/** Points per CSS pixel: a chart drawn 1000 px wide spans 750 pt, the width of the page's text. */
const PT_PER_PX = 0.75;
/**
 * A4 landscape with narrower side margins than the forms: twenty-one columns need the room, and a
 * report is filed, not bound along its short edge.
 */
export const PAGE = { size: A4_LANDSCAPE.size, margins: { top: 12 * MM, right: 10 * MM, bottom: 14 * MM, left: 15 * MM } };

/** A value as the table prints it: 3.884, 68,7%, 4,62, "—". */
export function cellText(kind: ColumnKind, value: CellValue): string {
  if (value === null) return kind === 'rate' || kind === 'score' ? NO_VALUE : '';
  if (typeof value === 'string') return value;
  if (kind === 'count') return viInteger(value);
  if (kind === 'rate') return viPercent(value);
  if (kind === 'score') return viDecimal(value, 2);
  return String(value);
}

/**
 * Column widths from the content: every number and every heading word must fit on one line, the
 * agency name takes what is left (and wraps). Returned as weights for `drawTable`.
 */
function columnWidths(flow: Flow, columns: readonly Pick<TableColumn<unknown>, 'kind' | 'path' | 'fill'>[], body: string[][], total: string[]): number[] {
  const widths = columns.map((column, i) => {
    if (column.fill) return 0;
    const values = body.map((r) => measure(flow.fonts, 'regular', BODY_SIZE, r[i]!));
    values.push(measure(flow.fonts, 'bold', BODY_SIZE, total[i]!));
    const words = column.path.at(-1)!.split(/\s+/).map((w) => measure(flow.fonts, 'bold', HEADING_SIZE, w));
    words.push(measure(flow.fonts, 'italic', HEADING_SIZE, `(${i + 1})`));
    return Math.ceil(Math.max(...values, ...words) + 2 * PAD_X + 1);
  });
  const nameAt = columns.findIndex((c) => c.fill);
  const rest = flow.contentWidth - widths.reduce((a, b) => a + b, 0);
  widths[nameAt] = Math.min(Math.max(rest, 80), MAX_NAME_WIDTH);
  // A table with few columns (the figures beside) gives the room left to its figures, not to the names.
  const spare = flow.contentWidth - widths.reduce((a, b) => a + b, 0);
  const figures = columns.flatMap((c, i) => (c.kind === 'count' || c.kind === 'rate' || c.kind === 'score' ? [i] : []));
  if (spare > 0) for (const i of figures) widths[i]! += spare / figures.length;
  return widths;
}

/**
 * A ruled table of `columns` (the workbook's own list): the multi-level heading and the row of
 * column numbers repeated on every page, one row per row of `table` and its total in bold.
 */
export function drawRuledTable<Row>(flow: Flow, columns: readonly TableColumn<Row>[], table: { rows: readonly Row[]; total: Row }): void {
  const report = table;
  const body = report.rows.map((row, r) => columns.map((c) => cellText(c.kind, c.value(row, r + 1))));
  const total = columns.map((c) => cellText(c.kind, c.value(report.total, null)));
  const weights = columnWidths(flow, columns, body, total);
  const { cells, rows } = headingCells(columns);
  const header: HeaderCell[] = [
    ...cells,
    ...columns.map((_, col) => ({ text: `(${col + 1})`, row: rows, col, italic: true })),
  ];
  const tableColumns: Column[] = columns.map((c, i) => ({
    weight: weights[i]!,
    align: c.kind === 'text' ? 'left' : c.kind === 'index' ? 'center' : 'right',
    valign: 'middle',
  }));
  const bold = (texts: string[]): Cell[] => texts.map((text) => [{ text, style: 'bold' as const }]);
  drawTable(
    flow,
    { columns: tableColumns, header, size: BODY_SIZE, headerSize: HEADING_SIZE, padX: PAD_X, padY: 2.2 },
    [...body, bold(total)],
  );
}

export function notes(flow: Flow, lines: string[]): void {
  flow.y += 4;
  for (const line of lines) flow.paragraph([{ text: line, style: 'italic' }], { size: 8.5, spaceAfter: 1 });
}

export function heading(flow: Flow, text: string, size = 12): void {
  flow.paragraph([{ text, style: 'bold' }], { size, align: 'center', spaceAfter: 2 });
}

/** A chart with its title, kept together, shrunk to the page if taller than it. */
function drawChart(flow: Flow, chart: ReportChart, image: PDFRef): void {
  const titleSize = 11;
  const titleHeight = flow.measureParagraph(chart.title, { size: titleSize }) + 4;
  const maxHeight = flow.bottom - flow.margins.top - titleHeight;
  let width = Math.min(flow.contentWidth, chart.image.width * PT_PER_PX);
  let height = (width * chart.image.height) / chart.image.width;
  if (height > maxHeight) {
    width *= maxHeight / height;
    height = maxHeight;
  }
  flow.ensure(titleHeight + height + 6);
  flow.paragraph([{ text: chart.title, style: 'bold' }], { size: titleSize, align: 'center', spaceAfter: 4 });
  drawChartImage(flow.page, image, flow.left + (flow.contentWidth - width) / 2, flow.pdfY(flow.y + height), width, height);
  flow.y += height + 14;
}

export type { ReportIssuer } from '../../xlsx/report-layout.ts';

export interface RenderedReport {
  pdf: Uint8Array;
  /** Where the head's signature image goes: the blank between their title and their name. */
  signatureSlot?: PageRect;
}

/** The form's reference, top right above the heading, as the reporting forms carry it. */
function drawFormReference(flow: Flow): void {
  const width = flow.contentWidth * 0.45;
  const x = flow.left + flow.contentWidth - width;
  flow.y += flow.box([{ text: STATISTICS_REPORT_FORM.reference, style: 'bold' }], x, flow.y, width, { size: 10, align: 'right' });
  flow.y += flow.box([{ text: `(${STATISTICS_REPORT_FORM.issuedWith})`, style: 'italic' }], x, flow.y, width, { size: 9, align: 'right' }) + 4;
}

/** The report as PDF bytes (`renderReportPdfDocument` without the signature slot). */
export async function renderReportPdf(report: ReportData, charts: ReportChart[], options: RenderOptions & { issuer?: ReportIssuer } = {}): Promise<Uint8Array> {
  return (await renderReportPdfDocument(report, charts, options)).pdf;
}

export async function renderReportPdfDocument(
  report: ReportData,
  charts: ReportChart[],
  options: RenderOptions & { issuer?: ReportIssuer } = {},
): Promise<RenderedReport> {
  const root = report.filters.agency ? report.rows.find((r) => r.agency === report.filters.agency) : undefined;
  const issuer = options.issuer ?? issuerOf(report);
  const { pdf, flow } = await newDocument(
    {
      title: 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính',
      subject: periodLine(report),
      author: root?.agencyName ?? 'Motcua',
      issuedAt: report.generatedAt,
      seed: report,
    },
    PAGE,
    options,
  );
  drawFormReference(flow);
  if (issuer) {
    const { managing, body } = issuer.heading;
    drawHeader(
      flow,
      { issuingBody: { ...(managing ? { parentName: managing } : {}), name: body.join('\n') }, ...(issuer.number ? { number: issuer.number } : {}), ...(issuer.symbol ? { symbol: issuer.symbol } : {}), place: issuer.place, issuedAt: report.generatedAt },
      { leftShare: 0.4 },
    );
    flow.y += 6;
  }
  heading(flow, REPORT_TITLE, 14);
  flow.paragraph([{ text: periodLine(report), style: 'bold' }], { size: 12, align: 'center', spaceAfter: 1 });
  // A period that is not over: its figures are counted up to the instant the report was made.
  const asOf = asOfLine(report);
  if (asOf) flow.paragraph([{ text: asOf, style: 'bold' }], { size: 11, align: 'center', spaceAfter: 1 });
  flow.paragraph(filtersLine(report), { size: 10.5, align: 'center', spaceAfter: 1 });
  flow.paragraph([{ text: generatedLine(report), style: 'italic' }], { size: 10.5, align: 'center', spaceAfter: 8 });

  drawRuledTable(flow, reportColumns, report);
  notes(flow, RATE_NOTES);

  const images = charts.map((c) => embedChartPng(pdf, c.image.png));
  if (charts.length > 0) {
    // The charts start on a page of their own; each title says what its chart shows.
    flow.newPage();
    charts.forEach((chart, i) => drawChart(flow, chart, images[i]!));
  }

  flow.newPage();
  heading(flow, BESIDE_TITLE);
  flow.paragraph(periodLine(report), { size: 10.5, align: 'center', spaceAfter: asOf ? 1 : 8 });
  if (asOf) flow.paragraph(asOf, { size: 10.5, align: 'center', spaceAfter: 8 });
  drawRuledTable(flow, besideColumns, report);
  notes(flow, BESIDE_NOTES);
  // The title stays with the table's heading rows: a new page when both would not fit here.
  flow.ensure(flow.measureParagraph(CRITERIA_TITLE, { size: 12 }) + 120);
  flow.y += 12;
  heading(flow, CRITERIA_TITLE);
  drawRuledTable(flow, criteriaColumns, report);
  notes(flow, CRITERIA_NOTES);
  // The maker of the table and the head who signs it (Decree 30/2020, Annex I, item II.7).
  const [, head] = drawSignatures(flow, [
    { title: REPORT_MAKER_TITLE, hint: '(Ký, ghi rõ họ tên)' },
    { title: issuer?.signerTitle ?? 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký tên, đóng dấu)' },
  ]);

  const period = `${shortPlainDate(report.period.from)}–${shortPlainDate(report.period.to)}`;
  const footer = `Báo cáo tình hình, kết quả giải quyết TTHC · Kỳ ${period}${asOf ? ` (${asOf.charAt(0).toLowerCase()}${asOf.slice(1)})` : ''} · ${generatedLine(report)}`;
  flow.footers(footer, { always: true });
  return { pdf: await pdf.save(), ...(head ? { signatureSlot: head } : {}) };
}
