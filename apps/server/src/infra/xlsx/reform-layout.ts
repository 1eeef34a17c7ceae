/**
 * What the reform plans report shows and in which order (docs/rules/reform-plans.md, "The
 * report"), for the XLSX workbook and the PDF alike: the lines above the tables, the columns of the
 * tables per lead unit and per plan, and of the list of tasks. The values are the report's (the
 * API's JSON), never recomputed.
 */
import { reformAreaLabels, reformAreaNumeral, reformTaskCode, reformTaskStateLabels, type ReformTally } from '@motcua/domain';
import { shortPlainDate } from '../pdf/format.ts';
import { generatedLine, type TableColumn } from './report-layout.ts';

/** A row of the tables per unit and per plan, as the API returns it. */
export interface ReformRowData extends ReformTally {
  key: string;
  name: string;
  detail: string | null;
}

export interface ReformTaskData {
  planTitle: string;
  area: keyof typeof reformAreaLabels;
  number: number;
  title: string;
  lead: string;
  deadline: string;
  completedOn: string | null;
  progress: number;
  state: keyof typeof reformTaskStateLabels;
  daysLate: number;
}

/** The report as the API returns it (`ReformReport`). */
export interface ReformReportData {
  year: number;
  on: string;
  generatedAt: string;
  filters: { agency: { name: string } | null; plan: { title: string } | null };
  total: ReformTally;
  byUnit: ReformRowData[];
  byPlan: ReformRowData[];
  tasks: ReformTaskData[];
}

export const reformTitle = (year: number): string => `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`;
export const REFORM_TOTAL = 'Tổng cộng';

export const reformLines = (report: ReformReportData): string[] => [
  `Số liệu tính đến ngày ${shortPlainDate(report.on, 'on')}`,
  report.filters.plan
    ? `Kế hoạch: ${report.filters.plan.title}`
    : report.filters.agency
      ? `Phạm vi: kế hoạch năm ${report.year} của ${report.filters.agency.name} và các cơ quan trực thuộc`
      : `Phạm vi: các kế hoạch năm ${report.year} trong phạm vi được phân quyền của người lập báo cáo`,
  generatedLine(report),
];

export const REFORM_NOTES = [
  'Đúng hạn: hoàn thành trước hoặc đúng ngày của thời hạn; quá hạn: hoàn thành sau thời hạn. Chậm tiến độ: đến ngày báo cáo đã quá thời hạn mà chưa hoàn thành '
    + '(ngày của thời hạn vẫn trong hạn). Kết quả hoàn thành sau ngày báo cáo không được tính.',
  'Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / tổng số nhiệm vụ; tỷ lệ đúng hạn = số hoàn thành đúng hạn / số đã hoàn thành. "—": không có nhiệm vụ.',
];

const DONE = 'Đã hoàn thành';
const PENDING = 'Chưa hoàn thành, còn trong hạn';
type Row = ReformRowData | ReformTally;
const isRow = (row: Row): row is ReformRowData => 'key' in row;

function figures(): TableColumn<Row>[] {
  return [
    { path: ['Tổng số nhiệm vụ'], kind: 'count', width: 10, value: (r) => r.total },
    { path: [DONE, 'Tổng số'], kind: 'count', width: 9, value: (r) => r.done },
    { path: [DONE, 'Đúng hạn'], kind: 'count', width: 9, value: (r) => r.doneOnTime },
    { path: [DONE, 'Quá hạn'], kind: 'count', width: 9, value: (r) => r.doneLate },
    { path: ['Chậm tiến độ (quá hạn, chưa hoàn thành)'], kind: 'count', width: 13, value: (r) => r.overdue },
    { path: [PENDING, 'Tổng số'], kind: 'count', width: 9, value: (r) => r.pending },
    { path: [PENDING, 'Đang thực hiện'], kind: 'count', width: 10, value: (r) => r.inProgress },
    { path: [PENDING, 'Chưa triển khai'], kind: 'count', width: 10, value: (r) => r.notStarted },
    { path: ['Tỷ lệ hoàn thành'], kind: 'rate', width: 10, value: (r) => r.doneShare },
    { path: ['Tỷ lệ đúng hạn'], kind: 'rate', width: 10, value: (r) => r.onTimeShare },
  ];
}

/** Per lead unit: the unit, the agency it belongs to, the figures. */
export const unitColumns: readonly TableColumn<Row>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Đơn vị chủ trì'], kind: 'text', width: 32, fill: true, value: (r) => (isRow(r) ? r.name : REFORM_TOTAL) },
  { path: ['Thuộc cơ quan'], kind: 'text', width: 22, value: (r) => (isRow(r) ? r.detail : null) },
  ...figures(),
];

/** Per plan: its title, its document and agency, the figures. */
export const planColumns: readonly TableColumn<Row>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Kế hoạch'], kind: 'text', width: 32, fill: true, value: (r) => (isRow(r) ? r.name : REFORM_TOTAL) },
  { path: ['Số, ký hiệu — cơ quan ban hành'], kind: 'text', width: 24, value: (r) => (isRow(r) ? r.detail : null) },
  ...figures(),
];

/** A row of the list of tasks; the total row counts them. */
export interface TaskListRow {
  task: ReformTaskData | null;
  count: number;
}

const date = (d: string | null) => (d ? shortPlainDate(d) : null);

export const taskColumns: readonly TableColumn<TaskListRow>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Nhiệm vụ'], kind: 'text', width: 44, fill: true, value: (r) => (r.task ? `${reformTaskCode(r.task.area, r.task.number)}. ${r.task.title}` : `Cộng: ${r.count} nhiệm vụ`) },
  { path: ['Lĩnh vực'], kind: 'text', width: 22, value: (r) => (r.task ? `${reformAreaNumeral(r.task.area)}. ${reformAreaLabels[r.task.area].vi}` : null) },
  { path: ['Đơn vị chủ trì'], kind: 'text', width: 24, value: (r) => r.task?.lead ?? null },
  { path: ['Thời hạn'], kind: 'text', width: 11, value: (r) => date(r.task?.deadline ?? null) },
  { path: ['Ngày hoàn thành'], kind: 'text', width: 11, value: (r) => date(r.task?.completedOn ?? null) },
  { path: ['Tiến độ (%)'], kind: 'count', width: 8, value: (r) => r.task?.progress ?? null },
  { path: ['Tình trạng'], kind: 'text', width: 17, value: (r) => (r.task ? reformTaskStateLabels[r.task.state].vi : null) },
  { path: ['Số ngày chậm'], kind: 'count', width: 8, value: (r) => (r.task && r.task.daysLate > 0 ? r.task.daysLate : null) },
];

export const taskListRows = (report: ReformReportData): { rows: TaskListRow[]; total: TaskListRow } => ({
  rows: report.tasks.map((task) => ({ task, count: 0 })),
  total: { task: null, count: report.tasks.length },
});
