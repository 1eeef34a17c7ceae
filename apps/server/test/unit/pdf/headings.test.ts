import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm, renderFormDocument, type FormDocument, type RenderedForm } from '../../../src/infra/pdf/index.ts';
import * as samples from './fixtures.ts';
import { pdfFonts, pdfText, pdfWords, requireTools, type Word } from './poppler.ts';

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };

/** The words of `text` on one line of the page, in order; undefined unless every word is there on a single baseline. */
function lineOf(words: Word[], text: string): Word[] | undefined {
  const parts = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const run = words.slice(i, i + parts.length);
    if (run.length === parts.length && run.every((w, k) => w.text === parts[k] && Math.abs(w.yMin - run[0]!.yMin) < 0.5)) return run;
  }
  return undefined;
}

interface LevelCase {
  level: keyof typeof samples.issuers;
  form: FormDocument;
  /** The left column, top down: each a whole line. */
  heading: string[];
}

const { receipt, apology, issuers, issuedBy } = samples;
const cases: LevelCase[] = [
  { level: 'commune', form: issuedBy(receipt, issuers.commune), heading: ['UBND XÃ GIAO THỦY', 'BỘ PHẬN MỘT CỬA'] },
  { level: 'commune', form: issuedBy(apology, issuers.commune), heading: ['ỦY BAN NHÂN DÂN', 'XÃ GIAO THỦY'] },
  { level: 'districtOffice', form: issuedBy(receipt, issuers.districtOffice), heading: ['PHÒNG TƯ PHÁP', 'BỘ PHẬN MỘT CỬA'] },
  { level: 'districtOffice', form: issuedBy(apology, issuers.districtOffice), heading: ['UBND HUYỆN GIAO THỦY', 'PHÒNG TƯ PHÁP'] },
  { level: 'provinceDepartment', form: issuedBy(receipt, issuers.provinceDepartment), heading: ['SỞ TƯ PHÁP', 'BỘ PHẬN MỘT CỬA'] },
  { level: 'provinceDepartment', form: issuedBy(apology, issuers.provinceDepartment), heading: ['UBND TỈNH NINH BÌNH', 'SỞ TƯ PHÁP'] },
  { level: 'longest', form: issuedBy(apology, issuers.longest), heading: ['UBND TỈNH NINH BÌNH', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'] },
];

describe('forms headed by Decree 30/2020 at each level of agency', () => {
  beforeAll(() => requireTools('pdftotext', 'pdffonts'));

  describe.each(cases)('form $form.form of the $level', ({ form, heading }) => {
    let rendered: RenderedForm;
    let words: Word[];
    beforeAll(async () => {
      rendered = await renderFormDocument(form);
      words = await pdfWords(rendered.pdf);
    });

    it('prints each heading line whole, on one line, left of the motto and clear of it', () => {
      const motto = lineOf(words, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
      expect(motto).toBeDefined();
      let above = 0;
      for (const text of heading) {
        const line = lineOf(words, text);
        expect(line, `"${text}" on one line`).toBeDefined();
        expect(line![0]!.yMin, `"${text}" below the line before it`).toBeGreaterThan(above);
        above = line![0]!.yMin;
        expect(line!.at(-1)!.xMax, `"${text}" clear of the motto`).toBeLessThan(motto[0]!.xMin - 3);
        expect(line![0]!.xMin).toBeGreaterThanOrEqual(30 * MM - 0.5);
      }
    });

    it('never heads a People’s Committee or its bodies by a place the heading does not name', async () => {
      const left = (await pdfText(rendered.pdf, 'layout', 1)).split('\n').slice(0, 3).map((l) => l.split(/\s{3,}/).filter(Boolean)[0] ?? '');
      expect(left.slice(0, heading.length)).toEqual(heading);
    });

    it('leaves a blank for the signature image between the signer’s title and their name, inside the page', () => {
      const slot = rendered.signatureSlot!;
      expect(slot).toBeDefined();
      expect(slot.page).toBe(0);
      expect(slot.height).toBeGreaterThanOrEqual(22 * MM - 0.01);
      expect(slot.x).toBeGreaterThanOrEqual(0);
      expect(slot.y).toBeGreaterThanOrEqual(0);
      expect(slot.x + slot.width).toBeLessThanOrEqual(A4.width);
      expect(slot.y + slot.height).toBeLessThanOrEqual(A4.height);
      // In pdftotext's coordinates (origin top left): the blank runs from the slot's top to its bottom.
      const top = A4.height - (slot.y + slot.height);
      const bottom = A4.height - slot.y;
      const title = form.signer!.title.split('\n').at(-1)!;
      const titleWords = lineOf(words, title)!;
      const nameWords = lineOf(words, form.signer!.name!)!;
      expect(titleWords.at(-1)!.yMax).toBeLessThanOrEqual(top + 0.5);
      expect(nameWords[0]!.yMin).toBeGreaterThanOrEqual(bottom - 0.5);
      const inside = words.filter((w) => w.xMax > slot.x && w.xMin < slot.x + slot.width && w.yMax > top + 1 && w.yMin < bottom - 1);
      expect(inside.map((w) => w.text)).toEqual([]);
    });
  });

  it('sets a name too long for the column smaller rather than breaking it', async () => {
    const words = await pdfWords(await renderForm(issuedBy(apology, issuers.longest)));
    const long = lineOf(words, 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')!;
    const managing = lineOf(words, 'UBND TỈNH NINH BÌNH')!;
    const height = (w: Word) => w.yMax - w.yMin;
    expect(height(long[0]!)).toBeLessThan(height(managing[0]!));
    expect(height(long[0]!)).toBeGreaterThan(height(managing[0]!) * 0.8);
  });

  it('gives the signature slot beside the bytes without changing them', async () => {
    const { pdf } = await renderFormDocument(samples.refusal);
    expect(Buffer.from(pdf).equals(Buffer.from(await renderForm(samples.refusal)))).toBe(true);
    expect((await renderFormDocument(samples.controlSheet)).signatureSlot).toBeUndefined();
  });

  it('is set in Tinos, with every glyph of the subset drawn (none lost by the subsetter)', async () => {
    const bytes = await renderForm(issuedBy(apology, issuers.longest));
    const fonts = await pdfFonts(bytes);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-Italic', 'Tinos-Regular']);
    const pdf = await PDFDocument.load(bytes);
    // The font files, as the font descriptors name them.
    const files = pdf.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict && object.has(PDFName.of('FontFile2')) ? [pdf.context.lookup(object.get(PDFName.of('FontFile2')))] : []))
      .filter((file): file is PDFRawStream => file instanceof PDFRawStream);
    expect(files).toHaveLength(4); // the four styles, bold italic with nothing drawn
    for (const file of files) {
      const font = fontkit.create(Buffer.from(decodePDFRawStream(file).decode()));
      // Glyph 0 is .notdef and one glyph is the space; every other glyph the page uses has an outline.
      const empty = Array.from({ length: font.numGlyphs }, (_, id) => font.getGlyph(id)).filter((g) => g.path.toSVG() === '');
      expect(empty.length, `glyphs without an outline in a subset of ${font.numGlyphs}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('form 02 lists what to supplement', () => {
  it('numbers every item, prints the reason, and leaves lines to fill when no item was given', async () => {
    const raw = (await pdfText(await renderForm(samples.supplementRequest), 'raw')).replace(/\s+/g, ' ');
    samples.supplementRequest.items.forEach((item, i) => expect(raw).toContain(`${i + 1}. ${item}`));
    expect(raw).toContain(`Lý do: ${samples.supplementRequest.reason}`);
    const blank = await pdfText(await renderForm({ ...samples.supplementRequest, items: [], reason: undefined }));
    expect(blank).toMatch(/1\. \.{20,}/);
    expect(blank).toMatch(/2\. \.{20,}/);
    expect(blank).toMatch(/Lý do: \.{20,}/);
  });
});
