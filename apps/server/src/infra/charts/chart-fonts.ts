/**
 * The typeface of the charts: DejaVu Sans (from the `dejavu-fonts-ttf` npm package, every
 * Vietnamese letter included), a sans-serif that stays legible at axis-label sizes. The same files
 * serve twice: ECharts measures text with them while it lays a chart out (so labels are placed
 * and wrapped for the glyphs that will actually be drawn), and resvg draws with them, loading no
 * system font, so a chart renders to the same pixels on any machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

export const CHART_FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);

/** Paths of the regular and bold files, for resvg's `font.fontFiles`. */
export const chartFontFiles: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

interface Metrics {
  unitsPerEm: number;
  advance: (codePoint: number) => number;
}

let metrics: { regular: Metrics; bold: Metrics } | undefined;

function load(path: string): Metrics {
  const font = fontkit.create(new Uint8Array(readFileSync(path)));
  const advances = new Map<number, number>();
  return {
    unitsPerEm: font.unitsPerEm,
    advance: (codePoint) => {
      let width = advances.get(codePoint);
      if (width === undefined) {
        width = font.glyphForCodePoint(codePoint).advanceWidth;
        advances.set(codePoint, width);
      }
      return width;
    },
  };
}

/**
 * Width in CSS pixels of `text` set in a CSS `font` shorthand as ECharts writes it
 * ("bold 14px DejaVu Sans", "13px DejaVu Sans"). Kerning is ignored: a pixel or so on a label.
 */
export function measureChartText(text: string, font = ''): number {
  metrics ??= { regular: load(chartFontFiles[0]!), bold: load(chartFontFiles[1]!) };
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const face = /\bbold(er)?\b|\b[6-9]00\b/.test(font) ? metrics.bold : metrics.regular;
  let units = 0;
  for (const ch of text.normalize('NFC')) units += face.advance(ch.codePointAt(0)!);
  return (units / face.unitsPerEm) * size;
}
