/**
 * Fees and payments (docs/rules/payments.md): the entries of a dossier's fee ledger, how a payment
 * was made, and the life of an online payment order. Labels Vietnamese first.
 */
import type { Messages } from '../errors.ts';

/**
 * What an entry of the fee ledger records. Entries are never edited: a wrong one is corrected by a
 * `reversal` of it (and a new entry when something else was meant).
 * - `payment`: money received (counter or online);
 * - `refund`: money given back (a new entry, never a deletion of the payment);
 * - `waiver`: an amount the applicant does not owe (exemption decided after reception);
 * - `reversal`: cancels one earlier entry (`reverses`) that was recorded by mistake.
 */
export const feeEntryKinds = ['payment', 'refund', 'waiver', 'reversal'] as const;
export type FeeEntryKind = (typeof feeEntryKinds)[number];

/** How money changed hands. `online`: through a payment gateway (`PaymentProvider`). */
export const paymentMethods = ['cash', 'transfer', 'card', 'online'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Payment gateways Motcua speaks to. */
export const paymentProviders = ['vnpay', 'national'] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

/**
 * An online payment order: `pending` from its creation until the gateway's verified answer (IPN or
 * reconciliation query) says `paid` or `failed`; `expired` when the gateway never saw it paid before
 * its expiry and a query confirms it; `cancelled` when the payer cancelled at the gateway.
 */
export const paymentOrderStatuses = ['pending', 'paid', 'failed', 'cancelled', 'expired'] as const;
export type PaymentOrderStatus = (typeof paymentOrderStatuses)[number];

export const feeEntryKindLabels: Record<FeeEntryKind, Messages> = {
  payment: { vi: 'Thu phí, lệ phí', en: 'Payment' },
  refund: { vi: 'Hoàn trả', en: 'Refund' },
  waiver: { vi: 'Miễn, giảm', en: 'Waiver' },
  reversal: { vi: 'Hủy bút toán ghi nhầm', en: 'Reversal of an entry recorded by mistake' },
};

export const paymentMethodLabels: Record<PaymentMethod, Messages> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  transfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  card: { vi: 'Thẻ (POS)', en: 'Card' },
  online: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
};

export const paymentOrderStatusLabels: Record<PaymentOrderStatus, Messages> = {
  pending: { vi: 'Đang chờ kết quả thanh toán', en: 'Awaiting the payment result' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  failed: { vi: 'Thanh toán không thành công', en: 'Payment failed' },
  cancelled: { vi: 'Người nộp đã hủy thanh toán', en: 'Cancelled by the payer' },
  expired: { vi: 'Hết hạn thanh toán', en: 'Expired' },
};

export const paymentProviderLabels: Record<PaymentProviderName, Messages> = {
  vnpay: { vi: 'Cổng thanh toán VNPAY', en: 'VNPAY payment gateway' },
  national: { vi: 'Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal payment platform' },
};
