/**
 * The tools the PDF tests read the output with, as a person's PDF viewer and phone would:
 * poppler-utils (pdftotext, pdftoppm, pdffonts) and zbar-tools (zbarimg), found by the tests' tool
 * locator (scripts/test-env/tools.mjs). A missing tool fails the test with the package to
 * install; it never skips.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findTool, missingLine, toolPath, type ToolName } from '../../../../../scripts/test-env/tools.mjs';

const execute = promisify(execFile);
const run = (tool: ToolName, args: string[], options: { maxBuffer?: number } = {}) => execute(toolPath(tool), args, options);

/** Throws a clear error unless every named tool is there. */
export function requireTools(...tools: ToolName[]): void {
  const missing = tools.filter((tool) => !findTool(tool));
  if (missing.length > 0) throw new Error(missingLine(missing));
}

async function withFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    await writeFile(file, bytes);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` (or `-raw`, in content order), optionally of one page. */
export function pdfText(bytes: Uint8Array, mode: 'layout' | 'raw' = 'layout', page?: number): Promise<string> {
  return withFile(bytes, async (file) => {
    const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout } = await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', ...pages, file, '-'], { maxBuffer: 64 << 20 });
    return stdout;
  });
}

/** Text with every run of white space made one space: for phrases that wrap in a table cell. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** What a phone reads from the QR code of page 1, rendered at 150 dpi. */
export function qrOfFirstPage(bytes: Uint8Array): Promise<string> {
  return withFile(bytes, async (file, dir) => {
    const png = join(dir, 'page');
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, png]);
    try {
      const { stdout } = await run('zbarimg', ['--raw', '-q', `${png}.png`]);
      return stdout.replace(/\n$/, '');
    } catch (error) {
      throw new Error(`zbarimg found no QR code on page 1 (${(error as Error).message})`);
    }
  });
}

export interface FontInfo {
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** `pdffonts`: the fonts the pages use. */
export function pdfFonts(bytes: Uint8Array): Promise<FontInfo[]> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name, type words…, encoding, emb, sub, uni, object, id: read from the right.
        const n = cols.length;
        return { name: cols[0]!, embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
      });
  });
}

export interface Word {
  page: number;
  pageWidth: number;
  pageHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word with its box (points, origin top left), from `pdftotext -bbox`. */
export function pdfWords(bytes: Uint8Array): Promise<Word[]> {
  return withFile(bytes, async (file, dir) => {
    const html = join(dir, 'words.html');
    await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, html], { maxBuffer: 64 << 20 });
    const source = await readFile(html, 'utf8');
    const words: Word[] = [];
    let page = 0;
    let pageWidth = 0;
    let pageHeight = 0;
    const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of source.matchAll(re)) {
      if (m[1]) {
        page++;
        pageWidth = Number(m[1]);
        pageHeight = Number(m[2]);
      } else {
        words.push({
          page,
          pageWidth,
          pageHeight,
          xMin: Number(m[3]),
          yMin: Number(m[4]),
          xMax: Number(m[5]),
          yMax: Number(m[6]),
          text: m[7]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
        });
      }
    }
    return words;
  });
}
