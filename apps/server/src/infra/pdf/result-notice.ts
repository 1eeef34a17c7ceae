/**
 * "Kết quả giải quyết thủ tục hành chính": the notice the specialist generates when the result
 * has no document of its own (docs/rules/results.md). Laid out as an official document (Decree
 * 30/2020): header, title, the applicant and the outcome, and a signature block that leaves a slot
 * for the signature image between the signer's title and name. Returns that slot with the bytes so
 * the signing step draws the images there.
 */
import { BODY, drawApplicant, drawField, drawHeader, drawTitle, field, upper } from './blocks.ts';
import { newDocument, type RenderOptions } from './document.ts';
import type { Applicant, FormHeader } from './types.ts';

export interface ResultNotice extends FormHeader {
  applicant: Applicant;
  procedureName: string;
  /** What was decided, e.g. "Đã giải quyết: cấp Giấy chứng nhận đăng ký hộ kinh doanh". */
  outcome: string;
  /** Further lines (what the result consists of, how it is delivered). */
  details?: string[];
  /** The competent person's signature block: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" and their name. */
  signer: { title: string; name?: string };
}

/** A rectangle in PDF points on a page (0-based), origin at the bottom left. */
export interface Slot {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Height left blank for the signature and the seal (≈ 30 mm: a seal is 35–40 mm wide, it overlaps the left third). */
const SLOT_HEIGHT = 82;

export async function renderResultNotice(notice: ResultNotice, options: RenderOptions = {}): Promise<{ pdf: Uint8Array; signatureSlot: Slot }> {
  const { pdf, flow } = await newDocument(
    { title: 'Kết quả giải quyết thủ tục hành chính', subject: notice.dossierCode, author: notice.issuingBody.name, issuedAt: notice.issuedAt, seed: notice },
    undefined,
    options,
  );
  drawHeader(flow, notice);
  drawTitle(flow, { title: ['KẾT QUẢ GIẢI QUYẾT', 'THỦ TỤC HÀNH CHÍNH'], dossierCode: notice.dossierCode, statusUrl: notice.statusUrl });
  drawApplicant(flow, notice.applicant, 'Người nộp hồ sơ');
  drawField(flow, field('Thủ tục hành chính', notice.procedureName, 'bold'));
  drawField(flow, field('Kết quả giải quyết', notice.outcome, 'bold'), { align: 'justify' });
  for (const line of notice.details ?? []) drawField(flow, [{ text: line }], { align: 'justify' });

  // The signature block in the right half: title, the slot, the name.
  const half = flow.contentWidth / 2;
  const titleLines = notice.signer.title.split('\n');
  const height = 8 + titleLines.length * flow.lineHeight(BODY, 1.25) + SLOT_HEIGHT + flow.lineHeight(BODY);
  flow.ensure(height);
  const x = flow.left + half;
  let y = flow.y + 8;
  for (const line of titleLines) y += flow.box([{ text: upper(line), style: 'bold' }], x, y, half, { size: BODY, align: 'center', leading: 1.25 });
  const slotWidth = Math.min(half - 10, 170);
  const signatureSlot: Slot = {
    page: pdf.getPageCount() - 1,
    x: x + (half - slotWidth) / 2,
    y: flow.pdfY(y + SLOT_HEIGHT),
    width: slotWidth,
    height: SLOT_HEIGHT,
  };
  y += SLOT_HEIGHT;
  if (notice.signer.name) y += flow.box([{ text: notice.signer.name, style: 'bold' }], x, y, half, { size: BODY, align: 'center' });
  flow.y = y;
  flow.footers(`Mã hồ sơ ${notice.dossierCode}`);
  return { pdf: await pdf.save(), signatureSlot };
}
