/**
 * What a signature looks like on the page (Decree 30/2020, Annex I, in docs/signatures.md): the
 * signer's picture fitted in the slot the document left for it, or the agency's mark at the top
 * right of the first page (its name, the document's number and the signing time in ISO 8601,
 * Vietnam time). Each appearance is a form XObject for the widget's /AP /N.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFPage, type PDFFont, type PDFRef } from 'pdf-lib';
import { defaultFontFiles } from '../pdf/fonts.ts';

export interface Appearance {
  page: PDFPage;
  /** [x1, y1, x2, y2] in the page's default user space. */
  rect: [number, number, number, number];
  /** Builds the XObject once pdf-lib has embedded the fonts and images it draws (after flush). */
  finish?: () => PDFRef;
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

/** An image fitted inside the rectangle, keeping its proportions, centred. */
export async function imageAppearance(doc: PDFDocument, rect: { page: number; x: number; y: number; width: number; height: number }, png: Uint8Array): Promise<Appearance> {
  const page = pageAt(doc, rect.page);
  if (!(rect.width > 0 && rect.height > 0)) throw new Error('signature rectangle must have a positive width and height');
  const image = await doc.embedPng(png);
  const scale = Math.min(rect.width / image.width, rect.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const dx = (rect.width - w) / 2;
  const dy = (rect.height - h) / 2;
  return {
    page,
    rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    finish: () =>
      doc.context.register(
        doc.context.flateStream(`q ${num(w)} 0 0 ${num(h)} ${num(dx)} ${num(dy)} cm /Im0 Do Q`, {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, rect.width, rect.height],
          Resources: { XObject: { Im0: image.ref } },
        }),
      ),
  };
}

export interface StampText {
  agency: string;
  documentNumber?: string;
  /** ISO 8601 with +07:00. */
  signedAt: string;
}

/** Dark blue, as ink on an official document. */
const INK = '0 0.2 0.6';
const MARGIN = 14;
const PAD = 5;

/** The agency's mark: a framed box at the top right of page 1. */
export async function stampAppearance(doc: PDFDocument, text: StampText): Promise<Appearance> {
  const page = pageAt(doc, 0);
  doc.registerFontkit(fontkit);
  const files = await defaultFontFiles();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  const lines: { font: PDFFont; name: string; text: string }[] = [
    { font: bold, name: 'F2', text: text.agency },
    ...(text.documentNumber ? [{ font: regular, name: 'F1', text: `Số: ${text.documentNumber}` }] : []),
    { font: regular, name: 'F1', text: `Thời gian ký: ${text.signedAt}` },
  ].map((l) => ({ ...l, text: l.text.normalize('NFC') }));

  const box = page.getCropBox();
  const maxWidth = Math.min(260, box.width / 2);
  let size = 8;
  const widest = () => Math.max(...lines.map((l) => l.font.widthOfTextAtSize(l.text, size)));
  while (size > 5 && widest() + 2 * PAD > maxWidth) size -= 0.5;
  const leading = size * 1.3;
  const width = Math.min(maxWidth, widest() + 2 * PAD);
  const height = lines.length * leading + 2 * PAD - (leading - size);
  const x = box.x + box.width - MARGIN - width;
  const y = box.y + box.height - MARGIN - height;

  const ops = [`q ${INK} RG 0.8 w 0.4 0.4 ${num(width - 0.8)} ${num(height - 0.8)} re S Q`, `q ${INK} rg BT`];
  lines.forEach((line, i) => {
    const baseline = height - PAD - size * 0.85 - i * leading;
    ops.push(`/${line.name} ${num(size)} Tf 1 0 0 1 ${num(PAD)} ${num(baseline)} Tm ${line.font.encodeText(line.text).toString()} Tj`);
  });
  ops.push('ET Q');
  return {
    page,
    rect: [x, y, x + width, y + height],
    finish: () =>
      doc.context.register(
        doc.context.flateStream(ops.join('\n'), {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, width, height],
          Resources: { Font: { F1: regular.ref, F2: bold.ref } },
        }),
      ),
  };
}

export function invisibleAppearance(doc: PDFDocument): Appearance {
  return { page: pageAt(doc, 0), rect: [0, 0, 0, 0] };
}

function pageAt(doc: PDFDocument, index: number): PDFPage {
  const count = doc.getPageCount();
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`page ${index} does not exist (the PDF has ${count})`);
  return doc.getPage(index);
}
