/**
 * What the desk's posters share: an A4 sheet with narrow margins, the agency's heading at the top,
 * a QR code with its label and address, and the printing date at the foot. Black on white, for
 * the office printer; sizes chosen to be read from one or two metres.
 */
import { PageSizes } from 'pdf-lib';
import { upper } from '../blocks.ts';
import type { Flow } from '../flow.ts';
import { MM } from '../flow.ts';
import { shortDate } from '../format.ts';
import { drawQr } from '../qr.ts';
import type { FormHeader } from '../types.ts';

export const A4_POSTER = { size: PageSizes.A4 as [number, number], margins: { top: 14 * MM, right: 15 * MM, bottom: 12 * MM, left: 15 * MM } };

/** A printed QR code: what it opens, in Vietnamese then English, and the address it carries. */
export interface PosterQr {
  url: string;
  /** Print the address under the code (not when it carries a local placeholder code). */
  showUrl?: boolean;
  label: string;
  labelEn: string;
}

export const centred = (flow: Flow, text: string, style: 'regular' | 'bold' | 'italic', size: number, spaceAfter = 0) =>
  flow.paragraph([{ text, style }], { size, align: 'center', spaceAfter });

/** The agency's heading (and the counter under it), centred, with a short rule beneath. */
export function drawPosterHeading(flow: Flow, issuingBody: FormHeader['issuingBody'], under?: string): void {
  if (issuingBody.parentName) centred(flow, upper(issuingBody.parentName), 'regular', 12);
  for (const line of issuingBody.name.split('\n')) centred(flow, upper(line), 'bold', 13);
  if (under) centred(flow, under, 'italic', 12);
  const w = flow.contentWidth;
  flow.rule(flow.left + w * 0.38, flow.left + w * 0.62, flow.y + 3, 0.8);
  flow.y += 12;
}

/**
 * A QR code `size` wide at (x, top), its label above and its address below, within `width`
 * (centred). Returns the height taken.
 */
export function drawLabelledQr(flow: Flow, qr: PosterQr, x: number, top: number, width: number, size: number): number {
  let y = top;
  y += flow.box([{ text: upper(qr.label), style: 'bold' }], x, y, width, { size: 15, align: 'center' });
  y += flow.box([{ text: qr.labelEn, style: 'italic' }], x, y, width, { size: 11, align: 'center' }) + 4;
  drawQr(flow, qr.url, x + (width - size) / 2, y, size);
  y += size + 4;
  if (qr.showUrl !== false) y += flow.box(qr.url, x, y, width, { size: 8, align: 'center' });
  return y - top;
}

/** Height `drawLabelledQr` takes for a QR code of `size`, without drawing. */
export function labelledQrHeight(flow: Flow, qr: PosterQr, width: number, size: number): number {
  return flow.measureParagraph([{ text: upper(qr.label), style: 'bold' }], { size: 15, width })
    + flow.measureParagraph([{ text: qr.labelEn, style: 'italic' }], { size: 11, width }) + 4 + size + 4
    + (qr.showUrl !== false ? flow.measureParagraph(qr.url, { size: 8, width }) : 0);
}

/** "In ngày 07/12/2026" at the bottom right: a poster on the wall says how current it is. */
export function drawPrintedOn(flow: Flow, issuedAt: string): void {
  const text = `In ngày ${shortDate(issuedAt, 'issuedAt')} · Printed on ${shortDate(issuedAt, 'issuedAt')}`;
  flow.box([{ text, style: 'italic' }], flow.left, flow.bottom - 10, flow.contentWidth, { size: 8, align: 'right' });
}
