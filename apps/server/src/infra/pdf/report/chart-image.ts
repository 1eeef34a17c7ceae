/**
 * Chart pictures in the PDF without recompressing them: the PNG's compressed rows go into the
 * image object as they are, with the PNG predictor declared (ISO 32000-1 §7.4.4.4). pdf-lib's
 * `embedPng` would decode and deflate every picture again in JavaScript, which for a province's
 * eleven charts took about two seconds of blocked event loop.
 */
import { drawObject, popGraphicsState, pushGraphicsState, scale, translate, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { readOpaquePng } from '../../charts/png.ts';

/** Adds an 8-bit RGB PNG as an image XObject. */
export function embedChartPng(pdf: PDFDocument, png: Uint8Array): PDFRef {
  const { width, height, data } = readOpaquePng(png);
  const stream = pdf.context.stream(data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: width },
  });
  return pdf.context.register(stream);
}

/** Draws an embedded image with its lower-left corner at (x, y), in PDF coordinates. */
export function drawChartImage(page: PDFPage, image: PDFRef, x: number, y: number, width: number, height: number): void {
  const name = page.node.newXObject('Chart', image);
  page.pushOperators(pushGraphicsState(), translate(x, y), scale(width, height), drawObject(name), popGraphicsState());
}
