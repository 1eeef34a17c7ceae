import { describe, expect, it } from 'vitest';
import {
  checkAnswers, coversAll, questionnaireIssues, starterQuestionnaire, surveyActionsFrom, surveyDesignScopes, surveyPeriodRange, surveyTransition,
  type Actor, type Questionnaire,
} from '../../src/index.ts';

const q: Questionnaire = {
  questions: [
    { key: 'overall', kind: 'scale5', required: true, text: { vi: 'Đánh giá chung', en: 'Overall' } },
    { key: 'contacts', kind: 'single_choice', required: false, text: { vi: 'Số lần liên hệ', en: '' }, options: [{ key: 'one', text: { vi: 'Một', en: 'One' } }, { key: 'two', text: { vi: 'Hai', en: 'Two' } }] },
    { key: 'channels', kind: 'multiple_choice', required: false, text: { vi: 'Kênh', en: 'Channels' }, options: [{ key: 'portal', text: { vi: 'Cổng', en: '' } }, { key: 'counter', text: { vi: 'Quầy', en: '' } }, { key: 'phone', text: { vi: 'Điện thoại', en: '' } }] },
    { key: 'comment', kind: 'free_text', required: false, text: { vi: 'Góp ý', en: 'Comment' } },
  ],
};

describe('a questionnaire', () => {
  it('accepts the starter questionnaire and a well-formed one', () => {
    expect(questionnaireIssues(starterQuestionnaire)).toEqual([]);
    expect(questionnaireIssues(q)).toEqual([]);
  });

  it('names what is wrong: no question, duplicate keys, bad keys, missing Vietnamese, options where none belong, too few options', () => {
    expect(questionnaireIssues({ questions: [] }).map((i) => i.path)).toEqual(['questions']);
    const bad: Questionnaire = {
      questions: [
        { key: 'a', kind: 'scale5', required: true, text: { vi: 'x', en: '' }, options: [{ key: 'o', text: { vi: 'o', en: '' } }] },
        { key: 'a', kind: 'free_text', required: false, text: { vi: ' ', en: 'Comment' } },
        { key: 'Bad-Key', kind: 'single_choice', required: false, text: { vi: 'y', en: '' }, options: [{ key: 'one', text: { vi: 'Một', en: '' } }] },
        { key: 'm', kind: 'multiple_choice', required: false, text: { vi: 'z', en: '' }, options: [{ key: 'p', text: { vi: 'P', en: '' } }, { key: 'p', text: { vi: '', en: '' } }] },
      ],
    };
    expect(questionnaireIssues(bad).map((i) => i.path)).toEqual([
      'questions.0.options', 'questions.1.key', 'questions.1.text.vi', 'questions.2.key', 'questions.2.options', 'questions.3.options.1.key', 'questions.3.options.1.text.vi',
    ]);
    expect(questionnaireIssues(bad)[0]!.messages?.vi).toBeTruthy();
  });
});

describe('answers', () => {
  it('stores what was answered: levels, an option, options in the questionnaire’s order, trimmed text; drops empty optional answers', () => {
    const r = checkAnswers(q, { overall: 4, contacts: 'two', channels: ['phone', 'portal'], comment: '  Tốt  ' });
    expect(r).toEqual({ answers: { overall: 4, contacts: 'two', channels: ['portal', 'phone'], comment: 'Tốt' }, issues: [] });
    expect(checkAnswers(q, { overall: 1, comment: '   ', channels: [] }).answers).toEqual({ overall: 1 });
  });

  it('refuses a missing required answer, a level outside 1–5, an unknown option or question, a repeated option', () => {
    const r = checkAnswers(q, { overall: 6, contacts: 'three', channels: ['portal', 'portal'], other: 'x' });
    expect(r.issues.map((i) => i.path).sort()).toEqual(['answers.channels', 'answers.contacts', 'answers.other', 'answers.overall']);
    expect(checkAnswers(q, {}).issues.map((i) => i.path)).toEqual(['answers.overall']);
    expect(checkAnswers(q, { overall: 3.5 }).issues.map((i) => i.path)).toEqual(['answers.overall']);
    expect(checkAnswers(q, { overall: '5' }).issues.map((i) => i.path)).toEqual(['answers.overall']);
  });
});

describe('the states of a survey', () => {
  it('goes draft → open → closed and nowhere else', () => {
    expect(surveyTransition('draft', 'open')).toBe('open');
    expect(surveyTransition('open', 'close')).toBe('closed');
    expect(surveyTransition('draft', 'close')).toBeUndefined();
    expect(surveyTransition('closed', 'open')).toBeUndefined();
    expect(surveyTransition('open', 'open')).toBeUndefined();
    expect([surveyActionsFrom('draft'), surveyActionsFrom('open'), surveyActionsFrom('closed')]).toEqual([['open'], ['close'], []]);
  });
});

describe('the period of a survey', () => {
  it('speaks the statistics’ periods: a calendar quarter, an official nine months, any range', () => {
    expect(surveyPeriodRange({ kind: 'quarter', year: 2025, index: 3 })).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(surveyPeriodRange({ kind: 'nine_months', year: 2023, official: true })).toEqual({ from: '2022-12-15', to: '2023-09-14' });
    expect(surveyPeriodRange({ kind: 'custom', from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(() => surveyPeriodRange({ kind: 'custom', from: '2025-03-31', to: '2025-03-01' })).toThrow();
    expect(() => surveyPeriodRange({ kind: 'quarter', year: 2025, index: 5 })).toThrow();
  });
});

describe('who designs surveys', () => {
  const staff = (assignments: Array<[string, string, string]>): Actor => ({
    kind: 'staff', userId: 'u', username: 'u', assignments: assignments.map(([role, agencyId, agencyPath]) => ({ role: role as 'admin', agencyId, agencyPath })),
  });
  const levels: Record<string, string> = { p: 'province', d: 'district', c: 'commune' };

  it('an administrator anywhere, a manager of a province or a district, never a commune’s manager or a leader', () => {
    expect(surveyDesignScopes(staff([['admin', 'c', '/p/c/']]), (id) => levels[id])).toEqual(['/p/c/']);
    expect(surveyDesignScopes(staff([['manager', 'p', '/p/']]), (id) => levels[id])).toEqual(['/p/']);
    expect(surveyDesignScopes(staff([['manager', 'd', '/p/d/']]), (id) => levels[id])).toEqual(['/p/d/']);
    expect(surveyDesignScopes(staff([['manager', 'c', '/p/c/'], ['leader', 'p', '/p/']]), (id) => levels[id])).toEqual([]);
    expect(surveyDesignScopes({ kind: 'anonymous' }, () => 'province')).toEqual([]);
  });

  it('a designer manages a survey only when it covers none of the agencies outside their subtrees', () => {
    expect(coversAll(['/p/d/'], ['/p/d/c1/', '/p/d/c2/'])).toBe(true);
    expect(coversAll(['/p/d/'], ['/p/d/c1/', '/p/x/'])).toBe(false);
    expect(coversAll(['/p/'], [])).toBe(false);
  });
});
