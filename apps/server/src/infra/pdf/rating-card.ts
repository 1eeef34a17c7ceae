/**
 * The rating card (phiếu đánh giá mức độ hài lòng) handed over with the result
 * (docs/rules/service-quality.md): an A5 sheet with the dossier, an invitation to rate and a large
 * one-time rating QR code, for the applicant's phone or the counter's kiosk. Not a regulated form:
 * no national motto, no number, no signature. Pure rendering: data in, bytes out.
 */
import { PageSizes } from 'pdf-lib';
import { upper } from './blocks.ts';
import { newDocument, type RenderOptions } from './document.ts';
import { MM } from './flow.ts';
import { longDateTime } from './format.ts';
import { drawQr } from './qr.ts';
import type { FormHeader } from './types.ts';

export interface RatingCardDocument {
  issuingBody: FormHeader['issuingBody'];
  /** The counter that hands the result over, if named. */
  counterName?: string | undefined;
  dossierCode: string;
  applicantName: string;
  procedureName: string;
  /** When the card was printed (ISO instant). */
  issuedAt: string;
  /** The rating page with its one-time token (in the fragment). */
  ratingUrl: string;
}

export const A5_CARD = { size: PageSizes.A5 as [number, number], margins: { top: 14 * MM, right: 14 * MM, bottom: 12 * MM, left: 16 * MM } };

const QR_SIZE = 58 * MM;

export async function renderRatingCard(card: RatingCardDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const { pdf, flow } = await newDocument(
    { title: 'Phiếu đánh giá mức độ hài lòng', subject: card.dossierCode, author: card.issuingBody.name, issuedAt: card.issuedAt, seed: card },
    A5_CARD,
    options,
  );
  const width = flow.contentWidth;
  const centred = (text: string, style: 'regular' | 'bold' | 'italic', size: number, spaceAfter = 0) =>
    flow.paragraph([{ text, style }], { size, align: 'center', width, spaceAfter });

  if (card.issuingBody.parentName) centred(upper(card.issuingBody.parentName), 'regular', 11);
  for (const line of card.issuingBody.name.split('\n')) centred(upper(line), 'bold', 11);
  if (card.counterName) centred(card.counterName, 'italic', 10.5);
  flow.rule(flow.left + width * 0.35, flow.left + width * 0.65, flow.y + 3);
  flow.y += 12;

  centred('PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG', 'bold', 14);
  centred('(Giao người nộp hồ sơ khi trả kết quả)', 'italic', 10.5, 6);
  flow.paragraph([{ text: 'Mã hồ sơ: ' }, { text: card.dossierCode, style: 'bold' }], { size: 11.5, align: 'center', spaceAfter: 4 });
  flow.paragraph([{ text: 'Người nộp hồ sơ: ' }, { text: card.applicantName, style: 'bold' }], { size: 11.5 });
  flow.paragraph([{ text: 'Thủ tục: ' }, { text: card.procedureName }], { size: 11.5, spaceAfter: 6 });
  flow.paragraph(
    'Để cơ quan phục vụ tốt hơn, đề nghị Ông/Bà đánh giá mức độ hài lòng đối với việc giải quyết hồ sơ: quét mã QR dưới đây bằng '
      + 'điện thoại, hoặc đưa mã vào máy quét của màn hình đánh giá tại Bộ phận Một cửa.',
    { size: 11.5, align: 'justify', spaceAfter: 8 },
  );

  const qrTop = flow.y;
  drawQr(flow, card.ratingUrl, flow.left + (width - QR_SIZE) / 2, qrTop, QR_SIZE);
  flow.y = qrTop + QR_SIZE + 4;
  centred('ĐÁNH GIÁ HÀI LÒNG', 'bold', 11);
  flow.paragraph([{ text: card.ratingUrl }], { size: 7, align: 'center', spaceAfter: 6 });

  flow.paragraph(
    'Đánh giá gồm 5 mức (Rất hài lòng, Hài lòng, Bình thường, Không hài lòng, Rất không hài lòng), 9 câu hỏi không bắt buộc về '
      + 'thời gian, số lần đi lại, công khai thủ tục, thái độ phục vụ và ý kiến góp ý. Mã chỉ dùng được một lần; mỗi hồ sơ được đánh giá một lần.',
    { size: 10, style: 'italic', align: 'justify', spaceAfter: 2 },
  );
  flow.paragraph('Scan the code to rate the service (English available on the page). The code can be used once.', { size: 9, style: 'italic', align: 'center', spaceAfter: 4 });
  flow.paragraph(`In lúc ${longDateTime(card.issuedAt, 'issuedAt')}`, { size: 9, style: 'italic', align: 'right' });
  return pdf.save();
}
