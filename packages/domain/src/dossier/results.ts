/**
 * Results as documents (docs/rules/results.md): what a signed document is, how its signatures
 * follow one another, how a result is returned and when the applicant's download is the return.
 */
import type { DossierStatus } from './statuses.ts';
import type { ResultDelivery } from './vocabulary.ts';

/** The documents the product signs: a dossier's result, a refusal decision, a form, an outgoing document, a report, a fee receipt. */
export const signedDocumentKinds = ['dossier_result', 'rejection_decision', 'form', 'outgoing', 'report', 'fee_receipt'] as const;
export type SignedDocumentKind = (typeof signedDocumentKinds)[number];

/**
 * Unsigned → signed by the competent person → signed (person and agency). The agency's seal comes
 * after the person's signature (Decree 30/2020, Annex I: the seal overlaps the signature).
 */
export const signedDocumentStatuses = ['unsigned', 'signed_by_person', 'signed'] as const;
export type SignedDocumentStatus = (typeof signedDocumentStatuses)[number];

export type SignatureRole = 'person' | 'agency';

/** The status after one more signature, or `null` when that signature may not be added now. */
export function statusAfterSignature(status: SignedDocumentStatus, as: SignatureRole): SignedDocumentStatus | null {
  if (as === 'person') return status === 'unsigned' ? 'signed_by_person' : null;
  return status === 'signed_by_person' ? 'signed' : null;
}

export const signedDocumentStatusLabels: Record<SignedDocumentStatus, { vi: string; en: string }> = {
  unsigned: { vi: 'Chưa ký số', en: 'Not signed' },
  signed_by_person: { vi: 'Người có thẩm quyền đã ký, chờ ký số của cơ quan', en: 'Signed by the competent person, awaiting the agency’s signature' },
  signed: { vi: 'Đã ký số (người có thẩm quyền và cơ quan)', en: 'Signed (competent person and agency)' },
};

export const signedDocumentKindLabels: Record<SignedDocumentKind, { vi: string; en: string }> = {
  dossier_result: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of an administrative procedure' },
  rejection_decision: { vi: 'Văn bản từ chối giải quyết hồ sơ', en: 'Decision refusing to resolve a dossier' },
  form: { vi: 'Biểu mẫu', en: 'Form' },
  outgoing: { vi: 'Văn bản đi', en: 'Outgoing document' },
  report: { vi: 'Báo cáo', en: 'Report' },
  fee_receipt: { vi: 'Biên lai thu phí, lệ phí', en: 'Fee receipt' },
};

/**
 * How a result was returned ("returned" means delivered): handed over at the counter, posted, or
 * downloaded by the applicant (recorded by the first download, never chosen by staff).
 */
export const returnDeliveries = ['counter', 'post', 'download'] as const;
export type ReturnDelivery = (typeof returnDeliveries)[number];

export const returnDeliveryLabels: Record<ReturnDelivery, { vi: string; en: string }> = {
  counter: { vi: 'Trả trực tiếp tại Bộ phận Một cửa', en: 'Handed over at the counter' },
  post: { vi: 'Gửi qua dịch vụ bưu chính', en: 'Sent by post' },
  download: { vi: 'Người nộp tải kết quả điện tử', en: 'Downloaded by the applicant' },
};

/** Where the dossier's electronic result stands, from its log: none, attached unsigned, or signed. */
export type ResultDocumentState = 'none' | 'attached' | 'signed';

/**
 * Why a result may not be returned this way, or `null` when it may. An attached electronic result
 * is a draft until signed, so no return of any kind while it is unsigned; a download needs the
 * signed result (there is nothing else to download).
 */
export function returnRefusalReason(result: ResultDocumentState, delivery: ReturnDelivery): { vi: string; en: string } | null {
  if (result === 'attached') return { vi: 'kết quả điện tử chưa được ký số', en: 'the electronic result is not signed yet' };
  if (delivery === 'download' && result !== 'signed') return { vi: 'hồ sơ không có kết quả điện tử đã ký số', en: 'the dossier has no signed electronic result' };
  return null;
}

/**
 * True when the applicant's download of the signed result is the return of the result: the
 * applicant chose to receive it online, the result is signed and it was not returned yet.
 */
export function downloadReturnsResult(dossier: { status: DossierStatus | null; resultDelivery: ResultDelivery }, result: ResultDocumentState): boolean {
  return dossier.resultDelivery === 'online' && result === 'signed' && (dossier.status === 'resolved' || dossier.status === 'rejected');
}
