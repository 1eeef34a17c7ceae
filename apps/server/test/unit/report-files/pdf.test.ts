import { ratingCriteria, ratingFigures } from '@motcua/domain';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, renderReportPdfDocument } from '../../../src/modules/reports/report-files.ts';
import type { StatisticsReport } from '../../../src/modules/reports/reports.usecases.ts';
import { flat, pdfText, pdfWords, requireTools } from '../pdf/poppler.ts';
import { besideFigures, figureColumns } from './expected.ts';
import { largeReport, seedReport } from './fixtures.ts';
import { pdfImages } from './read.ts';

/** Vietnamese figures written out by hand, independently of the code under test. */
const vi = (n: number) => n.toLocaleString('de-DE'); // 3884 → "3.884": the same grouping as vi-VN, without decimals
const pct = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace('.', ',')}%`);

/** The figures of one row in the order of the table, as the PDF must print them. */
function printed(row: Record<string, unknown>): string[] {
  return figureColumns.map((c) => (c.rate ? pct(row[c.key] as number | null) : vi(row[c.key] as number)));
}

/** The words after `anchor` (an agency code, "Tổng cộng") on the first layout line where figures follow it. */
function figuresAfter(text: string, anchor: string): string[] {
  const followed = new RegExp(`${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[\\d—]`);
  const line = text.split('\n').find((l) => followed.test(l));
  if (!line) throw new Error(`no line with ${anchor}`);
  return line.slice(line.indexOf(anchor) + anchor.length).trim().split(/\s+/);
}

describe('the statistics report as PDF', () => {
  let seed: Uint8Array;
  let large: Uint8Array;
  const big = largeReport(60);
  let seedText: string;
  beforeAll(async () => {
    requireTools('pdftotext');
    seed = await renderReport(seedReport, 'pdf');
    large = await renderReport(big, 'pdf');
    seedText = await pdfText(seed);
  }, 60_000);

  it('is A4 landscape on every page', async () => {
    for (const bytes of [seed, large]) {
      for (const page of (await PDFDocument.load(bytes)).getPages()) {
        expect(page.getWidth()).toBeCloseTo(841.89, 1);
        expect(page.getHeight()).toBeCloseTo(595.28, 1);
      }
    }
  });

  it('opens with the title, the official period, the scope and the export date', async () => {
    const first = await pdfText(seed, 'layout', 1);
    for (const line of [
      'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023',
      'Phạm vi: Ủy ban nhân dân huyện Giao Thủy (000.00.12.H40) và các đơn vị trực thuộc',
      'Ngày xuất báo cáo: 15/09/2023, lúc 08:30',
    ]) {
      expect(first).toContain(line);
    }
  });

  it('is headed by the district’s People’s Committee alone (Decree 30/2020), with the place and date of the report', async () => {
    const first = await pdfText(seed, 'layout', 1);
    expect(first).toMatch(/^\s+ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/m);
    expect(first).toMatch(/^\s+HUYỆN GIAO THỦY\s+Độc lập - Tự do - Hạnh phúc/m);
    expect(first).toContain('Giao Thủy, ngày 15 tháng 9 năm 2023');
    expect(first).not.toContain('TỈNH NINH BÌNH');
    // The number is the clerk's, given when the signed report is registered: a dotted blank before the symbol.
    expect(first).toMatch(/Số:\s*\.{10,}\/BC-UBND\s+Giao Thủy, ng/);
  });

  it('names its form top right, above the motto', async () => {
    const first = (await pdfText(seed, 'layout', 1)).split('\n').filter((l) => l.trim());
    expect(first[0]).toMatch(/^\s+Biểu số 06a\/VPCP\/KSTT$/);
    expect(first[1]).toMatch(/^\s+\(Ban hành kèm theo Thông tư số 01\/2020\/TT-VPCP\)$/);
    expect(first[2]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
  });

  it('ends with the maker and the head, leaving the head’s signature slot on the last page between title and name', async () => {
    const { pdf, signatureSlot } = await renderReportPdfDocument(seedReport, {
      heading: { managing: 'UBND TỈNH NINH BÌNH', body: ['SỞ TƯ PHÁP'] },
      place: 'Ninh Bình',
      number: '12/BC-STP',
      signerTitle: 'GIÁM ĐỐC',
    });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    const first = await pdfText(pdf, 'layout', 1);
    expect(first).toMatch(/^\s+UBND TỈNH NINH BÌNH\s+CỘNG HÒA/m);
    expect(first).toMatch(/^\s+SỞ TƯ PHÁP\s+Độc lập/m);
    expect(first).toMatch(/Số: 12\/BC-STP\s+Ninh Bình, ngày 15 tháng 9 năm 2023/);
    const last = await pdfText(pdf, 'layout', pages);
    expect(last).toMatch(/NGƯỜI LẬP BIỂU\s+GIÁM ĐỐC/);
    expect(last).toMatch(/\(Ký, ghi rõ họ tên\)\s+\(Ký tên, đóng dấu\)/);
    const slot = signatureSlot!;
    expect(slot.page).toBe(pages - 1);
    expect(slot.height).toBeGreaterThanOrEqual(22 * (72 / 25.4) - 0.01);
    const title = (await pdfWords(pdf)).find((w) => w.page === pages && w.text === 'GIÁM')!;
    expect(595.28 - (slot.y + slot.height)).toBeGreaterThanOrEqual(title.yMax - 0.5);
    expect(slot.x).toBeLessThanOrEqual(title.xMin);
    expect(slot.x + slot.width).toBeLessThanOrEqual(841.89);
    expect(slot.y).toBeGreaterThanOrEqual(0);
  });

  it('says, for a period that is not over, up to when its figures are counted: under the period, on the page beside and in the footer', async () => {
    const asOf = { ...seedReport, period: { ...seedReport.period, asOf: '2023-09-06T14:05:00+07:00' }, generatedAt: '2023-09-06T14:05:00+07:00' };
    const bytes = await renderReport(asOf, 'pdf');
    const first = (await pdfText(bytes, 'layout', 1)).split('\n').map((l) => l.trim()).filter(Boolean);
    const period = first.indexOf('Kỳ báo cáo: từ ngày 15/12/2022 đến ngày 14/09/2023');
    expect(period).toBeGreaterThan(0);
    expect(first[period + 1]).toBe('Số liệu tính đến 14:05 ngày 06/09/2023');
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    const last = await pdfText(bytes, 'layout', pages);
    expect(last).toContain('Số liệu tính đến 14:05 ngày 06/09/2023');
    expect(flat(last)).toContain('(số liệu tính đến 14:05 ngày 06/09/2023)');
    expect(seedText).not.toMatch(/tính đến/i);
  });

  it('names every agency with its diacritics and prints the published figures the Vietnamese way', () => {
    const text = flat(seedText);
    for (const name of ['Ủy ban nhân dân huyện Giao Thủy', 'Ủy ban nhân dân xã Giao Thiện', 'Ủy ban nhân dân xã Giao Hương', 'Ủy ban nhân dân xã Giao Yến']) {
      expect(text).toContain(name);
    }
    for (const figure of ['3.884', '3.839', '3.517', '322', '2.670', '68,7%', '16.205', 'Tổng cộng', '51.103']) expect(text).toContain(figure);
  });

  it('prints every figure of every row and of the total in the order of the official columns', async () => {
    for (const [bytes, report] of [[seed, seedReport], [large, big]] as [Uint8Array, StatisticsReport][]) {
      const text = await pdfText(bytes);
      for (const row of report.rows) expect(figuresAfter(text, row.agency), row.agencyName).toEqual(printed(row as never));
      expect(figuresAfter(text, 'Tổng cộng')).toEqual(printed(report.total as never));
    }
    // The district as published.
    expect(figuresAfter(seedText, '000.00.12.H40')).toEqual(['3.884', '0', '3.884', '1.165', '2.603', '116', '3.839', '3.517', '322', '0', '0', '45', '41', '4', '2.670', '68,7%', '30,0%', '100,0%']);
  });

  it('prints "—" for a rate without a denominator', async () => {
    const empty = big.rows.find((r) => r.receivedInPeriod === 0)!;
    expect(empty.digitizationRate).toBeNull();
    const figures = figuresAfter(await pdfText(large), empty.agency);
    expect(figures[15]).toBe('—');
    expect(figures[16]).toBe('—');
  });

  it('reports refusals, reuse of stored data and satisfaction ratings beside the table, per agency and in total', async () => {
    const pages = (await PDFDocument.load(seed)).getPageCount();
    const last = await pdfText(seed, 'layout', pages);
    expect(flat(last)).toContain('CÁC SỐ LIỆU NGOÀI BẢNG: TỪ CHỐI TIẾP NHẬN, TÁI SỬ DỤNG DỮ LIỆU VÀ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG');
    const score = (v: number | null) => (v === null ? '—' : v.toFixed(2).replace('.', ','));
    const text = (f: (typeof besideFigures)[number], v: number | null) => (f.kind === 'score' ? score(v) : f.kind === 'rate' ? pct(v) : vi(v!));
    const rows: Array<[string, (typeof seedReport)['total']]> = [...seedReport.rows.map((r) => [r.agency, r] as [string, typeof r]), ['Tổng cộng', seedReport.total]];
    for (const [anchor, row] of rows) {
      expect(figuresAfter(last, anchor), anchor).toEqual(besideFigures.map((f) => text(f, f.value(row))));
    }
    // The district: 57 of its 3.884 dossiers reused stored data.
    expect(figuresAfter(last, '000.00.12.H40').slice(1, 3)).toEqual(['57', '1,5%']);
  });

  it('reports the average points of each of the nine criteria beside the table, per agency and in total', async () => {
    // The district's ratings answered two criteria: "total time" 4 times for 7 points (1,75), "contacts" once for 0.
    const rated = ratingFigures([0, 0, 1, 1, 2], { total_time: { count: 4, points: 7 }, contacts: { count: 1, points: 0 } });
    const bytes = await renderReport({
      ...seedReport, rows: seedReport.rows.map((row, i) => (i === 0 ? { ...row, ratings: rated } : row)), total: { ...seedReport.total, ratings: rated },
    }, 'pdf');
    const last = await pdfText(bytes, 'layout', (await PDFDocument.load(bytes)).getPageCount());
    const title = 'ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG THEO TIÊU CHÍ CỦA BỘ CHỈ SỐ MỘT CỬA';
    expect(last).toContain(title);
    const criteria = last.slice(last.indexOf(title));
    const expected = ratingCriteria.map((c) => (c.key === 'total_time' ? '1,75' : c.key === 'contacts' ? '0,00' : '—'));
    expect(figuresAfter(criteria, '000.00.12.H40')).toEqual(expected);
    expect(figuresAfter(criteria, 'Tổng cộng')).toEqual(expected);
    expect(figuresAfter(criteria, '000.31.12.H40')).toEqual(ratingCriteria.map(() => '—'));
  });

  it('embeds the charts as pictures at about 190 dpi', async () => {
    const images = await pdfImages(seed);
    expect(images).toHaveLength(3);
    for (const image of images) expect(image.width).toBe(2000);
    expect(new Set(images.map((i) => i.page)).size).toBeGreaterThanOrEqual(2);
    expect(await pdfImages(large)).toHaveLength(11);
  });

  it('runs a 60-agency table over several pages, the heading repeated and every page numbered', async () => {
    const pages = (await PDFDocument.load(large)).getPageCount();
    const tablePages: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = await pdfText(large, 'layout', page);
      expect(text).toContain(`Trang ${page}/${pages}`);
      if (text.includes('Số hồ sơ nhận giải quyết')) {
        tablePages.push(page);
        expect(text).toMatch(/\(1\)\s+\(2\)\s+\(3\)\s+\(4\).*\(21\)/);
        expect(text).toContain('Số hồ sơ đã giải quyết');
      }
    }
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    expect(tablePages).toEqual(tablePages.map((_, i) => i + 1)); // consecutive, from the first page
    const all = await pdfText(large);
    big.rows.forEach((row) => expect(all).toContain(row.agency));
  });
});
