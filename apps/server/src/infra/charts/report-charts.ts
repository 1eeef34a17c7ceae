/**
 * The charts of the statistics report, drawn from the report's own figures: how the resolved
 * dossiers split into ahead / on time / overdue (for the whole report, then per agency), and the
 * digitization and online rates per agency. The rates printed are the report's rates; only the
 * shares of the split, which the report does not carry, are computed here (rounded like a rate).
 * Agencies are drawn in pages of at most a dozen, so every chart stays legible on one A4 page.
 */
import type { Statistics } from '@motcua/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_FONT_FAMILY, measureChartText } from './chart-fonts.ts';
import { renderChart, type ChartImage } from './render-chart.ts';
import { NO_VALUE, share, viInteger, viPercent } from './vi-number.ts';

export interface ChartRow extends Statistics {
  agency: string;
  agencyName: string;
}

export interface ReportChart {
  /** A stable name: `results`, `results-by-agency-1`, `rates-by-agency-2` … */
  key: string;
  title: string;
  image: ChartImage;
}

/** Green, blue, red: what a manager expects for ahead, on time, overdue. */
export const RESULT_COLORS = { ahead: '#2e7d32', onTime: '#1565c0', overdue: '#c62828' } as const;
const RATE_COLORS = { digitization: '#6a3d9a', online: '#d97706' } as const;
const INK = '#1f2937';
const GRID_LINE = '#d1d5db';
const WIDTH = 1000;
/** Agencies per chart: a chart of that many still fits an A4 landscape page with its title. */
export const AGENCIES_PER_CHART = 12;

const resultParts = [
  { key: 'resolvedAhead', name: 'Trước hạn', color: RESULT_COLORS.ahead },
  { key: 'resolvedOnTime', name: 'Đúng hạn', color: RESULT_COLORS.onTime },
  { key: 'resolvedOverdue', name: 'Quá hạn', color: RESULT_COLORS.overdue },
] as const;

/** "Ủy ban nhân dân xã Giao Thiện" → "UBND xã Giao Thiện": the usual short form, for axis labels. */
export function shortAgencyName(name: string): string {
  return name.normalize('NFC').replace(/^Ủy ban nhân dân\b/i, 'UBND').replace(/^Uỷ ban nhân dân\b/i, 'UBND');
}

/** Splits `items` into runs of at most `size`, as even as possible (13 → 7 + 6, not 12 + 1). */
export function chunks<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / size);
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const n = base + (i < extra ? 1 : 0);
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

const percentTick = (value: number) => `${Math.round(value * 100)}%`;

const LABEL_SIZE = 14;
const LABEL_WIDTH = 270;

/**
 * An axis label broken at spaces into at most two lines of `width` pixels, the second ending in
 * "…" when the name is longer still (the table beside the chart has it in full). Done here rather
 * than by ECharts so that no line keeps a trailing space and no label grows into its neighbour's row.
 */
export function wrapLabel(text: string, width = LABEL_WIDTH, maxLines = 2): string {
  const font = `${LABEL_SIZE}px ${CHART_FONT_FAMILY}`;
  const fits = (line: string) => measureChartText(line, font) <= width;
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (fits(candidate) || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  lines.push(line);
  const last = lines.length - 1;
  if (!fits(lines[last]!)) {
    let cut = lines[last]!;
    while (cut.length > 1 && !fits(`${cut}…`)) cut = cut.slice(0, -1);
    lines[last] = `${cut.trimEnd()}…`;
  }
  return lines.join('\n');
}

/** The donut of the whole report: the resolved dossiers by result, with counts and shares beside it. */
function resultsOption(total: Statistics): EChartsCoreOption {
  const parts = resultParts.map((p) => ({ ...p, value: total[p.key], share: share(total[p.key], total.resolved) }));
  const legendRow = (p: (typeof parts)[number]) => `{name|${p.name}}{value|${viInteger(p.value)}}{share|${viPercent(p.share)}}`;
  return {
    color: parts.map((p) => p.color),
    legend: {
      orient: 'vertical',
      left: 500,
      top: 'middle',
      itemWidth: 22,
      itemHeight: 16,
      itemGap: 22,
      selectedMode: false,
      formatter: (name: string) => legendRow(parts.find((p) => p.name === name)!),
      textStyle: {
        color: INK,
        rich: {
          name: { fontSize: 17, width: 130, color: INK },
          value: { fontSize: 17, width: 100, align: 'right', fontWeight: 'bold', color: INK },
          share: { fontSize: 17, width: 90, align: 'right', color: INK },
        },
      },
    },
    graphic: [
      {
        type: 'text',
        left: 260 - 90,
        top: 'middle',
        style: {
          text: `{big|${viPercent(total.onTimeRate)}}\n{small|đúng và trước hạn}\n{small|trên ${viInteger(total.resolved)} hồ sơ}`,
          width: 180,
          align: 'center',
          rich: {
            big: { fontSize: 30, fontWeight: 'bold', fill: INK, align: 'center', lineHeight: 40, width: 180 },
            small: { fontSize: 14, fill: '#4b5563', align: 'center', lineHeight: 19, width: 180 },
          },
        },
      },
    ],
    series: [
      {
        type: 'pie',
        center: [260, '50%'],
        radius: [86, 130],
        startAngle: 90,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        data: parts.map((p) => ({ name: p.name, value: p.value })),
      },
    ],
  };
}

interface Category {
  name: string;
  total: boolean;
}

function categoryAxis(categories: Category[]): object {
  return {
    type: 'category',
    inverse: true,
    data: categories.map((c) => c.name),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: '#9ca3af' } },
    axisLabel: {
      lineHeight: 17,
      fontSize: LABEL_SIZE,
      color: INK,
      formatter: (name: string, index: number) => (categories[index]?.total ? `{total|${name}}` : name),
      rich: { total: { fontWeight: 'bold', fontSize: 14, color: INK } },
    },
  };
}

const percentAxis = {
  type: 'value',
  min: 0,
  max: 1,
  interval: 0.2,
  axisLabel: { formatter: percentTick, fontSize: 13, color: '#4b5563' },
  splitLine: { lineStyle: { color: GRID_LINE } },
};

function legend(): object {
  return { top: 8, left: 'center', itemWidth: 18, itemHeight: 12, itemGap: 28, selectedMode: false, textStyle: { fontSize: 14, color: INK } };
}

function grid(): object {
  return { left: 300, right: 80, top: 48, bottom: 34 };
}

function categoriesOf(rows: ChartRow[], total: Statistics): { categories: Category[]; stats: Statistics[] } {
  return {
    categories: [{ name: 'Tổng cộng', total: true }, ...rows.map((r) => ({ name: wrapLabel(shortAgencyName(r.agencyName)), total: false }))],
    stats: [total, ...rows],
  };
}

/**
 * 100 % bars, one per agency (and the total on top): the share of each result among the resolved.
 * Ahead and on time are labelled inside their segment when it is wide enough; overdue, often a
 * sliver, is labelled in red just after the bar whenever there is any. An agency that resolved
 * nothing gets "—", as in the table.
 */
function resultsByAgencyOption(rows: ChartRow[], total: Statistics): EChartsCoreOption {
  const { categories, stats } = categoriesOf(rows, total);
  const inside = { show: true, position: 'inside', color: '#ffffff', fontSize: 12, fontWeight: 'bold' };
  const none = { show: true, position: 'right', color: INK, fontSize: 13, formatter: NO_VALUE };
  return {
    legend: legend(),
    grid: grid(),
    xAxis: percentAxis,
    yAxis: categoryAxis(categories),
    series: resultParts.map((p) => ({
      type: 'bar',
      name: p.name,
      stack: 'results',
      barWidth: 22,
      itemStyle: { color: p.color },
      data: stats.map((s) => {
        const value = share(s[p.key], s.resolved);
        if (value === null) return p.key === 'resolvedAhead' ? { value: 0, label: none } : { value: 0, label: { show: false } };
        if (p.key === 'resolvedOverdue') {
          // A few overdue dossiers among thousands still show, as "<0,1%" rather than a reassuring 0,0%.
          const text = viPercent(value) === '0,0%' ? '<0,1%' : viPercent(value);
          const label = { show: s.resolvedOverdue > 0, position: 'right', color: p.color, fontSize: 12, fontWeight: 'bold', formatter: text };
          return { value, label };
        }
        return { value, label: { ...inside, show: value >= 0.07, formatter: viPercent(value) } };
      }),
    })),
  };
}

/** Two bars per agency (and the total on top): the digitization rate and the online rate. */
function ratesByAgencyOption(rows: ChartRow[], total: Statistics): EChartsCoreOption {
  const { categories, stats } = categoriesOf(rows, total);
  const series = (name: string, color: string, pick: (s: Statistics) => number | null) => ({
    type: 'bar',
    name,
    barWidth: 13,
    barGap: '15%',
    itemStyle: { color },
    label: { show: true, position: 'right', color: INK, fontSize: 12 },
    data: stats.map((s) => ({ value: pick(s) ?? 0, label: { formatter: viPercent(pick(s)) } })),
  });
  return {
    legend: legend(),
    grid: grid(),
    xAxis: percentAxis,
    yAxis: categoryAxis(categories),
    series: [
      series('Tỷ lệ số hóa hồ sơ', RATE_COLORS.digitization, (s) => s.digitizationRate),
      series('Tỷ lệ tiếp nhận trực tuyến', RATE_COLORS.online, (s) => s.onlineRate),
    ].map((serie, i) => ({
      ...serie,
      // Both rates share a denominator: without a dossier received in the period, one note says so.
      data: serie.data.map((item, k) =>
        stats[k]!.receivedInPeriod > 0 ? item : { value: 0, label: { show: i === 0, formatter: `${NO_VALUE} (không có hồ sơ tiếp nhận trong kỳ)`, offset: [0, 11] } },
      ),
    })),
  };
}

/** Height in CSS pixels for `n` categories of `perCategory` pixels, plus legend and axis. */
const heightFor = (n: number, perCategory: number) => 48 + 34 + 8 + n * perCategory;

/** Every chart of the report, in the order both documents show them. */
export async function reportCharts(report: { total: Statistics; rows: ChartRow[] }): Promise<ReportChart[]> {
  const pages = chunks(report.rows, AGENCIES_PER_CHART);
  const suffix = (i: number) => (pages.length > 1 ? ` (${i + 1}/${pages.length})` : '');
  const jobs: Array<{ key: string; title: string; render: () => Promise<ChartImage> }> = [];
  if (report.total.resolved > 0) {
    jobs.push({
      key: 'results',
      title: 'Kết quả giải quyết hồ sơ trong kỳ: trước hạn, đúng hạn, quá hạn',
      render: () => renderChart(resultsOption(report.total), WIDTH, 290),
    });
  }
  pages.forEach((rows, i) => {
    jobs.push({
      key: `results-by-agency-${i + 1}`,
      title: `Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn, quá hạn theo đơn vị${suffix(i)}`,
      render: () => renderChart(resultsByAgencyOption(rows, report.total), WIDTH, heightFor(rows.length + 1, 40)),
    });
  });
  pages.forEach((rows, i) => {
    jobs.push({
      key: `rates-by-agency-${i + 1}`,
      title: `Tỷ lệ số hóa hồ sơ và tỷ lệ tiếp nhận trực tuyến theo đơn vị${suffix(i)}`,
      render: () => renderChart(ratesByAgencyOption(rows, report.total), WIDTH, heightFor(rows.length + 1, 44)),
    });
  });
  // resvg draws on libuv's thread pool; a few at a time keeps the event loop free and the cores busy.
  const out: ReportChart[] = [];
  for (let i = 0; i < jobs.length; i += 4) {
    const batch = jobs.slice(i, i + 4);
    const images = await Promise.all(batch.map((j) => j.render()));
    batch.forEach((j, k) => out.push({ key: j.key, title: j.title, image: images[k]! }));
  }
  return out;
}
