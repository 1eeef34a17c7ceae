import { describe, expect, it } from 'vitest';
import { computeDueAt, formatInstant, parseInstant } from '../../src/index.ts';
import { calendar, dueInputOf, readVectors } from './support.ts';

const shared = readVectors('deadlines.jsonl');
const extra = readVectors('deadlines-extra.jsonl');

describe('the deadline vectors (docs/rules/time.md)', () => {
  it('has all 66 shared vectors and an extra vector for every rule', () => {
    expect(shared).toHaveLength(66);
    expect(extra.length).toBeGreaterThanOrEqual(40);
    for (const vector of extra) expect(vector.why, vector.name).toBeTruthy();
  });

  it.each(shared.map((v) => [v.name, v] as const))('computes the appointment of the shared vector "%s"', (_name, vector) => {
    const due = computeDueAt(calendar, dueInputOf(vector));
    expect(formatInstant(due)).toBe(formatInstant(parseInstant(vector.expectedDueAt)));
    expect(due).toBe(parseInstant(vector.expectedDueAt));
  });

  it.each(extra.map((v) => [v.name, v] as const))('computes the appointment of the extra vector "%s"', (_name, vector) => {
    const due = computeDueAt(calendar, dueInputOf(vector));
    expect(formatInstant(due)).toBe(formatInstant(parseInstant(vector.expectedDueAt)));
    expect(due).toBe(parseInstant(vector.expectedDueAt));
  });
});
