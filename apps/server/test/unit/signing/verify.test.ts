import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../../src/infra/pdf/index.ts';
import { appendUpdate, lastSection } from '../../../src/infra/signing/incremental.ts';
import { signPdf } from '../../../src/infra/signing/pades.ts';
import { pkcs12Signer, toPkcs12 } from '../../../src/infra/signing/pkcs12.ts';
import { findSignatures, signedRevisionOf, verifyPdf } from '../../../src/infra/signing/verify.ts';
import { pdfsig } from '../../support/pdfsig.ts';
import { receipt } from '../pdf/fixtures.ts';
import { developmentPki, sealPng, signaturePng, signedAt, type Pki } from './fixtures.ts';

let pki: Pki;
let twice: Uint8Array;
beforeAll(async () => {
  pki = await developmentPki();
  const form = await renderForm(receipt);
  const slot = { page: 0, x: 360, y: 150, width: 150, height: 62 };
  const byPerson = await signPdf(form, { signer: pki.personSigner, placement: { kind: 'image', rect: slot, png: signaturePng }, signedAt });
  twice = await signPdf(byPerson, {
    signer: pki.agencySigner,
    placement: { kind: 'image', rect: { page: 0, x: 320, y: 140, width: 85, height: 85 }, png: sealPng },
    signedAt: new Date(signedAt.getTime() + 60_000),
  });
});

const flipped = (pdf: Uint8Array, at: number) => {
  const copy = new Uint8Array(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

/** An offset inside the first stream's data after `from` (a byte a reader does not parse). */
function streamByte(pdf: Uint8Array, from: number): number {
  const at = Buffer.from(pdf).indexOf('stream\n', from);
  return at + 'stream\n'.length + 10;
}

describe('verifying signed PDFs', () => {
  it('reports both signatures of a result valid, trusted and covering the whole document', async () => {
    const result = await verifyPdf(twice, { roots: [pki.root.certificate] });
    expect(result.valid).toBe(true);
    expect(result.signatures).toHaveLength(2);
    const [person, agency] = result.signatures;
    expect(person).toMatchObject({
      signer: 'Đặng Thị Thu Hường',
      organization: 'UBND xã Giao Thủy',
      issuer: 'Motcua Development Root CA',
      signedAt: '2026-12-07T10:15:00+07:00',
      timestamped: false,
      intact: true,
      trusted: true,
      coversWholeDocument: true,
      valid: true,
      problems: [],
    });
    expect(person!.certificateChain).toEqual([
      'CN=Đặng Thị Thu Hường, O=UBND xã Giao Thủy, C=VN',
      'CN=Motcua Development Root CA, O=Motcua, C=VN',
    ]);
    expect(agency).toMatchObject({ signer: 'UBND xã Giao Thủy', signedAt: '2026-12-07T10:16:00+07:00', valid: true });
  });

  it('finds that one changed byte inside the first signed range breaks both signatures, for pdfsig too', async () => {
    const tampered = flipped(twice, streamByte(twice, 1000));
    const result = await verifyPdf(tampered, { roots: [pki.root.certificate] });
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(result.signatures[0]!.problems).toContain('message digest does not match the signed bytes');
    const report = await pdfsig(tampered, [pki.root.certificate]);
    expect(report.signatures.map((s) => s.signatureValid)).toEqual([false, false]);
  });

  it('finds that one changed byte in the appended revision breaks the agency signature only', async () => {
    const firstEnd = signedRevisionOf(twice, 0).length;
    const tampered = flipped(twice, streamByte(twice, firstEnd));
    const result = await verifyPdf(tampered, { roots: [pki.root.certificate] });
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([true, false]);
    const report = await pdfsig(tampered, [pki.root.certificate]);
    expect(report.signatures.map((s) => s.signatureValid)).toEqual([true, false]);
  });

  it('says a signature no longer covers the document when a later revision changes the page content', async () => {
    const signed = signedRevisionOf(twice, 0);
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const before = new Set(doc.context.enumerateIndirectObjects().map(([ref]) => ref.tag));
    const page = doc.getPage(0);
    page.drawText('ALTERED', { x: 100, y: 400, size: 40, font: await doc.embedFont(StandardFonts.Helvetica), color: rgb(1, 0, 0) });
    await doc.flush();
    const objects = doc.context
      .enumerateIndirectObjects()
      .filter(([ref]) => !before.has(ref.tag) || ref.tag === page.ref.tag)
      .map(([ref, object]) => ({ ref, object }));
    const changed = appendUpdate(signed, doc.context, objects, lastSection(signed)).bytes;

    const result = await verifyPdf(changed, { roots: [pki.root.certificate] });
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ intact: true, trusted: true, coversWholeDocument: false });
    expect(result.signatures[0]!.problems.join('; ')).toMatch(/changes a page \(.*Contents/);
    const report = await pdfsig(changed, [pki.root.certificate]);
    expect(report.signatures[0]).toMatchObject({ signatureValid: true, totalDocumentSigned: false });
  });

  it('does not trust a chain that ends at another root', async () => {
    const stranger = await developmentPki('Untrusted Root CA');
    const signed = await signPdf(await renderForm(receipt), { signer: stranger.agencySigner, placement: { kind: 'invisible' }, signedAt });
    const result = await verifyPdf(signed, { roots: [pki.root.certificate] });
    expect(result.signatures[0]).toMatchObject({ intact: true, trusted: false, coversWholeDocument: true, valid: false });
    expect(result.signatures[0]!.problems[0]).toMatch(/^certificate chain not trusted/);
    const report = await pdfsig(signed, [pki.root.certificate]);
    expect(report.signatures[0]).toMatchObject({ signatureValid: true, certificateTrusted: false });
  });

  it('says a file without signatures is not valid', async () => {
    const result = await verifyPdf(await renderForm(receipt), { roots: [pki.root.certificate] });
    expect(result).toEqual({ valid: false, signatures: [] });
  });

  it('signs with a key loaded from a passphrase-protected PKCS#12 file', async () => {
    const p12 = await toPkcs12(pki.person, 'mật khẩu phát triển');
    const signer = await pkcs12Signer(p12, 'mật khẩu phát triển', 'person');
    const signed = await signPdf(await renderForm(receipt), { signer, placement: { kind: 'stamp' }, signedAt });
    expect(findSignatures(signed)).toHaveLength(1);
    expect((await verifyPdf(signed, { roots: [pki.root.certificate] })).valid).toBe(true);
    await expect(pkcs12Signer(p12, 'sai', 'person')).rejects.toThrow(/passphrase/);
  });
});

