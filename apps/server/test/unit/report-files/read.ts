/** Reading the generated files back as their users' tools do: exceljs for the workbook, poppler for the PDF. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { toolPath } from '../../../../../scripts/test-env/tools.mjs';

const run = promisify(execFile);

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
}

/** `pdfimages -list`: the pictures of the PDF with their page and size in pixels. */
export async function pdfImages(bytes: Uint8Array): Promise<PdfImage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-report-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run(toolPath('pdfimages'), ['-list', file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => /\bimage\b/.test(line))
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        return { page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Width and height of a PNG, from its IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
