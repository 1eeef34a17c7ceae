/**
 * Mẫu số 07 — Sổ theo dõi hồ sơ (Circular 03/2025/TT-VPCP, Annex I): A4 landscape, the table
 * header repeated on every page, pages numbered.
 */
import { drawHeader, drawTitle } from '../blocks.ts';
import { newDocument, type RenderOptions } from '../document.ts';
import { A4_LANDSCAPE } from '../flow.ts';
import { count2, shortPlainDate, stackedDateTime } from '../format.ts';
import { drawTable, type HeaderCell } from '../table.ts';
import type { RenderedForm, TrackingBookForm } from '../types.ts';

const titles = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
];
const dates = [
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
];

const header: HeaderCell[] = [
  ...titles.map((text, col) => ({ text, row: 0, col, rowSpan: 2 })),
  { text: 'Ngày, tháng, năm', row: 0, col: 7, colSpan: 5 },
  ...dates.map((text, i) => ({ text, row: 1, col: 7 + i })),
  { text: 'Ký nhận kết quả', row: 0, col: 12, rowSpan: 2 },
  { text: 'Ghi chú', row: 0, col: 13, rowSpan: 2 },
  ...Array.from({ length: 14 }, (_, col) => ({ text: `(${col + 1})`, row: 2, col, italic: true })),
];

export async function renderTrackingBook(form: TrackingBookForm, options?: RenderOptions): Promise<RenderedForm> {
  const { pdf, flow } = await newDocument(
    {
      title: 'Sổ theo dõi hồ sơ',
      subject: form.counterName,
      author: form.issuingBody.name,
      issuedAt: form.issuedAt,
      seed: form,
    },
    A4_LANDSCAPE,
    options,
  );
  drawHeader(flow, form, { leftShare: 0.45, showNumber: form.number !== undefined });
  drawTitle(flow, {
    title: ['SỔ THEO DÕI HỒ SƠ'],
    notes: [
      form.counterName,
      `Từ ngày ${shortPlainDate(form.period.from, 'period.from')} đến ngày ${shortPlainDate(form.period.to, 'period.to')}`,
    ],
    ...(form.statusUrl ? { statusUrl: form.statusUrl } : {}),
  });

  const when = (iso: string | undefined, path: string) => (iso ? stackedDateTime(iso, path) : '');
  drawTable(
    flow,
    {
      // Widths in points of the 751 pt line: the dates need "04/03/2025" on one line.
      columns: [
        { weight: 23, align: 'center' },
        { weight: 70 },
        { weight: 85 },
        { weight: 32, align: 'center' },
        { weight: 68 },
        { weight: 76 },
        { weight: 62 },
        ...Array.from({ length: 5 }, () => ({ weight: 51, align: 'center' as const })),
        { weight: 36 },
        { weight: 44 },
      ],
      header,
      size: 9,
      headerSize: 8.5,
      padX: 2.5,
      padY: 2,
    },
    form.rows.map((row, i) => [
      String(row.no),
      row.dossierCode,
      row.procedureName,
      count2(row.sets),
      row.applicantName,
      row.addressAndPhone,
      row.leadAgency,
      when(row.receivedAt, `rows.${i}.receivedAt`),
      when(row.appointmentAt, `rows.${i}.appointmentAt`),
      when(row.transferredAt, `rows.${i}.transferredAt`),
      when(row.resultBackAt, `rows.${i}.resultBackAt`),
      when(row.returnedAt, `rows.${i}.returnedAt`),
      '',
      row.note ?? '',
    ]),
  );
  flow.footers(`Sổ theo dõi hồ sơ · ${form.counterName}`, { always: true });
  return { pdf: await pdf.save() };
}
