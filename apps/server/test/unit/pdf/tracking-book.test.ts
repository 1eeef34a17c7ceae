import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm, type TrackingBookForm } from '../../../src/infra/pdf/index.ts';
import { trackingBook, trackingRows } from './fixtures.ts';
import { flat, pdfText, pdfWords, qrOfFirstPage, requireTools } from './poppler.ts';

const MM = 72 / 25.4;

/** Raw text with codes and dates that wrap inside their cells joined back together. */
function joined(raw: string): string {
  return flat(raw.replace(/-\s*\n\s*/g, '-'));
}

describe('the tracking book (form 07)', () => {
  let bytes: Uint8Array;
  let pages: number;
  beforeAll(async () => {
    requireTools('pdftotext', 'pdftoppm', 'zbarimg');
    bytes = await renderForm(trackingBook);
    pages = (await PDFDocument.load(bytes)).getPageCount();
  });

  it('lays 120 dossiers over several A4 landscape pages', async () => {
    const pdf = await PDFDocument.load(bytes);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      expect(width).toBeCloseTo(841.89, 1);
      expect(height).toBeCloseTo(595.28, 1);
    }
  });

  it('opens with the issuing body, the motto, the title, the counter and the period', async () => {
    const first = await pdfText(bytes, 'layout', 1);
    for (const line of [
      'UBND XÃ GIAO THỦY',
      'BỘ PHẬN MỘT CỬA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Giao Thủy, ngày 01 tháng 4 năm 2025',
      'SỔ THEO DÕI HỒ SƠ',
      'Bộ phận Một cửa UBND xã Giao Thủy',
      'Từ ngày 01/03/2025 đến ngày 31/03/2025',
    ]) {
      expect(first).toContain(line);
    }
    expect(first).not.toContain('Số:'); // a book has no document number unless one is given
    expect(await qrOfFirstPage(bytes)).toBe(trackingBook.statusUrl);
  });

  it('repeats the table header and numbers every page', async () => {
    for (let page = 1; page <= pages; page++) {
      const text = await pdfText(bytes, 'layout', page);
      expect(text, `page ${page}`).toContain('Ngày, tháng, năm');
      expect(text, `page ${page}`).toContain('Mã hồ sơ');
      expect(text, `page ${page}`).toMatch(/\(1\) +\(2\) +\(3\)/);
      expect(text, `page ${page}`).toContain('(14)');
      expect(text, `page ${page}`).toContain(`Trang ${page}/${pages}`);
      if (page > 1) expect(text, `page ${page}`).not.toContain('SỔ THEO DÕI HỒ SƠ');
    }
  });

  it('lists every dossier once, in order, with Vietnam-time dates', async () => {
    const raw = joined(await pdfText(bytes, 'raw'));
    let from = 0;
    for (const row of trackingBook.rows) {
      const at = raw.indexOf(row.dossierCode, from);
      expect(at, row.dossierCode).toBeGreaterThanOrEqual(from);
      expect(raw.indexOf(row.dossierCode, at + 1), `${row.dossierCode} printed twice`).toBe(-1);
      from = at;
    }
    // Row 1: received 01:00 UTC on 1 March is 08:00 in Vietnam; the appointment 09:00 UTC on the 6th is 16:00.
    expect(raw).toContain('000.41.00.H40-250301-0001 Đăng ký kết hôn có yếu tố nước ngoài 01 Nguyễn Thị Ánh Tuyết');
    expect(raw).toContain('08:00 01/03/2025 16:00 06/03/2025 10:00 01/03/2025 09:00 06/03/2025 15:30 06/03/2025');
  });

  it('keeps every word of every page inside the margins', async () => {
    const words = await pdfWords(bytes);
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(20 * MM - 0.5);
      expect(w.xMax, w.text).toBeLessThanOrEqual(w.pageWidth - 12 * MM + 0.5);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(15 * MM - 3);
    }
  });

  it('splits a row taller than a page across pages without losing a word', async () => {
    const note = Array.from({ length: 160 }, (_, i) => `ghi chú số ${i + 1} về việc ủy quyền, đóng dấu;`).join(' ');
    const book: TrackingBookForm = { ...trackingBook, rows: [...trackingRows(3), { ...trackingRows(4)[3]!, note }] };
    const split = await renderForm(book);
    const count = (await PDFDocument.load(split)).getPageCount();
    expect(count).toBeGreaterThanOrEqual(3);
    // Read the note column back page by page, below the repeated header's column numbers.
    const words = await pdfWords(split);
    const noteColumnLeft = 841.89 - 12 * MM - 44;
    const headerBottom = new Map(words.filter((w) => w.text === '(14)').map((w) => [w.page, w.yMax]));
    const column = words
      .filter((w) => w.xMin >= noteColumnLeft - 1 && w.yMin > (headerBottom.get(w.page) ?? Infinity))
      .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
      .map((w) => w.text)
      .join(' ');
    expect(column).toBe(note);
    const bottom = 595.28 - 15 * MM;
    for (const w of words) {
      // Table text ends above the bottom margin; only the page footer lies below it.
      expect(w.yMin < bottom && w.yMax > bottom + 3, `"${w.text}" runs over the bottom margin`).toBe(false);
    }
  });

  it('stays small: fonts subset, pages of vector lines and text', () => {
    expect(bytes.length).toBeLessThan(pages * 15_000);
  });
});
