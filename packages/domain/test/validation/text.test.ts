import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnacceptableText, inputText, openObject, textProblem } from '../../src/validation/text.ts';

describe('text input', () => {
  it.each([
    ['Nguyễn Thị Ánh', 'Vietnamese with diacritics'],
    ['Bản sao\tcó chứng thực\r\nhai trang', 'tabs and line breaks'],
    ['𠀀 chữ Nôm', 'a character outside the BMP (a surrogate pair)'],
    ['', 'nothing'],
  ])('accepts %j (%s)', (value) => {
    expect(textProblem(value)).toBeNull();
    expect(inputText().safeParse(value).success).toBe(true);
  });

  it.each([
    ['a\u0000b', /NUL character \(U\+0000 at position 2\)/],
    ['a\u001bb', /control character \(U\+001B/],
    ['\u007f', /control character \(U\+007F/],
    ['\u000b', /control character \(U\+000B/],
    ['Xuân\uD800', /unpaired surrogate \(U\+D800 at position 5\)/],
    ['\uDC00x', /unpaired surrogate \(U\+DC00/],
  ])('refuses %j and names the character', (value, message) => {
    expect(textProblem(value)).toMatch(message);
    const parsed = z.object({ applicant: z.object({ name: inputText().trim().min(1) }) }).safeParse({ applicant: { name: value } });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['applicant.name', expect.stringMatching(message)]);
  });

  it('keeps the unknown keys of an open object, and refuses hostile text in their values and names', () => {
    const Entry = openObject({ code: inputText() });
    expect(Entry.parse({ code: 'A', note: { lines: ['một', 'hai'] } })).toEqual({ code: 'A', note: { lines: ['một', 'hai'] } });
    const inValue = Entry.safeParse({ code: 'A', note: { lines: ['một', 'h\u0000ai'] } });
    expect(inValue.error?.issues.map((i) => i.path.join('.'))).toEqual(['note.lines.1']);
    const inName = Entry.safeParse({ code: 'A', ['n\u0000']: 1 });
    expect(inName.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/name of this field must not contain a NUL/)]);
  });

  it('finds the first unacceptable text anywhere in a JSON value', () => {
    expect(findUnacceptableText({ a: [1, 'ok', { b: 'x\uD800' }] })).toEqual({ path: ['a', 2, 'b'], message: expect.stringMatching(/unpaired surrogate/) });
    expect(findUnacceptableText({ a: [1, 'ok', null, true] })).toBeNull();
  });
});
