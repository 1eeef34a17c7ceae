/**
 * QR codes drawn as vector paths (one path of dark runs per row), so they stay sharp at any
 * printer resolution and cost a few hundred bytes.
 */
import QRCode from 'qrcode';
import type { Flow } from './flow.ts';
import { BLACK } from './flow.ts';

/** Draws the QR code of `text`, `size` points wide, with its top-left corner at (x, top). */
export function drawQr(flow: Flow, text: string, x: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = size / n;
  const dark = (r: number, c: number) => qr.modules.get(r, c) === 1;
  let path = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && dark(r, c)) c++;
      path += `M${(start * m).toFixed(3)} ${(r * m).toFixed(3)}h${((c - start) * m).toFixed(3)}v${m.toFixed(3)}h${(-(c - start) * m).toFixed(3)}z`;
    }
  }
  // drawSvgPath puts the SVG origin at (x, y) with y growing downwards, as in SVG.
  flow.page.drawSvgPath(path, { x, y: flow.pdfY(top), color: BLACK, borderWidth: 0 });
}
