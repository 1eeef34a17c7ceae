/**
 * The poster of one procedure at the one-stop desk (docs/qr-posters.md): its name large enough to
 * read from a couple of metres, the legal time and the fees, how to submit, and two QR codes, to
 * the procedure's public page and to online submission. Not a regulated form: no motto, number or
 * signature. Pure rendering: data in, bytes out.
 */
import { newDocument, type RenderOptions } from '../document.ts';
import { MM, type Flow } from '../flow.ts';
import type { FormHeader } from '../types.ts';
import { A4_POSTER, centred, drawLabelledQr, drawPosterHeading, drawPrintedOn, labelledQrHeight, type PosterQr } from './layout.ts';

export interface ProcedurePosterDocument {
  issuingBody: FormHeader['issuingBody'];
  /** The counter where the poster hangs. */
  counterName: string;
  counterAddress?: string | undefined;
  procedureName: string;
  /** A national code (1.000894) only: a local placeholder code means nothing to the public. */
  procedureCode?: string | undefined;
  field: string;
  /** The legal processing time with its unit, as the catalogue words it. */
  legalTime: { vi: string; en: string };
  /** The fees and charges, one line each (the first is the total when there is one amount). */
  fee: { lines: string[]; en: string };
  /** Online submission: fully online (toàn trình) or partly; absent when the procedure cannot be submitted online. */
  online?: { fully: boolean; url: string } | undefined;
  pageUrl: string;
  /** When the poster was printed (ISO instant). */
  issuedAt: string;
}

const QR_MAX = 76 * MM;
const QR_MIN = 38 * MM;
/** The procedure's name: as large as fits in three lines, never below this. */
const NAME_SIZES = [32, 29, 26, 23, 20, 18];

export async function renderProcedurePoster(poster: ProcedurePosterDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const { pdf, flow } = await newDocument(
    { title: `Áp phích thủ tục: ${poster.procedureName}`, subject: poster.pageUrl, author: poster.issuingBody.name, issuedAt: poster.issuedAt, seed: poster },
    A4_POSTER,
    options,
  );
  drawPosterHeading(flow, poster.issuingBody, poster.counterName);

  centred(flow, 'THỦ TỤC HÀNH CHÍNH', 'bold', 14);
  centred(flow, `Lĩnh vực: ${poster.field}${poster.procedureCode ? ` · Mã thủ tục: ${poster.procedureCode}` : ''}`, 'italic', 12, 6);
  const nameSize = NAME_SIZES.find((size) => flow.measureParagraph([{ text: poster.procedureName, style: 'bold' }], { size, leading: 1.12 }) <= 3 * size * 1.12)
    ?? NAME_SIZES.at(-1)!;
  // Lines of even length read better from afar than a full line and a stray word.
  const name = [{ text: poster.procedureName, style: 'bold' as const }];
  const lines = (width: number) => flow.measureParagraph(name, { size: nameSize, leading: 1.12, width });
  let width = flow.contentWidth;
  while (width > flow.contentWidth / 2 && lines(width - 10) === lines(flow.contentWidth)) width -= 10;
  flow.paragraph(name, { size: nameSize, leading: 1.12, align: 'center', x: (flow.contentWidth - width) / 2, width, spaceAfter: 12 });

  drawFacts(flow, poster);
  drawHowToSubmit(flow, poster);

  // An address holding a local placeholder code ("DEMO.018") is only scanned, never printed.
  const showUrl = poster.procedureCode !== undefined;
  const qrs: PosterQr[] = [{ url: poster.pageUrl, label: 'Xem thủ tục', labelEn: 'The procedure: papers, forms', showUrl }];
  if (poster.online) qrs.push({ url: poster.online.url, label: 'Nộp hồ sơ trực tuyến', labelEn: 'Submit online', showUrl });
  const instruction = 'Quét mã QR bằng camera điện thoại để xem thành phần hồ sơ, biểu mẫu'
    + (poster.online ? ' và nộp hồ sơ trực tuyến.' : '.');
  const english = `Scan a code with your phone's camera to see the papers and forms${poster.online ? ', or to submit online' : ''}.`;
  const below = flow.measureParagraph(instruction, { size: 14 }) + flow.measureParagraph(english, { size: 11 }) + 22;
  const columnWidth = flow.contentWidth / qrs.length;
  const fixed = labelledQrHeight(flow, qrs[0]!, columnWidth - 10, 0);
  const size = Math.max(QR_MIN, Math.min(QR_MAX, flow.room - below - fixed - 10, columnWidth - 24));
  const top = flow.y + 6;
  const heights = qrs.map((qr, i) => drawLabelledQr(flow, qr, flow.left + i * columnWidth + 5, top, columnWidth - 10, size));
  flow.y = top + Math.max(...heights) + 8;
  flow.paragraph([{ text: instruction, style: 'bold' }], { size: 14, align: 'center' });
  flow.paragraph([{ text: english, style: 'italic' }], { size: 11, align: 'center' });
  drawPrintedOn(flow, poster.issuedAt);
  return pdf.save();
}

/** The legal time and the fees in a frame, label on the left, value large on the right. */
function drawFacts(flow: Flow, poster: ProcedurePosterDocument): void {
  const labelWidth = 62 * MM;
  const x = flow.left + 8;
  const valueX = x + labelWidth;
  const valueWidth = flow.contentWidth - labelWidth - 16;
  const top = flow.y;
  let y = top + 8;
  const row = (label: string, labelEn: string, draw: (y: number) => number) => {
    const labelVi = flow.box([{ text: label, style: 'bold' }], x, y + 3, labelWidth - 6, { size: 13 });
    const labelHeight = labelVi + flow.box([{ text: labelEn, style: 'italic' }], x, y + 3 + labelVi, labelWidth - 6, { size: 10 });
    y += Math.max(labelHeight + 3, draw(y)) + 8;
  };
  row('THỜI HẠN GIẢI QUYẾT', 'Time limit set by law', (at) =>
    flow.box([{ text: poster.legalTime.vi, style: 'bold' }], valueX, at, valueWidth, { size: 20 })
    + flow.box([{ text: poster.legalTime.en, style: 'italic' }], valueX, at + flow.measureParagraph([{ text: poster.legalTime.vi, style: 'bold' }], { size: 20, width: valueWidth }), valueWidth, { size: 11 }));
  flow.rule(x, flow.left + flow.contentWidth - 8, y - 4, 0.4);
  row('PHÍ, LỆ PHÍ', 'Fees and charges', (at) => {
    const [first, ...rest] = poster.fee.lines;
    const single = rest.length === 0;
    let h = 0;
    if (single) h += flow.box([{ text: first ?? '', style: 'bold' }], valueX, at, valueWidth, { size: 20 });
    else for (const line of poster.fee.lines) h += flow.box(`• ${line}`, valueX, at + h, valueWidth, { size: 13 }) + 1;
    return h + flow.box([{ text: poster.fee.en, style: 'italic' }], valueX, at + h, valueWidth, { size: 11 });
  });
  flow.frame(flow.left, top, flow.contentWidth, y - top, 1.2);
  flow.y = y + 10;
}

function drawHowToSubmit(flow: Flow, poster: ProcedurePosterDocument): void {
  flow.paragraph([{ text: 'CÁCH NỘP HỒ SƠ', style: 'bold' }, { text: ' · How to submit', style: 'italic' }], { size: 14, spaceAfter: 2 });
  const at = poster.counterAddress ? `${poster.counterName}, ${poster.counterAddress}` : poster.counterName;
  flow.paragraph([{ text: '• Trực tiếp tại: ', style: 'bold' }, { text: at }], { size: 13 });
  if (poster.online) {
    flow.paragraph([
      { text: '• Trực tuyến: ', style: 'bold' },
      { text: poster.online.fully
        ? 'dịch vụ công trực tuyến toàn trình: nộp hồ sơ, theo dõi và nhận kết quả mà không cần đến cơ quan.'
        : 'nộp hồ sơ trực tuyến; có thể được đề nghị xuất trình bản chính giấy tờ tại nơi tiếp nhận hồ sơ.' },
    ], { size: 13 });
  }
}
