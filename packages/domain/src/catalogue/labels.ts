/** Vietnamese and English labels of catalogue terms, for the portal, the console and printed forms. */
import type { Messages } from '../errors.ts';
import type { ComponentKind, Fee, WorkflowRole } from './procedure.ts';

export const componentKindLabels: Record<ComponentKind, Messages> = {
  original: { vi: 'Bản chính', en: 'Original' },
  certified_copy: { vi: 'Bản sao có chứng thực', en: 'Certified copy' },
  copy: { vi: 'Bản sao', en: 'Copy' },
  electronic: { vi: 'Bản điện tử', en: 'Electronic copy' },
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

/** "Miễn phí", "100.000 đồng (nộp trực tuyến: 50.000 đồng)", "Theo biểu phí: …". */
export function formatFee(fee: Fee): Messages {
  if (fee.kind === 'free') return { vi: 'Miễn phí', en: 'Free of charge' };
  if (fee.kind === 'fixed') {
    const base = formatAmount(fee.amount);
    if (fee.onlineAmount === undefined || fee.onlineAmount === fee.amount) return base;
    const online = formatAmount(fee.onlineAmount);
    return { vi: `${base.vi} (nộp trực tuyến: ${online.vi})`, en: `${base.en} (online: ${online.en})` };
  }
  const rows = fee.table.map((r) => ({ label: r.label, amount: formatAmount(r.amount) }));
  return {
    vi: `Theo biểu phí: ${rows.map((r) => `${r.label}: ${r.amount.vi}`).join('; ')}`,
    en: `By table: ${rows.map((r) => `${r.label}: ${r.amount.en}`).join('; ')}`,
  };
}
