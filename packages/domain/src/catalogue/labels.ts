/** Vietnamese and English labels of catalogue terms, for the portal, the console and printed forms. */
import type { Messages } from '../errors.ts';
import type { FeeItemKind } from '../payments/terms.ts';
import type { ComponentKind, Fee, FeeExemption, FeeRow, ProcessingTimeUnit, SubmissionChannel, WorkflowRole } from './procedure.ts';

export const componentKindLabels: Record<ComponentKind, Messages> = {
  original: { vi: 'Bản chính', en: 'Original' },
  certified_copy: { vi: 'Bản sao có chứng thực', en: 'Certified copy' },
  copy: { vi: 'Bản sao', en: 'Copy' },
  electronic: { vi: 'Bản điện tử', en: 'Electronic copy' },
};

export const submissionChannelLabels: Record<SubmissionChannel, Messages> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  postal: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

/** The level of the online service (Decree 42/2022/NĐ-CP): the whole procedure online, or part of it. */
export const onlineServiceLabels: Record<'full' | 'partial', Messages> = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online public service' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online public service' },
};

/** What days a legal time counts, said beside it: working days leave out rest days and holidays, days do not. */
export const processingTimeBasisLabels: Record<ProcessingTimeUnit, Messages | null> = {
  working_days: { vi: 'Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết', en: 'Saturdays, Sundays and public holidays are not counted' },
  working_hours: { vi: 'Tính trong giờ làm việc', en: 'Counted in working hours' },
  days: { vi: 'Tính cả thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết', en: 'Saturdays, Sundays and public holidays are counted' },
  same_day: null, // the time itself says "Trong ngày (tiếp nhận trước 15:00; …)"
};

export const workflowRoleLabels: Record<WorkflowRole, Messages> = {
  officer: { vi: 'Cán bộ một cửa', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
};

/** 1500000 → "1.500.000 đồng" / "1,500,000 VND". */
export function formatAmount(amount: number): Messages {
  const group = (separator: string) => String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return { vi: `${group('.')} đồng`, en: `${group(',')} VND` };
}

export const feeItemKindLabels: Record<FeeItemKind, Messages> = {
  fee: { vi: 'Phí', en: 'Fee' },
  charge: { vi: 'Lệ phí', en: 'Charge' },
};

/** "100.000 đồng (nộp trực tuyến: 50.000 đồng)" for an amount with a reduced online amount. */
function formatChannels(row: { amount: number; onlineAmount?: number | undefined }): Messages {
  const base = formatAmount(row.amount);
  if (row.onlineAmount === undefined || row.onlineAmount === row.amount) return base;
  const online = formatAmount(row.onlineAmount);
  return { vi: `${base.vi} (nộp trực tuyến: ${online.vi})`, en: `${base.en} (online: ${online.en})` };
}

function formatRows(table: readonly FeeRow[]): Messages {
  const rows = table.map((r) => ({ label: r.label, amount: formatChannels(r) }));
  return { vi: rows.map((r) => `${r.label}: ${r.amount.vi}`).join('; '), en: rows.map((r) => `${r.label}: ${r.amount.en}`).join('; ') };
}

/** "Miễn" (a full exemption) or "Giảm 50%", of fees or charges only when it says so. */
export function formatExemptionShare(exemption: Pick<FeeExemption, 'share' | 'appliesTo'>): Messages {
  const what = exemption.appliesTo === undefined ? { vi: '', en: '' }
    : exemption.appliesTo === 'fee' ? { vi: ' phí', en: ' (fee)' } : { vi: ' lệ phí', en: ' (charge)' };
  return exemption.share >= 100
    ? { vi: `Miễn${what.vi}`, en: `Exempt${what.en}` }
    : { vi: `Giảm ${exemption.share}%${what.vi}`, en: `${exemption.share}% off${what.en}` };
}

/** "Miễn phí", "100.000 đồng (nộp trực tuyến: 50.000 đồng)", "Theo biểu phí: …", "Lệ phí …: …; Phí …: …". */
export function formatFee(fee: Fee): Messages {
  if (fee.kind === 'free') return { vi: 'Miễn phí', en: 'Free of charge' };
  if (fee.kind === 'fixed') return formatChannels(fee);
  if (fee.kind === 'table') {
    const rows = formatRows(fee.table);
    return { vi: `Theo biểu phí: ${rows.vi}`, en: `By table: ${rows.en}` };
  }
  if (fee.items.length === 0) return { vi: 'Miễn phí', en: 'Free of charge' };
  const parts = fee.items.map((item) => {
    const amount = 'table' in item ? formatRows(item.table) : formatChannels(item);
    return { vi: `${item.label}: ${amount.vi}`, en: `${item.label}: ${amount.en}` };
  });
  return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
}
