/**
 * The results of a satisfaction survey as an XLSX workbook (docs/rules/service-quality.md,
 * "Results"), the figures the API gives, never recomputed:
 * - "Tổng hợp": per unit and in total, invitations, answers, response rate, the average of each
 *   five-level question;
 * - "Theo câu hỏi": for each question, per unit and in total, the count at each level (five-level
 *   questions) or of each option with its share (choice questions);
 * - "Ý kiến": the free-text answers, per unit;
 * - "Số liệu bên ngoài": SIPAS and PAR Index as published by the Ministry of Home Affairs, with
 *   their source (entered, never computed).
 * Counts, rates and averages are numbers with a format (`#,##0`, `0.0%`, `0.00`), so a spreadsheet
 * under vi-VN shows 3.884, 68,7% and 4,25.
 */
import ExcelJS from 'exceljs';
import { externalFigureLabels, parseInstant, type ExternalFigureKind, type Questionnaire, type SurveyFigures } from '@motcua/domain';
import { shortPlainDate } from '../pdf/format.ts';
import { TOTAL_LABEL, generatedLine, type TableColumn } from './report-layout.ts';
import { bannerRow, printSetup, setColumnWidths, writeTable } from './table-sheet.ts';

export interface SurveyResultsData {
  survey: { title: string; periodFrom: string; periodTo: string; questionnaire: Questionnaire };
  generatedAt: string;
  units: Array<SurveyFigures & { agency: string; agencyName: string }>;
  total: SurveyFigures;
  externalFigures: Array<{ agency: string; agencyName: string; year: number; kind: ExternalFigureKind; value: number; rank: number | null; rankOf: number | null; source: string }>;
}

export const SURVEY_SHEETS = { totals: 'Tổng hợp', questions: 'Theo câu hỏi', comments: 'Ý kiến', external: 'Số liệu bên ngoài' } as const;
export const SURVEY_TITLE = 'KẾT QUẢ KHẢO SÁT MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP';

type Row = SurveyFigures & { agency?: string; agencyName?: string };
const isUnit = (r: Row) => r.agency !== undefined;

const LEVEL_NAMES: Record<'5' | '4' | '3' | '2' | '1', string> = {
  '5': 'Rất hài lòng', '4': 'Hài lòng', '3': 'Bình thường', '2': 'Không hài lòng', '1': 'Rất không hài lòng',
};

const unitColumns: TableColumn<Row>[] = [
  { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
  { path: ['Đơn vị', 'Tên đơn vị'], kind: 'text', width: 34, fill: true, value: (r) => (isUnit(r) ? r.agencyName! : TOTAL_LABEL) },
  { path: ['Đơn vị', 'Mã đơn vị'], kind: 'text', width: 15, value: (r) => r.agency ?? null },
];

function totalColumns(q: Questionnaire): TableColumn<Row>[] {
  const scales = q.questions.filter((x) => x.kind === 'scale5');
  return [
    ...unitColumns,
    { path: ['Số phiếu phát ra'], kind: 'count', width: 10, value: (r) => r.invited },
    { path: ['Số phiếu trả lời'], kind: 'count', width: 10, value: (r) => r.answered },
    { path: ['Tỷ lệ trả lời'], kind: 'rate', width: 9, value: (r) => r.responseRate },
    ...scales.map((x): TableColumn<Row> => ({
      path: ['Điểm trung bình (thang 5 mức)', x.text.vi], kind: 'score', width: 14,
      value: (r) => r.questions.find((qr) => qr.key === x.key)?.average ?? null,
    })),
  ];
}

function questionColumns(q: Questionnaire['questions'][number]): TableColumn<Row>[] {
  const result = (r: Row) => r.questions.find((x) => x.key === q.key)!;
  const answered: TableColumn<Row> = { path: ['Số phiếu trả lời câu hỏi'], kind: 'count', width: 10, value: (r) => result(r).answered };
  if (q.kind === 'scale5') {
    return [
      ...unitColumns, answered,
      ...(['5', '4', '3', '2', '1'] as const).map((level): TableColumn<Row> => ({
        path: ['Số phiếu theo mức', `${level} – ${LEVEL_NAMES[level]}`], kind: 'count', width: 11, value: (r) => result(r).levels?.[level] ?? 0,
      })),
      { path: ['Điểm trung bình'], kind: 'score', width: 10, value: (r) => result(r).average },
    ];
  }
  return [
    ...unitColumns, answered,
    ...(q.options ?? []).flatMap((o): TableColumn<Row>[] => [
      { path: [o.text.vi, 'Số phiếu'], kind: 'count', width: 9, value: (r) => result(r).options?.find((x) => x.key === o.key)?.count ?? 0 },
      { path: [o.text.vi, 'Tỷ lệ'], kind: 'rate', width: 9, value: (r) => result(r).options?.find((x) => x.key === o.key)?.share ?? null },
    ]),
  ];
}

function banners(sheet: ExcelJS.Worksheet, width: number, data: SurveyResultsData, subtitle?: string): number {
  let row = 1;
  bannerRow(sheet, row++, width, SURVEY_TITLE, { size: 14, bold: true, height: 24 });
  bannerRow(sheet, row++, width, data.survey.title, { size: 12, bold: true });
  bannerRow(sheet, row++, width, `Kỳ khảo sát: từ ngày ${shortPlainDate(data.survey.periodFrom)} đến ngày ${shortPlainDate(data.survey.periodTo)}`, { size: 12 });
  if (subtitle) bannerRow(sheet, row++, width, subtitle, { size: 12, bold: true, align: 'left', height: 30 });
  bannerRow(sheet, row++, width, generatedLine(data), { size: 11, italic: true });
  return row + 1;
}

export async function renderSurveyWorkbook(data: SurveyResultsData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = data.survey.title;
  workbook.created = workbook.modified = new Date(parseInstant(data.generatedAt));
  const table = { rows: data.units as Row[], total: data.total as Row };

  const columns = totalColumns(data.survey.questionnaire);
  const totals = workbook.addWorksheet(SURVEY_SHEETS.totals, { properties: { defaultRowHeight: 15 } });
  setColumnWidths(totals, columns);
  const layout = writeTable(totals, banners(totals, columns.length, data), columns, table);
  bannerRow(totals, layout.totalRow + 2, columns.length,
    'Tỷ lệ trả lời = số phiếu trả lời / số phiếu phát ra (hồ sơ được chọn mẫu). Điểm trung bình: 5 = rất hài lòng … 1 = rất không hài lòng, chỉ tính các phiếu trả lời câu hỏi. "—": không có phiếu để tính.',
    { size: 10, italic: true, align: 'left', height: 28 });
  totals.views = [{ state: 'frozen', xSplit: 3, ySplit: layout.headingRows[1] }];
  printSetup(totals, layout.headingRows);

  const byQuestion = workbook.addWorksheet(SURVEY_SHEETS.questions, { properties: { defaultRowHeight: 15 } });
  const widest = data.survey.questionnaire.questions.filter((q) => q.kind !== 'free_text').map(questionColumns)
    .reduce<TableColumn<Row>[]>((w, c) => (c.length > w.length ? c : w), unitColumns);
  setColumnWidths(byQuestion, widest);
  let top = 1;
  data.survey.questionnaire.questions.forEach((q, i) => {
    if (q.kind === 'free_text') return;
    const cols = questionColumns(q);
    bannerRow(byQuestion, top, cols.length, `Câu ${i + 1}. ${q.text.vi}${q.kind === 'multiple_choice' ? ' (chọn nhiều phương án)' : ''}`, { size: 12, bold: true, align: 'left', height: 30 });
    const placed = writeTable(byQuestion, top + 1, cols, table);
    top = placed.totalRow + 3;
  });
  printSetup(byQuestion);

  const comments = workbook.addWorksheet(SURVEY_SHEETS.comments, { properties: { defaultRowHeight: 15 } });
  const commentColumns: TableColumn<{ unit: string; question: string; text: string } | null>[] = [
    { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
    { path: ['Đơn vị'], kind: 'text', width: 30, value: (r) => (r ? r.unit : `${TOTAL_LABEL}: ${commentRows.length} ý kiến`) },
    { path: ['Câu hỏi'], kind: 'text', width: 34, value: (r) => r?.question ?? null },
    { path: ['Ý kiến'], kind: 'text', width: 70, fill: true, value: (r) => r?.text ?? null },
  ];
  const texts = data.survey.questionnaire.questions.filter((q) => q.kind === 'free_text');
  const commentRows = data.units.flatMap((u) => texts.flatMap((q) => (u.questions.find((x) => x.key === q.key)?.texts ?? [])
    .map((text) => ({ unit: u.agencyName, question: q.text.vi, text }))));
  setColumnWidths(comments, commentColumns);
  const listed = writeTable(comments, banners(comments, commentColumns.length, data), commentColumns, { rows: commentRows, total: null });
  printSetup(comments, listed.headingRows);

  const external = workbook.addWorksheet(SURVEY_SHEETS.external, { properties: { defaultRowHeight: 15 } });
  type Fig = SurveyResultsData['externalFigures'][number];
  const figureColumns: TableColumn<Fig | null>[] = [
    { path: ['STT'], kind: 'index', width: 5, value: (_, i) => i },
    { path: ['Đơn vị'], kind: 'text', width: 34, value: (f) => (f ? f.agencyName : `${TOTAL_LABEL}: ${data.externalFigures.length} chỉ số`) },
    { path: ['Chỉ số'], kind: 'text', width: 30, value: (f) => (f ? externalFigureLabels[f.kind].vi : null) },
    { path: ['Năm'], kind: 'index', width: 7, value: (f) => f?.year ?? null },
    { path: ['Kết quả (%)'], kind: 'score', width: 10, value: (f) => f?.value ?? null },
    { path: ['Xếp hạng'], kind: 'text', width: 10, value: (f) => (f?.rank ? `${f.rank}/${f.rankOf}` : null) },
    { path: ['Văn bản công bố'], kind: 'text', width: 45, fill: true, value: (f) => f?.source ?? null },
  ];
  setColumnWidths(external, figureColumns);
  const figures = writeTable(external, banners(external, figureColumns.length, data,
    'Số liệu do Bộ Nội vụ công bố hằng năm (SIPAS, PAR Index), được nhập nguyên văn; hệ thống không tính toán các chỉ số này.'), figureColumns,
  { rows: data.externalFigures, total: null });
  printSetup(external, figures.headingRows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
