/**
 * The kinds of administrative document an agency issues and registers, with the abbreviation that
 * goes into a document's symbol (Decree 30/2020/NĐ-CP art. 7 and Annex III; docs/rules/document-office.md).
 * A letter (công văn) has no abbreviation of its own: its symbol names the agency and the drafting unit.
 */
export const officialDocumentTypes = [
  'nghi_quyet', 'quyet_dinh', 'chi_thi', 'quy_che', 'quy_dinh', 'thong_cao', 'thong_bao', 'huong_dan',
  'chuong_trinh', 'ke_hoach', 'phuong_an', 'de_an', 'du_an', 'bao_cao', 'bien_ban', 'to_trinh', 'hop_dong',
  'cong_van', 'cong_dien', 'ban_ghi_nho', 'ban_thoa_thuan', 'giay_uy_quyen', 'giay_moi', 'giay_gioi_thieu',
  'giay_nghi_phep', 'phieu_gui', 'phieu_chuyen', 'phieu_bao',
] as const;
export type OfficialDocumentType = (typeof officialDocumentTypes)[number];

interface TypeDefinition {
  vi: string;
  en: string;
  /** Annex III abbreviation; null for a letter (công văn). */
  abbreviation: string | null;
}

/** Decree 30/2020 Annex III: the abbreviations of the kinds of administrative document. */
export const officialDocumentTypeDefinitions: Readonly<Record<OfficialDocumentType, TypeDefinition>> = {
  nghi_quyet: { vi: 'Nghị quyết', en: 'Resolution', abbreviation: 'NQ' },
  quyet_dinh: { vi: 'Quyết định', en: 'Decision', abbreviation: 'QĐ' },
  chi_thi: { vi: 'Chỉ thị', en: 'Directive', abbreviation: 'CT' },
  quy_che: { vi: 'Quy chế', en: 'Statute', abbreviation: 'QC' },
  quy_dinh: { vi: 'Quy định', en: 'Regulation', abbreviation: 'QyĐ' },
  thong_cao: { vi: 'Thông cáo', en: 'Communiqué', abbreviation: 'TC' },
  thong_bao: { vi: 'Thông báo', en: 'Notice', abbreviation: 'TB' },
  huong_dan: { vi: 'Hướng dẫn', en: 'Guidance', abbreviation: 'HD' },
  chuong_trinh: { vi: 'Chương trình', en: 'Programme', abbreviation: 'CTr' },
  ke_hoach: { vi: 'Kế hoạch', en: 'Plan', abbreviation: 'KH' },
  phuong_an: { vi: 'Phương án', en: 'Option plan', abbreviation: 'PA' },
  de_an: { vi: 'Đề án', en: 'Scheme', abbreviation: 'ĐA' },
  du_an: { vi: 'Dự án', en: 'Project', abbreviation: 'DA' },
  bao_cao: { vi: 'Báo cáo', en: 'Report', abbreviation: 'BC' },
  bien_ban: { vi: 'Biên bản', en: 'Minutes', abbreviation: 'BB' },
  to_trinh: { vi: 'Tờ trình', en: 'Submission', abbreviation: 'TTr' },
  hop_dong: { vi: 'Hợp đồng', en: 'Contract', abbreviation: 'HĐ' },
  cong_van: { vi: 'Công văn', en: 'Official letter', abbreviation: null },
  cong_dien: { vi: 'Công điện', en: 'Official dispatch', abbreviation: 'CĐ' },
  ban_ghi_nho: { vi: 'Bản ghi nhớ', en: 'Memorandum', abbreviation: 'GN' },
  ban_thoa_thuan: { vi: 'Bản thỏa thuận', en: 'Agreement', abbreviation: 'TTh' },
  giay_uy_quyen: { vi: 'Giấy ủy quyền', en: 'Power of attorney', abbreviation: 'GUQ' },
  giay_moi: { vi: 'Giấy mời', en: 'Invitation', abbreviation: 'GM' },
  giay_gioi_thieu: { vi: 'Giấy giới thiệu', en: 'Letter of introduction', abbreviation: 'GGT' },
  giay_nghi_phep: { vi: 'Giấy nghỉ phép', en: 'Leave permit', abbreviation: 'GNP' },
  phieu_gui: { vi: 'Phiếu gửi', en: 'Dispatch slip', abbreviation: 'PG' },
  phieu_chuyen: { vi: 'Phiếu chuyển', en: 'Transfer slip', abbreviation: 'PC' },
  phieu_bao: { vi: 'Phiếu báo', en: 'Notification slip', abbreviation: 'PB' },
};

export function isOfficialDocumentType(value: unknown): value is OfficialDocumentType {
  return typeof value === 'string' && (officialDocumentTypes as readonly string[]).includes(value);
}
