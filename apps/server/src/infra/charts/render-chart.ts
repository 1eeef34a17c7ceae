/**
 * One chart to a PNG, on the server: ECharts lays the chart out and writes SVG (`ssr: true`, no
 * DOM, no canvas), resvg turns the SVG into pixels with the bundled fonts. exceljs cannot draw a
 * native chart and pdf-lib cannot draw SVG, so both documents embed the same PNG.
 *
 * ECharts is loaded on first use (it takes about half a second), so neither the server's start
 * nor a CLI command that draws no chart pays for it.
 */
import { renderAsync } from '@resvg/resvg-js';
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_FONT_FAMILY, chartFontFiles, measureChartText } from './chart-fonts.ts';
import { encodeOpaquePng } from './png.ts';

export interface ChartImage {
  /** 8-bit RGB, no alpha (drawn on white). */
  png: Uint8Array;
  /** Size in CSS pixels (96 per inch): how large the chart is meant to be shown. */
  width: number;
  height: number;
  /** Pixels per CSS pixel of `png`: 2 gives about 190 dpi when the chart spans an A4 landscape page. */
  scale: number;
}

type ECharts = typeof import('echarts/core');

let loading: Promise<ECharts> | undefined;

function loadECharts(): Promise<ECharts> {
  loading ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([
      charts.BarChart,
      charts.PieChart,
      components.GridComponent,
      components.LegendComponent,
      components.GraphicComponent,
      renderers.SVGRenderer,
    ]);
    // Measure text with the fonts resvg will draw with (process-wide; only this module uses
    // ECharts on the server). Without it ECharts guesses widths from a table for Latin letters.
    echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: measureChartText(text, font) }) });
    return echarts;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Renders `option` at `width` × `height` CSS pixels into a PNG `scale` times as large, on a white ground. */
export async function renderChart(option: EChartsCoreOption, width: number, height: number, scale = 2): Promise<ChartImage> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose(); // stops zrender's frame loop, which would otherwise keep the process alive
  }
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    shapeRendering: 2,
    textRendering: 1,
    font: {
      loadSystemFonts: false,
      fontFiles: [...chartFontFiles],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  return { png: await encodeOpaquePng(image.pixels, image.width, image.height), width, height, scale };
}
