/**
 * Rich text measured and broken into lines: spans of one style each, greedy line filling at
 * spaces, over-long words broken between characters, and dotted leaders that fill a line the way
 * blank fields do on the printed templates ("Địa chỉ: ………").
 */
import type { PDFFont } from 'pdf-lib';
import type { FontSet, FontStyle } from './fonts.ts';

export interface Span {
  text: string;
  style?: FontStyle;
  /** Keep on one line when it fits on a line at all (a date, a name). */
  keep?: boolean;
}

/** A dotted blank: `'fill'` runs to the end of the line, a number is a width in points. */
export interface Leader {
  dots: 'fill' | number;
}

/** A fixed blank, e.g. between two fields on one line; dropped at a line break. */
export interface Gap {
  gap: number;
}

export type Inline = Span | Leader | Gap;

export interface Fragment {
  /** Offset from the start of the line, in points. */
  x: number;
  width: number;
  text: string;
  style: FontStyle;
  /** True for the gap after a word that justification may stretch. */
  space?: boolean;
  /** A fixed blank (nothing drawn, never merged with its neighbours). */
  blank?: boolean;
}

export interface Line {
  fragments: Fragment[];
  width: number;
  /** The last line of a paragraph (or before a hard break): never stretched. */
  last: boolean;
}

/** Smallest dotted leader worth drawing at the end of a line; below it the leader wraps. */
const MIN_LEADER = 28;

/** Characters each embedded font can draw, so that unknown ones print as "?" and not as a box. */
const coverage = new WeakMap<PDFFont, Set<number>>();

function covered(font: PDFFont): Set<number> {
  let set = coverage.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    coverage.set(font, set);
  }
  return set;
}

/** NFC-normalises text (composed Vietnamese letters), turns tabs into spaces and unknown characters into "?". */
export function clean(text: string, font: PDFFont): string {
  const set = covered(font);
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\t/g, ' ').replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    out += ch === '\n' || set.has(cp) ? ch : cp < 0x20 ? ' ' : '?';
  }
  return out;
}

/** Widths at 1 pt per font and text: shaping a word with fontkit is the slow part of a long book. */
const widths = new WeakMap<PDFFont, Map<string, number>>();

export function measure(fonts: FontSet, style: FontStyle, size: number, text: string): number {
  const font = fonts[style];
  let cache = widths.get(font);
  if (!cache) {
    cache = new Map();
    widths.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    cache.set(text, width);
  }
  return width * size;
}

type Token =
  | { kind: 'word'; text: string; style: FontStyle; width: number }
  | { kind: 'space'; style: FontStyle; width: number }
  | { kind: 'break' }
  | { kind: 'leader'; dots: 'fill' | number }
  | { kind: 'gap'; width: number };

function tokenize(inlines: Inline[], fonts: FontSet, size: number, maxWidth: number): Token[] {
  const tokens: Token[] = [];
  for (const inline of inlines) {
    if ('dots' in inline) {
      tokens.push({ kind: 'leader', dots: inline.dots });
      continue;
    }
    if ('gap' in inline) {
      tokens.push({ kind: 'gap', width: inline.gap });
      continue;
    }
    const style = inline.style ?? 'regular';
    const text = clean(inline.text, fonts[style]);
    if (inline.keep && !text.includes('\n')) {
      const width = measure(fonts, style, size, text);
      if (width <= maxWidth) {
        tokens.push({ kind: 'word', text, style, width });
        continue;
      }
    }
    // A spaced dash ("Tư pháp - Hộ tịch") stays with the word before it, never starts a line;
    // no-break spaces join words and are drawn as plain spaces.
    const bound = text.replace(/ ([-–—])(?= |$)/g, '\u00a0$1');
    for (const part of bound.split(/(\n| +)/)) {
      if (part === '') continue;
      if (part === '\n') tokens.push({ kind: 'break' });
      else if (part.startsWith(' ')) tokens.push({ kind: 'space', style, width: measure(fonts, style, size, ' ') });
      else {
        const word = part.replace(/\u00a0/g, ' ');
        tokens.push({ kind: 'word', text: word, style, width: measure(fonts, style, size, word) });
      }
    }
  }
  return tokens;
}

/** Splits a word wider than a line into pieces that fit, preferring breaks after / . - _ ? & =. */
function splitWord(word: string, fonts: FontSet, style: FontStyle, size: number, first: number, rest: number): string[] {
  const pieces: string[] = [];
  let remaining = [...word];
  let room = first;
  while (remaining.length > 0) {
    let n = 0;
    while (n < remaining.length && measure(fonts, style, size, remaining.slice(0, n + 1).join('')) <= room) n++;
    if (n === 0) n = 1; // a single glyph wider than the line still has to go somewhere
    if (n < remaining.length) {
      const soft = remaining.slice(0, n).findLastIndex((c) => '/.-_?&='.includes(c));
      if (soft >= n / 2) n = soft + 1;
    }
    pieces.push(remaining.slice(0, n).join(''));
    remaining = remaining.slice(n);
    room = rest;
  }
  return pieces;
}

/**
 * Breaks rich text into lines no wider than `width` (the first line `firstIndent` narrower).
 * Spaces at line ends are dropped; hard line breaks ("\n") are kept.
 */
export function wrap(inlines: Inline[], fonts: FontSet, size: number, width: number, firstIndent = 0): Line[] {
  const lines: Line[] = [];
  let fragments: Fragment[] = [];
  let x = 0;
  let pendingSpace: Fragment | undefined;
  const room = () => (lines.length === 0 ? width - firstIndent : width);
  const finish = (last: boolean) => {
    lines.push({ fragments, width: x, last });
    fragments = [];
    x = 0;
    pendingSpace = undefined;
  };
  const place = (text: string, style: FontStyle, w: number) => {
    if (pendingSpace) {
      fragments.push(pendingSpace);
      x += pendingSpace.width;
      pendingSpace = undefined;
    }
    fragments.push({ x, width: w, text, style });
    x += w;
  };

  for (const token of tokenize(inlines, fonts, size, width)) {
    if (token.kind === 'break') {
      finish(true);
    } else if (token.kind === 'space') {
      if (fragments.length > 0 && !pendingSpace) pendingSpace = { x, width: token.width, text: ' ', style: token.style, space: true };
    } else if (token.kind === 'gap') {
      pendingSpace = undefined;
      if (fragments.length > 0 && x + token.width > room()) finish(false);
      else if (fragments.length > 0) pendingSpace = { x, width: token.width, text: '', style: 'regular', blank: true };
    } else if (token.kind === 'leader') {
      const available = room() - x - (pendingSpace ? pendingSpace.width : 0);
      let w = token.dots === 'fill' ? available : token.dots;
      const fits = token.dots === 'fill' ? available >= MIN_LEADER : token.dots <= available + 0.01;
      if (fragments.length > 0 && !fits) {
        finish(false);
        w = token.dots === 'fill' ? room() : Math.min(token.dots, room());
      }
      const dot = measure(fonts, 'regular', size, '.');
      const text = '.'.repeat(Math.max(1, Math.floor(w / dot)));
      place(text, 'regular', measure(fonts, 'regular', size, text));
    } else {
      const gap = pendingSpace ? pendingSpace.width : 0;
      if (x + gap + token.width <= room() + 0.01) {
        place(token.text, token.style, token.width);
        continue;
      }
      if (fragments.length > 0 && token.width <= width) {
        finish(false);
        place(token.text, token.style, token.width);
        continue;
      }
      // A word longer than a whole line (a URL, a long code): break it between characters,
      // starting on this line if a fair piece still fits there.
      let first = fragments.length > 0 ? room() - x - gap : room();
      if (fragments.length > 0 && first < Math.max(width / 4, measure(fonts, token.style, size, [...token.text][0]!))) {
        finish(false);
        first = room();
      }
      const pieces = splitWord(token.text, fonts, token.style, size, first, width);
      pieces.forEach((piece, i) => {
        if (i > 0) finish(false);
        place(piece, token.style, measure(fonts, token.style, size, piece));
      });
    }
  }
  if (fragments.length > 0 || lines.length === 0) finish(true);
  else if (lines.length > 0) lines[lines.length - 1]!.last = true;
  return lines;
}

/** Joins neighbouring fragments of one style, so a line is drawn with few text operations. */
export function mergeFragments(fragments: Fragment[]): Fragment[] {
  const merged: Fragment[] = [];
  for (const f of fragments) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.blank && !f.blank && prev.style === f.style && Math.abs(prev.x + prev.width - f.x) < 0.01) {
      merged[merged.length - 1] = { ...prev, text: prev.text + f.text, width: prev.width + f.width };
    } else {
      merged.push({ ...f });
    }
  }
  return merged;
}
