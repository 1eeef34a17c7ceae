/**
 * The signed result as a PDF (docs/rules/results.md), without a database: the generated notice
 * with its signature slot, the verification QR drawn on page 1, the person's signature image in
 * the slot and the seal over its left third, both valid for poppler's pdfsig and for verifyPdf;
 * an uploaded PDF gets the QR and the agency's stamp.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderResultNotice } from '../../../src/infra/pdf/result-notice.ts';
import { stampVerificationQr } from '../../../src/infra/pdf/verification-qr.ts';
import { signPdf } from '../../../src/infra/signing/pades.ts';
import { verifyPdf } from '../../../src/infra/signing/verify.ts';
import { newPublicId, placementFor } from '../../../src/modules/signed-documents/signed-documents.usecases.ts';
import { flat, pdfText, qrCodes } from '../../support/pdf-tools.ts';
import { pdfsig } from '../../support/pdfsig.ts';
import { developmentPki, sealPng, signaturePng, signedAt, type Pki } from '../signing/fixtures.ts';

const url = 'https://dichvucong.example.vn/xac-thuc/abcdefghijkmnpqr';

let pki: Pki;
beforeAll(async () => {
  pki = await developmentPki();
});

async function signTwice(pdf: Uint8Array, slot: Parameters<typeof placementFor>[1]) {
  const byPerson = await signPdf(pdf, { signer: pki.personSigner, placement: placementFor('person', slot, signaturePng, null), signedAt });
  return signPdf(byPerson, {
    signer: pki.agencySigner, placement: placementFor('agency', slot, sealPng, '15/QĐ-UBND'), signedAt: new Date(signedAt.getTime() + 60_000),
  });
}

describe('a signed result PDF', () => {
  it('draws the QR to the verification page on page 1, with its caption, and both signatures verify', async () => {
    const { pdf, signatureSlot } = await renderResultNotice({
      issuingBody: { parentName: 'UBND TỈNH NINH BÌNH', name: 'UBND XÃ GIAO THỦY' },
      place: 'Giao Thủy',
      issuedAt: '2026-12-07T10:15:00+07:00',
      dossierCode: '000.41.00.H40-261207-0003',
      statusUrl: 'https://dichvucong.example.vn/tra-cuu/000.41.00.H40-261207-0003',
      applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234', address: 'Xóm 3, xã Giao Thủy' },
      procedureName: 'Đăng ký kết hôn',
      outcome: 'Đăng ký kết hôn; cấp 02 bản chính Giấy chứng nhận kết hôn',
      details: ['Người nộp nhận kết quả trực tuyến trên Cổng dịch vụ công.'],
      signer: { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Trần Văn Lãnh' },
    });
    expect(signatureSlot.height).toBeGreaterThan(60);
    const stamped = await stampVerificationQr(pdf, url);
    const signed = await signTwice(stamped, signatureSlot);

    expect(qrCodes(signed)).toContain(url);
    const text = flat(pdfText(signed));
    expect(text).toContain(`Xác thực văn bản điện tử: ${url}`);
    expect(text).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const report = await pdfsig(signed, [pki.root.certificate]);
    expect(report.signatures.map((s) => [s.signatureValid, s.certificateTrusted]), report.output).toEqual([[true, true], [true, true]]);
    const verified = await verifyPdf(signed, { roots: [pki.root.certificate] });
    expect(verified.valid).toBe(true);
    fs.writeFileSync(path.join(os.tmpdir(), 'motcua-result-notice-signed.pdf'), signed);
  });

  it('puts the QR and the agency’s stamp on an uploaded PDF, and one changed byte breaks both signatures', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('GIAY CHUNG NHAN', { x: 200, y: 760, size: 16, font: await doc.embedFont(StandardFonts.TimesRoman) });
    const stamped = await stampVerificationQr(await doc.save(), url);
    const signed = await signTwice(stamped, null);
    expect(qrCodes(signed)).toContain(url);
    const report = await pdfsig(signed, [pki.root.certificate]);
    expect(report.signatures.every((s) => s.signatureValid && s.certificateTrusted), report.output).toBe(true);

    // A byte of the first revision, which both signatures cover.
    const tampered = new Uint8Array(signed);
    const at = Math.floor(stamped.length / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const broken = await pdfsig(tampered, [pki.root.certificate]);
    expect(broken.signatures.some((s) => s.signatureValid), broken.output).toBe(false);
    expect((await verifyPdf(tampered, { roots: [pki.root.certificate] })).valid).toBe(false);
  });

  it('places the seal real size over the left third of the signature slot', () => {
    const slot = { page: 0, x: 340, y: 120, width: 170, height: 82 };
    const seal = placementFor('agency', slot, sealPng, null);
    expect(seal.kind).toBe('image');
    if (seal.kind !== 'image') return;
    expect(seal.rect.width).toBeCloseTo((36 * 72) / 25.4);
    expect(seal.rect.x + seal.rect.width).toBeCloseTo(slot.x + slot.width / 3);
    expect(placementFor('person', null, undefined, null)).toEqual({ kind: 'invisible' });
    expect(placementFor('agency', null, undefined, '12/QĐ-UBND')).toEqual({ kind: 'stamp', documentNumber: '12/QĐ-UBND' });
  });

  it('gives each document an unguessable public id of 16 base32 letters', () => {
    const ids = new Set(Array.from({ length: 200 }, newPublicId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
  });
});
