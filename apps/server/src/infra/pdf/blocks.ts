/**
 * The parts every form shares, laid out as Decree 30/2020/NĐ-CP Annex I places them: the issuing
 * body top left and the national motto top right, each with its short rule; "Số:" under the body
 * and the place and date under the motto; the title centred; the dossier code and its QR code;
 * labelled fields with dotted blanks; signature blocks.
 */
import { NATIONAL_MOTTO, NATIONAL_NAME } from '@motcua/domain';
import type { PageRect } from '../signing/types.ts';
import { MM, type Flow } from './flow.ts';
import { drawQr } from './qr.ts';
import { longDateTimeParts, placeAndDate } from './format.ts';
import type { Inline, Span } from './text.ts';
import { measure, wrap } from './text.ts';
import type { Applicant, FormHeader } from './types.ts';

export const MOTTO = NATIONAL_NAME;
export const MOTTO_2 = NATIONAL_MOTTO;

/** Body text size (Decree 30: 13–14 pt). */
export const BODY = 13;

export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

export interface HeaderOptions {
  /** Share of the content width given to the issuing body at least (the motto takes the rest). */
  leftShare?: number;
  /** Print "Số: …" (a dotted blank when the header has no number); true by default. */
  showNumber?: boolean;
}

/** The heading's type size (Decree 30: 12–13 pt), and the least a long name is shrunk to before it must wrap. */
const HEADING_SIZE = 12.5;
const MIN_HEADING_SIZE = 10;

/**
 * Lines of one style, each a whole name, drawn centred in [x, x + width] from `top`: a line too
 * wide is set smaller (all lines of the group alike) rather than broken; only a name that would
 * need less than 10 pt wraps, at 10 pt. Returns the height used and the widest line's width.
 */
function drawNames(flow: Flow, lines: string[], style: 'regular' | 'bold', x: number, top: number, width: number): { height: number; widest: number } {
  const widest = Math.max(...lines.map((line) => measure(flow.fonts, style, HEADING_SIZE, line)));
  const size = Math.max(MIN_HEADING_SIZE, Math.min(HEADING_SIZE, (HEADING_SIZE * width) / widest));
  let y = top;
  let drawn = 0;
  for (const line of lines) {
    const wrapped = wrap([{ text: line, style }], flow.fonts, size, width);
    for (const l of wrapped) {
      flow.drawLine(l, x, y, width, size, 'center');
      y += flow.lineHeight(size, 1.2);
      drawn = Math.max(drawn, l.width);
    }
  }
  return { height: y - top, widest: drawn };
}

/**
 * Draws the issuing body, the motto, "Số:" and the place and date; moves the cursor below them.
 * The body's column widens, as far as the motto leaves room, for a name that needs it.
 */
export function drawHeader(flow: Flow, header: Omit<FormHeader, 'dossierCode' | 'statusUrl'>, options: HeaderOptions = {}): void {
  const top = flow.y;
  const managing = header.issuingBody.parentName ? [upper(header.issuingBody.parentName)] : [];
  const body = header.issuingBody.name.split('\n').map(upper);
  // The motto keeps its width and a gutter of at least 8 pt on each side of it.
  const mottoWidth = measure(flow.fonts, 'bold', HEADING_SIZE, MOTTO) + 16;
  const needed = Math.max(...[...managing, ...body].map((line) => measure(flow.fonts, 'bold', HEADING_SIZE, line)));
  const leftWidth = Math.max(flow.contentWidth * (options.leftShare ?? 0.42), Math.min(needed, flow.contentWidth - mottoWidth));
  const rightX = flow.left + leftWidth;
  const rightWidth = flow.contentWidth - leftWidth;

  // Left: the managing body (regular), the issuing body (bold), a rule a third to a half as long, centred.
  let y = top;
  if (managing.length > 0) y += drawNames(flow, managing, 'regular', flow.left, y, leftWidth).height;
  const names = drawNames(flow, body, 'bold', flow.left, y, leftWidth);
  y += names.height;
  const leftRule = names.widest * 0.4;
  flow.rule(flow.left + (leftWidth - leftRule) / 2, flow.left + (leftWidth + leftRule) / 2, y + 3);
  const leftBottom = y + 3;

  // Right: the motto, the slogan in bold with a rule exactly as long beneath it.
  let ry = top;
  ry += flow.box([{ text: MOTTO, style: 'bold' }], rightX, ry, rightWidth, { size: HEADING_SIZE, align: 'center', leading: 1.2 });
  const sloganSize = 13;
  const sloganWidth = flow.fonts.bold.widthOfTextAtSize(MOTTO_2, sloganSize);
  ry += flow.box([{ text: MOTTO_2, style: 'bold' }], rightX, ry, rightWidth, { size: sloganSize, align: 'center', leading: 1.2 });
  flow.rule(rightX + (rightWidth - sloganWidth) / 2, rightX + (rightWidth + sloganWidth) / 2, ry + 3);
  const rightBottom = ry + 3;

  // "Số: …" under the body and the place and date under the motto, on one line.
  const lineTop = Math.max(leftBottom, rightBottom) + 6;
  const blank: Inline[] = header.symbol ? [{ text: 'Số:' }, { dots: 50 }, { text: `/${header.symbol}`, keep: true }] : [{ text: 'Số:' }, { dots: 80 }];
  const number: Inline[] = header.number ? [{ text: `Số: ${header.number}`, keep: true }] : blank;
  const h1 = options.showNumber === false ? 0 : flow.box(number, flow.left, lineTop, leftWidth, { size: BODY, align: 'center' });
  const h2 = flow.box([{ text: placeAndDate(header.place, header.issuedAt), style: 'italic' }], rightX, lineTop, rightWidth, {
    size: BODY,
    align: 'center',
  });
  flow.y = lineTop + Math.max(h1, h2);
}

export interface TitleOptions {
  /** The title's preferred lines; printed on one line when it fits beside the QR code. */
  title: string[];
  /** Italic lines under the title, e.g. "(Liên 2: Giao người nộp hồ sơ)". */
  notes?: string[];
  dossierCode?: string;
  statusUrl?: string;
  /**
   * Form 01's second QR code: the applicant's one-time rating address, at the left of the title
   * (the space the status QR code leaves there), labelled beneath. With it, the status URL is
   * labelled too ("Tra cứu hồ sơ:"), so that neither code is taken for the other.
   */
  ratingUrl?: string;
}

/** One line, the height of the URL line beside it: the form keeps its length (the rating page explains the rest). */
const RATING_LABEL: Span[] = [{ text: 'ĐÁNH GIÁ HÀI LÒNG', style: 'bold' }];

const QR_SIZE = 56;
const URL_SIZE = 7.5;

/**
 * The title, centred, with the dossier code beneath and the QR code of the status page at the
 * right (and, on form 01, the applicant's rating QR code at the left).
 */
export function drawTitle(flow: Flow, options: TitleOptions): void {
  const top = flow.y + 8;
  const titleSize = 14;
  const qr = options.statusUrl ? QR_SIZE + 8 : 0;
  const width = flow.contentWidth - 2 * qr;
  const joined = options.title.join(' ');
  const lines = flow.fonts.bold.widthOfTextAtSize(joined, titleSize) <= width ? [joined] : options.title;
  let y = top;
  for (const line of lines) {
    y += flow.box([{ text: line, style: 'bold' }], flow.left + qr, y, width, { size: titleSize, align: 'center', leading: 1.25 });
  }
  for (const note of options.notes ?? []) {
    y += flow.box([{ text: note, style: 'italic' }], flow.left + qr, y, width, { size: 12, align: 'center' });
  }
  if (options.dossierCode) {
    y += 2;
    y += flow.box([{ text: 'Mã hồ sơ: ' }, { text: options.dossierCode, style: 'bold' }], flow.left + qr, y, width, {
      size: BODY,
      align: 'center',
    });
  }
  let bottom = y;
  if (options.statusUrl) {
    drawQr(flow, options.statusUrl, flow.left + flow.contentWidth - QR_SIZE, top, QR_SIZE);
    const below = Math.max(top + QR_SIZE, y) + 2;
    // The URL on one line (citizens type it), right-aligned under the QR code, below the title lines.
    const url: Span[] = options.ratingUrl ? [{ text: 'Tra cứu hồ sơ: ', style: 'bold' }, { text: options.statusUrl }] : [{ text: options.statusUrl }];
    let urlTop = below;
    let urlLeft = flow.left;
    if (options.ratingUrl) {
      drawQr(flow, options.ratingUrl, flow.left, top, QR_SIZE);
      const labelWidth = flow.fonts.bold.widthOfTextAtSize(RATING_LABEL[0]!.text, URL_SIZE) + 2;
      const labelHeight = flow.box(RATING_LABEL, flow.left, below, labelWidth, { size: URL_SIZE, leading: 1.15 });
      bottom = below + labelHeight;
      // Beside the label when it fits there, else under it.
      const urlWidth = url.reduce((w, part) => w + flow.fonts[part.style === 'bold' ? 'bold' : 'regular'].widthOfTextAtSize(part.text, URL_SIZE), 0);
      if (urlWidth <= flow.contentWidth - labelWidth - 8) urlLeft = flow.left + labelWidth + 8;
      else urlTop = bottom + 1;
    }
    const urlHeight = flow.box(url, urlLeft, urlTop, flow.left + flow.contentWidth - urlLeft, { size: URL_SIZE, align: 'right', leading: 1.15 });
    bottom = Math.max(bottom, urlTop + urlHeight);
  }
  flow.y = bottom + 6;
}

/** "Label: value" with a dotted blank when the value is missing. */
export function field(label: string, value: string | undefined, valueStyle: 'regular' | 'bold' = 'regular'): Inline[] {
  return value && value.trim() !== ''
    ? [{ text: `${label}: ` }, { text: value, style: valueStyle }]
    : [{ text: `${label}: ` }, { dots: 'fill' }];
}

export interface SignatureBlock {
  /** Bold capitals; "\n" separates lines (e.g. "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"). */
  title: string;
  /** The italic instruction under the title. */
  hint?: string;
  name?: string;
}

/**
 * The blank left for a signature between the title and the name: 22 mm, room for a signature
 * image; a block that is sealed too leaves 28 mm (the seal, about 35 mm across, overlaps the
 * signature's left third).
 */
export const SIGNATURE_ROOM = 22 * MM;
export const SEALED_SIGNATURE_ROOM = 28 * MM;

/**
 * Signature blocks at the foot: one block sits in the right half, two sit side by side. `room` is
 * the blank height left for the signature (and the seal), in points. Returns, per block, the
 * rectangle of that blank (PDF coordinates): where a signature image goes when the document is
 * signed.
 */
export function drawSignatures(flow: Flow, blocks: SignatureBlock[], room = SIGNATURE_ROOM): PageRect[] {
  const half = flow.contentWidth / 2;
  const columns = blocks.length === 1 ? [{ x: flow.left + half, block: blocks[0]! }] : blocks.map((block, i) => ({ x: flow.left + i * half, block }));
  const measureBlock = (b: SignatureBlock) => {
    const titleHeight = b.title.split('\n').length * flow.lineHeight(BODY, 1.25);
    const hint = b.hint ? flow.lineHeight(11.5) : 0;
    const name = b.name ? flow.lineHeight(BODY) : 0;
    return titleHeight + hint + room + name;
  };
  const gap = 8;
  const height = Math.max(...columns.map((c) => measureBlock(c.block))) + gap;
  flow.ensure(height);
  const top = flow.y + gap;
  const page = flow.pages.indexOf(flow.page);
  const slots = columns.map(({ x, block }) => {
    let y = top;
    for (const line of block.title.split('\n')) {
      y += flow.box([{ text: upper(line), style: 'bold' }], x, y, half, { size: BODY, align: 'center', leading: 1.25 });
    }
    if (block.hint) y += flow.box([{ text: block.hint, style: 'italic' }], x, y, half, { size: 11.5, align: 'center' });
    const inset = 6;
    const slot: PageRect = { page, x: x + inset, y: flow.pdfY(y + room), width: half - 2 * inset, height: room };
    y += room;
    if (block.name) flow.box([{ text: block.name, style: 'bold' }], x, y, half, { size: BODY, align: 'center' });
    return slot;
  });
  flow.y = top + height - gap;
  return slots;
}

/** Space between the fields of a form. */
export const FIELD_GAP = 1.5;

/** A field paragraph at the cursor. */
export function drawField(
  flow: Flow,
  inlines: Inline[],
  options: { x?: number; align?: 'left' | 'justify'; firstIndent?: number; spaceAfter?: number } = {},
): void {
  flow.paragraph(inlines, {
    size: BODY,
    spaceAfter: options.spaceAfter ?? FIELD_GAP,
    x: options.x ?? 0,
    align: options.align ?? 'left',
    firstIndent: options.firstIndent ?? 0,
  });
}

/** Paragraphs of a letter (forms 04, 05): justified, first line indented 1 cm, 6 pt apart (Decree 30 Annex I). */
export const LETTER = { align: 'justify' as const, firstIndent: 28.35, spaceAfter: 4 };

/** "Số điện thoại: … Email: …" on one line, each blank dotted when missing. */
export function phoneAndEmail(applicant: { phone?: string; email?: string }): Inline[] {
  const phone: Inline[] = applicant.phone ? [{ text: `Số điện thoại: ${applicant.phone}` }] : [{ text: 'Số điện thoại: ' }, { dots: 120 }];
  const email: Inline[] = applicant.email ? [{ text: `Email: ${applicant.email}` }] : [{ text: 'Email: ' }, { dots: 'fill' }];
  return [...phone, { gap: 24 }, ...email];
}

/** The applicant's lines: name (with the form's own label), identity number, address, phone and email. */
export function drawApplicant(flow: Flow, applicant: Applicant, nameLabel: string): void {
  drawField(flow, field(nameLabel, applicant.name, 'bold'));
  if (applicant.idNumber) drawField(flow, field('Số định danh cá nhân', applicant.idNumber));
  drawField(flow, field('Địa chỉ', applicant.address));
  drawField(flow, phoneAndEmail(applicant));
}

/** A numbered list with hanging indents: "1. …", "2. …". */
export function drawNumbered(flow: Flow, items: string[], indent = 14): void {
  const numberWidth = 20;
  items.forEach((item, i) => {
    flow.ensure(flow.lineHeight(BODY));
    flow.box(`${i + 1}.`, flow.left + indent, flow.y, numberWidth, { size: BODY });
    flow.paragraph(item, { size: BODY, x: indent + numberWidth, align: 'justify', spaceAfter: FIELD_GAP });
  });
}

/**
 * "10 giờ 00 phút, ngày 18 tháng 3 năm 2025" as spans that break only between the time and the
 * date, never inside either; `prefix` and `suffix` stick to their neighbours ("vào hồi …", ".").
 */
export function dateTimeSpans(iso: string, path: string, options: { prefix?: string; suffix?: string; style?: Span['style'] } = {}): Inline[] {
  const { time, date } = longDateTimeParts(iso, path);
  const style = options.style ?? 'regular';
  return [
    { text: `${options.prefix ?? ''}${time},`, style, keep: true },
    { text: ' ', style },
    { text: `${date}${options.suffix ?? ''}`, style, keep: true },
  ];
}

