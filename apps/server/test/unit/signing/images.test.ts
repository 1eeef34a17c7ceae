import { describe, expect, it } from 'vitest';
import { sealDiameterMm, sealImage, sealRed, sealSvg, signatureImage, signatureSvg, inkBlue } from '../../../src/infra/signing/images.ts';

/** Width, height and colour type from a PNG's IHDR chunk. */
function header(png: Uint8Array) {
  const view = Buffer.from(png);
  return { signature: view.subarray(0, 8).toString('hex'), width: view.readUInt32BE(16), height: view.readUInt32BE(20), colourType: view[25] };
}

describe('signature and seal pictures', () => {
  it('draws the seal red and round at its real size, the agency name in capitals around the rim, a star in the centre', async () => {
    const svg = sealSvg('Ủy ban nhân dân xã Giao Thiện');
    expect(svg).toContain('ỦY BAN NHÂN DÂN XÃ GIAO THIỆN</textPath>');
    expect(svg).toContain(`fill="${sealRed}" d="M`);
    const image = await sealImage('Ủy ban nhân dân xã Giao Thiện');
    // 38 mm at 300 dpi, RGBA (a transparent ground).
    expect(header(image.png)).toEqual({ signature: '89504e470d0a1a0a', width: Math.round((sealDiameterMm / 25.4) * 300), height: Math.round((sealDiameterMm / 25.4) * 300), colourType: 6 });
    expect(image).toMatchObject({ widthMm: sealDiameterMm, heightMm: sealDiameterMm });
  });

  it('draws a blue signature from the name, the same picture for the same name and another for another', async () => {
    expect(signatureSvg('Đỗ Văn Hùng')).toContain(`stroke="${inkBlue}"`);
    expect(signatureSvg('Đỗ Văn Hùng')).toContain('Hùng</text>');
    expect(signatureSvg('Đỗ Văn Hùng')).toBe(signatureSvg('Đỗ Văn Hùng'));
    expect(signatureSvg('Đỗ Văn Hùng')).not.toBe(signatureSvg('Bùi Thị Lan'));
    const image = await signatureImage('Đỗ Văn Hùng');
    expect(header(image.png)).toMatchObject({ signature: '89504e470d0a1a0a', width: 591, height: 236, colourType: 6 });
  });

  it('escapes names for SVG', () => {
    expect(sealSvg('A & B <C>')).toContain('A &amp; B &lt;C&gt;');
  });
});
