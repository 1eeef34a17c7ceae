/**
 * The indicators of the service index (Decision 766/QĐ-TTg; docs/rules/service-quality.md, "The
 * service index"): what each one measures, from which of the system's own figures, and in which
 * of the five groups it counts. The decision does not publish its sub-indicator formulas, so
 * these are Motcua's, each a share of one figure among another (or a mean score) that the server
 * counts per unit and period. Which indicators count and how much (weights, targets) is versioned
 * data (`index-versions.ts`), never a constant here.
 */
import type { ServiceIndexGroup } from './vocabulary.ts';

/**
 * The figures of one unit (an agency's own dossiers, ratings, feedback, payments and catalogue)
 * for one period, as the server counts them. Every indicator is a ratio of two of these.
 */
export interface ServiceIndexFacts {
  /** Procedures in force on the period's last counted day that the unit may handle (by level and agency list). */
  proceduresHandled: number;
  /** Among them, those whose catalogue entry is complete: legal basis, at least one component, the result named. */
  proceduresComplete: number;
  /** Feedback answered in the period whose sender agreed to publication. */
  feedbackConsented: number;
  /** Among them, those whose answer is published. */
  feedbackPublished: number;
  /** Dossiers resolved in the period (the statistics' `resolved`). */
  resolved: number;
  /** Among them, resolved ahead of time or on time. */
  resolvedInTime: number;
  /** Overdue dossiers: resolved overdue in the period, or in progress and overdue at its end instant. */
  overdue: number;
  /** Among them, those whose applicant received an apology letter with a new date (form 04). */
  overdueApologized: number;
  /** Dossiers received in the period (the statistics' `receivedInPeriod`). */
  receivedInPeriod: number;
  /** Among them, digitized (the statistics' `digitized`). */
  digitized: number;
  /** Results (and refusal decisions) signed electronically by the person and the agency in the period. */
  resultsElectronic: number;
  /** Dossiers that first reused a document of the applicant's data store in the period. */
  reused: number;
  /** Dossiers received online in the period. */
  online: number;
  /** Dossiers received in the period for procedures offered fully online. */
  fullyOnlineReceived: number;
  /** Among them, received online. */
  fullyOnlineOnline: number;
  /** Fee payments recorded in the period (reversed ones left out). */
  payments: number;
  /** Among them, paid online. */
  onlinePayments: number;
  /** Satisfaction ratings made in the period. */
  ratings: number;
  /** Among them, "satisfied" or "very satisfied" (4 or 5). */
  ratingsSatisfied: number;
  /** The sum of their scores (1–5). */
  ratingPoints: number;
  /** Feedback whose answer fell due in the period (before its end instant), refused ones left out. */
  feedbackDue: number;
  /** Among them, answered by the due instant. */
  feedbackAnsweredOnTime: number;
}

export type ServiceIndexFactKey = keyof ServiceIndexFacts;

export const serviceIndexFactKeys = [
  'proceduresHandled', 'proceduresComplete', 'feedbackConsented', 'feedbackPublished', 'resolved', 'resolvedInTime',
  'overdue', 'overdueApologized', 'receivedInPeriod', 'digitized', 'resultsElectronic', 'reused', 'online',
  'fullyOnlineReceived', 'fullyOnlineOnline', 'payments', 'onlinePayments', 'ratings', 'ratingsSatisfied', 'ratingPoints',
  'feedbackDue', 'feedbackAnsweredOnTime',
] as const satisfies readonly ServiceIndexFactKey[];

export const emptyServiceIndexFacts = (): ServiceIndexFacts =>
  Object.fromEntries(serviceIndexFactKeys.map((k) => [k, 0])) as unknown as ServiceIndexFacts;

export function addServiceIndexFacts(a: ServiceIndexFacts, b: ServiceIndexFacts): ServiceIndexFacts {
  const out = emptyServiceIndexFacts();
  for (const k of serviceIndexFactKeys) out[k] = a[k] + b[k];
  return out;
}

/**
 * How an indicator turns its two figures into a raw value in 0..1:
 * - `share`: numerator / denominator (capped at 1: results signed in a period may belong to
 *   dossiers resolved in the one before);
 * - `mean_score`: the mean score on the five-level scale (numerator = sum of scores, denominator =
 *   number of ratings), 1 → 0 and 5 → 1: (mean − 1) / 4.
 */
export type IndicatorFormula = 'share' | 'mean_score';

export interface IndicatorDefinition {
  key: string;
  group: ServiceIndexGroup;
  formula: IndicatorFormula;
  numerator: ServiceIndexFactKey;
  denominator: ServiceIndexFactKey;
  vi: string;
  en: string;
  /** What is counted, in words (Vietnamese, English): shown beside the figures and in the files. */
  formulaVi: string;
  formulaEn: string;
}

/** Every indicator the index knows, in the order of the groups. */
export const serviceIndexIndicators = [
  {
    key: 'catalogue_complete', group: 'publicity', formula: 'share', numerator: 'proceduresComplete', denominator: 'proceduresHandled',
    vi: 'Thủ tục công khai đầy đủ, cập nhật', en: 'Procedures published complete and current',
    formulaVi: 'Số thủ tục đang có hiệu lực mà đơn vị giải quyết có đủ căn cứ pháp lý, thành phần hồ sơ, kết quả / số thủ tục đơn vị giải quyết',
    formulaEn: 'Procedures in force that the unit handles whose entry states the legal basis, the components and the result / procedures it handles',
  },
  {
    key: 'feedback_published', group: 'publicity', formula: 'share', numerator: 'feedbackPublished', denominator: 'feedbackConsented',
    vi: 'Công khai trả lời phản ánh, kiến nghị', en: 'Feedback answers published',
    formulaVi: 'Số phản ánh, kiến nghị đã trả lời trong kỳ được công khai / số đã trả lời trong kỳ mà người gửi đồng ý công khai',
    formulaEn: 'Feedback answered in the period whose answer is published / answered in the period whose sender agreed to publication',
  },
  {
    key: 'on_time', group: 'progress', formula: 'share', numerator: 'resolvedInTime', denominator: 'resolved',
    vi: 'Hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time',
    formulaVi: 'Số hồ sơ giải quyết trước hạn và đúng hạn / số hồ sơ đã giải quyết trong kỳ',
    formulaEn: 'Dossiers resolved ahead of time or on time / dossiers resolved in the period',
  },
  {
    key: 'overdue_apology', group: 'progress', formula: 'share', numerator: 'overdueApologized', denominator: 'overdue',
    vi: 'Hồ sơ quá hạn có văn bản xin lỗi', en: 'Overdue dossiers with an apology letter',
    formulaVi: 'Số hồ sơ quá hạn đã có phiếu xin lỗi và hẹn lại (Mẫu 04) / số hồ sơ quá hạn (đã giải quyết quá hạn trong kỳ hoặc đang quá hạn)',
    formulaEn: 'Overdue dossiers with an apology and new date (form 04) / overdue dossiers (resolved late in the period or overdue at its end)',
  },
  {
    key: 'digitized', group: 'digitization', formula: 'share', numerator: 'digitized', denominator: 'receivedInPeriod',
    vi: 'Số hóa hồ sơ', en: 'Dossiers digitized',
    formulaVi: 'Số hồ sơ tiếp nhận trong kỳ đã số hóa thành phần / số hồ sơ tiếp nhận trong kỳ',
    formulaEn: 'Dossiers received in the period with their components digitized / dossiers received in the period',
  },
  {
    key: 'electronic_results', group: 'digitization', formula: 'share', numerator: 'resultsElectronic', denominator: 'resolved',
    vi: 'Kết quả điện tử có ký số', en: 'Electronic results, digitally signed',
    formulaVi: 'Số kết quả (quyết định từ chối) ký số đủ người có thẩm quyền và cơ quan trong kỳ / số hồ sơ đã giải quyết trong kỳ',
    formulaEn: 'Results (refusal decisions) signed by the competent person and the agency in the period / dossiers resolved in the period',
  },
  {
    key: 'data_reuse', group: 'digitization', formula: 'share', numerator: 'reused', denominator: 'receivedInPeriod',
    vi: 'Tái sử dụng dữ liệu đã số hóa', en: 'Reuse of digitized data',
    formulaVi: 'Số hồ sơ dùng lại giấy tờ trong kho dữ liệu của người nộp trong kỳ / số hồ sơ tiếp nhận trong kỳ',
    formulaEn: 'Dossiers that reused a document of the applicant’s data store in the period / dossiers received in the period',
  },
  {
    key: 'online', group: 'online', formula: 'share', numerator: 'online', denominator: 'receivedInPeriod',
    vi: 'Hồ sơ trực tuyến', en: 'Dossiers received online',
    formulaVi: 'Số hồ sơ tiếp nhận trực tuyến / số hồ sơ tiếp nhận trong kỳ',
    formulaEn: 'Dossiers received online / dossiers received in the period',
  },
  {
    key: 'fully_online', group: 'online', formula: 'share', numerator: 'fullyOnlineOnline', denominator: 'fullyOnlineReceived',
    vi: 'Hồ sơ trực tuyến toàn trình', en: 'Fully online dossiers',
    formulaVi: 'Số hồ sơ tiếp nhận trực tuyến của thủ tục cung cấp trực tuyến toàn trình / số hồ sơ tiếp nhận trong kỳ của các thủ tục đó',
    formulaEn: 'Dossiers received online for procedures offered fully online / dossiers received in the period for those procedures',
  },
  {
    key: 'online_payment', group: 'online', formula: 'share', numerator: 'onlinePayments', denominator: 'payments',
    vi: 'Thanh toán trực tuyến', en: 'Online payments',
    formulaVi: 'Số giao dịch nộp phí, lệ phí trực tuyến / số giao dịch nộp phí, lệ phí trong kỳ',
    formulaEn: 'Fee payments made online / fee payments recorded in the period',
  },
  {
    key: 'satisfied', group: 'satisfaction', formula: 'share', numerator: 'ratingsSatisfied', denominator: 'ratings',
    vi: 'Tỷ lệ hài lòng', en: 'Share satisfied',
    formulaVi: 'Số lượt đánh giá hài lòng, rất hài lòng / số lượt đánh giá trong kỳ',
    formulaEn: 'Ratings “satisfied” or “very satisfied” / ratings made in the period',
  },
  {
    key: 'rating_average', group: 'satisfaction', formula: 'mean_score', numerator: 'ratingPoints', denominator: 'ratings',
    vi: 'Điểm đánh giá trung bình', en: 'Average rating',
    formulaVi: '(Điểm trung bình trên thang 1–5 − 1) / 4',
    formulaEn: '(Mean score on the 1–5 scale − 1) / 4',
  },
  {
    key: 'feedback_on_time', group: 'satisfaction', formula: 'share', numerator: 'feedbackAnsweredOnTime', denominator: 'feedbackDue',
    vi: 'Trả lời phản ánh, kiến nghị đúng hạn', en: 'Feedback answered on time',
    formulaVi: 'Số phản ánh, kiến nghị đến hạn trả lời trong kỳ đã trả lời đúng hạn / số đến hạn trả lời trong kỳ',
    formulaEn: 'Feedback due in the period answered by its due instant / feedback due in the period',
  },
] as const satisfies readonly IndicatorDefinition[];

export type ServiceIndexIndicator = (typeof serviceIndexIndicators)[number]['key'];

export const serviceIndexIndicatorKeys = serviceIndexIndicators.map((i) => i.key) as readonly ServiceIndexIndicator[];

export function indicatorDefinition(key: ServiceIndexIndicator): IndicatorDefinition {
  return serviceIndexIndicators.find((i) => i.key === key)!;
}

export const isServiceIndexIndicator = (key: string): key is ServiceIndexIndicator => serviceIndexIndicatorKeys.includes(key as ServiceIndexIndicator);
