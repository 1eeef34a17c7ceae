import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, requireTools } from './poppler.ts';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, 'render-samples.ts');

/** Renders the sample receipt and control sheet in a fresh Node process running in `zone`. */
async function renderIn(zone: string, dir: string): Promise<{ receipt: Uint8Array; controlSheet: Uint8Array; hourOfFixture: number }> {
  const out = join(dir, zone.replace('/', '-'));
  const env = { ...process.env, TZ: zone };
  await run(process.execPath, ['--import', 'tsx', script, out, '01', '06'], { env });
  // What a naive `Date#getHours` gives in that process for the receipt's issue time (02:15 UTC).
  const { stdout } = await run(process.execPath, ['-e', 'console.log(new Date("2025-03-04T02:15:00Z").getHours())'], { env });
  return {
    receipt: await readFile(join(out, 'form-01.pdf')),
    controlSheet: await readFile(join(out, 'form-06.pdf')),
    hourOfFixture: Number(stdout.trim()),
  };
}

describe('printed times are Vietnam time whatever the server time zone', () => {
  let dir: string;
  beforeAll(async () => {
    requireTools('pdftotext');
    dir = await mkdtemp(join(tmpdir(), 'motcua-tz-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh'])('prints 09:15 Vietnam time for a dossier received at 02:15 UTC on a server in %s', async (zone) => {
    const { receipt, controlSheet, hourOfFixture } = await renderIn(zone, dir);
    expect(hourOfFixture).toBe({ UTC: 2, 'America/New_York': 21, 'Asia/Ho_Chi_Minh': 9 }[zone]); // the zone really applied
    const text = await pdfText(receipt);
    expect(text).toContain('Giao Thủy, ngày 04 tháng 3 năm 2025');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 04 tháng 3 năm 2025');
    expect(text).toContain('Vào hồi 10 giờ 00 phút, ngày 18 tháng 3 năm 2025');
    const sheet = await pdfText(controlSheet, 'raw');
    expect(sheet.replace(/\s+/g, ' ')).toContain('09:40 04/03/2025');
    expect(sheet.replace(/\s+/g, ' ')).toContain('17:00 14/03/2025');
  });

  // Two child processes, each loading the PDF renderer and its fonts: on two busy cores that can take longer than a unit test's 30 s.
  it('renders byte-identical files in every time zone', { timeout: 120_000 }, async () => {
    const a = await renderIn('UTC', dir);
    const b = await renderIn('America/New_York', dir);
    expect(Buffer.from(a.receipt).equals(Buffer.from(b.receipt))).toBe(true);
    expect(Buffer.from(a.controlSheet).equals(Buffer.from(b.controlSheet))).toBe(true);
  });
});
