import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../../src/infra/pdf/index.ts';
import { signPdf } from '../../../src/infra/signing/pades.ts';
import { pdfsig } from '../../support/pdfsig.ts';
import { receipt } from '../pdf/fixtures.ts';
import { developmentPki, sealPng, signaturePng, signedAt, type Pki } from './fixtures.ts';

let pki: Pki;
beforeAll(async () => {
  pki = await developmentPki();
});

/** The person signs in the signature slot; the agency's seal overlaps the left third of it. */
async function signedReceipt(): Promise<Uint8Array> {
  const form = await renderForm(receipt);
  const slot = { page: 0, x: 360, y: 150, width: 150, height: 62 };
  const byPerson = await signPdf(form, {
    signer: pki.personSigner,
    placement: { kind: 'image', rect: slot, png: signaturePng },
    signedAt,
  });
  return signPdf(byPerson, {
    signer: pki.agencySigner,
    placement: { kind: 'image', rect: { page: 0, x: slot.x - 40, y: slot.y - 10, width: 85, height: 85 }, png: sealPng },
    signedAt: new Date(signedAt.getTime() + 60_000),
  });
}

describe('PAdES signing', () => {
  it('signs a rendered form by the person then by the agency, and pdfsig trusts both signatures', async () => {
    const signed = await signedReceipt();
    const report = await pdfsig(signed, [pki.root.certificate]);
    expect(report.signatures).toHaveLength(2);
    for (const signature of report.signatures) {
      expect(signature.signatureValid, report.output).toBe(true);
      expect(signature.certificateTrusted, report.output).toBe(true);
    }
    expect(report.signatures.map((s) => s.signer)).toEqual(['Đặng Thị Thu Hường', 'UBND xã Giao Thủy']);
    expect(report.signatures[1]!.totalDocumentSigned).toBe(true);
  });

  it('stamps a PDF made elsewhere, with object streams and a cross-reference stream', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawText('An attachment produced by another system', { x: 60, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
    const source = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(source).includes('/XRef')).toBe(true);

    const signed = await signPdf(source, { signer: pki.agencySigner, placement: { kind: 'stamp', documentNumber: '12/QĐ-UBND' }, signedAt });
    const report = await pdfsig(signed, [pki.root.certificate]);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ signatureValid: true, certificateTrusted: true, totalDocumentSigned: true });
  });
});
