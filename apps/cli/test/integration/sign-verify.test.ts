import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/src/db/database.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { trustAnchors } from '../../../server/src/modules/signing/signing.usecases.ts';
import { pemChain } from '../../../server/src/modules/signing/key-files.ts';
import { databaseKinds } from '../../../server/test/support/databases.ts';
import { pdfsig } from '../../../server/test/support/pdfsig.ts';
import { cliDatabase, motcua, repoRoot, type CliDatabase } from './support.ts';

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Quyet dinh so 12/QD-UBND', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

describe.each(databaseKinds)('motcua sign and verify on %s', (kind) => {
  let target: CliDatabase;
  let dir: string;
  let signed: string;
  let roots: Uint8Array[];
  beforeAll(async () => {
    target = await cliDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sign-'));
    fs.writeFileSync(path.join(dir, 'in.pdf'), await samplePdf());
    signed = path.join(dir, 'signed.pdf');
    const setup = await motcua([...target.args, 'setup', '--bundle', path.join(repoRoot, 'bundles/demo'), '--json'], { env: target.env });
    expect(setup.code, setup.stderr).toBe(0);
    expect(JSON.parse(setup.stdout).signingKeys).toMatchObject({ root: 'created', timestamping: 1 });
  });
  afterAll(async () => {
    await target?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The trust anchors the command uses, read once the command has exited (the embedded database is then free). */
  const anchors = async () => {
    const handle = target.server ? await openDatabase({ databaseUrl: target.server.url! }) : await openDatabase({ dataDir: target.dataDir! });
    try {
      return (await trustAnchors({ db: handle.db, config: loadConfig({ NODE_ENV: 'test' }) })).roots;
    } finally {
      await handle.close();
    }
  };

  type Report = { valid: boolean; signatures: Array<Record<string, unknown>> };
  const summary = (report: Report) => report.signatures.map((s) => [s.signer, s.timestamped, s.coversWholeDocument, (s.certificateChain as string[]).length]);

  it('signs by the leader then by the agency; verify exits 0 with both signatures, and pdfsig says both are valid', async () => {
    const sign = await motcua([...target.args, 'sign', '--in', path.join(dir, 'in.pdf'), '--out', signed, '--signer', 'lanhdao.giaothuy', '--agency', '000.41.00.H40', '--no-timestamp'], { env: target.env });
    expect(sign.code, sign.stderr).toBe(0);
    expect(sign.stderr).toMatch(/signed by Đỗ Văn Hùng, then Ủy ban nhân dân xã Giao Thủy, PAdES B-B/);
    const verify = await motcua([...target.args, 'verify', signed], { env: target.env });
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout) as Report;
    expect(report.valid).toBe(true);
    expect(summary(report)).toEqual([
      ['Đỗ Văn Hùng', false, true, 2],
      ['Ủy ban nhân dân xã Giao Thủy', false, true, 2],
    ]);
    expect(Object.keys(report.signatures[0]!)).toEqual(expect.arrayContaining(['signer', 'signedAt', 'coversWholeDocument', 'certificateChain']));
    expect(report.signatures[0]!.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/);
    // pdfsig trusts what `motcua trust-roots` exports: the development root setup made.
    const exported = await motcua([...target.args, 'trust-roots'], { env: target.env });
    expect(exported.code, exported.stderr).toBe(0);
    roots = pemChain(exported.stdout, 'motcua trust-roots');
    expect(roots.map((r) => Buffer.from(r).toString('hex'))).toEqual((await anchors()).map((r) => Buffer.from(r).toString('hex')));
    const checked = await pdfsig(new Uint8Array(fs.readFileSync(signed)), roots);
    expect(checked.signatures.map((s) => [s.signer, s.signatureValid, s.certificateTrusted]), checked.output).toEqual([
      ['Đỗ Văn Hùng', true, true],
      ['Ủy ban nhân dân xã Giao Thủy', true, true],
    ]);
    expect(checked.signatures[1]!.totalDocumentSigned).toBe(true);
  });

  it('time-stamps both signatures with the development TSA run inside the command (PAdES B-T); verify exits 0 and pdfsig says both are valid', async () => {
    const out = path.join(dir, 'timestamped.pdf');
    const sign = await motcua([...target.args, 'sign', '--in', path.join(dir, 'in.pdf'), '--out', out, '--signer', 'lanhdao.giaothuy', '--agency', '000.41.00.H40'], { env: target.env });
    expect(sign.code, sign.stderr).toBe(0);
    expect(sign.stderr).toMatch(/PAdES B-T \(time-stamp: http:\/\/localhost:\d+\/dev-tsa\)/);
    const verify = await motcua([...target.args, 'verify', out], { env: target.env });
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout) as Report;
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => [s.signer, s.timestamped, s.trusted, s.coversWholeDocument])).toEqual([
      ['Đỗ Văn Hùng', true, true, true],
      ['Ủy ban nhân dân xã Giao Thủy', true, true, true],
    ]);
    const checked = await pdfsig(new Uint8Array(fs.readFileSync(out)), roots);
    expect(checked.signatures.map((s) => s.signatureValid && s.certificateTrusted), checked.output).toEqual([true, true]);
  });

  it('reports a file with one byte changed as invalid (exit 1), as pdfsig does', async () => {
    const bytes = fs.readFileSync(signed);
    // The page's width in the first revision (595 → 596 points), which both signatures cover.
    const at = bytes.indexOf('/MediaBox [ 0 0 595') + '/MediaBox [ 0 0 59'.length;
    expect(at).toBeGreaterThan(100);
    bytes[at] = '6'.charCodeAt(0);
    const tampered = path.join(dir, 'tampered.pdf');
    fs.writeFileSync(tampered, bytes);
    const verify = await motcua([...target.args, 'verify', tampered], { env: target.env });
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout) as { valid: boolean; signatures: Array<{ valid: boolean }> };
    expect(report.valid).toBe(false);
    expect(report.signatures.every((s) => !s.valid)).toBe(true);
    const checked = await pdfsig(new Uint8Array(bytes), roots);
    expect(checked.signatures.length).toBe(2);
    expect(checked.signatures.some((s) => s.signatureValid), checked.output).toBe(false);
  });

  it('signs with the agency at the top of the hierarchy when neither --agency nor --signer is given, without a time-stamp when asked', async () => {
    const out = path.join(dir, 'top.pdf');
    const sign = await motcua([...target.args, 'sign', '--in', path.join(dir, 'in.pdf'), '--out', out, '--no-timestamp'], { env: target.env });
    expect(sign.code, sign.stderr).toBe(0);
    expect(sign.stderr).toMatch(/signed by Ủy ban nhân dân tỉnh Ninh Bình, PAdES B-B/);
  });

  it('exits 2 with a message for a missing file, a file that is not a PDF, or no file at all', async () => {
    const missing = await motcua([...target.args, 'verify', path.join(dir, 'nowhere.pdf')], { env: target.env });
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toMatch(/cannot read .*nowhere\.pdf/);
    fs.writeFileSync(path.join(dir, 'text.pdf'), 'not a pdf');
    const text = await motcua([...target.args, 'verify', path.join(dir, 'text.pdf')], { env: target.env });
    expect([text.code, text.stderr]).toEqual([2, expect.stringMatching(/is not a PDF/)]);
    const none = await motcua([...target.args, 'verify'], { env: target.env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument/);
  });

  it('exits 1 for a PDF without signatures', async () => {
    const verify = await motcua([...target.args, 'verify', path.join(dir, 'in.pdf')], { env: target.env });
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toEqual({ valid: false, signatures: [] });
  });
});
