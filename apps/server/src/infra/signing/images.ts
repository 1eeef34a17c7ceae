/**
 * The development pictures a signature shows (Decree 30/2020, Annex I): a person's handwritten
 * signature in blue ink, and an agency's seal in red at its real size (round, the agency's name
 * around the rim, a star in the centre, as Vietnamese administrative seals look). Drawn as SVG and
 * rasterised by resvg onto a transparent ground at 300 dpi, with the bundled DejaVu fonts (every
 * Vietnamese letter; no system font). Real agencies replace them with a scan of their seal and of
 * the official's signature (docs/signing-keys.md).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { renderAsync } from '@resvg/resvg-js';
import { escapeHtml } from '../html.ts';

/** The seal's diameter on paper, in millimetres (the usual size of an agency's round seal). */
export const sealDiameterMm = 38;
/** The signature picture's size on paper, in millimetres. */
export const signatureSizeMm = { width: 50, height: 20 } as const;

export const inkBlue = '#1b3a9e';
export const sealRed = '#d0161f';

const DPI = 300;
const require = createRequire(import.meta.url);
const fonts = {
  sansBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  serifItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
};

export interface PngImage {
  png: Uint8Array;
  /** Size in pixels (300 dpi). */
  widthPx: number;
  heightPx: number;
  /** Size on paper. */
  widthMm: number;
  heightMm: number;
}

/** A transparent PNG of the seal of `agencyName`, `sealDiameterMm` across at 300 dpi. */
export function sealImage(agencyName: string): Promise<PngImage> {
  return render(sealSvg(agencyName), sealDiameterMm, sealDiameterMm);
}

/** A transparent PNG of a blue handwritten-looking signature drawn from `fullName`, the same for the same name. */
export function signatureImage(fullName: string): Promise<PngImage> {
  return render(signatureSvg(fullName), signatureSizeMm.width, signatureSizeMm.height);
}

/** The seal as SVG in millimetre units: two rings, the name upper-cased around the rim, a star inside. */
export function sealSvg(agencyName: string): string {
  const d = sealDiameterMm;
  const c = d / 2;
  const textRadius = c - 3.1;
  const text = agencyName.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim();
  // The name runs over at most 300° of the rim, centred at the top, in letters 2.2–3.2 mm high.
  const maxArc = ((2 * Math.PI * textRadius) * 300) / 360;
  const spacing = 0.12; // of the font size, between letters
  const widthPerMm = textWidth(text, fonts.sansBold) + spacing * text.length;
  const fontSize = Math.max(2.2, Math.min(3.2, maxArc / widthPerMm));
  // A circle from the bottom, clockwise: text on it stands upright at the top, letters outward.
  const rim = `M ${c} ${c + textRadius} A ${textRadius} ${textRadius} 0 1 1 ${c} ${c - textRadius} A ${textRadius} ${textRadius} 0 1 1 ${c} ${c + textRadius}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${d}mm" height="${d}mm" viewBox="0 0 ${d} ${d}">
  <defs><path id="rim" d="${rim}"/></defs>
  <g fill="none" stroke="${sealRed}">
    <circle cx="${c}" cy="${c}" r="${c - 0.6}" stroke-width="1.1"/>
    <circle cx="${c}" cy="${c}" r="${c - 5.2}" stroke-width="0.4"/>
  </g>
  <text fill="${sealRed}" font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize.toFixed(3)}" letter-spacing="${(spacing * fontSize).toFixed(3)}" dominant-baseline="central" text-anchor="middle"><textPath href="#rim" startOffset="50%">${escapeHtml(text)}</textPath></text>
  <path fill="${sealRed}" d="${starPath(c, c, 5.6, 2.25)}"/>
</svg>`;
}

/**
 * The signature as SVG in millimetre units: the first initial and the given name in a slanted
 * italic, run on into a flourish drawn from a hash of the full name (a loop, a sweep back under
 * the name, a tail), in blue ink, tilted a little as a hand writes.
 */
export function signatureSvg(fullName: string): string {
  const { width, height } = signatureSizeMm;
  const words = fullName.normalize('NFC').trim().split(/\s+/);
  const given = words.at(-1) ?? fullName;
  const initial = words.length > 1 ? words[0]![0]! : '';
  const seed = createHash('sha256').update(fullName.normalize('NFC')).digest();
  const r = (i: number, low: number, high: number) => low + ((seed[i % seed.length]! / 255) * (high - low));
  const text = initial + given;
  const fontSize = Math.min(9, 30 / Math.max(2.5, textWidth(text, fonts.serifItalic)));
  const letterSpacing = -0.04 * fontSize;
  const nameWidth = textWidth(text, fonts.serifItalic) * fontSize + letterSpacing * [...text].length;
  const x0 = Math.max(3, (width - nameWidth) / 2 - 3);
  const baseline = height * 0.58;
  const end = x0 + nameWidth;
  // From the end of the name, up into a loop, back under the name, and out in a tail to the right.
  const flourish = [
    `M ${end - 0.5} ${baseline - 0.3}`,
    `C ${end + r(0, 2, 4)} ${baseline - r(1, 5, 8)}, ${end + r(2, 5, 8)} ${baseline - r(3, 1, 3)}, ${end + r(4, 1, 3)} ${baseline + r(5, 1, 2)}`,
    `C ${end - nameWidth * 0.35} ${baseline + r(6, 5, 7.5)}, ${x0 - r(7, 2, 4)} ${baseline + r(8, 3, 5)}, ${x0 + r(9, 1, 4)} ${baseline + r(10, 1, 2.5)}`,
    `S ${x0 + nameWidth * 0.7} ${baseline + r(11, 4, 6)}, ${Math.min(width - 1, end + r(12, 5, 9))} ${baseline + r(13, 2, 4)}`,
  ].join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">
  <g transform="rotate(${r(14, -7, -3).toFixed(1)} ${(width / 2).toFixed(1)} ${baseline.toFixed(1)})">
    <g transform="translate(${x0.toFixed(2)} ${baseline.toFixed(2)}) skewX(-12)">
      <text fill="${inkBlue}" font-family="DejaVu Serif" font-style="italic" font-size="${fontSize.toFixed(2)}" letter-spacing="${letterSpacing.toFixed(2)}">${escapeHtml(text)}</text>
    </g>
    <path fill="none" stroke="${inkBlue}" stroke-width="0.42" stroke-linecap="round" stroke-linejoin="round" d="${flourish}"/>
  </g>
</svg>`;
}

async function render(svg: string, widthMm: number, heightMm: number): Promise<PngImage> {
  const widthPx = Math.round((widthMm / 25.4) * DPI);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: widthPx },
    shapeRendering: 2,
    textRendering: 1,
    font: { loadSystemFonts: false, fontFiles: [fonts.sansBold, fonts.serifItalic], defaultFontFamily: 'DejaVu Sans' },
  });
  return { png: new Uint8Array(image.asPng()), widthPx: image.width, heightPx: image.height, widthMm, heightMm };
}

/** A five-pointed star centred at (cx, cy), one point up. */
function starPath(cx: number, cy: number, outer: number, inner: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + radius * Math.cos(angle)).toFixed(3)} ${(cy + radius * Math.sin(angle)).toFixed(3)}`;
  });
  return `M ${points.join(' L ')} Z`;
}

const metrics = new Map<string, { unitsPerEm: number; advance: (codePoint: number) => number }>();

/** The advance width of `text` in ems of the font at `file`. */
function textWidth(text: string, file: string): number {
  let font = metrics.get(file);
  if (!font) {
    const face = fontkit.create(new Uint8Array(readFileSync(file)));
    font = { unitsPerEm: face.unitsPerEm, advance: (cp) => face.glyphForCodePoint(cp).advanceWidth };
    metrics.set(file, font);
  }
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0)!);
  return units / font.unitsPerEm;
}
