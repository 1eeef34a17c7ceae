/**
 * What the ranking of units by the service index shows and in which order, for the XLSX workbook
 * and the PDF alike (docs/rules/service-quality.md, "Files"): the lines above the tables, the
 * ranking (total, rank "3/10", the previous period's, the change, the five groups), the indicators
 * of each unit, and the weights of the version in force. Both documents draw these lists; the
 * values are the API's, never recomputed.
 */
import {
  indicatorDefinition, serviceIndexGroups, serviceIndexIndicators, type ServiceIndexGroup, type ServiceIndexIndicator,
} from '@motcua/domain';
import { shortPlainDate } from '../pdf/format.ts';
import { asOfLine, generatedLine, LEVELS, TOTAL_LABEL, type TableColumn } from './report-layout.ts';

export interface IndexFiguresData {
  total: number | null;
  pointsCounted: number;
  groups: Record<ServiceIndexGroup, number | null>;
  indicators: Record<ServiceIndexIndicator, { numerator: number; denominator: number; value: number | null }>;
}

export interface IndexRowData extends IndexFiguresData {
  agency: string;
  agencyName: string;
  level: string;
  rank: number | null;
  of: number;
  previousTotal: number | null;
  previousRank: number | null;
  previousOf: number;
  change: number | null;
}

/** The index report as the API returns it (`ServiceIndexReport` in the quality-index module). */
export interface IndexData {
  period: { from: string; to: string; asOf?: string | undefined };
  previousPeriod: { from: string; to: string };
  filters: { agency: string | null; level: string | null };
  version: { number: number; effectiveFrom: string };
  indicators: Array<{ key: ServiceIndexIndicator; group: ServiceIndexGroup; weight: number; target: number }>;
  generatedAt: string;
  total: IndexFiguresData;
  rows: IndexRowData[];
}

export const INDEX_TITLE = 'BẢNG XẾP HẠNG CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN THỦ TỤC HÀNH CHÍNH, DỊCH VỤ CÔNG';
export const INDEX_SHEETS = { ranking: 'Xếp hạng', indicators: 'Chỉ tiêu thành phần', weights: 'Trọng số' } as const;

type Row = IndexRowData | IndexFiguresData;
const isRow = (row: Row): row is IndexRowData => 'agency' in row;
const levelName = (level: string) => {
  const name = LEVELS[level] ?? level;
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** "tăng 2 bậc", "giảm 1 bậc", "giữ nguyên", "—" (not ranked in one of the periods). */
export function changeText(change: number | null): string | null {
  if (change === null) return null;
  if (change > 0) return `tăng ${change} bậc`;
  if (change < 0) return `giảm ${-change} bậc`;
  return 'giữ nguyên';
}

const rankText = (rank: number | null, of: number) => (rank === null ? null : `${rank}/${of}`);

const GROUP_HEAD = 'Điểm theo nhóm chỉ số (Quyết định 766/QĐ-TTg)';
const PREVIOUS = 'Kỳ trước';

/** The ranking: one row per unit (ordered by level, then rank) and the scope's own index as the total. */
export const rankingColumns: readonly TableColumn<Row>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Đơn vị'], kind: 'text', width: 34, fill: true, value: (row) => (isRow(row) ? row.agencyName : `${TOTAL_LABEL} (toàn phạm vi)`) },
  { path: ['Mã đơn vị'], kind: 'text', width: 15, value: (row) => (isRow(row) ? row.agency : null) },
  { path: ['Cấp'], kind: 'text', width: 10, value: (row) => (isRow(row) ? levelName(row.level) : null) },
  { path: ['Tổng điểm (/100)'], kind: 'score', width: 10, value: (row) => row.total },
  { path: ['Xếp hạng'], kind: 'text', width: 9, value: (row) => (isRow(row) ? rankText(row.rank, row.of) : null) },
  { path: [PREVIOUS, 'Điểm'], kind: 'score', width: 9, value: (row) => (isRow(row) ? row.previousTotal : null) },
  { path: [PREVIOUS, 'Xếp hạng'], kind: 'text', width: 9, value: (row) => (isRow(row) ? rankText(row.previousRank, row.previousOf) : null) },
  { path: ['Thay đổi thứ hạng'], kind: 'text', width: 11, value: (row) => (isRow(row) ? changeText(row.change) : null) },
  ...serviceIndexGroups.map((g): TableColumn<Row> => ({
    path: [GROUP_HEAD, `${g.vi} (${g.points})`], kind: 'score', width: 12, value: (row) => row.groups[g.key],
  })),
];

/** Each indicator's value (a share after its target) per unit. */
export const indicatorColumns: readonly TableColumn<Row>[] = [
  rankingColumns[0]!, rankingColumns[1]!, rankingColumns[2]!,
  ...serviceIndexIndicators.map((i): TableColumn<Row> => ({
    path: [serviceIndexGroups.find((g) => g.key === i.group)!.vi, i.vi], kind: 'rate', width: 12, value: (row) => row.indicators[i.key].value,
  })),
];

export interface WeightRow {
  key: ServiceIndexIndicator | null;
  group: ServiceIndexGroup | null;
  weight: number;
  target: number | null;
  /** The indicator's share of its group's points. */
  share: number | null;
}

/** The version's weights: one row per indicator. */
export function weightRows(report: Pick<IndexData, 'indicators'>): { rows: WeightRow[]; total: WeightRow } {
  const groupWeight = (g: ServiceIndexGroup) => report.indicators.filter((i) => i.group === g).reduce((s, i) => s + i.weight, 0);
  const rows = report.indicators.map((i) => ({ key: i.key, group: i.group, weight: i.weight, target: i.target, share: groupWeight(i.group) ? i.weight / groupWeight(i.group) : null }));
  return { rows, total: { key: null, group: null, weight: rows.reduce((s, r) => s + r.weight, 0), target: null, share: null } };
}

export const weightColumns: readonly TableColumn<WeightRow>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Chỉ tiêu'], kind: 'text', width: 34, fill: true, value: (r) => (r.key ? indicatorDefinition(r.key).vi : TOTAL_LABEL) },
  { path: ['Nhóm (điểm)'], kind: 'text', width: 26, value: (r) => {
    const g = serviceIndexGroups.find((x) => x.key === r.group);
    return g ? `${g.vi} (${g.points})` : null;
  } },
  { path: ['Trọng số'], kind: 'score', width: 9, value: (r) => (r.key ? r.weight : null) },
  { path: ['Tỷ trọng trong nhóm'], kind: 'rate', width: 10, value: (r) => r.share },
  { path: ['Mục tiêu'], kind: 'rate', width: 9, value: (r) => r.target },
  { path: ['Cách tính'], kind: 'text', width: 60, value: (r) => (r.key ? indicatorDefinition(r.key).formulaVi : null) },
];

/** "Kỳ đánh giá: từ ngày 01/07/2026 đến ngày 30/09/2026; so sánh với kỳ trước: từ … đến …". */
export function indexPeriodLine(report: Pick<IndexData, 'period' | 'previousPeriod'>): string {
  const p = (r: { from: string; to: string }) => `từ ngày ${shortPlainDate(r.from)} đến ngày ${shortPlainDate(r.to)}`;
  return `Kỳ đánh giá: ${p(report.period)}; kỳ trước: ${p(report.previousPeriod)}`;
}

/** The scope, the level and the version of the weights, in words. */
export function indexScopeLine(report: Pick<IndexData, 'filters' | 'rows' | 'version'>): string {
  const f = report.filters;
  const root = f.agency ? report.rows.find((r) => r.agency === f.agency) : undefined;
  const parts = [f.agency ? `Phạm vi: ${root ? `${root.agencyName} (${f.agency})` : `đơn vị ${f.agency}`} và các đơn vị trực thuộc` : 'Phạm vi: tất cả các đơn vị'];
  if (f.level) parts.push(`cấp: ${LEVELS[f.level] ?? f.level}`);
  parts.push(`trọng số phiên bản ${report.version.number}, áp dụng từ ngày ${shortPlainDate(report.version.effectiveFrom)}`);
  return parts.join('; ');
}

export { asOfLine, generatedLine };

export const INDEX_NOTES = [
  'Điểm của mỗi nhóm = điểm tối đa của nhóm × bình quân có trọng số các chỉ tiêu của nhóm (mỗi chỉ tiêu từ 0 đến 1, đạt mục tiêu thì được tối đa); tổng điểm trên thang 100.',
  'Chỉ tiêu không có dữ liệu (mẫu số bằng 0) không được tính, trọng số chia lại cho các chỉ tiêu còn lại của nhóm; nhóm không có dữ liệu không được tính, tổng điểm quy về thang 100 theo số điểm của các nhóm còn lại. "—": không có dữ liệu.',
  'Xếp hạng trong từng cấp của phạm vi, theo tổng điểm (làm tròn 2 chữ số thập phân); đơn vị bằng điểm cùng thứ hạng, thứ hạng tiếp theo bỏ qua số đơn vị đồng hạng (1, 2, 2, 4).',
];
