/**
 * The reform plans report as an XLSX workbook (docs/rules/reform-plans.md, "The report"): "Theo
 * đơn vị" and "Theo kế hoạch", the counts per lead unit and per plan with their totals, and
 * "Danh sách nhiệm vụ", every task counted with its state, overdue ones in red. Counts are numbers
 * (`#,##0`), shares percentages (`0.0%`), so they read 3.884 and 68,7% under vi-VN; every sheet
 * prints on A4 landscape, one page wide, with the heading repeated.
 */
import ExcelJS from 'exceljs';
import { parseInstant } from '@motcua/domain';
import { REFORM_NOTES, planColumns, reformLines, reformTitle, taskColumns, taskListRows, unitColumns, type ReformReportData } from './reform-layout.ts';
import { FONT, bannerRow, printSetup, setColumnWidths, writeTable } from './table-sheet.ts';

/** Sheet names, as the tests and users look them up. */
export const REFORM_SHEETS = { units: 'Theo đơn vị', plans: 'Theo kế hoạch', tasks: 'Danh sách nhiệm vụ' } as const;

function banners(sheet: ExcelJS.Worksheet, width: number, report: ReformReportData): number {
  let row = 1;
  bannerRow(sheet, row++, width, reformTitle(report.year), { size: 14, bold: true, height: 24 });
  for (const [i, line] of reformLines(report).entries()) bannerRow(sheet, row++, width, line, { size: i === 0 ? 12 : 11, bold: i === 0, italic: i === 2, height: i === 1 ? 30 : undefined });
  return row + 1;
}

export async function renderReformWorkbook(report: ReformReportData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = `Báo cáo kết quả thực hiện kế hoạch cải cách hành chính năm ${report.year}`;
  workbook.created = workbook.modified = new Date(parseInstant(report.generatedAt));

  for (const [name, columns, rows] of [[REFORM_SHEETS.units, unitColumns, report.byUnit], [REFORM_SHEETS.plans, planColumns, report.byPlan]] as const) {
    const sheet = workbook.addWorksheet(name, { properties: { defaultRowHeight: 15 } });
    setColumnWidths(sheet, columns);
    const layout = writeTable(sheet, banners(sheet, columns.length, report), columns, { rows, total: report.total });
    REFORM_NOTES.forEach((note, i) => bannerRow(sheet, layout.totalRow + 2 + i, columns.length, note, { size: 10, italic: true, align: 'left', height: 30 }));
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: layout.headingRows[1], topLeftCell: `C${layout.firstBodyRow}`, activeCell: `C${layout.firstBodyRow}` }];
    printSetup(sheet, layout.headingRows);
  }

  const list = workbook.addWorksheet(REFORM_SHEETS.tasks, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(list, taskColumns);
  const listed = writeTable(list, banners(list, taskColumns.length, report), taskColumns, taskListRows(report));
  // Overdue tasks (not done, past the deadline) stand out as in the console's lists.
  report.tasks.forEach((task, i) => {
    if (task.state !== 'overdue') return;
    list.getRow(listed.firstBodyRow + i).eachCell((cell) => (cell.font = { name: FONT, size: 11, bold: true, color: { argb: 'FFC00000' } }));
  });
  list.views = [{ state: 'frozen', ySplit: listed.headingRows[1], topLeftCell: `A${listed.firstBodyRow}`, activeCell: `A${listed.firstBodyRow}` }];
  list.autoFilter = { from: { row: listed.headingRows[1], column: 1 }, to: { row: listed.headingRows[1], column: taskColumns.length } };
  printSetup(list, listed.headingRows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
