/**
 * The fee report as an XLSX workbook for accounting (docs/rules/payments.md, "Reports"):
 * "Tổng hợp", the figures per group (agency, procedure or month) and in total; "Bút toán", every
 * entry the report counts, with its receipt. Amounts are numbers with the `#,##0` format (3.884
 * under vi-VN), never text, so accounting can sum and filter them; both sheets print on A4
 * landscape, one page wide, with the heading repeated.
 */
import ExcelJS from 'exceljs';
import { feeEntryKindLabels, parseInstant, paymentMethodLabels, type FeeEntryKind, type FeeFigures, type PaymentMethod } from '@motcua/domain';
import { shortDateTime } from '../pdf/format.ts';
import { TOTAL_LABEL, asOfLine, generatedLine, periodLine, type TableColumn } from './report-layout.ts';
import { bannerRow, printSetup, setColumnWidths, writeTable } from './table-sheet.ts';

/** One group's row, as the fee report API returns it. */
export interface FeeRowData extends FeeFigures {
  key: string;
  label: string;
}

export interface FeeReportData {
  period: { from: string; to: string; asOf?: string | undefined };
  filters: { agency: string | null; level: string | null; procedure: string | null };
  groupBy: 'agency' | 'procedure' | 'month';
  generatedAt: string;
  total: FeeFigures;
  rows: FeeRowData[];
}

export interface FeeEntryData {
  recordedAt: Date;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  agencyName: string;
  kind: FeeEntryKind;
  method: PaymentMethod | null;
  amount: number;
  receiptSymbol: string | null;
  receiptNumber: number | null;
  orderReference: string | null;
}

/** Sheet names, as the tests and users look them up. */
export const FEE_SHEETS = { totals: 'Tổng hợp', entries: 'Bút toán' } as const;
export const FEE_TITLE = 'BÁO CÁO THU PHÍ, LỆ PHÍ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const FEE_ENTRIES_TITLE = 'BẢNG KÊ CÁC KHOẢN THU, HOÀN TRẢ, MIỄN GIẢM PHÍ, LỆ PHÍ';

type FeeRow = FeeRowData | FeeFigures;
const isRow = (row: FeeRow): row is FeeRowData => 'key' in row;
const GROUP: Record<FeeReportData['groupBy'], [string, string]> = {
  agency: ['Tên đơn vị', 'Mã đơn vị'], procedure: ['Tên thủ tục', 'Mã thủ tục'], month: ['Tháng', 'Mã tháng'],
};
const monthName = (key: string) => `Tháng ${key.slice(5, 7)}/${key.slice(0, 4)}`;

/** Amounts in whole đồng are written like counts (`#,##0`). */
const money = (path: string[], value: (f: FeeFigures) => number, width = 13): TableColumn<FeeRow> => ({ path, kind: 'count', width, value });

export function feeColumns(groupBy: FeeReportData['groupBy']): TableColumn<FeeRow>[] {
  const [name, code] = GROUP[groupBy];
  const COLLECTED = 'Đã thu (đồng)';
  const WAIVED = 'Miễn, giảm (đồng)';
  const PENDING = 'Chờ thanh toán trực tuyến';
  const SHARE = 'Tỷ lệ thanh toán trực tuyến';
  return [
    { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
    {
      path: [name], kind: 'text', width: 34, fill: true,
      value: (row) => (isRow(row) ? (groupBy === 'month' ? monthName(row.key) : row.label) : TOTAL_LABEL),
    },
    { path: [code], kind: 'text', width: 14, value: (row) => (isRow(row) ? row.key : null) },
    { path: ['Số hồ sơ phải nộp'], kind: 'count', width: 10, value: (f) => f.dossiersWithFee },
    money(['Số tiền phải thu (đồng)'], (f) => f.amountDue),
    money([COLLECTED, 'Tổng số'], (f) => f.collected.total),
    money([COLLECTED, 'Tiền mặt'], (f) => f.collected.cash, 12),
    money([COLLECTED, 'Chuyển khoản'], (f) => f.collected.transfer, 12),
    money([COLLECTED, 'Thẻ'], (f) => f.collected.card, 12),
    money([COLLECTED, 'Trực tuyến'], (f) => f.collected.online, 12),
    money(['Hoàn trả (đồng)'], (f) => f.refunded, 12),
    money([WAIVED, 'Tổng số'], (f) => f.waived, 12),
    money([WAIVED, 'Khi tiếp nhận'], (f) => f.waivedAtReception, 12),
    money(['Còn phải thu (đồng)'], (f) => f.outstanding),
    { path: [PENDING, 'Số giao dịch'], kind: 'count', width: 10, value: (f) => f.pendingOrders },
    money([PENDING, 'Số tiền (đồng)'], (f) => f.pendingOnline, 12),
    { path: [SHARE, 'Theo số giao dịch'], kind: 'rate', width: 11, value: (f) => f.onlineShare.byCount },
    { path: [SHARE, 'Theo số tiền'], kind: 'rate', width: 11, value: (f) => f.onlineShare.byAmount },
  ];
}

interface EntryRow {
  entry: FeeEntryData | null;
  count: number;
}

const entryColumns: TableColumn<EntryRow>[] = [
  { path: ['STT'], kind: 'index', width: 6, value: (_, i) => i },
  { path: ['Ngày ghi'], kind: 'text', width: 17, value: (r) => (r.entry ? shortDateTime(r.entry.recordedAt.toISOString()) : `Cộng: ${r.count} bút toán`) },
  { path: ['Mã hồ sơ'], kind: 'text', width: 27, value: (r) => r.entry?.dossierCode ?? null },
  { path: ['Thủ tục'], kind: 'text', width: 34, fill: true, value: (r) => (r.entry ? `${r.entry.procedureName} (${r.entry.procedureCode})` : null) },
  { path: ['Cơ quan tiếp nhận'], kind: 'text', width: 26, value: (r) => r.entry?.agencyName ?? null },
  { path: ['Loại'], kind: 'text', width: 14, value: (r) => (r.entry ? feeEntryKindLabels[r.entry.kind].vi : null) },
  { path: ['Hình thức'], kind: 'text', width: 14, value: (r) => (r.entry?.method ? paymentMethodLabels[r.entry.method].vi : null) },
  { path: ['Số tiền (đồng)'], kind: 'count', width: 13, value: (r) => r.entry?.amount ?? null },
  { path: ['Biên lai', 'Ký hiệu'], kind: 'text', width: 9, value: (r) => r.entry?.receiptSymbol ?? null },
  { path: ['Biên lai', 'Số'], kind: 'count', width: 8, value: (r) => r.entry?.receiptNumber ?? null },
  { path: ['Mã giao dịch trực tuyến'], kind: 'text', width: 22, value: (r) => r.entry?.orderReference ?? null },
];

function filtersLine(report: FeeReportData): string {
  const f = report.filters;
  const root = f.agency && report.groupBy === 'agency' ? report.rows.find((r) => r.key === f.agency) : undefined;
  const parts = [f.agency ? `Phạm vi: ${root ? `${root.label} (${f.agency})` : `đơn vị ${f.agency}`} và các đơn vị trực thuộc` : 'Phạm vi: tất cả các đơn vị'];
  if (f.level) parts.push(`cấp đơn vị tiếp nhận: ${f.level}`);
  if (f.procedure) parts.push(`thủ tục: ${f.procedure}`);
  return parts.join('; ');
}

function banners(sheet: ExcelJS.Worksheet, width: number, report: FeeReportData, title: string): number {
  let row = 1;
  bannerRow(sheet, row++, width, title, { size: 14, bold: true, height: 24 });
  bannerRow(sheet, row++, width, periodLine(report), { size: 12, bold: true });
  const asOf = asOfLine(report);
  if (asOf) bannerRow(sheet, row++, width, asOf, { size: 12, bold: true, italic: true });
  bannerRow(sheet, row++, width, filtersLine(report), { size: 11, height: 30 });
  bannerRow(sheet, row++, width, generatedLine(report), { size: 11, italic: true });
  return row + 1;
}

const NOTES = [
  'Đã thu, hoàn trả, miễn giảm: các bút toán ghi trong kỳ (giờ Việt Nam); bút toán đã hủy do ghi nhầm và bút toán hủy không được tính. '
    + 'Số tiền phải thu, miễn giảm khi tiếp nhận và còn phải thu: của các hồ sơ tiếp nhận trong kỳ; còn phải thu tính đến thời điểm xuất báo cáo.',
  'Tỷ lệ thanh toán trực tuyến = số giao dịch (số tiền) thanh toán trực tuyến / tổng số giao dịch (số tiền) đã thu. "—": không có giao dịch.',
];

export async function renderFeeWorkbook(report: FeeReportData, entries: readonly FeeEntryData[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = 'Báo cáo thu phí, lệ phí';
  workbook.created = workbook.modified = new Date(parseInstant(report.generatedAt));

  const columns = feeColumns(report.groupBy);
  const totals = workbook.addWorksheet(FEE_SHEETS.totals, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(totals, columns);
  const layout = writeTable(totals, banners(totals, columns.length, report, FEE_TITLE), columns, report);
  NOTES.forEach((note, i) => bannerRow(totals, layout.totalRow + 2 + i, columns.length, note, { size: 10, italic: true, align: 'left', height: 28 }));
  totals.views = [{ state: 'frozen', xSplit: 3, ySplit: layout.headingRows[1], topLeftCell: `D${layout.firstBodyRow}`, activeCell: `D${layout.firstBodyRow}` }];
  printSetup(totals, layout.headingRows);

  const list = workbook.addWorksheet(FEE_SHEETS.entries, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(list, entryColumns);
  const rows = { rows: entries.map((entry) => ({ entry, count: 0 })), total: { entry: null, count: entries.length } };
  const listed = writeTable(list, banners(list, entryColumns.length, report, FEE_ENTRIES_TITLE), entryColumns, rows);
  list.views = [{ state: 'frozen', ySplit: listed.headingRows[1], topLeftCell: `A${listed.firstBodyRow}`, activeCell: `A${listed.firstBodyRow}` }];
  list.autoFilter = { from: { row: listed.headingRows[1], column: 1 }, to: { row: listed.headingRows[1], column: entryColumns.length } };
  printSetup(list, listed.headingRows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
