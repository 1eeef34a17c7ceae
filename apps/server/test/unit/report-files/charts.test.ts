import { emptyCounts, ratingFigures, withRates, type PlainDate } from '@motcua/domain';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { measureChartText } from '../../../src/infra/charts/chart-fonts.ts';
import { encodeOpaquePng, readOpaquePng } from '../../../src/infra/charts/png.ts';
import { chunks, reportCharts, shortAgencyName, wrapLabel } from '../../../src/infra/charts/report-charts.ts';
import { viDecimal, viInteger, viPercent } from '../../../src/infra/charts/vi-number.ts';
import { headingCells, reportColumns } from '../../../src/infra/xlsx/report-layout.ts';
import { renderReport } from '../../../src/modules/reports/report-files.ts';
import type { StatisticsReport } from '../../../src/modules/reports/reports.usecases.ts';
import { largeReport, seedReport } from './fixtures.ts';
import { pngSize, readWorkbook } from './read.ts';

describe('Vietnamese figures', () => {
  it.each([
    [0, '0'], [322, '322'], [3884, '3.884'], [47219, '47.219'], [1_234_567, '1.234.567'], [-1200, '-1.200'],
  ])('writes %d as %s', (n, text) => expect(viInteger(n)).toBe(text));

  it.each([
    [0.6874, '68,7%'], [0.9777, '97,8%'], [1, '100,0%'], [0, '0,0%'], [0.0004, '0,0%'], [0.0005, '0,1%'], [0.6875, '68,8%'], [0.2999, '30,0%'], [null, '—'],
  ])('writes the rate %s as %s, rounding as a spreadsheet shows 0.0%%', (rate, text) => expect(viPercent(rate)).toBe(text));

  it('writes a mean score with two decimals after a comma', () => {
    expect(viDecimal(4.75, 2)).toBe('4,75');
    expect(viDecimal(4.7, 2)).toBe('4,70');
    expect(viDecimal(null, 2)).toBe('—');
  });
});

describe('the layout both documents share', () => {
  it('lists every key of the official report and the three rates, in the order of the official table', () => {
    expect(reportColumns.map((c) => c.key ?? null)).toEqual([
      null, null, null,
      'received', 'carriedOver', 'receivedInPeriod', 'online', 'counter', 'postal',
      'resolved', 'resolvedAhead', 'resolvedOnTime', 'resolvedOverdue', 'withdrawn',
      'inProgress', 'inProgressOnTime', 'inProgressOverdue', 'digitized', 'digitizationRate', 'onlineRate', 'onTimeRate',
    ]);
  });

  it('spans a heading over the columns that share it and down to the last heading row', () => {
    const { cells, rows } = headingCells(reportColumns);
    expect(rows).toBe(3);
    const at = (text: string, row: number) => cells.find((c) => c.text === text && c.row === row);
    expect(at('STT', 0)).toEqual({ text: 'STT', row: 0, col: 0, rowSpan: 3, colSpan: 1 });
    expect(at('Số hồ sơ nhận giải quyết', 0)).toEqual({ text: 'Số hồ sơ nhận giải quyết', row: 0, col: 3, rowSpan: 1, colSpan: 6 });
    expect(at('Trong kỳ', 1)).toEqual({ text: 'Trong kỳ', row: 1, col: 5, rowSpan: 1, colSpan: 4 });
    expect(at('Kỳ trước chuyển qua', 1)).toEqual({ text: 'Kỳ trước chuyển qua', row: 1, col: 4, rowSpan: 2, colSpan: 1 });
    expect(at('Rút hồ sơ', 0)).toEqual({ text: 'Rút hồ sơ', row: 0, col: 13, rowSpan: 3, colSpan: 1 });
    // Three "Tổng số" under three different groups stay three cells.
    expect(cells.filter((c) => c.text === 'Tổng số')).toHaveLength(4);
  });
});

describe('chart pictures', () => {
  it('are RGB PNGs laid on white, whose compressed rows the PDF can take as they are', async () => {
    // Two pixels: opaque red, and black at half opacity (premultiplied, as resvg gives it) → grey on white.
    const png = await encodeOpaquePng(Uint8Array.of(255, 0, 0, 255, 0, 0, 0, 128), 2, 1);
    expect(png[25]).toBe(2); // colour type RGB
    const { width, height, data } = readOpaquePng(png);
    expect([width, height]).toEqual([2, 1]);
    expect([...inflateSync(data)]).toEqual([0, 255, 0, 0, 127, 127, 127]);
  });
});

describe('the charts', () => {
  it('splits agencies into even runs of at most a dozen', () => {
    expect(chunks([...Array(13).keys()], 12).map((c) => c.length)).toEqual([7, 6]);
    expect(chunks([...Array(60).keys()], 12).map((c) => c.length)).toEqual([12, 12, 12, 12, 12]);
    expect(chunks([], 12)).toEqual([]);
  });

  it('shortens "Ủy ban nhân dân" to UBND and breaks a long name into two lines that fit', () => {
    expect(shortAgencyName('Ủy ban nhân dân xã Giao Thiện')).toBe('UBND xã Giao Thiện');
    expect(wrapLabel('UBND xã Giao Thiện')).toBe('UBND xã Giao Thiện');
    const long = wrapLabel('Trung tâm Phục vụ hành chính công tỉnh Nam Định (Bộ phận Một cửa liên thông cấp tỉnh)');
    const lines = long.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(measureChartText(line, '14px DejaVu Sans')).toBeLessThanOrEqual(270);
  });

  it('draws the split of results and the rates per agency as PNGs twice their CSS size, the same bytes every time', async () => {
    const charts = await reportCharts(seedReport);
    expect(charts.map((c) => c.key)).toEqual(['results', 'results-by-agency-1', 'rates-by-agency-1']);
    for (const chart of charts) {
      expect(pngSize(chart.image.png)).toEqual({ width: chart.image.width * 2, height: chart.image.height * 2 });
    }
    const again = await reportCharts(seedReport);
    again.forEach((chart, i) => expect(Buffer.compare(Buffer.from(chart.image.png), Buffer.from(charts[i]!.image.png))).toBe(0));
  }, 30_000);

  it('pages 60 agencies over five charts of each kind, numbered in their titles', async () => {
    const charts = await reportCharts(largeReport(60));
    expect(charts).toHaveLength(11);
    expect(charts.filter((c) => c.key.startsWith('rates-by-agency')).map((c) => c.title.slice(-5))).toEqual(['(1/5)', '(2/5)', '(3/5)', '(4/5)', '(5/5)']);
  }, 30_000);
});

describe('a report with nothing in it', () => {
  const empty: StatisticsReport = {
    period: { from: '2024-01-01' as PlainDate, to: '2024-01-31' as PlainDate },
    filters: { agency: null, level: 'commune', field: null, procedure: '1.001193', channel: 'postal' },
    generatedAt: '2024-02-01T01:00:00Z',
    total: { ...withRates(emptyCounts()), refused: 0, reused: 0, reuseRate: null, ratings: ratingFigures(undefined, undefined) },
    rows: [],
  };

  it('still renders both files, with the filters in words and no chart', async () => {
    const workbook = await readWorkbook(await renderReport(empty, 'xlsx'));
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A10').value).toBe('Phạm vi: tất cả các đơn vị; cấp đơn vị tiếp nhận: cấp xã; thủ tục: 1.001193; hình thức tiếp nhận: dịch vụ bưu chính');
    expect(sheet.getCell('A11').value).toBe('Ngày xuất báo cáo: 01/02/2024, lúc 08:00');
    expect(workbook.getWorksheet('Biểu đồ')!.getImages()).toHaveLength(0);
    const pdf = await PDFDocument.load(await renderReport(empty, 'pdf'));
    expect(pdf.getPageCount()).toBe(2); // the table, then the figures beside it
  }, 30_000);
});
