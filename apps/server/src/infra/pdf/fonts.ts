/**
 * The typeface of the forms. Official documents are set in Times New Roman (Decree 30/2020/NĐ-CP,
 * Annex I); the forms use Tinos (SIL OFL), a free face metric-compatible with Times New Roman (each
 * glyph has Times's advance width, so a line breaks where it would in Times), whose four styles
 * carry every Vietnamese letter (ạ, ặ, ư, ơ, ỹ, Đ …). It comes as TTF from an npm package, so no
 * system font is needed anywhere. Each document embeds only the glyphs it uses.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { alignGlyphs } from './align-glyphs.ts';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export type FontSet = Record<FontStyle, PDFFont>;

/** Raw font files, one per style; a caller may supply its own (e.g. licensed Times New Roman). */
export type FontFiles = Record<FontStyle, Uint8Array>;

const files: Record<FontStyle, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/**
 * OpenType features switched off: pdf-lib draws glyphs at their plain advances (no kerning or
 * mark positioning), and text is NFC-normalised so every Vietnamese letter has its own glyph, so
 * shaping only costs time (two thirds of a long tracking book's rendering).
 */
const PLAIN = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'dist', 'abvm', 'blwm'].map((f) => [f, false]),
);

let cached: Promise<FontFiles> | undefined;

/** Each font file as the subsetter needs it (`align-glyphs.ts`), aligned once per file. */
const aligned = new WeakMap<Uint8Array, Uint8Array>();
function alignedOnce(file: Uint8Array): Uint8Array {
  let out = aligned.get(file);
  if (!out) {
    out = alignGlyphs(file);
    aligned.set(file, out);
  }
  return out;
}

/** Reads the bundled font files once per process. */
export function defaultFontFiles(): Promise<FontFiles> {
  cached ??= (async () => {
    const root = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
    const read = async (style: FontStyle) => new Uint8Array(await readFile(join(root, files[style])));
    const [regular, bold, italic, boldItalic] = await Promise.all([read('regular'), read('bold'), read('italic'), read('boldItalic')]);
    return { regular, bold, italic, boldItalic };
  })();
  cached.catch(() => {
    cached = undefined; // let a later call retry after a transient read error
  });
  return cached;
}

/** Embeds one font file subset, aligned first as the subsetter needs (signature stamps use it). */
export function embedSubset(pdf: PDFDocument, file: Uint8Array): Promise<PDFFont> {
  pdf.registerFontkit(fontkit);
  return pdf.embedFont(alignedOnce(file), { subset: true, features: PLAIN });
}

/**
 * Embeds the four styles into `pdf`, subset to the glyphs used. Each font is named with a subset
 * tag derived from `seed` (six capitals and "+", ISO 32000-1 §9.6.4) instead of pdf-lib's
 * counter, so the same form always renders to the same bytes and tools see the fonts as subsets.
 */
export async function embedFonts(pdf: PDFDocument, fontFiles: FontFiles, seed: string): Promise<FontSet> {
  pdf.registerFontkit(fontkit);
  const digest = createHash('sha256').update(seed).digest();
  const styles = ['regular', 'bold', 'italic', 'boldItalic'] as const;
  const [regular, bold, italic, boldItalic] = await Promise.all(
    styles.map((style, i) => {
      const tag = Array.from(digest.subarray(i * 6, i * 6 + 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
      const file = alignedOnce(fontFiles[style]);
      const name = fontkit.create(file).postscriptName ?? `Font-${style}`;
      return pdf.embedFont(file, { subset: true, customName: `${tag}+${name}`, features: PLAIN });
    }),
  );
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}
