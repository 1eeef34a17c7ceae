/**
 * Kinds of paper (loại giấy tờ): the small vocabulary a procedure's component and a stored
 * document share, so that "the same kind of paper" can be matched when a citizen's data store
 * (Decree 45/2020/NĐ-CP art. 16) already holds what a new dossier asks for. A code is data: the
 * catalogue (bundle format, `documentType` of a component) names it, the store records it.
 */
import type { Messages } from '../errors.ts';

export const documentTypes = [
  'cccd',
  'ho-chieu',
  'giay-khai-sinh',
  'trich-luc-khai-sinh',
  'giay-chung-sinh',
  'giay-chung-nhan-ket-hon',
  'xac-nhan-tinh-trang-hon-nhan',
  'giay-bao-tu',
  'trich-luc-khai-tu',
  'xac-nhan-cu-tru',
  'ban-sao-chung-thuc',
  'phieu-ly-lich-tu-phap',
  'giay-chung-nhan-quyen-su-dung-dat',
  'giay-chung-nhan-dang-ky-ho-kinh-doanh',
  'giay-chung-nhan-dang-ky-doanh-nghiep',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const isDocumentType = (value: unknown): value is DocumentType =>
  typeof value === 'string' && (documentTypes as readonly string[]).includes(value);

export interface DocumentTypeInfo {
  label: Messages;
  /**
   * How long a paper of this kind is valid from its date of issue, when a rule of law says so;
   * absent when it does not expire, or when its own expiry is printed on it (an ID card).
   */
  validityMonths?: number;
  /** The legal basis of `validityMonths`. */
  validityBasis?: string;
}

export const documentTypeInfo: Record<DocumentType, DocumentTypeInfo> = {
  'cccd': { label: { vi: 'Căn cước / Căn cước công dân', en: 'Citizen identity card' } },
  'ho-chieu': { label: { vi: 'Hộ chiếu', en: 'Passport' } },
  'giay-khai-sinh': { label: { vi: 'Giấy khai sinh', en: 'Birth certificate' } },
  'trich-luc-khai-sinh': { label: { vi: 'Trích lục khai sinh', en: 'Birth registration extract' } },
  'giay-chung-sinh': { label: { vi: 'Giấy chứng sinh', en: 'Medical birth certificate' } },
  'giay-chung-nhan-ket-hon': { label: { vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate' } },
  'xac-nhan-tinh-trang-hon-nhan': {
    label: { vi: 'Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
    validityMonths: 6,
    validityBasis: 'Nghị định 123/2015/NĐ-CP, Điều 23',
  },
  'giay-bao-tu': { label: { vi: 'Giấy báo tử', en: 'Notice of death' } },
  'trich-luc-khai-tu': { label: { vi: 'Trích lục khai tử', en: 'Death registration extract' } },
  'xac-nhan-cu-tru': { label: { vi: 'Giấy xác nhận thông tin về cư trú', en: 'Certificate of residence' } },
  'ban-sao-chung-thuc': { label: { vi: 'Bản sao có chứng thực', en: 'Certified copy' } },
  'phieu-ly-lich-tu-phap': { label: { vi: 'Phiếu lý lịch tư pháp', en: 'Criminal record certificate' } },
  'giay-chung-nhan-quyen-su-dung-dat': { label: { vi: 'Giấy chứng nhận quyền sử dụng đất', en: 'Land use right certificate' } },
  'giay-chung-nhan-dang-ky-ho-kinh-doanh': { label: { vi: 'Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Household business registration certificate' } },
  'giay-chung-nhan-dang-ky-doanh-nghiep': { label: { vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Enterprise registration certificate' } },
};
