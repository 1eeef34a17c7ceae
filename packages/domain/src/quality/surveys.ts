/**
 * Periodic satisfaction surveys (docs/rules/service-quality.md, "Satisfaction surveys"): a
 * questionnaire sent to a sample of the applicants whose dossiers closed in a period at the
 * surveyed agencies. This file holds the words and the rules of a survey that are not sampling
 * (`sampling.ts`) or results (`survey-results.ts`): the questionnaire as data and its checks, the
 * answers and their checks, the states and their steps, the period, and who designs a survey.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import { isWithin, type Actor, type StaffRole } from '../access/actor.ts';
import { isPlainDate, type PlainDate } from '../calendar/time.ts';
import { reportingPeriod, type DateRange, type ReportingPeriodKind } from '../calendar/periods.ts';

// ---- The questionnaire -----------------------------------------------------------------------

/**
 * The kinds of question: the five levels of satisfaction of Decision 766/QĐ-TTg (5 = very
 * satisfied … 1 = very dissatisfied, as ratings use), one choice among options, several choices,
 * and free text.
 */
export const surveyQuestionKinds = ['scale5', 'single_choice', 'multiple_choice', 'free_text'] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];

/** Text in Vietnamese (required) and English (optional: the Vietnamese is shown when empty). */
export interface SurveyText {
  vi: string;
  en: string;
}

export interface SurveyOption {
  key: string;
  text: SurveyText;
}

export interface SurveyQuestion {
  /** Stable within the questionnaire: answers and results are keyed by it. */
  key: string;
  kind: SurveyQuestionKind;
  required: boolean;
  text: SurveyText;
  /** The choices of a `single_choice` or `multiple_choice` question; none for the others. */
  options?: SurveyOption[] | undefined;
}

export interface Questionnaire {
  questions: SurveyQuestion[];
}

/** Limits shared by the server's schemas and the console's editor. */
export const surveyLimits = {
  titleMax: 200,
  questionsMax: 40,
  optionsMin: 2,
  optionsMax: 12,
  questionTextMax: 500,
  optionTextMax: 200,
  freeTextMax: 2000,
  agenciesMax: 200,
  seedMax: 64,
} as const;

/** A key: a lower-case letter, then letters, digits or `_`, 40 characters at most. */
export const surveyKeyPattern = /^[a-z][a-z0-9_]{0,39}$/;

const isChoice = (kind: SurveyQuestionKind) => kind === 'single_choice' || kind === 'multiple_choice';

/** What is wrong with a questionnaire; empty when it can be used. Paths are `questions.2.options.0.key`. */
export function questionnaireIssues(questionnaire: Questionnaire): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, vi: string, en: string) => issues.push({ path, message: en, messages: { vi, en } });
  const questions = questionnaire.questions;
  if (questions.length === 0) add('questions', 'Phiếu khảo sát cần ít nhất một câu hỏi', 'The questionnaire needs at least one question');
  if (questions.length > surveyLimits.questionsMax) {
    add('questions', `Tối đa ${surveyLimits.questionsMax} câu hỏi`, `At most ${surveyLimits.questionsMax} questions`);
  }
  const keys = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!surveyKeyPattern.test(q.key)) add(`${at}.key`, 'Mã câu hỏi chỉ gồm chữ thường không dấu, số và dấu _', 'A question key is lower-case letters, digits and _');
    else if (keys.has(q.key)) add(`${at}.key`, `Mã câu hỏi "${q.key}" bị trùng`, `Duplicate question key "${q.key}"`);
    keys.add(q.key);
    if (!(surveyQuestionKinds as readonly string[]).includes(q.kind)) add(`${at}.kind`, 'Loại câu hỏi không hợp lệ', 'Unknown kind of question');
    if (!q.text.vi.trim()) add(`${at}.text.vi`, 'Cần nội dung câu hỏi bằng tiếng Việt', 'The question needs its Vietnamese text');
    if (q.text.vi.length > surveyLimits.questionTextMax || q.text.en.length > surveyLimits.questionTextMax) {
      add(`${at}.text`, `Nội dung câu hỏi tối đa ${surveyLimits.questionTextMax} ký tự`, `A question is at most ${surveyLimits.questionTextMax} characters`);
    }
    const options = q.options ?? [];
    if (!isChoice(q.kind)) {
      if (options.length) add(`${at}.options`, 'Chỉ câu hỏi lựa chọn mới có phương án', 'Only choice questions have options');
      return;
    }
    if (options.length < surveyLimits.optionsMin || options.length > surveyLimits.optionsMax) {
      add(`${at}.options`, `Câu hỏi lựa chọn cần từ ${surveyLimits.optionsMin} đến ${surveyLimits.optionsMax} phương án`,
        `A choice question has ${surveyLimits.optionsMin} to ${surveyLimits.optionsMax} options`);
    }
    const optionKeys = new Set<string>();
    options.forEach((o, j) => {
      const oat = `${at}.options.${j}`;
      if (!surveyKeyPattern.test(o.key)) add(`${oat}.key`, 'Mã phương án chỉ gồm chữ thường không dấu, số và dấu _', 'An option key is lower-case letters, digits and _');
      else if (optionKeys.has(o.key)) add(`${oat}.key`, `Mã phương án "${o.key}" bị trùng`, `Duplicate option key "${o.key}"`);
      optionKeys.add(o.key);
      if (!o.text.vi.trim()) add(`${oat}.text.vi`, 'Cần nội dung phương án bằng tiếng Việt', 'The option needs its Vietnamese text');
      if (o.text.vi.length > surveyLimits.optionTextMax || o.text.en.length > surveyLimits.optionTextMax) {
        add(`${oat}.text`, `Nội dung phương án tối đa ${surveyLimits.optionTextMax} ký tự`, `An option is at most ${surveyLimits.optionTextMax} characters`);
      }
    });
  });
  return issues;
}

/**
 * A questionnaire to start from: the satisfaction questions of the one-stop scoring tool of
 * Circular 01/2018/TT-VPCP (time, contacts, the whole process at the one-stop office, the
 * officials' attitude) on the five levels, one choice of channel, and a free comment.
 */
export const starterQuestionnaire: Questionnaire = {
  questions: [
    { key: 'overall', kind: 'scale5', required: true, text: { vi: 'Ông/Bà đánh giá chung về việc giải quyết hồ sơ?', en: 'Overall, how satisfied are you with how your dossier was handled?' } },
    { key: 'time', kind: 'scale5', required: true, text: { vi: 'Thời gian giải quyết hồ sơ so với quy định?', en: 'The time taken, compared with the legal time?' } },
    { key: 'attitude', kind: 'scale5', required: true, text: { vi: 'Thái độ, tinh thần phục vụ của cán bộ, công chức?', en: 'The attitude of the officials who served you?' } },
    {
      key: 'contacts', kind: 'single_choice', required: false,
      text: { vi: 'Ông/Bà phải liên hệ cơ quan bao nhiêu lần để hoàn thành thủ tục?', en: 'How many times did you have to contact the agency?' },
      options: [
        { key: 'one', text: { vi: 'Một lần', en: 'Once' } },
        { key: 'two', text: { vi: 'Hai lần', en: 'Twice' } },
        { key: 'three_or_more', text: { vi: 'Ba lần trở lên', en: 'Three times or more' } },
      ],
    },
    {
      key: 'channels', kind: 'multiple_choice', required: false,
      text: { vi: 'Ông/Bà đã tìm hiểu thông tin về thủ tục qua những kênh nào?', en: 'Where did you learn about the procedure?' },
      options: [
        { key: 'portal', text: { vi: 'Cổng dịch vụ công', en: 'The public service portal' } },
        { key: 'counter', text: { vi: 'Bộ phận Một cửa', en: 'The one-stop counter' } },
        { key: 'phone', text: { vi: 'Điện thoại', en: 'Telephone' } },
        { key: 'others', text: { vi: 'Người quen, nguồn khác', en: 'People I know, other sources' } },
      ],
    },
    { key: 'comment', kind: 'free_text', required: false, text: { vi: 'Ý kiến góp ý khác của Ông/Bà', en: 'Anything else you would like to tell us' } },
  ],
};

// ---- Answers ---------------------------------------------------------------------------------

/** An answer: a level 1–5, an option key, option keys, or text. */
export type SurveyAnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

/**
 * Checks `answers` against the questionnaire. Returns the answers as stored (texts trimmed, empty
 * optional answers dropped, choices in the questionnaire's order) and what is wrong, per
 * question (`answers.<key>`): an unknown question, a missing required one, a level outside
 * 1–5, an unknown or repeated option, a text too long.
 */
export function checkAnswers(questionnaire: Questionnaire, answers: Readonly<Record<string, unknown>>): { answers: SurveyAnswers; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: SurveyAnswers = {};
  const add = (key: string, vi: string, en: string) => issues.push({ path: `answers.${key}`, message: en, messages: { vi, en } });
  const known = new Set(questionnaire.questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) add(key, 'Câu hỏi không có trong phiếu', 'No such question');
  for (const q of questionnaire.questions) {
    const raw = answers[q.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.required) add(q.key, 'Vui lòng trả lời câu hỏi này', 'Please answer this question');
      continue;
    }
    const optionKeys = (q.options ?? []).map((o) => o.key);
    switch (q.kind) {
      case 'scale5':
        if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 5) out[q.key] = raw;
        else add(q.key, 'Chọn một mức từ 1 đến 5', 'Choose a level from 1 to 5');
        break;
      case 'single_choice':
        if (typeof raw === 'string' && optionKeys.includes(raw)) out[q.key] = raw;
        else add(q.key, 'Chọn một phương án trong danh sách', 'Choose one of the options');
        break;
      case 'multiple_choice':
        if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' && optionKeys.includes(v)) && new Set(raw).size === raw.length) {
          out[q.key] = optionKeys.filter((k) => (raw as string[]).includes(k));
        } else add(q.key, 'Chọn các phương án trong danh sách, mỗi phương án một lần', 'Choose options of the list, each once');
        break;
      case 'free_text':
        if (typeof raw === 'string' && raw.trim().length <= surveyLimits.freeTextMax) out[q.key] = raw.trim();
        else add(q.key, `Ý kiến tối đa ${surveyLimits.freeTextMax} ký tự`, `At most ${surveyLimits.freeTextMax} characters`);
        break;
    }
  }
  return { answers: out, issues };
}

/**
 * How an answer came in: `web` with the invitation's one-time token (the applicant's phone or a
 * kiosk), or entered by an officer from a `phone` call, a `letter`, or the applicant at the
 * `counter`.
 */
export const surveyAnswerChannels = ['web', 'phone', 'letter', 'counter'] as const;
export type SurveyAnswerChannel = (typeof surveyAnswerChannels)[number];
export const staffAnswerChannels = ['phone', 'letter', 'counter'] as const satisfies readonly SurveyAnswerChannel[];

// ---- States ----------------------------------------------------------------------------------

/**
 * `draft` (edited freely, nothing drawn) → `open` (the sample drawn, invitations sent, answers
 * taken) → `closed` (no more answers; the results stay).
 */
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const surveyActions = ['open', 'close'] as const;
export type SurveyAction = (typeof surveyActions)[number];

const surveySteps: Record<SurveyAction, { from: SurveyStatus; to: SurveyStatus }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

/** The status after `action`, or undefined when it cannot be taken from `status`. */
export function surveyTransition(status: SurveyStatus, action: SurveyAction): SurveyStatus | undefined {
  const step = surveySteps[action];
  return step.from === status ? step.to : undefined;
}

/** The steps a survey in `status` can take. */
export function surveyActionsFrom(status: SurveyStatus): SurveyAction[] {
  return surveyActions.filter((a) => surveySteps[a].from === status);
}

// ---- The period ------------------------------------------------------------------------------

/**
 * A survey's period, in the statistics' words (docs/rules/statistics.md, "Periods"): a reporting
 * period of a year (calendar, or official from the 15th with `official`), or any range of dates.
 */
export type SurveyPeriod =
  | { kind: ReportingPeriodKind; year: number; index?: number | undefined; official?: boolean | undefined }
  | { kind: 'custom'; from: PlainDate; to: PlainDate };

/** The local dates FROM..TO of a survey's period; throws `calendar.invalid_period` for an impossible one. */
export function surveyPeriodRange(period: SurveyPeriod): DateRange {
  if (period.kind === 'custom') {
    if (!isPlainDate(period.from) || !isPlainDate(period.to) || period.to < period.from) {
      throw new AppError('calendar.invalid_period', { details: { from: period.from, to: period.to } });
    }
    return { from: period.from, to: period.to };
  }
  return reportingPeriod(period.kind, period.year, period.index, { official: period.official ?? false });
}

// ---- Who ------------------------------------------------------------------------------------

/** Staff who see a survey of their agencies, its results for their agencies, and follow up its invitations. */
export const surveyReaderRoles: readonly StaffRole[] = ['officer', 'leader', 'manager', 'admin'];

/** Managers design surveys at these levels of the agency tree; administrators at any. */
export const surveyDesignerLevels: readonly string[] = ['province', 'district'];

/**
 * The subtrees (agency paths) where the actor designs surveys: those of their administrator
 * assignments, and of their manager assignments at a province or a district (`levelOf` gives the
 * level of an assigned agency). A commune's manager reads the results of their commune but does not
 * design surveys.
 */
export function surveyDesignScopes(actor: Actor, levelOf: (agencyId: string) => string | undefined): string[] {
  if (actor.kind !== 'staff') return [];
  const paths = actor.assignments
    .filter((a) => a.role === 'admin' || (a.role === 'manager' && surveyDesignerLevels.includes(levelOf(a.agencyId) ?? '')))
    .map((a) => a.agencyPath);
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && q !== p && isWithin(p, q))).filter((p, i, all) => all.indexOf(p) === i);
}

/** True when every agency path of a survey lies inside one of `scopes`. */
export function coversAll(scopes: readonly string[], agencyPaths: readonly string[]): boolean {
  return agencyPaths.length > 0 && agencyPaths.every((p) => scopes.some((s) => isWithin(p, s)));
}
