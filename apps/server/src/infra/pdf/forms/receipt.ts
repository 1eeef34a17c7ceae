/** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025/TT-VPCP, Annex I). */
import { drawApplicant, drawField, drawSignatures, field, FIELD_GAP } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { count2, longDateTime, money } from '../format.ts';
import { drawTable } from '../table.ts';
import type { ReceiptFee, ReceiptForm, ReceivedComponent, RenderedForm, ResultDelivery } from '../types.ts';

const kindLabels: Record<ReceivedComponent['kind'], string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
  electronic: 'Bản điện tử',
};

function delivery(form: ReceiptForm): string {
  const labels: Record<ResultDelivery, string> = {
    counter: form.counterName ?? 'Bộ phận Một cửa',
    post: 'Qua dịch vụ bưu chính công ích',
    online: 'Trực tuyến, vào kho dữ liệu điện tử của cá nhân, tổ chức',
  };
  const base = labels[form.resultDelivery];
  return form.deliveryAddress ? `${base}: ${form.deliveryAddress}` : base;
}

/** Item 7: the total due and whether it is paid, then what it is made of, the exemption and when it must be paid. */
function drawFee(flow: Parameters<typeof drawField>[0], fee: ReceiptFee): void {
  const state = fee.paid ? 'đã nộp' : fee.amount === 0 ? 'được miễn' : 'chưa nộp';
  drawField(flow, [{ text: '7. Phí, lệ phí: ' }, { text: `${money(fee.amount, 'fee.amount')} (${state})`, style: 'bold', keep: true }]);
  const line = (text: string, style?: 'bold' | 'italic') => drawField(flow, [{ text: `   - ${text}`, ...(style ? { style } : {}) }]);
  if (fee.case) line(`Trường hợp: ${fee.case}`);
  for (const [i, item] of (fee.items ?? []).entries()) {
    const kind = item.label.toLocaleLowerCase('vi').startsWith(item.kind.toLocaleLowerCase('vi')) ? '' : `${item.kind} `;
    line(`${kind}${kind ? item.label.charAt(0).toLocaleLowerCase('vi') + item.label.slice(1) : item.label}: ${money(item.amount, `fee.items.${i}.amount`)}`);
  }
  if (fee.exemption) {
    const share = fee.exemption.share === null ? '' : fee.exemption.share >= 100 ? ', miễn toàn bộ' : `, giảm ${fee.exemption.share}%`;
    line(`Miễn, giảm (${fee.exemption.label}${share}): trừ ${money(fee.exemption.waived, 'fee.exemption.waived')}`);
  }
  if (fee.payBeforeProcessing && !fee.paid && fee.amount > 0) line('Nộp trước khi giải quyết hồ sơ', 'bold');
  if (fee.legalBasis) line(`Căn cứ thu: ${fee.legalBasis}`, 'italic');
}

export async function renderReceipt(form: ReceiptForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await openDossierForm(
    form, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', ['GIẤY TIẾP NHẬN HỒ SƠ', 'VÀ HẸN TRẢ KẾT QUẢ'], options, form.copyLabel ? [`(${form.copyLabel})`] : [],
    // A second QR code on this form, the applicant's rating address: each says what it opens.
    form.ratingUrl,
  );

  if (form.counterName) drawField(flow, field('Nơi tiếp nhận hồ sơ', form.counterName));
  drawApplicant(flow, form.applicant, 'Tiếp nhận hồ sơ của');
  drawField(flow, field('Nội dung yêu cầu giải quyết', form.procedureName, 'bold'));
  drawField(flow, [{ text: '1. Thành phần hồ sơ nộp gồm:' }]);
  drawTable(
    flow,
    {
      columns: [
        { weight: 0.55, align: 'center' },
        { weight: 5 },
        { weight: 2, align: 'center' },
        { weight: 1, align: 'center' },
        { weight: 1.8 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Tên loại giấy tờ', row: 0, col: 1 },
        { text: 'Hình thức', row: 0, col: 2 },
        { text: 'Số lượng', row: 0, col: 3 },
        { text: 'Ghi chú', row: 0, col: 4 },
      ],
      size: 11.5,
      headerSize: 11.5,
    },
    form.components.map((c, i) => [String(i + 1), c.name, kindLabels[c.kind], count2(c.count), c.note ?? '']),
  );
  flow.y += FIELD_GAP + 2;
  drawField(flow, [{ text: `2. Số lượng hồ sơ: ${count2(form.sets)} (bộ)` }]);
  drawField(flow, [{ text: '3. Thời gian giải quyết hồ sơ theo quy định là: ' }, { text: form.legalTime }]);
  drawField(flow, [{ text: '4. Thời gian nhận hồ sơ: ' }, { text: longDateTime(form.receivedAt, 'receivedAt'), keep: true }]);
  drawField(flow, [
    { text: '5. Thời gian trả kết quả giải quyết hồ sơ: ' },
    { text: `Vào hồi ${longDateTime(form.appointmentAt, 'appointmentAt')}`, style: 'bold', keep: true },
  ]);
  drawField(flow, [{ text: '6. Đăng ký nhận kết quả tại: ' }, { text: delivery(form) }]);
  if (form.fee) drawFee(flow, form.fee);
  drawField(flow, [
    { text: 'Vào Sổ theo dõi hồ sơ, Quyển số: ' },
    ...(form.trackingBook.volume ? [{ text: form.trackingBook.volume }] : [{ dots: 70 as const }]),
    { gap: 14 },
    { text: 'Số thứ tự: ' },
    ...(form.trackingBook.line ? [{ text: form.trackingBook.line }] : [{ dots: 70 as const }]),
  ]);

  const [, official] = drawSignatures(flow, [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: form.applicant.name },
    {
      title: form.signer?.title ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      hint: '(Ký và ghi rõ họ tên)',
      ...(form.signer?.name ? { name: form.signer.name } : {}),
    },
  ]);
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save(), ...(official ? { signatureSlot: official } : {}) };
}
