/**
 * The repository stands alone: no tracked file cites a document that lives outside it (the
 * rules are in docs/, see docs/README.md), and every `docs/….md` a file cites exists. The
 * forbidden words are built from parts so that this file does not cite them itself.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

/** Tracked files (the lockfile is generated and cites nothing). */
function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((f) => f !== '' && path.basename(f) !== 'package-lock.json' && fs.existsSync(path.join(root, f)));
}

/** Text files only: a NUL byte in the first 8 KiB means binary (images, fonts). */
function readText(file: string): string | undefined {
  const buffer = fs.readFileSync(path.join(root, file));
  if (buffer.subarray(0, 8192).includes(0)) return undefined;
  return buffer.toString('utf8');
}

const section = '\u00a7';
const outsideWords = [
  `SPEC ${section}`, `DOMAIN ${section}`, `SPEC.${'md'}`, `DOMAIN.${'md'}`, `STACK.${'md'}`, `STYLE.${'md'}`,
  ['', 'work', 'shared'].join('/'),
];
/** `../shared/…` (or deeper): only a problem when it leaves the repository, unlike the web app's own `src/shared/`. */
const relativeShared = new RegExp(String.raw`((?:\.\./)+)${'shared'}/`, 'g');
/** `docs/….md`, optionally reached through `../`; a path inside another folder's docs/ is not one. */
const docsPath = new RegExp(String.raw`(?<![\w/.-])((?:\.\./)*)docs/[\w./-]*?\.md\b`, 'g');

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function isInside(target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const files = trackedFiles().flatMap((file) => {
  const text = readText(file);
  return text === undefined ? [] : [{ file, text }];
});

describe('the repository stands alone', () => {
  it('reads the tracked files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file === 'docs/rules/time.md')).toBe(true);
  });

  it('has no file that cites a document kept outside the repository', () => {
    const found: string[] = [];
    for (const { file, text } of files) {
      for (const word of outsideWords) {
        let at = text.indexOf(word);
        while (at !== -1) {
          found.push(`${file}:${lineOf(text, at)}: ${word}`);
          at = text.indexOf(word, at + 1);
        }
      }
      for (const match of text.matchAll(relativeShared)) {
        const target = path.resolve(root, path.dirname(file), match[1]!, 'shared');
        if (!isInside(target)) found.push(`${file}:${lineOf(text, match.index)}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('cites only docs that exist', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const { file, text } of files) {
      for (const match of text.matchAll(docsPath)) {
        cited++;
        const relative = match[0];
        // A path that starts with ../ is relative to the citing file, any other to the repository root.
        const target = match[1] ? path.resolve(root, path.dirname(file), relative) : path.resolve(root, relative);
        if (!fs.existsSync(target)) missing.push(`${file}:${lineOf(text, match.index)}: ${relative}`);
      }
    }
    expect(cited).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('has every relative link between the docs pointing to a file that exists', () => {
    const broken: string[] = [];
    for (const { file, text } of files) {
      if (!file.endsWith('.md')) continue;
      for (const match of text.matchAll(/\]\(([^)#\s]+)(#[^)\s]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // http:, mailto:
        if (!fs.existsSync(path.resolve(root, path.dirname(file), target))) broken.push(`${file}:${lineOf(text, match.index)}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
