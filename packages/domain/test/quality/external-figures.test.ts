import { describe, expect, it } from 'vitest';
import { externalFigureIssues, externalFigureKinds, externalFigureLabels } from '../../src/index.ts';

describe('external figures', () => {
  const ok = { kind: 'sipas' as const, year: 2024, value: 84.12, rank: 5, rankOf: 63, source: 'Quyết định số 323/QĐ-BNV' };

  it('accepts a figure as published: a percentage with two decimals, a rank out of a number, a source', () => {
    expect(externalFigureIssues(ok)).toEqual([]);
    expect(externalFigureIssues({ ...ok, rank: null, rankOf: null })).toEqual([]);
  });

  it('refuses a value outside 0–100 or with more decimals than published, a rank beyond those ranked, no source', () => {
    expect(externalFigureIssues({ ...ok, value: 100.5 }).map((i) => i.path)).toEqual(['value']);
    expect(externalFigureIssues({ ...ok, value: 84.123 }).map((i) => i.path)).toEqual(['value']);
    expect(externalFigureIssues({ ...ok, rank: 64 }).map((i) => i.path)).toEqual(['rank']);
    expect(externalFigureIssues({ ...ok, rankOf: null }).map((i) => i.path)).toEqual(['rankOf']);
    expect(externalFigureIssues({ ...ok, source: ' ' }).map((i) => i.path)).toEqual(['source']);
    expect(externalFigureIssues({ ...ok, year: 1999 }).map((i) => i.path)).toEqual(['year']);
  });

  it('names both indices in Vietnamese and English', () => {
    for (const kind of externalFigureKinds) {
      expect(externalFigureLabels[kind].vi).toBeTruthy();
      expect(externalFigureLabels[kind].en).toBeTruthy();
    }
  });
});
