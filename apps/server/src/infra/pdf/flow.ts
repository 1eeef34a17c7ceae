/**
 * A page flow: content is laid out from the top of a page down, and continues on a new page when
 * it reaches the bottom margin. Positions are kept as distances from the top of the page and
 * turned into PDF coordinates (origin bottom left) only when drawing.
 */
import { PageSizes, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FontSet, FontStyle } from './fonts.ts';
import { mergeFragments, wrap, type Inline, type Line } from './text.ts';

export const MM = 72 / 25.4;
export const BLACK = rgb(0, 0, 0);

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A4, margins within Decree 30/2020/NĐ-CP Annex I (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const A4_PORTRAIT = { size: PageSizes.A4 as [number, number], margins: { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM } };
/** A4 turned for the tracking book's fourteen columns; the binding edge stays on the left. */
export const A4_LANDSCAPE = {
  size: [PageSizes.A4[1], PageSizes.A4[0]] as [number, number],
  margins: { top: 15 * MM, right: 12 * MM, bottom: 15 * MM, left: 20 * MM },
};

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextBoxOptions {
  size?: number;
  style?: FontStyle;
  align?: Align;
  /** Left edge relative to the left margin. */
  x?: number;
  /** Width; defaults to the rest of the content width. */
  width?: number;
  firstIndent?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

/** Distance from the top of a line box to the baseline, as a multiple of the size. */
const BASELINE = 0.93;
export const DEFAULT_LEADING = 1.22;

export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** Distance from the top of the page to the next free point. */
  y = 0;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: FontSet,
    readonly size: [number, number],
    readonly margins: Margins,
    /** Called after every page break (not for the first page), e.g. to repeat a table header. */
    public onPageBreak?: () => void,
  ) {
    this.addPage();
  }

  get pageWidth(): number {
    return this.size[0];
  }
  get pageHeight(): number {
    return this.size[1];
  }
  get left(): number {
    return this.margins.left;
  }
  get contentWidth(): number {
    return this.size[0] - this.margins.left - this.margins.right;
  }
  get bottom(): number {
    return this.size[1] - this.margins.bottom;
  }
  /** Room left on the current page. */
  get room(): number {
    return this.bottom - this.y;
  }
  /** Whether nothing has been drawn below the top margin of this page yet. */
  get atPageTop(): boolean {
    return this.y <= this.margins.top + 0.01;
  }

  private addPage(): void {
    this.page = this.pdf.addPage(this.size);
    this.pages.push(this.page);
    this.y = this.margins.top;
  }

  newPage(): void {
    this.addPage();
    this.onPageBreak?.();
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (height > this.room + 0.5 && !this.atPageTop) this.newPage();
  }

  /** PDF y of a distance from the top. */
  pdfY(top: number): number {
    return this.size[1] - top;
  }

  lineHeight(size: number, leading = DEFAULT_LEADING): number {
    return size * leading;
  }

  /** Draws one laid-out line whose box starts at `top`, inside [x, x + width] (page coordinates). */
  drawLine(line: Line, x: number, top: number, width: number, size: number, align: Align): void {
    const baseline = this.pdfY(top + size * BASELINE);
    let offset = 0;
    let fragments = line.fragments;
    if (align === 'center') offset = (width - line.width) / 2;
    else if (align === 'right') offset = width - line.width;
    else if (align === 'justify' && !line.last) {
      const gaps = fragments.filter((f) => f.space).length;
      const extra = gaps > 0 ? (width - line.width) / gaps : 0;
      if (extra > 0 && extra < size) {
        let shift = 0;
        fragments = fragments.map((f) => {
          const moved = { ...f, x: f.x + shift };
          if (f.space) shift += extra;
          return moved;
        });
      }
    }
    for (const f of align === 'justify' ? fragments.filter((f) => !f.space) : mergeFragments(fragments)) {
      if (f.text.trim() === '') continue;
      this.page.drawText(f.text, { x: x + offset + f.x, y: baseline, size, font: this.fonts[f.style], color: BLACK });
    }
  }

  /** Lays out and draws a paragraph at the cursor, breaking pages between lines. */
  paragraph(inlines: Inline[] | string, options: TextBoxOptions = {}): void {
    const size = options.size ?? 13;
    const spans = typeof inlines === 'string' ? [{ text: inlines, style: options.style ?? 'regular' }] : inlines;
    const x = this.left + (options.x ?? 0);
    const width = options.width ?? this.contentWidth - (options.x ?? 0);
    const lh = this.lineHeight(size, options.leading);
    const lines = wrap(spans, this.fonts, size, width, options.firstIndent ?? 0);
    if (!this.atPageTop) this.y += options.spaceBefore ?? 0;
    lines.forEach((line, i) => {
      this.ensure(lh);
      const indent = i === 0 ? (options.firstIndent ?? 0) : 0;
      this.drawLine(line, x + indent, this.y, width - indent, size, options.align ?? 'left');
      this.y += lh;
    });
    this.y += options.spaceAfter ?? 0;
  }

  /** Height a paragraph would take, without drawing it. */
  measureParagraph(inlines: Inline[] | string, options: TextBoxOptions = {}): number {
    const size = options.size ?? 13;
    const spans = typeof inlines === 'string' ? [{ text: inlines, style: options.style ?? 'regular' }] : inlines;
    const width = options.width ?? this.contentWidth - (options.x ?? 0);
    const lines = wrap(spans, this.fonts, size, width, options.firstIndent ?? 0);
    return lines.length * this.lineHeight(size, options.leading) + (options.spaceBefore ?? 0) + (options.spaceAfter ?? 0);
  }

  /** Draws a text box at a fixed place (page coordinates from the top) without moving the cursor; returns its height. */
  box(inlines: Inline[] | string, x: number, top: number, width: number, options: TextBoxOptions = {}): number {
    const size = options.size ?? 13;
    const spans = typeof inlines === 'string' ? [{ text: inlines, style: options.style ?? 'regular' }] : inlines;
    const lh = this.lineHeight(size, options.leading);
    const lines = wrap(spans, this.fonts, size, width, options.firstIndent ?? 0);
    lines.forEach((line, i) => this.drawLine(line, x, top + i * lh, width, size, options.align ?? 'left'));
    return lines.length * lh;
  }

  /** A horizontal rule from x1 to x2 (page coordinates) at `top`. */
  rule(x1: number, x2: number, top: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y: this.pdfY(top) }, end: { x: x2, y: this.pdfY(top) }, thickness, color: BLACK });
  }

  /** A rectangle outline, top-left corner at (x, top). */
  frame(x: number, top: number, width: number, height: number, thickness = 0.6): void {
    this.page.drawRectangle({ x, y: this.pdfY(top + height), width, height, borderWidth: thickness, borderColor: BLACK });
  }

  /** Writes "Trang n/N" (and an optional note) at the foot of every page. */
  footers(note?: string, { always = false } = {}): void {
    const total = this.pages.length;
    if (total === 1 && !always) return;
    this.pages.forEach((page, i) => {
      const text = `${note ? note + ' · ' : ''}Trang ${i + 1}/${total}`;
      const size = 9;
      const width = this.fonts.italic.widthOfTextAtSize(text, size);
      page.drawText(text, {
        x: this.left + (this.contentWidth - width) / 2,
        y: this.margins.bottom / 2,
        size,
        font: this.fonts.italic,
        color: BLACK,
      });
    });
  }
}
