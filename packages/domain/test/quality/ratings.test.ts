import { describe, expect, it } from 'vitest';
import {
  addCriteriaTotals, addScoreCounts, criterionAnswerLabel, isLowRating, isRatingCriterion, isRatingScore, lowRatingThreshold,
  ratingCommentExcerpt, ratingCommentExcerptLength, ratingCriteria, ratingCriterionKeys, ratingFigures, ratingLevelOf, ratingLevels,
} from '../../src/index.ts';

describe('rating levels', () => {
  it('has five levels from very satisfied (5) to very dissatisfied (1), labelled in Vietnamese and English', () => {
    expect(ratingLevels.map((l) => l.score)).toEqual([5, 4, 3, 2, 1]);
    expect(ratingLevelOf(5).vi).toBe('Rất hài lòng');
    expect(ratingLevelOf(1)).toMatchObject({ vi: 'Rất không hài lòng', en: 'Very dissatisfied' });
  });

  it('accepts only whole scores from 1 to 5', () => {
    expect([1, 2, 3, 4, 5].every(isRatingScore)).toBe(true);
    for (const bad of [0, 6, 2.5, '3', null]) expect(isRatingScore(bad)).toBe(false);
  });

  it('alerts the leaders for "không hài lòng" and "rất không hài lòng", not for a neutral or better rating', () => {
    expect(lowRatingThreshold).toBe(2);
    expect([1, 2, 3, 4, 5].filter(isLowRating)).toEqual([1, 2]);
  });
});

describe('the nine criteria of the one-stop scoring tool', () => {
  it('asks the nine criteria of Circular 01/2018 in its order, each with three answers worth 2, 1 and 0 points', () => {
    expect(ratingCriterionKeys).toEqual([
      'total_time', 'agency_time', 'contacts', 'agencies_contacted', 'one_stop', 'publication', 'attitude', 'feedback_handling', 'online_service',
    ]);
    for (const c of ratingCriteria) {
      expect(c.answers).toHaveLength(3);
      for (const label of [c.question, c.short, ...c.answers]) {
        expect(label.vi.trim(), c.key).not.toBe('');
        expect(label.en.trim(), c.key).not.toBe('');
      }
    }
    // 9 criteria × 2 points: the tool's 18.
    expect(ratingCriteria.length * 2).toBe(18);
  });

  it('names an answer by its points, the best first', () => {
    expect(criterionAnswerLabel('attitude', 2).vi).toBe('Lịch sự, tận tình');
    expect(criterionAnswerLabel('attitude', 0).vi).toBe('Thiếu lịch sự, gây phiền hà');
    expect(criterionAnswerLabel('contacts', 1).en).toBe('Twice');
  });

  it('knows its keys', () => {
    expect(isRatingCriterion('online_service')).toBe(true);
    expect(isRatingCriterion('speed')).toBe(false);
  });
});

describe('rating figures of a report', () => {
  it('counts, averages to two decimals and counts the low ratings', () => {
    // Two 5s, one 4, one 2, one 1: (10 + 4 + 2 + 1) / 5 = 3.4.
    const f = ratingFigures([1, 1, 0, 1, 2], undefined);
    expect(f).toMatchObject({ count: 5, average: 3.4, byScore: { '5': 2, '4': 1, '3': 0, '2': 1, '1': 1 }, low: 2 });
    expect(ratingFigures([0, 0, 1, 1, 1], undefined).average).toBe(4);
    expect(ratingFigures([0, 0, 0, 2, 1], undefined).average).toBe(4.33);
  });

  it('says there is no average without a rating, and none for a criterion nobody answered', () => {
    const f = ratingFigures(undefined, { attitude: { count: 3, points: 4 } });
    expect(f.count).toBe(0);
    expect(f.average).toBeNull();
    expect(f.criteria.attitude).toEqual({ count: 3, average: 1.33 });
    expect(f.criteria.online_service).toEqual({ count: 0, average: null });
    expect(Object.keys(f.criteria)).toEqual([...ratingCriterionKeys]);
  });

  it('adds rows into a total', () => {
    expect(addScoreCounts([1, 0, 0, 0, 2], [0, 1, 0, 0, 1])).toEqual([1, 1, 0, 0, 3]);
    expect(addCriteriaTotals({ attitude: { count: 1, points: 2 } }, { attitude: { count: 2, points: 1 }, contacts: { count: 1, points: 0 } }))
      .toEqual({ attitude: { count: 3, points: 3 }, contacts: { count: 1, points: 0 } });
  });
});

describe('the comment quoted to the leaders', () => {
  it('keeps a short comment as written, whitespace folded', () => {
    expect(ratingCommentExcerpt('  Chờ   quá lâu.\n')).toBe('Chờ quá lâu.');
  });

  it('cuts a long comment at a word, with an ellipsis, within the length', () => {
    const long = 'Cán bộ hẹn tôi ba lần mới trả kết quả '.repeat(10);
    const excerpt = ratingCommentExcerpt(long);
    expect([...excerpt].length).toBeLessThanOrEqual(ratingCommentExcerptLength);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt.at(-2)).not.toBe(' ');
  });
});
