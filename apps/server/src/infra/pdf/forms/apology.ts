/**
 * Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (Circular 03/2025/TT-VPCP, Annex I),
 * signed by the head of the agency and sealed, so the signature block leaves room for the seal.
 */
import { BODY, dateTimeSpans, drawField, LETTER, drawSignatures, SEALED_SIGNATURE_ROOM } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { capitalize, longDate, localParts } from '../format.ts';
import type { RenderedForm, ApologyForm } from '../types.ts';

export async function renderApology(form: ApologyForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await openDossierForm(form, 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', ['PHIẾU XIN LỖI', 'VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'], options);

  const agency = form.agencyName ?? form.issuingBody.name;
  const received = longDate(localParts(form.receivedAt, 'receivedAt'));
  flow.paragraph([{ text: 'Kính gửi: ' }, { text: form.addressee, style: 'bold' }, { text: '.' }], { size: BODY, align: 'center', spaceAfter: 6 });
  const para = LETTER;
  drawField(
    flow,
    [
      { text: `${capitalize(received)}, ${agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính ` },
      { text: form.procedureName, style: 'bold' },
      { text: ' của ông/bà.' },
    ],
    para,
  );
  drawField(
    flow,
    [
      { text: 'Thời hạn trả kết quả theo giấy hẹn: ' },
      ...dateTimeSpans(form.originalAppointmentAt, 'originalAppointmentAt', { suffix: '.' }),
    ],
    para,
  );
  drawField(flow, [{ text: `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ông/bà.` }], para);
  drawField(flow, [{ text: 'Lý do: ' }, { text: form.reason }], para);
  drawField(
    flow,
    [
      { text: `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${agency} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà ` },
      ...dateTimeSpans(form.newAppointmentAt, 'newAppointmentAt', { prefix: 'vào hồi ', suffix: '.', style: 'bold' }),
    ],
    para,
  );
  drawField(flow, [{ text: 'Mong nhận được sự cảm thông của ông/bà vì sự chậm trễ này./.' }], para);

  const [slot] = drawSignatures(
    flow,
    [
      {
        title: form.signer?.title ?? 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ',
        hint: '(Ký, ghi rõ họ tên và đóng dấu)',
        ...(form.signer?.name ? { name: form.signer.name } : {}),
      },
    ],
    SEALED_SIGNATURE_ROOM, // the seal overlaps the left third of the signature
  );
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save(), ...(slot ? { signatureSlot: slot } : {}) };
}
