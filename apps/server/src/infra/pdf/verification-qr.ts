/**
 * The verification mark of a signed document (docs/rules/results.md): a QR code to its public
 * page `/xac-thuc/<id>` and a one-line caption, drawn at the bottom of page 1 before the first
 * signature, on a generated document as on an uploaded PDF. The QR sits in the left margin (30–35
 * mm in an official document, Decree 30/2020), the caption under it in the bottom margin, clear of
 * the centred page footer.
 */
import QRCode from 'qrcode';
import { PDFDocument, rgb } from 'pdf-lib';
import { AppError } from '@motcua/domain';
import { defaultFontFiles, embedSubset } from './fonts.ts';
import { MM } from './flow.ts';

const QR_SIZE = 17 * MM;
const CAPTION_SIZE = 6.5;

/** The caption printed with the QR code. */
export const verificationCaption = (url: string) => `Xác thực văn bản điện tử: ${url}`;

/** Returns `pdf` with the QR code of `url` and its caption on page 1 (a new revision of the whole file, not an incremental update). */
export async function stampVerificationQr(pdf: Uint8Array, url: string): Promise<Uint8Array> {
  let doc: PDFDocument;
  let page: ReturnType<PDFDocument['getPage']>;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
    page = doc.getPage(0);
  } catch (cause) {
    throw new AppError('signed_document.unreadable_pdf', { cause, issues: [{ path: 'file', message: 'not a PDF this server can read (damaged, encrypted or without pages)' }] });
  }
  const box = page.getCropBox();
  // Subset as the forms are (fonts.ts): pdf-lib's own subset of the raw file loses glyphs.
  const italic = await embedSubset(doc, (await defaultFontFiles()).italic);
  const x = box.x + 9 * MM;
  const captionY = box.y + 4 * MM;
  const qrBottom = captionY + CAPTION_SIZE + 2;

  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = QR_SIZE / n;
  let path = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (qr.modules.get(r, c) !== 1) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c) === 1) c++;
      path += `M${(start * m).toFixed(3)} ${(r * m).toFixed(3)}h${((c - start) * m).toFixed(3)}v${m.toFixed(3)}h${(-(c - start) * m).toFixed(3)}z`;
    }
  }
  // A white quiet zone first: an uploaded scan may have anything under it.
  page.drawRectangle({ x: x - 2, y: qrBottom - 2, width: QR_SIZE + 4, height: QR_SIZE + 4, color: rgb(1, 1, 1) });
  page.drawSvgPath(path, { x, y: qrBottom + QR_SIZE, color: rgb(0, 0, 0), borderWidth: 0 });
  page.drawText(verificationCaption(url).normalize('NFC'), { x, y: captionY, size: CAPTION_SIZE, font: italic, color: rgb(0, 0, 0) });
  return doc.save({ useObjectStreams: false });
}
