/**
 * What the statistics report shows and in which order, for the XLSX workbook (the official
 * periodic form, "Biểu tình hình giải quyết TTHC") and for the PDF alike: the lines above the
 * table, the columns of the table under their multi-level heading, the columns of the figures
 * reported beside it (refusals, satisfaction). Both documents draw these lists, so they can never
 * disagree on a heading or an order. The values are the report's, never recomputed.
 */
import {
  REPORT_KIND_ABBREVIATION, bodyAbbreviation, headTitle, officialHeading, placeName, ratingCriteria, type CriterionFigure, type OfficialHeading,
  type RatingCriterion, type Statistics, type StatisticsKey,
} from '@motcua/domain';
import { localParts, shortPlainDate } from '../pdf/format.ts';

/**
 * The figures reported beside the table (docs/rules/statistics.md): refusals (form 03), reuse of
 * the applicants' stored data and satisfaction ratings.
 */
export interface BesideFigures {
  refused: number;
  /** Dossiers received in the period that reused documents of the applicant's data store. */
  reused: number;
  /** reused / receivedInPeriod (a fraction), null when nothing was received. */
  reuseRate: number | null;
  ratings: {
    count: number;
    average: number | null;
    byScore: Record<'5' | '4' | '3' | '2' | '1', number>;
    /** Per criterion of the one-stop scoring tool: the ratings that answered it and their average points (0–2). */
    criteria: Record<RatingCriterion, CriterionFigure>;
  };
}

/** One agency's row, as the report API returns it. */
export interface ReportRowData extends Statistics, BesideFigures {
  agency: string;
  agencyName: string;
  level: string;
}

/** The statistics report as the API returns it (`StatisticsReport` in the reports module). */
export interface ReportData {
  /** `asOf`: present when the period was not over when the report was made (docs/rules/statistics.md, "The end instant"). */
  period: { from: string; to: string; asOf?: string | undefined };
  filters: { agency: string | null; level: string | null; field: string | null; procedure: string | null; channel: string | null };
  generatedAt: string;
  total: Statistics & BesideFigures;
  rows: ReportRowData[];
}

export type CellValue = string | number | null;

/** How a value is written: an ordinal, text, a count of dossiers, a rate (fraction), a mean score. */
export type ColumnKind = 'index' | 'text' | 'count' | 'rate' | 'score';

/** A column of a ruled table whose rows are `Row`s (and a total row of the same shape). */
export interface TableColumn<Row> {
  /** Heading labels from the top row down; a shorter path spans the rows below it. */
  path: string[];
  kind: ColumnKind;
  /** The value for a row (`index` counts from 1) or for the total row (`index` null). */
  value: (row: Row, index: number | null) => CellValue;
  /** Width in the workbook, in characters of the default font. */
  width: number;
  /** The column that takes the width left over on paper (and wraps): the agency name. */
  fill?: true;
}

export interface ReportColumn extends TableColumn<ReportRowData | (Statistics & BesideFigures)> {
  /** The statistics key, for count and rate columns of the main table. */
  key?: StatisticsKey | 'digitizationRate' | 'onlineRate' | 'onTimeRate';
}

export const REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const TOTAL_LABEL = 'Tổng cộng';

const isRow = (row: object): row is ReportRowData => 'agency' in row;

const index: ReportColumn = { path: ['STT'], kind: 'index', width: 5, value: (_, i) => (i === null ? null : i) };
const agencyName: ReportColumn = {
  path: ['Đơn vị', 'Tên đơn vị'], kind: 'text', width: 30, fill: true,
  value: (row) => (isRow(row) ? row.agencyName : TOTAL_LABEL),
};
const agencyCode: ReportColumn = { path: ['Đơn vị', 'Mã đơn vị'], kind: 'text', width: 14, value: (row) => (isRow(row) ? row.agency : null) };

const count = (path: string[], key: StatisticsKey, width = 8.5): ReportColumn => ({ path, kind: 'count', key, width, value: (row) => row[key] });
const rate = (path: string[], key: 'digitizationRate' | 'onlineRate' | 'onTimeRate'): ReportColumn => ({ path, kind: 'rate', key, width: 8.5, value: (row) => row[key] });

const RECEIVED = 'Số hồ sơ nhận giải quyết';
const RESOLVED = 'Số hồ sơ đã giải quyết';
const IN_PROGRESS = 'Số hồ sơ đang giải quyết';
const DIGITIZED = 'Số hóa hồ sơ';

/** The columns of the official table, in its order (docs/rules/statistics.md: every key and every rate). */
export const reportColumns: readonly ReportColumn[] = [
  index,
  agencyName,
  agencyCode,
  count([RECEIVED, 'Tổng số'], 'received', 10),
  count([RECEIVED, 'Kỳ trước chuyển qua'], 'carriedOver'),
  count([RECEIVED, 'Trong kỳ', 'Tổng số'], 'receivedInPeriod', 10),
  count([RECEIVED, 'Trong kỳ', 'Trực tuyến'], 'online'),
  count([RECEIVED, 'Trong kỳ', 'Trực tiếp'], 'counter'),
  count([RECEIVED, 'Trong kỳ', 'Dịch vụ bưu chính'], 'postal'),
  count([RESOLVED, 'Tổng số'], 'resolved', 10),
  count([RESOLVED, 'Trước hạn'], 'resolvedAhead'),
  count([RESOLVED, 'Đúng hạn'], 'resolvedOnTime'),
  count([RESOLVED, 'Quá hạn'], 'resolvedOverdue'),
  count(['Rút hồ sơ'], 'withdrawn', 8),
  count([IN_PROGRESS, 'Tổng số'], 'inProgress'),
  count([IN_PROGRESS, 'Trong hạn'], 'inProgressOnTime'),
  count([IN_PROGRESS, 'Quá hạn'], 'inProgressOverdue'),
  count([DIGITIZED, 'Số hồ sơ'], 'digitized'),
  rate([DIGITIZED, 'Tỷ lệ'], 'digitizationRate'),
  rate(['Tỷ lệ trực tuyến'], 'onlineRate'),
  rate(['Tỷ lệ đúng hạn'], 'onTimeRate'),
];

const REUSED = 'Tái sử dụng dữ liệu đã số hóa';
const RATINGS = 'Đánh giá mức độ hài lòng';
const score = (path: string[], s: '5' | '4' | '3' | '2' | '1'): ReportColumn => ({ path, kind: 'count', width: 11, value: (row) => row.ratings.byScore[s] });

/** The figures beside the table: refusals, reuse of stored data and satisfaction ratings, per agency and in total. */
export const besideColumns: readonly ReportColumn[] = [
  index,
  agencyName,
  agencyCode,
  { path: ['Số hồ sơ từ chối tiếp nhận'], kind: 'count', width: 13, value: (row) => row.refused },
  { path: [REUSED, 'Số hồ sơ'], kind: 'count', width: 11, value: (row) => row.reused },
  { path: [REUSED, 'Tỷ lệ'], kind: 'rate', width: 9, value: (row) => row.reuseRate },
  { path: [RATINGS, 'Số lượt đánh giá'], kind: 'count', width: 11, value: (row) => row.ratings.count },
  { path: [RATINGS, 'Điểm trung bình (1–5)'], kind: 'score', width: 11, value: (row) => row.ratings.average },
  score([RATINGS, 'Rất hài lòng'], '5'),
  score([RATINGS, 'Hài lòng'], '4'),
  score([RATINGS, 'Bình thường'], '3'),
  score([RATINGS, 'Không hài lòng'], '2'),
  score([RATINGS, 'Rất không hài lòng'], '1'),
];

const CRITERIA = 'Điểm trung bình theo tiêu chí (0–2 điểm)';

/** The nine criteria of the one-stop scoring tool beside the table: the average points of each, per agency and in total. */
export const criteriaColumns: readonly ReportColumn[] = [
  index,
  agencyName,
  agencyCode,
  ...ratingCriteria.map((c): ReportColumn => ({
    path: [CRITERIA, c.short.vi], kind: 'score', width: 11, value: (row) => row.ratings.criteria[c.key as RatingCriterion].average,
  })),
];

/** A heading cell: its text, top row and left column (from 0) and how far it spans. */
export interface HeadingCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The cells of a multi-level heading: a label spans the neighbouring columns whose paths share it
 * and everything above it, and a path that ends early spans down to the last heading row.
 */
export function headingCells(columns: readonly Pick<ReportColumn, 'path'>[]): { cells: HeadingCell[]; rows: number } {
  const rows = Math.max(...columns.map((c) => c.path.length));
  const cells: HeadingCell[] = [];
  for (let level = 0; level < rows; level++) {
    let col = 0;
    while (col < columns.length) {
      const path = columns[col]!.path;
      if (path.length <= level) {
        col++;
        continue;
      }
      const prefix = path.slice(0, level + 1).join('\u0000');
      let end = col + 1;
      while (end < columns.length && columns[end]!.path.length > level && columns[end]!.path.slice(0, level + 1).join('\u0000') === prefix) end++;
      const last = path.length === level + 1;
      cells.push({ text: path[level]!, row: level, col, rowSpan: last ? rows - level : 1, colSpan: end - col });
      col = end;
    }
  }
  return { cells, rows };
}

/** Levels of agencies in words (lower case, as inside a sentence). */
export const LEVELS: Record<string, string> = { province: 'cấp tỉnh', department: 'sở, ngành', police: 'công an', district: 'cấp huyện', commune: 'cấp xã' };
const CHANNELS: Record<string, string> = { online: 'trực tuyến', counter: 'trực tiếp', postal: 'dịch vụ bưu chính' };

/** "Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023". */
export function periodLine(report: Pick<ReportData, 'period'>): string {
  return `Kỳ báo cáo: từ ngày ${shortPlainDate(report.period.from, 'period.from')} đến ngày ${shortPlainDate(report.period.to, 'period.to')}`;
}

/**
 * "Số liệu tính đến 14:05 ngày 06/12/2026" for a report on a period that is not over (its figures
 * are counted up to that instant, Vietnam time); null for a period that is over.
 */
export function asOfLine(report: Pick<ReportData, 'period'>): string | null {
  if (!report.period.asOf) return null;
  const p = localParts(report.period.asOf, 'period.asOf');
  const two = (n: number) => String(n).padStart(2, '0');
  return `Số liệu tính đến ${two(p.hour)}:${two(p.minute)} ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** The scope and the filters, in words: "Phạm vi: Ủy ban nhân dân huyện Giao Thủy (000.00.12.H40) và các đơn vị trực thuộc; …". */
export function filtersLine(report: Pick<ReportData, 'filters' | 'rows'>): string {
  const f = report.filters;
  const root = f.agency ? report.rows.find((r) => r.agency === f.agency) : undefined;
  const parts = [
    f.agency ? `Phạm vi: ${root ? `${root.agencyName} (${f.agency})` : `đơn vị ${f.agency}`} và các đơn vị trực thuộc` : 'Phạm vi: tất cả các đơn vị',
  ];
  if (f.level) parts.push(`cấp đơn vị tiếp nhận: ${LEVELS[f.level] ?? f.level}`);
  if (f.field) parts.push(`lĩnh vực: ${f.field}`);
  if (f.procedure) parts.push(`thủ tục: ${f.procedure}`);
  if (f.channel) parts.push(`hình thức tiếp nhận: ${CHANNELS[f.channel] ?? f.channel}`);
  return parts.join('; ');
}

/** "Ngày xuất báo cáo: 15/09/2023, lúc 08:30" (Vietnam time, from the report's `generatedAt`). */
export function generatedLine(report: Pick<ReportData, 'generatedAt'>): string {
  const p = localParts(report.generatedAt, 'generatedAt');
  const two = (n: number) => String(n).padStart(2, '0');
  return `Ngày xuất báo cáo: ${two(p.day)}/${two(p.month)}/${p.year}, lúc ${two(p.hour)}:${two(p.minute)}`;
}

/** What the rates are, printed under the table. */
export const RATE_NOTES = [
  'Tỷ lệ số hóa = số hồ sơ được số hóa / số hồ sơ tiếp nhận trong kỳ; tỷ lệ trực tuyến = số hồ sơ tiếp nhận trực tuyến / số hồ sơ tiếp nhận trong kỳ; tỷ lệ đúng hạn = (số hồ sơ giải quyết trước hạn + đúng hạn) / số hồ sơ đã giải quyết.',
  '"—": không có hồ sơ để tính tỷ lệ. Số hồ sơ nhận giải quyết = đã giải quyết + rút hồ sơ + đang giải quyết.',
];

export const BESIDE_TITLE = 'CÁC SỐ LIỆU NGOÀI BẢNG: TỪ CHỐI TIẾP NHẬN, TÁI SỬ DỤNG DỮ LIỆU VÀ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG';
export const BESIDE_NOTES = [
  'Hồ sơ từ chối tiếp nhận (Mẫu số 03) không tính vào số hồ sơ nhận giải quyết. Điểm đánh giá: 5 = rất hài lòng … 1 = rất không hài lòng.',
  'Tái sử dụng dữ liệu: số hồ sơ tiếp nhận trong kỳ đã dùng giấy tờ có sẵn trong kho dữ liệu của người nộp thay cho bản tải lên; '
    + 'tỷ lệ = số hồ sơ đó / số hồ sơ tiếp nhận trong kỳ. Thành phần lấy từ kho được tính là đã số hóa.',
];

export const CRITERIA_TITLE = 'ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG THEO TIÊU CHÍ CỦA BỘ CHỈ SỐ MỘT CỬA';
export const CRITERIA_NOTES = [
  'Mỗi tiêu chí là một câu hỏi không bắt buộc sau mức hài lòng: 2 điểm cho câu trả lời tốt nhất, 0 cho câu trả lời kém nhất; '
    + 'điểm trung bình tính trên các lượt đánh giá có trả lời tiêu chí đó. "—": chưa có câu trả lời.',
];

/**
 * Who issues the report: the heading (Decree 30/2020, Annex I), the place before the date, the
 * number from the register ("12/BC-UBND") or the symbol alone, and the head's title over the
 * signature. The PDF and the workbook print the same.
 */
export interface ReportIssuer {
  heading: OfficialHeading;
  place: string;
  /** The number and symbol when the register gave one ("12/BC-UBND")… */
  number?: string;
  /** …else the symbol alone ("BC-UBND"), after a dotted blank the clerk fills in when registering the signed report. */
  symbol?: string;
  signerTitle: string;
}

/**
 * The issuer read from the report alone (the command line, which has no caller): the agency it is
 * scoped to, without its managing body (a People's Committee needs none). None for a report of no
 * single agency.
 */
export function issuerOf(report: Pick<ReportData, 'filters' | 'rows'>): ReportIssuer | undefined {
  const root = report.filters.agency ? report.rows.find((r) => r.agency === report.filters.agency) : undefined;
  if (!root) return undefined;
  const agency = { name: root.agencyName, level: root.level };
  return {
    heading: officialHeading(agency),
    place: placeName(agency),
    symbol: `${REPORT_KIND_ABBREVIATION}-${bodyAbbreviation(agency)}`,
    signerTitle: headTitle(agency),
  };
}
