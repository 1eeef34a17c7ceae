/**
 * The one rule for text that comes from outside (an HTTP request, an import line, a bundle, a
 * form): it may hold any Unicode text a person can type, tabs and line breaks included, but
 * none of the characters no person types and PostgreSQL cannot or should not store:
 * - NUL (U+0000): PostgreSQL refuses it in `text` and `jsonb`;
 * - the other C0 control characters (U+0001–U+001F) except tab, line feed and carriage return,
 *   and DEL (U+007F): invisible, they make two equal-looking names differ and break exports;
 * - an unpaired UTF-16 surrogate (U+D800–U+DFFF alone): not a character, not valid UTF-8, refused
 *   by PostgreSQL (JSON can carry one as `\uD800`).
 * Server and web share it from here: the web forms may refuse the same text before sending it.
 */
import { z } from 'zod';

// Unicode mode: a well-formed surrogate pair is one code point, so \p{Cs} matches only a lone half.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

const codePointName = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` is not acceptable text (naming the first offending character), or `null` when it is.
 */
export function textProblem(value: string): string | null {
  const match = forbidden.exec(value);
  if (!match) return null;
  const char = match[0];
  const what = char === '\u0000' ? 'a NUL character' : /\p{Cs}/u.test(char) ? 'an unpaired surrogate' : 'a control character';
  return `must not contain ${what} (${codePointName(char)} at position ${match.index + 1})`;
}

export const isAcceptableText = (value: string): boolean => !forbidden.test(value);

/**
 * The string schema of every text input: `inputText().trim().min(1).max(200)` where one would
 * write `z.string()…`. Refuses the characters above with an issue on the field itself.
 */
export function inputText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

export interface TextIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * The first string, or object key, anywhere in a JSON value that is not acceptable text: for
 * values whose shape is open (unknown keys of an import line are stored as they are).
 */
export function findUnacceptableText(value: unknown, path: Array<string | number> = []): TextIssue | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, message: problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnacceptableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: [...path, key], message: `the name of this field ${keyProblem}` };
      const found = findUnacceptableText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Any JSON value under an unknown key of an open object, its text held to the same rule. */
const openValue = z.unknown().superRefine((value, ctx) => {
  const found = findUnacceptableText(value);
  if (found) ctx.addIssue({ code: 'custom', message: found.message, path: found.path, input: value });
});

/**
 * An object that keeps keys it does not know (a bundle or import format that other systems may
 * extend), whose unknown values and key names are still acceptable text.
 */
export function openObject<Shape extends z.ZodRawShape>(shape: Shape, params?: Parameters<typeof z.object>[1]) {
  return z.object(shape, params).catchall(openValue).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      const problem = textProblem(key);
      if (problem) ctx.addIssue({ code: 'custom', message: `the name of this field ${problem}`, path: [key], input: key });
    }
  });
}
