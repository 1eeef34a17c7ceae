import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../src/shared/dateText.ts';

describe('parseTypedDate', () => {
  it.each([
    ['12/03/2026', '2026-03-12'],
    ['1/2/2026', '2026-02-01'],
    ['12-03-2026', '2026-03-12'],
    [' 12.03.2026 ', '2026-03-12'],
    ['2026-03-12', '2026-03-12'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s day first as %s', (text, date) => {
    expect(parseTypedDate(text)).toBe(date);
  });

  it.each(['29/02/2026', '31/04/2026', '13/13/2026', '03/12', '2026/03/12', 'hôm nay', ''])('refuses %s, which is no day', (text) => {
    expect(parseTypedDate(text)).toBeNull();
  });
});
