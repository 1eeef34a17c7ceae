/**
 * The results of a satisfaction survey (docs/rules/service-quality.md, "Results"), per unit and in
 * total, from the answers as stored. One definition for the console, the API and the XLSX.
 *
 * - `responseRate` = answered ÷ invited (a fraction, 4 decimals; null when nobody was invited);
 * - per question, `answered` = the answers that answered it (an optional question left empty is
 *   not counted);
 * - a five-level question: the count at each level and the `average` (2 decimals, null when
 *   nobody answered it), as satisfaction ratings report them;
 * - a choice question: the count of each option and its `share` of the question's answers (a
 *   multiple-choice question's shares add up to more than 1);
 * - a free-text question: the texts, in the order the answers came (the total: unit by unit, in
 *   the order the units are given).
 */
import { rate } from '../reports/statistics.ts';
import type { Questionnaire, SurveyAnswers, SurveyQuestionKind } from './surveys.ts';

export interface SurveyUnitAnswers {
  unit: string;
  /** Invitations of the unit (its sampled dossiers). */
  invited: number;
  /** The answers of its invitations, oldest first. */
  answers: readonly SurveyAnswers[];
}

export interface SurveyQuestionResult {
  key: string;
  kind: SurveyQuestionKind;
  answered: number;
  /** Five-level questions: the mean level; null otherwise or when unanswered. */
  average: number | null;
  /** Five-level questions: the count at each level. */
  levels: { '5': number; '4': number; '3': number; '2': number; '1': number } | null;
  /** Choice questions: each option's count and share of `answered`, in the questionnaire's order. */
  options: Array<{ key: string; count: number; share: number | null }> | null;
  /** Free-text questions: what was written. */
  texts: string[] | null;
}

export interface SurveyFigures {
  invited: number;
  answered: number;
  responseRate: number | null;
  questions: SurveyQuestionResult[];
}

export interface SurveyUnitResult extends SurveyFigures {
  unit: string;
}

function figuresOf(questionnaire: Questionnaire, invited: number, answers: readonly SurveyAnswers[]): SurveyFigures {
  const questions = questionnaire.questions.map((q): SurveyQuestionResult => {
    const given = answers.map((a) => a[q.key]).filter((v) => v !== undefined);
    const base = { key: q.key, kind: q.kind, answered: given.length, average: null, levels: null, options: null, texts: null };
    switch (q.kind) {
      case 'scale5': {
        const levels = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 };
        let sum = 0;
        for (const v of given) {
          levels[String(v) as keyof typeof levels]++;
          sum += v as number;
        }
        return { ...base, levels, average: given.length ? Math.round((sum / given.length) * 100) / 100 : null };
      }
      case 'single_choice':
      case 'multiple_choice': {
        const chosen = given.flatMap((v) => (Array.isArray(v) ? v : [v as string]));
        return {
          ...base,
          options: (q.options ?? []).map((o) => {
            const count = chosen.filter((c) => c === o.key).length;
            return { key: o.key, count, share: rate(count, given.length) };
          }),
        };
      }
      case 'free_text':
        return { ...base, texts: given.map(String) };
    }
  });
  return { invited, answered: answers.length, responseRate: rate(answers.length, invited), questions };
}

/** The results per unit (in the order given) and in total over the units given. */
export function surveyResults(questionnaire: Questionnaire, units: readonly SurveyUnitAnswers[]): { units: SurveyUnitResult[]; total: SurveyFigures } {
  return {
    units: units.map((u) => ({ unit: u.unit, ...figuresOf(questionnaire, u.invited, u.answers) })),
    total: figuresOf(questionnaire, units.reduce((n, u) => n + u.invited, 0), units.flatMap((u) => u.answers)),
  };
}
