/** Mẫu số 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ (Circular 03/2025/TT-VPCP, Annex I). */
import { drawApplicant, drawField, drawNumbered, drawSignatures, field } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { invalid } from '../format.ts';
import type { RenderedForm, RefusalForm } from '../types.ts';

export async function renderRefusal(form: RefusalForm, options?: RenderOptions): Promise<RenderedForm> {
  if (form.reasons.length === 0) throw invalid('reasons', 'phiếu từ chối phải nêu ít nhất một lý do');
  const { pdf, flow } = await openDossierForm(form, 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ', ['PHIẾU TỪ CHỐI TIẾP NHẬN,', 'GIẢI QUYẾT HỒ SƠ'], options);

  if (form.counterName) drawField(flow, field('Nơi tiếp nhận hồ sơ', form.counterName));
  drawApplicant(flow, form.applicant, 'Tiếp nhận hồ sơ của');
  drawField(flow, field('Nội dung yêu cầu giải quyết', form.procedureName, 'bold'));
  const who = form.counterName ?? 'Bộ phận Một cửa';
  drawField(
    flow,
    [{ text: `Qua xem xét, ${who} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:` }],
    { align: 'justify' },
  );
  if (form.reasons.length === 1) drawField(flow, [{ text: form.reasons[0]! }], { x: 14, align: 'justify' });
  else drawNumbered(flow, form.reasons);
  drawField(flow, [{ text: 'Xin thông báo cho ông/bà được biết và thực hiện./.' }]);

  const [slot] = drawSignatures(flow, [
    {
      title: form.signer?.title ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      hint: '(Ký và ghi rõ họ tên)',
      ...(form.signer?.name ? { name: form.signer.name } : {}),
    },
  ]);
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save(), ...(slot ? { signatureSlot: slot } : {}) };
}
