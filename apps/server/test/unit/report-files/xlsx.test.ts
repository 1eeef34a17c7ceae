import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIdentities, ratingCriteria, ratingFigures } from '@motcua/domain';
import { renderReport } from '../../../src/modules/reports/report-files.ts';
import type { StatisticsReport } from '../../../src/modules/reports/reports.usecases.ts';
import { besideFigures, figureColumns } from './expected.ts';
import { largeReport, seedReport } from './fixtures.ts';
import { pngSize, readWorkbook } from './read.ts';

/** The heading of column `col` read down rows `from`..`to`, merged cells counted once. */
function headingPath(sheet: ExcelJS.Worksheet, col: number, from: number, to: number): string[] {
  const path: string[] = [];
  for (let r = from; r <= to; r++) {
    const text = String(sheet.getCell(r, col).value ?? '');
    if (text && path.at(-1) !== text) path.push(text);
  }
  return path;
}

/** The row of column numbers "(1) (2) …" that ends the heading. */
function numbersRow(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === '(1)') return r;
  throw new Error(`no row of column numbers on ${sheet.name}`);
}

function expectFiguresOf(sheet: ExcelJS.Worksheet, report: StatisticsReport): void {
  const numbers = numbersRow(sheet);
  const all = [...report.rows.map((row, i) => ({ row, r: numbers + 1 + i, label: row.agencyName })), { row: report.total, r: numbers + 1 + report.rows.length, label: 'Tổng cộng' }];
  for (const { row, r, label } of all) {
    const values = figureColumns.map((_, i) => sheet.getCell(r, 4 + i).value);
    const expected = figureColumns.map((c) => {
      const v = (row as unknown as Record<string, number | null>)[c.key]!;
      return v === null ? '—' : v;
    });
    expect(values, `${label}, row ${r}`).toEqual(expected);
    expect(sheet.getCell(r, 2).value).toBe(label);
  }
}

describe('the statistics report as a workbook', () => {
  let seed: ExcelJS.Workbook;
  let large: ExcelJS.Workbook;
  const big = largeReport(60);
  beforeAll(async () => {
    seed = await readWorkbook(await renderReport(seedReport, 'xlsx'));
    large = await readWorkbook(await renderReport(big, 'xlsx'));
  }, 60_000);

  it('has the table, the charts and the figures beside, in that order', () => {
    expect(seed.worksheets.map((s) => s.name)).toEqual(['Báo cáo', 'Biểu đồ', 'Ngoài bảng', 'Tiêu chí đánh giá']);
  });

  it('opens with the title, the official period, the scope and the export date', () => {
    const sheet = seed.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A8').value).toBe('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(sheet.getCell('A9').value).toBe('Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023');
    expect(sheet.getCell('A10').value).toBe('Phạm vi: Ủy ban nhân dân huyện Giao Thủy (000.00.12.H40) và các đơn vị trực thuộc');
    expect(sheet.getCell('A11').value).toBe('Ngày xuất báo cáo: 15/09/2023, lúc 08:30');
    const filtered = large.getWorksheet('Báo cáo')!;
    expect(filtered.getCell('A9').value).toBe('Kỳ báo cáo: từ ngày 01/01/2023 đến ngày 31/12/2023');
    expect(filtered.getCell('A10').value).toBe('Phạm vi: tất cả các đơn vị; lĩnh vực: Hộ tịch');
  });

  it('is headed as an official document: the form, the district’s People’s Committee, the motto, the number left for the clerk, place and date', () => {
    const sheet = seed.getWorksheet('Báo cáo')!;
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    const right = merges.find((m) => m.startsWith('O1:') || /^[A-U]1:U1$/.test(m))!;
    const r = right.split(':')[0]!.replace(/\d+/, '');
    expect(sheet.getCell(`${r}1`).value).toBe('Biểu số 06a/VPCP/KSTT');
    expect(sheet.getCell(`${r}2`).value).toBe('(Ban hành kèm theo Thông tư số 01/2020/TT-VPCP)');
    expect(sheet.getCell('A3').value).toBe('ỦY BAN NHÂN DÂN');
    expect(sheet.getCell('A4').value).toBe('HUYỆN GIAO THỦY');
    expect(sheet.getCell(`${r}3`).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell(`${r}4`).value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(sheet.getCell('A6').value).toBe('Số: ……………/BC-UBND');
    expect(sheet.getCell(`${r}6`).value).toBe('Giao Thủy, ngày 15 tháng 9 năm 2023');
    // Each block is merged across its columns, the left one from the first column, the right one to the last.
    expect(merges).toContain(`${r}3:U3`);
    expect(merges.some((m) => /^A3:[B-M]3$/.test(m))).toBe(true);
  });

  it('ends the form with the maker and the head of the People’s Committee, room left to sign', () => {
    const sheet = seed.getWorksheet('Báo cáo')!;
    const cells = new Map<string, number>();
    sheet.eachRow((row, r) => row.eachCell((cell) => cells.set(String(cell.value), r)));
    const total = cells.get('Tổng cộng')!;
    expect(cells.get('NGƯỜI LẬP BIỂU')).toBeGreaterThan(total);
    expect(cells.get('TM. ỦY BAN NHÂN DÂN')).toBe(cells.get('NGƯỜI LẬP BIỂU'));
    expect(cells.get('CHỦ TỊCH')).toBe(cells.get('NGƯỜI LẬP BIỂU')! + 1);
    expect(cells.get('(Ký, ghi rõ họ tên)')).toBe(cells.get('(Ký tên, đóng dấu)'));
    // The sheet beside the table carries neither heading nor signatures.
    const beside: string[] = [];
    seed.getWorksheet('Ngoài bảng')!.eachRow((row) => row.eachCell((cell) => beside.push(String(cell.value))));
    expect(beside).not.toContain('NGƯỜI LẬP BIỂU');
    expect(beside).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('prints a report of no single agency under the motto, with no issuing body', () => {
    const sheet = large.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A3').value).toBeNull();
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Biểu số 06a/VPCP/KSTT');
    expect(texts).toContain('THỦ TRƯỞNG CƠ QUAN');
  });

  it('says, for a period that is not over, up to when its figures are counted, under the period', async () => {
    const asOf = { ...seedReport, period: { ...seedReport.period, asOf: '2023-09-06T14:05:00+07:00' }, generatedAt: '2023-09-06T14:05:00+07:00' };
    const book = await readWorkbook(await renderReport(asOf, 'xlsx'));
    const sheet = book.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A9').value).toBe('Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023');
    expect(sheet.getCell('A10').value).toBe('Số liệu tính đến 14:05 ngày 06/09/2023');
    expect(sheet.getCell('A12').value).toBe('Ngày xuất báo cáo: 06/09/2023, lúc 14:05');
    // The table one row lower, the same figures.
    expect(numbersRow(sheet)).toBe(17);
    expect(book.getWorksheet('Ngoài bảng')!.getCell('A3').value).toBe('Số liệu tính đến 14:05 ngày 06/09/2023');
    expect(String(book.getWorksheet('Biểu đồ')!.getCell('B2').value)).toContain('(số liệu tính đến 14:05 ngày 06/09/2023)');
    // A period that is over says nothing of the kind.
    const texts: string[] = [];
    seed.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts.join('\n')).not.toMatch(/tính đến/i);
  });

  it('heads the columns as the official form does, with merged cells over three rows and the columns numbered', () => {
    const sheet = seed.getWorksheet('Báo cáo')!;
    const numbers = numbersRow(sheet);
    expect(numbers).toBe(16);
    expect(headingPath(sheet, 1, 13, 15)).toEqual(['STT']);
    expect(headingPath(sheet, 2, 13, 15)).toEqual(['Đơn vị', 'Tên đơn vị']);
    expect(headingPath(sheet, 3, 13, 15)).toEqual(['Đơn vị', 'Mã đơn vị']);
    figureColumns.forEach((c, i) => expect(headingPath(sheet, 4 + i, 13, 15), c.key).toEqual(c.path));
    expect(sheet.columnCount).toBe(21);
    for (let c = 1; c <= 21; c++) expect(sheet.getCell(numbers, c).value).toBe(`(${c})`);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    for (const range of ['A13:A15', 'B13:C13', 'D13:I13', 'F14:I14', 'D14:D15', 'E14:E15', 'J13:M13', 'N13:N15', 'O13:Q13', 'R13:S13', 'T13:T15', 'U13:U15']) {
      expect(merges).toContain(range);
    }
    expect(sheet.getCell('D13').value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell('F14').value).toBe('Trong kỳ');
    expect(sheet.getCell('J13').value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell('O13').value).toBe('Số hồ sơ đang giải quyết');
  });

  it('holds every figure of every agency and of the total exactly as the JSON report has it', () => {
    expectFiguresOf(seed.getWorksheet('Báo cáo')!, seedReport);
    expectFiguresOf(large.getWorksheet('Báo cáo')!, big);
    // The district as published: 3.884 received, 3.839 resolved = 3.517 ahead + 322 on time, 2.670 digitized (68,7%).
    const sheet = seed.getWorksheet('Báo cáo')!;
    expect(sheet.getRow(17).values).toEqual([
      undefined, 1, 'Ủy ban nhân dân huyện Giao Thủy', '000.00.12.H40',
      3884, 0, 3884, 1165, 2603, 116, 3839, 3517, 322, 0, 0, 45, 41, 4, 2670, 0.6874, 0.2999, 1,
    ]);
    expect(sheet.getCell('B21').value).toBe('Tổng cộng');
    expect(sheet.getCell('D21').value).toBe(51103);
  });

  it('writes figures as real numbers: counts as #,##0, rates as fractions in 0.0%, a missing rate as "—"', () => {
    const sheet = large.getWorksheet('Báo cáo')!;
    const first = numbersRow(sheet) + 1;
    let missing = 0;
    for (let r = first; r <= first + big.rows.length; r++) {
      figureColumns.forEach((c, i) => {
        const cell = sheet.getCell(r, 4 + i);
        if (cell.value === '—') {
          missing++;
          expect(c.rate).toBe(true);
          return;
        }
        expect(typeof cell.value).toBe('number');
        expect(cell.numFmt, `${c.key} at row ${r}`).toBe(c.rate ? '0.0%' : '#,##0');
      });
      expect(typeof sheet.getCell(r, 1).value === 'number' || r === first + big.rows.length).toBe(true);
    }
    expect(missing).toBeGreaterThan(0); // agencies that received nothing in the period
    const totalRow = first + big.rows.length;
    expect(sheet.getCell(totalRow, 4).font?.bold).toBe(true);
    expect(sheet.getCell(first, 4).font?.bold).toBeFalsy();
  });

  it('is a report whose rows add up: the identities of the official report hold in the sheet', () => {
    const sheet = large.getWorksheet('Báo cáo')!;
    const first = numbersRow(sheet) + 1;
    for (let r = first; r <= first + big.rows.length; r++) {
      const counts = Object.fromEntries(figureColumns.filter((c) => !c.rate).map((c, i) => [c.key, sheet.getCell(r, 4 + i).value as number]));
      expect(checkIdentities(counts as never)).toEqual([]);
    }
  });

  it('keeps the heading and the agency in view and prints on A4 landscape, one page wide, the heading on every page', () => {
    const sheet = large.getWorksheet('Báo cáo')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 16 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '13:16' });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(8);
  });

  it('puts the charts on their own sheet as PNG pictures drawn at twice their size', () => {
    for (const workbook of [seed, large]) {
      const sheet = workbook.getWorksheet('Biểu đồ')!;
      const images = sheet.getImages();
      expect(images.length).toBeGreaterThanOrEqual(2);
      for (const placed of images) {
        const image = workbook.getImage(Number(placed.imageId));
        expect(image.extension).toBe('png');
        const size = pngSize(new Uint8Array(image.buffer as unknown as Buffer));
        expect(size.width).toBe(2000);
      }
    }
    expect(seed.getWorksheet('Biểu đồ')!.getImages()).toHaveLength(3);
    expect(large.getWorksheet('Biểu đồ')!.getImages()).toHaveLength(11); // the total, then 60 agencies in 5 charts of each kind
  });

  it('reports refusals and satisfaction ratings beside the table, per agency and in total', () => {
    for (const [workbook, report] of [[seed, seedReport], [large, big]] as const) {
      const sheet = workbook.getWorksheet('Ngoài bảng')!;
      const numbers = numbersRow(sheet);
      besideFigures.forEach((f, i) => expect(headingPath(sheet, 4 + i, 6, numbers - 1)).toEqual(f.path));
      [...report.rows, report.total].forEach((row, k) => {
        const values = besideFigures.map((_, i) => sheet.getCell(numbers + 1 + k, 4 + i).value);
        expect(values).toEqual(besideFigures.map((f) => f.value(row) ?? '—'));
      });
    }
  });

  it('reports the average points of each of the nine criteria, per agency and in total', async () => {
    // One agency's ratings answered two criteria: "total time" 4 times for 7 points (1,75), "contacts" once for 0.
    const rated = ratingFigures([0, 0, 1, 1, 2], { total_time: { count: 4, points: 7 }, contacts: { count: 1, points: 0 } });
    const report: StatisticsReport = {
      ...seedReport,
      rows: seedReport.rows.map((row, i) => (i === 0 ? { ...row, ratings: rated } : row)),
      total: { ...seedReport.total, ratings: rated },
    };
    const sheet = (await readWorkbook(await renderReport(report, 'xlsx'))).getWorksheet('Tiêu chí đánh giá')!;
    const numbers = numbersRow(sheet);
    ratingCriteria.forEach((c, i) => expect(headingPath(sheet, 4 + i, 6, numbers - 1)).toEqual(['Điểm trung bình theo tiêu chí (0–2 điểm)', c.short.vi]));
    const at = (r: number) => ratingCriteria.map((_, i) => sheet.getCell(r, 4 + i).value);
    const expected = ratingCriteria.map((c) => (c.key === 'total_time' ? 1.75 : c.key === 'contacts' ? 0 : '—'));
    expect(at(numbers + 1)).toEqual(expected);
    expect(at(numbers + 1 + report.rows.length)).toEqual(expected);
    expect(at(numbers + 2)).toEqual(ratingCriteria.map(() => '—'));
  });
});
