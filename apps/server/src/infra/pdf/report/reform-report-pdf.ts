/**
 * The reform plans report as PDF: A4 landscape, the issuing agency's heading when the report is of
 * one agency's plans, the same lines, tables and notes as the workbook (`xlsx/reform-layout.ts`),
 * the list of tasks not done past their deadline, and the signatures of the maker and the head.
 */
import type { OfficialHeading } from '@motcua/domain';
import { drawHeader, drawSignatures } from '../blocks.ts';
import { newDocument } from '../document.ts';
import { A4_LANDSCAPE, MM, type Flow } from '../flow.ts';
import { shortPlainDate } from '../format.ts';
import { drawTable, type Cell, type Column, type HeaderCell } from '../table.ts';
import { headingCells, type TableColumn } from '../../xlsx/report-layout.ts';
import {
  REFORM_NOTES, planColumns, reformLines, reformTitle, taskColumns, unitColumns, type ReformReportData, type TaskListRow,
} from '../../xlsx/reform-layout.ts';
import { cellText } from './report-pdf.ts';

const PAGE = { size: A4_LANDSCAPE.size, margins: { top: 12 * MM, right: 10 * MM, bottom: 14 * MM, left: 15 * MM } };

/** Who issues the report: the heading, the place before the date and the head's title. */
export interface ReformIssuer {
  heading: OfficialHeading;
  place: string;
  signerTitle: string;
}

function table<Row>(flow: Flow, columns: readonly TableColumn<Row>[], data: { rows: readonly Row[]; total: Row }): void {
  const { cells, rows } = headingCells(columns);
  const header: HeaderCell[] = [...cells, ...columns.map((_, col) => ({ text: `(${col + 1})`, row: rows, col, italic: true }))];
  const tableColumns: Column[] = columns.map((c) => ({
    weight: c.fill ? c.width * 1.4 : c.width,
    align: c.kind === 'text' ? 'left' : c.kind === 'index' ? 'center' : 'right',
    valign: 'middle',
  }));
  const text = (row: Row, index: number | null): Cell[] => columns.map((c) => cellText(c.kind, c.value(row, index)));
  const strong = (cellsOfRow: Cell[]): Cell[] => cellsOfRow.map((t) => [{ text: typeof t === 'string' ? t : '', style: 'bold' as const }]);
  const body = data.rows.map((row, i) => text(row, i + 1));
  drawTable(flow, { columns: tableColumns, header, size: 8.5, headerSize: 8, padX: 2.5, padY: 2.2 }, [...body, strong(text(data.total, null))]);
}

function heading(flow: Flow, text: string, size = 12): void {
  flow.paragraph([{ text, style: 'bold' }], { size, align: 'center', spaceAfter: 3 });
}

export async function renderReformReportPdf(report: ReformReportData, options: { issuer?: ReformIssuer } = {}): Promise<Uint8Array> {
  const title = reformTitle(report.year);
  const { pdf, flow } = await newDocument(
    { title: `Báo cáo kết quả thực hiện kế hoạch cải cách hành chính năm ${report.year}`, subject: `Tính đến ngày ${shortPlainDate(report.on)}`, author: 'Motcua', issuedAt: report.generatedAt, seed: report },
    PAGE,
  );
  const issuer = options.issuer;
  if (issuer) {
    const { managing, body } = issuer.heading;
    drawHeader(flow, { issuingBody: { ...(managing ? { parentName: managing } : {}), name: body.join('\n') }, place: issuer.place, issuedAt: report.generatedAt }, { leftShare: 0.4 });
    flow.y += 6;
  }
  heading(flow, title, 14);
  const [on, scope, generated] = reformLines(report);
  flow.paragraph([{ text: on!, style: 'bold' }], { size: 12, align: 'center', spaceAfter: 1 });
  flow.paragraph(scope!, { size: 10.5, align: 'center', spaceAfter: 1 });
  flow.paragraph([{ text: generated!, style: 'italic' }], { size: 10.5, align: 'center', spaceAfter: 8 });

  heading(flow, 'I. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ', 11);
  table(flow, unitColumns, { rows: report.byUnit, total: report.total });
  flow.y += 8;
  heading(flow, 'II. KẾT QUẢ THEO KẾ HOẠCH', 11);
  table(flow, planColumns, { rows: report.byPlan, total: report.total });
  flow.y += 4;
  for (const note of REFORM_NOTES) flow.paragraph([{ text: note, style: 'italic' }], { size: 8.5, spaceAfter: 1 });

  const late = report.tasks.filter((t) => t.state === 'overdue');
  flow.y += 8;
  heading(flow, 'III. NHIỆM VỤ CHẬM TIẾN ĐỘ (QUÁ HẠN, CHƯA HOÀN THÀNH)', 11);
  if (late.length === 0) flow.paragraph('Không có nhiệm vụ chậm tiến độ.', { size: 10.5, align: 'center', spaceAfter: 4 });
  else table<TaskListRow>(flow, taskColumns, { rows: late.map((task) => ({ task, count: 0 })), total: { task: null, count: late.length } });

  drawSignatures(flow, [{ title: 'NGƯỜI LẬP BIỂU' }, { title: issuer?.signerTitle ?? 'THỦ TRƯỞNG CƠ QUAN' }]);
  flow.footers(`Báo cáo kết quả thực hiện kế hoạch CCHC năm ${report.year} · tính đến ngày ${shortPlainDate(report.on)}`, { always: true });
  return pdf.save();
}
