/** poppler and zbar, to read back generated PDFs as a person (or a phone camera) would. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolPath } from '../../../../scripts/test-env/tools.mjs';

export function pdfText(pdf: Uint8Array, options: { layout?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pdf-'));
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(toolPath('pdftotext'), [...(options.layout === false ? ['-raw'] : ['-layout']), file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The QR codes on the first page (or on every page), decoded, in the order zbarimg finds them. */
export function qrCodes(pdf: Uint8Array, pages: 'first' | 'all' = 'first'): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-qr-'));
  const file = path.join(dir, 'f.pdf');
  fs.writeFileSync(file, pdf);
  try {
    execFileSync(toolPath('pdftoppm'), ['-png', '-r', '150', ...(pages === 'first' ? ['-f', '1', '-l', '1'] : []), file, path.join(dir, 'p')]);
    const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    return pngs.flatMap((png) => {
      const out = execFileSync(toolPath('zbarimg'), ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.split('\n').filter(Boolean);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with runs of spaces and line breaks folded, to find phrases that wrap in table cells. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
