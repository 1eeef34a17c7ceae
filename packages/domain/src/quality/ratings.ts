/**
 * Satisfaction ratings (đánh giá mức độ hài lòng; docs/rules/service-quality.md): the five levels
 * of a rating, the nine optional criteria of the one-stop scoring tool with the answers the
 * applicant may give, the threshold under which the unit's leaders are alerted, and how ratings
 * add up in a report. Labels Vietnamese first; the server stores keys and points, never labels.
 */

/** A rating's score: 5 very satisfied … 1 very dissatisfied (Decision 766/QĐ-TTg, five levels). */
export type RatingScore = 1 | 2 | 3 | 4 | 5;

/** The five levels, from the best: what the forms, the kiosk and the reports show. */
export const ratingLevels = [
  { score: 5, key: 'very_satisfied', vi: 'Rất hài lòng', en: 'Very satisfied' },
  { score: 4, key: 'satisfied', vi: 'Hài lòng', en: 'Satisfied' },
  { score: 3, key: 'neutral', vi: 'Bình thường', en: 'Neutral' },
  { score: 2, key: 'dissatisfied', vi: 'Không hài lòng', en: 'Dissatisfied' },
  { score: 1, key: 'very_dissatisfied', vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
] as const satisfies ReadonlyArray<{ score: RatingScore; key: string; vi: string; en: string }>;
export type RatingLevelKey = (typeof ratingLevels)[number]['key'];

export const isRatingScore = (n: unknown): n is RatingScore => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 5;

/** The level of a score. */
export function ratingLevelOf(score: RatingScore): (typeof ratingLevels)[number] {
  return ratingLevels.find((l) => l.score === score)!;
}

/**
 * A rating at or below this score alerts the leaders of the dossier's receiving unit: "không hài
 * lòng" (2) and "rất không hài lòng" (1). Neutral (3) is not a complaint. One place for the rule.
 */
export const lowRatingThreshold = 2;

/** Whether a rating of `score` alerts the unit's leaders (`lowRatingThreshold`). */
export const isLowRating = (score: number): boolean => score <= lowRatingThreshold;

/** The longest comment a rating keeps (the forms and the API share it). */
export const ratingCommentMaxLength = 2000;

/** How much of a comment a message to the leaders quotes: an SMS-sized chat stays short. */
export const ratingCommentExcerptLength = 160;

/** The comment as a message quotes it: whitespace folded, cut at a word with "…" past `ratingCommentExcerptLength`. */
export function ratingCommentExcerpt(comment: string): string {
  const text = comment.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= ratingCommentExcerptLength) return text;
  const cut = chars.slice(0, ratingCommentExcerptLength - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > ratingCommentExcerptLength / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * What one criterion's answer is worth: 2 (good), 1 (acceptable), 0 (poor). The one-stop scoring
 * tool (Circular 01/2018/TT-VPCP) gives each of its nine criteria 2 points, 18 in all; an answer
 * scores its criterion on that scale. A criterion not answered is not counted (it may not apply:
 * an applicant who sent no feedback has nothing to say of how it was handled).
 */
export type CriterionPoints = 0 | 1 | 2;
export const criterionPointValues = [2, 1, 0] as const satisfies readonly CriterionPoints[];
export const criterionMaxPoints = 2;

interface Labels { vi: string; en: string }
interface CriterionDefinition {
  key: string;
  /** The question as the applicant reads it. */
  question: Labels;
  /** A few words for a report's column. */
  short: Labels;
  /** The three answers, best first: 2, 1, 0 points. */
  answers: readonly [Labels, Labels, Labels];
}

/**
 * The nine criteria of the one-stop scoring tool (Circular 01/2018/TT-VPCP, 2 points each), asked
 * as optional questions after the five-level rating, in the tool's order.
 */
export const ratingCriteria = [
  {
    key: 'total_time',
    question: { vi: 'Tổng thời gian giải quyết hồ sơ so với thời gian theo quy định', en: 'Total handling time against the time the law sets' },
    short: { vi: 'Tổng thời gian', en: 'Total time' },
    answers: [
      { vi: 'Sớm hơn quy định', en: 'Earlier than required' },
      { vi: 'Đúng quy định', en: 'On time' },
      { vi: 'Chậm hơn quy định', en: 'Later than required' },
    ],
  },
  {
    key: 'agency_time',
    question: { vi: 'Thời gian giải quyết của từng cơ quan, đơn vị tham gia', en: 'Time taken by each agency involved' },
    short: { vi: 'Thời gian từng cơ quan', en: 'Each agency’s time' },
    answers: [
      { vi: 'Các cơ quan đều sớm hơn hạn', en: 'Every agency was early' },
      { vi: 'Các cơ quan đều đúng hạn', en: 'Every agency was on time' },
      { vi: 'Có cơ quan, đơn vị trễ hạn', en: 'An agency was late' },
    ],
  },
  {
    key: 'contacts',
    question: { vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ', en: 'Times you had to contact the office to complete the dossier' },
    short: { vi: 'Số lần liên hệ', en: 'Contacts needed' },
    answers: [
      { vi: '1 lần (nộp một lần là đủ)', en: 'Once (filing was enough)' },
      { vi: '2 lần', en: 'Twice' },
      { vi: 'Từ 3 lần trở lên', en: 'Three times or more' },
    ],
  },
  {
    key: 'agencies_contacted',
    question: { vi: 'Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ', en: 'Agencies you had to contact to complete the dossier' },
    short: { vi: 'Số cơ quan liên hệ', en: 'Agencies contacted' },
    answers: [
      { vi: '1 cơ quan, đơn vị', en: 'One' },
      { vi: '2 cơ quan, đơn vị', en: 'Two' },
      { vi: 'Từ 3 cơ quan, đơn vị trở lên', en: 'Three or more' },
    ],
  },
  {
    key: 'one_stop',
    question: { vi: 'Nộp hồ sơ và nhận kết quả trọn vẹn tại Bộ phận Một cửa', en: 'The whole process at the one-stop office' },
    short: { vi: 'Trọn vẹn tại Một cửa', en: 'All at one stop' },
    answers: [
      { vi: 'Hoàn toàn tại Bộ phận Một cửa', en: 'Entirely at the one-stop office' },
      { vi: 'Phải đến thêm nơi khác 1 lần', en: 'Had to go elsewhere once' },
      { vi: 'Phải đến thêm nơi khác nhiều lần', en: 'Had to go elsewhere several times' },
    ],
  },
  {
    key: 'publication',
    question: { vi: 'Công khai thủ tục hành chính (giấy tờ, phí, thời hạn)', en: 'Publication of the procedure (papers, fees, time)' },
    short: { vi: 'Công khai thủ tục', en: 'Publication' },
    answers: [
      { vi: 'Đầy đủ, dễ tìm, dễ hiểu', en: 'Complete and easy to find' },
      { vi: 'Có nhưng chưa đầy đủ hoặc khó tìm', en: 'Incomplete or hard to find' },
      { vi: 'Không được công khai', en: 'Not published' },
    ],
  },
  {
    key: 'attitude',
    question: { vi: 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận và giải quyết', en: 'Officials’ attitude when guiding, receiving and handling' },
    short: { vi: 'Thái độ cán bộ', en: 'Officials’ attitude' },
    answers: [
      { vi: 'Lịch sự, tận tình', en: 'Courteous and helpful' },
      { vi: 'Bình thường', en: 'Acceptable' },
      { vi: 'Thiếu lịch sự, gây phiền hà', en: 'Discourteous or obstructive' },
    ],
  },
  {
    key: 'feedback_handling',
    question: { vi: 'Tiếp thu, trả lời ý kiến phản ánh, kiến nghị của Ông/Bà', en: 'How your feedback or requests were handled' },
    short: { vi: 'Xử lý phản ánh', en: 'Feedback handling' },
    answers: [
      { vi: 'Được tiếp thu, trả lời thỏa đáng', en: 'Heard and answered properly' },
      { vi: 'Được trả lời nhưng chậm hoặc chưa thỏa đáng', en: 'Answered late or not properly' },
      { vi: 'Không được trả lời', en: 'Not answered' },
    ],
  },
  {
    key: 'online_service',
    question: { vi: 'Chất lượng dịch vụ công trực tuyến', en: 'Quality of the online public service' },
    short: { vi: 'Dịch vụ trực tuyến', en: 'Online service' },
    answers: [
      { vi: 'Tốt, dễ sử dụng', en: 'Good, easy to use' },
      { vi: 'Dùng được nhưng còn khó khăn', en: 'Usable, with difficulty' },
      { vi: 'Không dùng được hoặc hay lỗi', en: 'Unusable or error-prone' },
    ],
  },
] as const satisfies readonly CriterionDefinition[];

export type RatingCriterion = (typeof ratingCriteria)[number]['key'];
export const ratingCriterionKeys = ratingCriteria.map((c) => c.key) as unknown as readonly [RatingCriterion, ...RatingCriterion[]];
export const isRatingCriterion = (v: string): v is RatingCriterion => (ratingCriterionKeys as readonly string[]).includes(v);

/** The answers of one rating: a criterion left out was not answered. */
export type CriteriaAnswers = Partial<Record<RatingCriterion, CriterionPoints>>;

/** The label of an answer: the criterion's answer worth `points`. */
export function criterionAnswerLabel(criterion: RatingCriterion, points: CriterionPoints): Labels {
  const c = ratingCriteria.find((x) => x.key === criterion)!;
  return c.answers[criterionMaxPoints - points]!;
}

/** Counts per score, index 0 = score 1 … index 4 = score 5 (as a report reads them). */
export type ScoreCounts = readonly [number, number, number, number, number];

/** The criteria answered in a period: how many answers and their total points, per criterion. */
export type CriteriaTotals = Partial<Record<RatingCriterion, { count: number; points: number }>>;

export interface CriterionFigure {
  /** Ratings that answered the criterion. */
  count: number;
  /** Their average points (0–2), two decimals; null without an answer. */
  average: number | null;
}

export interface RatingFigures {
  count: number;
  /** The average score (1–5), two decimals; null without a rating. */
  average: number | null;
  byScore: { '5': number; '4': number; '3': number; '2': number; '1': number };
  /** Ratings at or below `lowRatingThreshold`. */
  low: number;
  criteria: Record<RatingCriterion, CriterionFigure>;
}

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/** A report's rating figures from the counts per score and the criteria's totals. */
export function ratingFigures(scores: ScoreCounts | undefined, criteria: CriteriaTotals | undefined): RatingFigures {
  const s = scores ?? [0, 0, 0, 0, 0];
  const count = s.reduce((a, b) => a + b, 0);
  const sum = s.reduce((a, n, i) => a + n * (i + 1), 0);
  const figures = {} as Record<RatingCriterion, CriterionFigure>;
  for (const key of ratingCriterionKeys) {
    const t = criteria?.[key];
    figures[key] = { count: t?.count ?? 0, average: t?.count ? twoDecimals(t.points / t.count) : null };
  }
  return {
    count,
    average: count ? twoDecimals(sum / count) : null,
    byScore: { '5': s[4], '4': s[3], '3': s[2], '2': s[1], '1': s[0] },
    low: s.slice(0, lowRatingThreshold).reduce((a, b) => a + b, 0),
    criteria: figures,
  };
}

/** Adds counts per score (the total of a report's rows). */
export function addScoreCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]];
}

/** Adds the criteria's totals (the total of a report's rows). */
export function addCriteriaTotals(a: CriteriaTotals, b: CriteriaTotals): CriteriaTotals {
  const out: CriteriaTotals = { ...a };
  for (const key of ratingCriterionKeys) {
    const x = b[key];
    if (!x) continue;
    const y = out[key];
    out[key] = { count: (y?.count ?? 0) + x.count, points: (y?.points ?? 0) + x.points };
  }
  return out;
}

/** The console's list of low ratings, opened at one dossier's alert: the link a leader's message carries. */
export function ratingAlertsLink(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/console/danh-gia?ho-so=${encodeURIComponent(code)}`;
}

/** The rating page a rating QR code opens (form 01, the rating card): the token in the fragment, never sent to a server. */
export function ratingPageUrl(publicBaseUrl: string, code: string, token: string): string {
  return `${publicBaseUrl}/danh-gia/${encodeURIComponent(code)}#${token}`;
}
