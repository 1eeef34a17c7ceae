/**
 * Mẫu số 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 03/2025/TT-VPCP, Annex I):
 * one row per hand-over, with a column each for ahead of time, on time and late, marked X.
 */
import { drawField, field } from '../blocks.ts';
import type { RenderOptions } from '../document.ts';
import { openDossierForm } from './open.ts';
import { longDateTime, stackedDateTime } from '../format.ts';
import { drawTable } from '../table.ts';
import type { RenderedForm, ControlSheetForm } from '../types.ts';

export async function renderControlSheet(form: ControlSheetForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await openDossierForm(form, 'Phiếu kiểm soát quá trình giải quyết hồ sơ', ['PHIẾU KIỂM SOÁT QUÁ TRÌNH', 'GIẢI QUYẾT HỒ SƠ'], options, [`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: ${form.receiptNumber ?? '……………'})`]);

  if (form.applicantName) drawField(flow, field('Hồ sơ của', form.applicantName, 'bold'));
  if (form.procedureName) drawField(flow, field('Nội dung yêu cầu giải quyết', form.procedureName));
  drawField(flow, field('Cơ quan (bộ phận) giải quyết hồ sơ', form.leadAgency));
  drawField(flow, field('Cơ quan phối hợp giải quyết hồ sơ', form.coordinatingAgencies.join('; ')));
  drawField(flow, [
    { text: 'Thời gian hẹn trả kết quả: ' },
    { text: longDateTime(form.appointmentAt, 'appointmentAt'), keep: true },
  ]);
  flow.y += 4;

  const mark = (hit: boolean) => (hit ? [{ text: 'X', style: 'bold' as const }] : '');
  const middle = { align: 'center' as const, valign: 'middle' as const };
  drawTable(
    flow,
    {
      // Widths in points of the 468 pt line; the marks and dates are sized to their longest word.
      columns: [
        { weight: 18, align: 'center' },
        { weight: 94 },
        { weight: 52, align: 'center' },
        { weight: 110 },
        { weight: 52, align: 'center' },
        { weight: 31, ...middle },
        { weight: 31, ...middle },
        { weight: 31, ...middle },
        { weight: 49 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0, rowSpan: 2 },
        { text: 'Bước xử lý, cơ quan, đơn vị nhận hồ sơ', row: 0, col: 1, rowSpan: 2 },
        { text: 'Thời gian giao, nhận hồ sơ', row: 0, col: 2, rowSpan: 2 },
        { text: 'Người giao, người nhận', row: 0, col: 3, rowSpan: 2 },
        { text: 'Hạn xử lý', row: 0, col: 4, rowSpan: 2 },
        { text: 'Kết quả giải quyết\nhồ sơ', row: 0, col: 5, colSpan: 3 },
        { text: 'Trước hạn', row: 1, col: 5 },
        { text: 'Đúng hạn', row: 1, col: 6 },
        { text: 'Quá hạn', row: 1, col: 7 },
        { text: 'Ghi chú', row: 0, col: 8, rowSpan: 2 },
      ],
      size: 9.5,
      headerSize: 8.5,
      padX: 2.5,
    },
    form.rows.map((row, i) => [
      String(i + 1),
      [{ text: row.step, style: 'bold' }, { text: '\n' + row.unit }],
      stackedDateTime(row.handedAt, `rows.${i}.handedAt`),
      [
        { text: 'Giao: ', style: 'italic' },
        { text: row.giver, keep: true },
        { text: '\n' },
        { text: 'Nhận: ', style: 'italic' },
        { text: row.receiver, keep: true },
      ],
      row.dueAt ? stackedDateTime(row.dueAt, `rows.${i}.dueAt`) : '',
      mark(row.outcome === 'ahead'),
      mark(row.outcome === 'on_time'),
      mark(row.outcome === 'late'),
      row.note ?? '',
    ]),
  );
  flow.footers(`Mã hồ sơ ${form.dossierCode}`);
  return { pdf: await pdf.save() };
}
