import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIdentities } from '@motcua/domain';
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
    expect(seed.worksheets.map((s) => s.name)).toEqual(['Báo cáo', 'Biểu đồ', 'Ngoài bảng']);
  });

  it('opens with the title, the official period, the scope and the export date', () => {
    const sheet = seed.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(sheet.getCell('A2').value).toBe('Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023');
    expect(sheet.getCell('A3').value).toBe('Phạm vi: Ủy ban nhân dân huyện Giao Thủy (000.00.12.H40) và các đơn vị trực thuộc');
    expect(sheet.getCell('A4').value).toBe('Ngày xuất báo cáo: 15/09/2023, lúc 08:30');
    const filtered = large.getWorksheet('Báo cáo')!;
    expect(filtered.getCell('A2').value).toBe('Kỳ báo cáo: từ ngày 01/01/2023 đến ngày 31/12/2023');
    expect(filtered.getCell('A3').value).toBe('Phạm vi: tất cả các đơn vị; lĩnh vực: Hộ tịch');
  });

  it('says, for a period that is not over, up to when its figures are counted, under the period', async () => {
    const asOf = { ...seedReport, period: { ...seedReport.period, asOf: '2023-09-06T14:05:00+07:00' }, generatedAt: '2023-09-06T14:05:00+07:00' };
    const book = await readWorkbook(await renderReport(asOf, 'xlsx'));
    const sheet = book.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A2').value).toBe('Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023');
    expect(sheet.getCell('A3').value).toBe('Số liệu tính đến 14:05 ngày 06/09/2023');
    expect(sheet.getCell('A5').value).toBe('Ngày xuất báo cáo: 06/09/2023, lúc 14:05');
    // The table one row lower, the same figures.
    expect(numbersRow(sheet)).toBe(10);
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
    expect(numbers).toBe(9);
    expect(headingPath(sheet, 1, 6, 8)).toEqual(['STT']);
    expect(headingPath(sheet, 2, 6, 8)).toEqual(['Đơn vị', 'Tên đơn vị']);
    expect(headingPath(sheet, 3, 6, 8)).toEqual(['Đơn vị', 'Mã đơn vị']);
    figureColumns.forEach((c, i) => expect(headingPath(sheet, 4 + i, 6, 8), c.key).toEqual(c.path));
    expect(sheet.columnCount).toBe(21);
    for (let c = 1; c <= 21; c++) expect(sheet.getCell(numbers, c).value).toBe(`(${c})`);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    for (const range of ['A6:A8', 'B6:C6', 'D6:I6', 'F7:I7', 'D7:D8', 'E7:E8', 'J6:M6', 'N6:N8', 'O6:Q6', 'R6:S6', 'T6:T8', 'U6:U8']) {
      expect(merges).toContain(range);
    }
    expect(sheet.getCell('D6').value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell('F7').value).toBe('Trong kỳ');
    expect(sheet.getCell('J6').value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell('O6').value).toBe('Số hồ sơ đang giải quyết');
  });

  it('holds every figure of every agency and of the total exactly as the JSON report has it', () => {
    expectFiguresOf(seed.getWorksheet('Báo cáo')!, seedReport);
    expectFiguresOf(large.getWorksheet('Báo cáo')!, big);
    // The district as published: 3.884 received, 3.839 resolved = 3.517 ahead + 322 on time, 2.670 digitized (68,7%).
    const sheet = seed.getWorksheet('Báo cáo')!;
    expect(sheet.getRow(10).values).toEqual([
      undefined, 1, 'Ủy ban nhân dân huyện Giao Thủy', '000.00.12.H40',
      3884, 0, 3884, 1165, 2603, 116, 3839, 3517, 322, 0, 0, 45, 41, 4, 2670, 0.6874, 0.2999, 1,
    ]);
    expect(sheet.getCell('B14').value).toBe('Tổng cộng');
    expect(sheet.getCell('D14').value).toBe(51103);
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
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 9 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:9' });
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
});
