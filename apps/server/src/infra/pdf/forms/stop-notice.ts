/** Mẫu số 05 — Thông báo dừng giải quyết hồ sơ (Circular 03/2025/TT-VPCP art. 7 and Annex I). */
import { BODY, drawField, LETTER, drawSignatures, field, phoneAndEmail, SEALED_SIGNATURE_ROOM } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { capitalize, longDate, longDateTime, localParts } from '../format.ts';
import type { RenderedForm, StopNoticeForm } from '../types.ts';

export async function renderStopNotice(form: StopNoticeForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await openDossierForm(form, 'Thông báo dừng giải quyết hồ sơ', ['THÔNG BÁO', 'DỪNG GIẢI QUYẾT HỒ SƠ'], options);

  const agency = form.agencyName ?? form.issuingBody.name;
  const para = LETTER;
  flow.paragraph([{ text: 'Kính gửi: ' }, { text: form.applicant.name, style: 'bold' }, { text: '.' }], { size: BODY, align: 'center', spaceAfter: 6 });
  drawField(flow, field('Địa chỉ', form.applicant.address));
  drawField(flow, phoneAndEmail(form.applicant));
  drawField(flow, field('Thủ tục hành chính', form.procedureName, 'bold'));
  if (form.receivedAt) {
    drawField(flow, [{ text: 'Thời gian tiếp nhận hồ sơ: ' }, { text: longDateTime(form.receivedAt, 'receivedAt'), keep: true }]);
  }
  drawField(
    flow,
    [
      { text: `${capitalize(longDate(localParts(form.requestedAt, 'requestedAt')))}, ${agency} nhận được đề nghị của ông/bà về việc dừng giải quyết hồ sơ nêu trên.` },
    ],
    para,
  );
  drawField(flow, [{ text: 'Tình trạng giải quyết hồ sơ đến thời điểm dừng: ' }, { text: form.stateReached }], para);
  drawField(flow, [{ text: form.confirmation }], para);
  drawField(flow, [{ text: `${agency} thông báo để ông/bà được biết./.` }], para);

  const [slot] = drawSignatures(
    flow,
    [
      {
        title: form.signer?.title ?? 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ',
        hint: '(Ký, ghi rõ họ tên và đóng dấu)',
        ...(form.signer?.name ? { name: form.signer.name } : {}),
      },
    ],
    SEALED_SIGNATURE_ROOM,
  );
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save(), ...(slot ? { signatureSlot: slot } : {}) };
}
