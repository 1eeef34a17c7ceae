import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFontFiles, embedFonts, type FontSet } from '../../../src/infra/pdf/fonts.ts';
import { wrap, type Line } from '../../../src/infra/pdf/text.ts';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await embedFonts(await PDFDocument.create(), await defaultFontFiles(), 'text-test');
});

const textOf = (line: Line) => line.fragments.map((f) => f.text).join('');
const words = ['Nguyễn', 'Thị', 'Ánh', 'Tuyết', 'xã', 'Giao', 'Thủy', 'đăng', 'ký', 'kết', 'hôn', 'ưu', 'tiên', 'ơn', 'Vỹ', 'đặng', '-', 'https://dichvucong.gov.vn/tra-cuu?ma=000.41.00.H40-250304-0007'];

describe('breaking text into lines', () => {
  it('never makes a line wider than the box and never loses or reorders a character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 400 }), (chosen, width) => {
        const lines = wrap([{ text: chosen.join(' ') }], fonts, 12, width);
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
        expect(lines.map(textOf).join('').replace(/ /g, '')).toBe(chosen.join('').replace(/ /g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a date whole on the next line rather than splitting it', () => {
    const lines = wrap(
      [{ text: '5. Thời gian trả kết quả giải quyết hồ sơ: ' }, { text: 'Vào hồi 10 giờ 00 phút, ngày 18 tháng 3 năm 2025', keep: true }],
      fonts,
      13,
      400,
    );
    expect(lines.map(textOf)).toEqual(['5. Thời gian trả kết quả giải quyết hồ sơ:', 'Vào hồi 10 giờ 00 phút, ngày 18 tháng 3 năm 2025']);
  });

  it('does not start a line with the dash of "Tư pháp - Hộ tịch"', () => {
    for (let width = 40; width < 200; width += 3) {
      for (const line of wrap([{ text: 'Công chức Tư pháp - Hộ tịch' }], fonts, 10, width)) {
        expect(textOf(line).startsWith('-'), `width ${width}`).toBe(false);
      }
    }
  });

  it('fills the rest of a line with a dotted blank, or the next line when too little is left', () => {
    const [line] = wrap([{ text: 'Địa chỉ: ' }, { dots: 'fill' }], fonts, 13, 300);
    expect(textOf(line!)).toMatch(/^Địa chỉ: \.{30,}$/);
    expect(300 - line!.width).toBeLessThan(5);
    const label = 'Địa chỉ thường trú của người yêu cầu';
    const lines = wrap([{ text: label }, { dots: 'fill' }], fonts, 13, fonts.regular.widthOfTextAtSize(label, 13) + 4);
    expect(lines).toHaveLength(2);
    expect(textOf(lines[1]!)).toMatch(/^\.+$/);
  });

  it('honours hard line breaks and composes decomposed Vietnamese', () => {
    const lines = wrap([{ text: '09:40\n04/03/2025' }, { text: '\nNguyễn'.normalize('NFD') }], fonts, 10, 300);
    expect(lines.map(textOf)).toEqual(['09:40', '04/03/2025', 'Nguyễn']);
  });
});
