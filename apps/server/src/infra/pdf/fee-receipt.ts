/**
 * Biên lai điện tử thu phí, lệ phí: the electronic receipt of a payment at the counter
 * (docs/rules/payments.md). Its contents follow Decree 123/2020/NĐ-CP art. 32 (the name of the
 * receipt, its symbol and number, the collecting body, the fee or charge and the amount, the date,
 * the collector's signature); its layout, the official heading of Decree 30/2020. Pure rendering:
 * data in, bytes out, with the rectangle left for the collector's signature.
 */
import { amountInWords, feeReceiptNumber } from '@motcua/domain';
import type { PageRect } from '../signing/types.ts';
import { drawField, drawHeader, drawSignatures, drawTitle, field, FIELD_GAP, SEALED_SIGNATURE_ROOM } from './blocks.ts';
import { newDocument, type RenderOptions } from './document.ts';
import { longDateTime, money } from './format.ts';
import { drawTable } from './table.ts';
import type { Applicant, FormHeader } from './types.ts';
import type { Cell } from './table.ts';

export interface FeeReceiptItem {
  /** "Phí" or "Lệ phí" (the two are accounted apart). */
  kindLabel: string;
  label: string;
  amount: number;
}

export interface FeeReceiptDocument extends Omit<FormHeader, 'number' | 'signer'> {
  /** The series symbol ("BL26E") and the number within it, printed on 7 digits. */
  symbol: string;
  number: number;
  /** The collecting body (tổ chức thu phí, lệ phí), as named in full. */
  agencyName: string;
  payer: Applicant;
  procedureName: string;
  /** What the dossier owes, from its fee terms; the exemption granted at reception, if any. */
  items: FeeReceiptItem[];
  exemption?: { label: string; waived: number } | undefined;
  /** The amount this receipt is for (a payment may cover part of what is owed). */
  amount: number;
  methodLabel: string;
  /** The staff member who collected the money. */
  collectorName?: string | undefined;
  legalBasis?: string | null | undefined;
  /** Where the receipt's copy is verified; printed in the footer. */
  verifyUrl: string;
}

export async function renderFeeReceipt(receipt: FeeReceiptDocument, options: RenderOptions = {}): Promise<{ pdf: Uint8Array; signatureSlot: PageRect }> {
  const number = feeReceiptNumber(receipt.number);
  const { pdf, flow } = await newDocument(
    { title: `Biên lai thu phí, lệ phí ${receipt.symbol} ${number}`, subject: receipt.dossierCode, author: receipt.agencyName, issuedAt: receipt.issuedAt, seed: receipt },
    undefined,
    options,
  );
  drawHeader(flow, { issuingBody: receipt.issuingBody, place: receipt.place, issuedAt: receipt.issuedAt }, { showNumber: false });
  drawTitle(flow, {
    title: ['BIÊN LAI THU PHÍ, LỆ PHÍ'],
    notes: ['(Biên lai điện tử)', `Ký hiệu: ${receipt.symbol}    Số: ${number}`],
    dossierCode: receipt.dossierCode,
    statusUrl: receipt.statusUrl,
  });

  drawField(flow, field('Tên đơn vị thu phí, lệ phí', receipt.agencyName, 'bold'));
  drawField(flow, field('Họ và tên người nộp tiền', receipt.payer.name, 'bold'));
  if (receipt.payer.address) drawField(flow, field('Địa chỉ', receipt.payer.address));
  drawField(flow, field('Thủ tục hành chính', receipt.procedureName));
  drawField(flow, [{ text: 'Nội dung thu:' }]);
  const rows: Cell[][] = receipt.items.map((item, i) => [String(i + 1), `${item.kindLabel}: ${item.label}`, money(item.amount, `items.${i}.amount`)]);
  if (receipt.exemption) rows.push(['', `Miễn, giảm: ${receipt.exemption.label}`, `- ${money(receipt.exemption.waived, 'exemption.waived')}`]);
  const due = receipt.items.reduce((sum, item) => sum + item.amount, 0) - (receipt.exemption?.waived ?? 0);
  rows.push(['', [{ text: 'Tổng số phải nộp', style: 'bold' }], [{ text: money(due, 'items'), style: 'bold' }]]);
  drawTable(
    flow,
    {
      columns: [{ weight: 0.6, align: 'center' }, { weight: 6 }, { weight: 2.2, align: 'right' }],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Tên loại phí, lệ phí', row: 0, col: 1 },
        { text: 'Số tiền', row: 0, col: 2 },
      ],
      size: 12,
      headerSize: 12,
    },
    rows,
  );
  flow.y += FIELD_GAP + 4;
  drawField(flow, [{ text: 'Số tiền đã nộp: ' }, { text: money(receipt.amount, 'amount'), style: 'bold' }]);
  drawField(flow, [{ text: 'Viết bằng chữ: ' }, { text: `${amountInWords(receipt.amount)}.`, style: 'italic' }]);
  drawField(flow, field('Hình thức thanh toán', receipt.methodLabel));
  drawField(flow, [{ text: 'Thời điểm thu: ' }, { text: longDateTime(receipt.issuedAt, 'issuedAt'), keep: true }]);
  if (receipt.legalBasis) drawField(flow, field('Căn cứ thu', receipt.legalBasis), { align: 'justify' });

  const [, collector] = drawSignatures(flow, [
    { title: 'NGƯỜI NỘP TIỀN', hint: '(Ký, ghi rõ họ tên)', name: receipt.payer.name },
    { title: 'NGƯỜI THU TIỀN', hint: '(Ký, ghi rõ họ tên)', ...(receipt.collectorName ? { name: receipt.collectorName } : {}) },
  ], SEALED_SIGNATURE_ROOM);
  flow.paragraph([{ text: `Tra cứu hồ sơ và biên lai: ${receipt.verifyUrl}`, style: 'italic' }], { size: 9, spaceBefore: 10, spaceAfter: 0 });
  flow.footers(`Biên lai ${receipt.symbol} số ${number} — Mã hồ sơ ${receipt.dossierCode}`);
  return { pdf: await pdf.save(), signatureSlot: collector! };
}
