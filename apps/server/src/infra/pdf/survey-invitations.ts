/**
 * The follow-up list of a satisfaction survey (docs/rules/service-quality.md, "Invitations"): the
 * unanswered invitations, one block each, with the QR code of the answer page (its one-time token
 * in the fragment) to hand or post to the applicant, their contacts for a phone call, and room to
 * note the call. An internal working list, not an official document: no heading, no signature.
 * Pure rendering: data in, bytes out.
 */
import { newDocument, type RenderOptions } from './document.ts';
import { MM } from './flow.ts';
import { shortDateTime, shortPlainDate } from './format.ts';
import { drawQr } from './qr.ts';
import type { Inline } from './text.ts';

export interface SurveyInvitationRow {
  no: number;
  dossierCode: string;
  applicantName: string;
  phone: string | null;
  address: string | null;
  agencyName: string;
  procedureName: string;
  /** A message with a link was sent to one of the applicant's addresses. */
  notified: boolean;
  /** The answer page with this print's one-time token. */
  link: string;
}

export interface SurveyInvitationList {
  title: string;
  period: { from: string; to: string };
  /** The one agency printed, when the list is of one. */
  agencyName: string | null;
  issuedAt: string;
  rows: SurveyInvitationRow[];
}

const QR = 26 * MM;
const SIZE = 10.5;

export async function renderSurveyInvitationList(list: SurveyInvitationList, options: RenderOptions = {}): Promise<Uint8Array> {
  const { pdf, flow } = await newDocument(
    { title: `Danh sách phiếu khảo sát: ${list.title}`, subject: list.agencyName ?? list.title, author: list.agencyName ?? 'Motcua', issuedAt: list.issuedAt, seed: list },
    undefined,
    options,
  );
  flow.paragraph([{ text: 'DANH SÁCH PHIẾU KHẢO SÁT CHƯA TRẢ LỜI', style: 'bold' }], { size: 14, align: 'center' });
  flow.paragraph([{ text: list.title, style: 'bold' }], { size: 12, align: 'center', spaceBefore: 2 });
  const notes = [
    `Kỳ khảo sát: từ ngày ${shortPlainDate(list.period.from, 'period.from')} đến ngày ${shortPlainDate(list.period.to, 'period.to')}`,
    ...(list.agencyName ? [`Đơn vị: ${list.agencyName}`] : []),
    `In lúc ${shortDateTime(list.issuedAt, 'issuedAt')} · ${list.rows.length} phiếu`,
  ];
  for (const note of notes) flow.paragraph([{ text: note, style: 'italic' }], { size: 11, align: 'center' });
  flow.paragraph(
    'Mỗi mã QR mở phiếu khảo sát của một hồ sơ và chỉ dùng được một lần. Gửi hoặc trao mã cho người nộp hồ sơ; khi liên hệ qua điện thoại, '
      + 'cán bộ nhập câu trả lời tại mục "Khảo sát" của hệ thống. Danh sách có thông tin cá nhân: chỉ dùng cho việc khảo sát, không cung cấp cho người khác.',
    { size: 10, align: 'justify', spaceBefore: 6, spaceAfter: 4 },
  );
  if (list.rows.length === 0) flow.paragraph('Không còn phiếu nào chưa trả lời.', { size: SIZE, spaceBefore: 8 });

  const textX = QR + 4 * MM;
  const textWidth = flow.contentWidth - textX;
  for (const row of list.rows) {
    const lines: Inline[][] = [
      [{ text: `${row.no}. ` , style: 'bold' }, { text: 'Mã hồ sơ: ' }, { text: row.dossierCode, style: 'bold' }],
      [{ text: 'Thủ tục: ' }, { text: row.procedureName }],
      [{ text: 'Người nộp: ' }, { text: row.applicantName, style: 'bold' }],
      [{ text: 'Điện thoại: ' }, { text: row.phone ?? '—' }, { gap: 12 }, { text: 'Địa chỉ: ' }, { text: row.address ?? '—' }],
      [{ text: 'Đơn vị: ' }, { text: row.agencyName }],
      [{ text: 'Thư mời: ' }, { text: row.notified ? 'đã gửi tin nhắn có đường dẫn' : 'chưa có kênh liên lạc điện tử — gửi thư hoặc gọi điện', style: 'italic' }],
      [{ text: 'Kết quả liên hệ: ' }, { dots: 'fill' }],
    ];
    const height = Math.max(QR + 4 * MM, lines.reduce((h, l) => h + flow.measureParagraph(l, { size: SIZE, width: textWidth }), 0)) + 3 * MM;
    flow.ensure(height);
    const top = flow.y + 2 * MM;
    drawQr(flow, row.link, flow.left, top, QR);
    flow.box([{ text: 'Quét để trả lời', style: 'italic' }], flow.left, top + QR + 1, QR, { size: 7.5, align: 'center' });
    let y = top;
    for (const l of lines) y += flow.box(l, flow.left + textX, y, textWidth, { size: SIZE });
    flow.y = top + Math.max(QR + 4 * MM, y - top) + 1 * MM;
    flow.rule(flow.left, flow.left + flow.contentWidth, flow.y, 0.3);
  }
  flow.footers(list.title, { always: true });
  return pdf.save();
}
