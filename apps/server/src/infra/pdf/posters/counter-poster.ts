/**
 * The poster of a one-stop counter (docs/qr-posters.md): the counter's name, and three QR codes,
 * each with what it opens: the procedures its agency handles, rating the service, and feedback.
 * Pure rendering: data in, bytes out.
 */
import { upper } from '../blocks.ts';
import { newDocument, type RenderOptions } from '../document.ts';
import { MM } from '../flow.ts';
import { drawQr } from '../qr.ts';
import type { FormHeader } from '../types.ts';
import { A4_POSTER, centred, drawPosterHeading, drawPrintedOn, type PosterQr } from './layout.ts';

export interface CounterPosterQr extends PosterQr {
  /** What the person who scans will find there, in Vietnamese and English. */
  hint: string;
  hintEn: string;
}

export interface CounterPosterDocument {
  issuingBody: FormHeader['issuingBody'];
  counterName: string;
  address?: string | undefined;
  /** The procedures handled here, rating, feedback: in that order. */
  codes: CounterPosterQr[];
  /** When the poster was printed (ISO instant). */
  issuedAt: string;
}

const QR_SIZE = 58 * MM;

export async function renderCounterPoster(poster: CounterPosterDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const { pdf, flow } = await newDocument(
    { title: `Áp phích: ${poster.counterName}`, author: poster.issuingBody.name, issuedAt: poster.issuedAt, seed: poster },
    A4_POSTER,
    options,
  );
  drawPosterHeading(flow, poster.issuingBody);
  flow.paragraph([{ text: poster.counterName, style: 'bold' }], { size: 26, leading: 1.12, align: 'center', spaceAfter: 2 });
  if (poster.address) centred(flow, poster.address, 'regular', 13, 2);
  centred(flow, 'Quét mã QR bằng camera điện thoại', 'bold', 15);
  centred(flow, "Scan a code with your phone's camera", 'italic', 11, 4);

  const rows = poster.codes.length;
  const rowHeight = Math.min(QR_SIZE + 12 * MM, (flow.room - 16) / rows);
  const size = Math.min(QR_SIZE, rowHeight - 8 * MM);
  const textX = flow.left + size + 10 * MM;
  const textWidth = flow.left + flow.contentWidth - textX;
  for (const qr of poster.codes) {
    const top = flow.y + 4 * MM;
    flow.rule(flow.left, flow.left + flow.contentWidth, flow.y + 2 * MM, 0.4);
    drawQr(flow, qr.url, flow.left, top, size);
    let y = top + 4;
    y += flow.box([{ text: upper(qr.label), style: 'bold' }], textX, y, textWidth, { size: 20, leading: 1.1 });
    y += flow.box([{ text: qr.labelEn, style: 'italic' }], textX, y, textWidth, { size: 12 }) + 6;
    y += flow.box(qr.hint, textX, y, textWidth, { size: 13 }) + 3;
    y += flow.box([{ text: qr.hintEn, style: 'italic' }], textX, y, textWidth, { size: 10.5 }) + 4;
    flow.box(qr.url, textX, Math.max(y, top + size - 10), textWidth, { size: 8 });
    flow.y += rowHeight;
  }
  drawPrintedOn(flow, poster.issuedAt);
  return pdf.save();
}
