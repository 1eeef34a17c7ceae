/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Circular 03/2025/TT-VPCP, Annex I). */
import { drawApplicant, drawField, drawNumbered, drawSignatures, field } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { longDateTime } from '../format.ts';
import type { Inline } from '../text.ts';
import type { RenderedForm, SupplementRequestForm } from '../types.ts';

export async function renderSupplementRequest(form: SupplementRequestForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await openDossierForm(form, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', ['PHIẾU YÊU CẦU BỔ SUNG,', 'HOÀN THIỆN HỒ SƠ'], options);

  if (form.counterName) drawField(flow, field('Nơi tiếp nhận hồ sơ', form.counterName));
  drawApplicant(flow, form.applicant, 'Hồ sơ của');
  drawField(flow, field('Nội dung yêu cầu giải quyết', form.procedureName, 'bold'));
  drawField(flow, [{ text: 'Thời gian yêu cầu: ' }, { text: longDateTime(form.requestedAt, 'requestedAt'), keep: true }]);
  drawField(flow, [{ text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:' }]);
  // Every item the officer listed, numbered; with none, dotted lines to fill in by hand.
  const items = form.items.map((item) => item.trim()).filter(Boolean);
  if (items.length > 0) drawNumbered(flow, items);
  else for (const n of [1, 2]) drawField(flow, [{ text: `${n}. ` }, { dots: 'fill' }], { x: 14 });
  drawField(flow, field('Lý do', form.reason?.trim()), { align: 'justify' });

  const contact: Inline[] = [
    { text: 'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với ' },
    { text: form.contact.name },
    { text: ', số điện thoại ' },
    ...(form.contact.phone ? [{ text: form.contact.phone, keep: true }] : [{ dots: 90 as const }]),
    { text: ' để được hướng dẫn./.' },
  ];
  drawField(flow, contact, { align: 'justify' });

  const [slot] = drawSignatures(flow, [
    {
      title: form.signer?.title ?? 'NGƯỜI HƯỚNG DẪN',
      hint: '(Ký và ghi rõ họ tên)',
      ...(form.signer?.name ? { name: form.signer.name } : {}),
    },
  ]);
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save(), ...(slot ? { signatureSlot: slot } : {}) };
}
