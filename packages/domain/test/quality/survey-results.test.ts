import { describe, expect, it } from 'vitest';
import { surveyResults, type Questionnaire } from '../../src/index.ts';

const q: Questionnaire = {
  questions: [
    { key: 'overall', kind: 'scale5', required: true, text: { vi: 'Chung', en: '' } },
    { key: 'time', kind: 'scale5', required: false, text: { vi: 'Thời gian', en: '' } },
    { key: 'contacts', kind: 'single_choice', required: false, text: { vi: 'Số lần', en: '' }, options: [{ key: 'one', text: { vi: 'Một', en: '' } }, { key: 'two', text: { vi: 'Hai', en: '' } }] },
    { key: 'channels', kind: 'multiple_choice', required: false, text: { vi: 'Kênh', en: '' }, options: [{ key: 'portal', text: { vi: 'Cổng', en: '' } }, { key: 'counter', text: { vi: 'Quầy', en: '' } }] },
    { key: 'comment', kind: 'free_text', required: false, text: { vi: 'Góp ý', en: '' } },
  ],
};

describe('survey results', () => {
  // Unit A: 4 invited, 3 answered; unit B: 3 invited, 1 answered; unit C: 2 invited, none answered.
  const results = surveyResults(q, [
    { unit: 'A', invited: 4, answers: [
      { overall: 5, time: 4, contacts: 'one', channels: ['portal', 'counter'], comment: 'Nhanh' },
      { overall: 4, contacts: 'one', channels: ['counter'] },
      { overall: 4, time: 2, contacts: 'two' },
    ] },
    { unit: 'B', invited: 3, answers: [{ overall: 1, time: 1, channels: ['portal'], comment: 'Chậm' }] },
    { unit: 'C', invited: 2, answers: [] },
  ]);

  it('counts per unit: invited, answered and the response rate (4 decimals)', () => {
    expect(results.units.map((u) => [u.unit, u.invited, u.answered, u.responseRate])).toEqual([['A', 4, 3, 0.75], ['B', 3, 1, 0.3333], ['C', 2, 0, 0]]);
    expect([results.total.invited, results.total.answered, results.total.responseRate]).toEqual([9, 4, 0.4444]);
  });

  it('averages a five-level question over those who answered it (2 decimals), with the count at each level', () => {
    const a = results.units[0]!.questions;
    expect(a[0]).toMatchObject({ answered: 3, average: 4.33, levels: { '5': 1, '4': 2, '3': 0, '2': 0, '1': 0 } });
    expect(a[1]).toMatchObject({ answered: 2, average: 3, levels: { '5': 0, '4': 1, '3': 0, '2': 1, '1': 0 } });
    // Total of "overall": (5 + 4 + 4 + 1) / 4 = 3.5; of "time": (4 + 2 + 1) / 3 = 2.33.
    expect(results.total.questions[0]!.average).toBe(3.5);
    expect(results.total.questions[1]!.average).toBe(2.33);
    expect(results.units[2]!.questions[0]).toMatchObject({ answered: 0, average: null, levels: { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 } });
  });

  it('counts each option with its share of the question’s answers; the shares of several choices add up to more than 1', () => {
    expect(results.units[0]!.questions[2]!.options).toEqual([{ key: 'one', count: 2, share: 0.6667 }, { key: 'two', count: 1, share: 0.3333 }]);
    expect(results.total.questions[3]!.options).toEqual([{ key: 'portal', count: 2, share: 0.6667 }, { key: 'counter', count: 2, share: 0.6667 }]);
    expect(results.units[2]!.questions[3]!.options).toEqual([{ key: 'portal', count: 0, share: null }, { key: 'counter', count: 0, share: null }]);
  });

  it('lists the free-text answers in the order they came, per unit and in total', () => {
    expect(results.units[0]!.questions[4]!.texts).toEqual(['Nhanh']);
    expect(results.total.questions[4]!.texts).toEqual(['Nhanh', 'Chậm']);
    expect(results.total.questions[4]!.average).toBeNull();
  });

  it('has no rate when nobody was invited', () => {
    expect(surveyResults(q, []).total.responseRate).toBeNull();
  });
});
