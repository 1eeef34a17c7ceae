/**
 * ECharts options of the dashboard's charts, as plain data (no ECharts import here, so they are
 * testable and the library stays in its own lazy chunk). Every value is a figure of the API as
 * sent: counts from the trend and the report, rates from the report's fractions. Numbers on the
 * charts use the Vietnamese formats of `format.ts`.
 */
import type { EChartsOption } from 'echarts';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import type { ReportFigures, TrendMonth } from './reports.api.ts';

/** Result colours, the same on every chart and in the table: ahead green, on time blue, overdue red. */
export const chartColors = {
  ahead: '#2f9e44',
  onTime: '#1971c2',
  overdue: '#e03131',
  received: '#8c96a1',
  digitization: '#6741d9',
  online: '#0c8599',
  text: '#353b43',
  muted: '#5c6570',
  grid: '#e3e6ea',
};

const fontFamily = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

const base = {
  animationDuration: 300,
  animationDurationUpdate: 300,
  textStyle: { fontFamily, color: chartColors.text, fontSize: 12 },
} satisfies EChartsOption;

export interface TrendLabels {
  received: string;
  ahead: string;
  onTime: string;
  overdue: string;
  /** `2023-01` → `01/2023` on the axis. */
  monthShort: (month: string) => string;
  /** `2023-01` → `Tháng 01/2023` in the tooltip. */
  monthLong: (month: string) => string;
}

const count = (value: unknown) => formatNumber(typeof value === 'number' ? value : Number(value));

/** Month by month: the dossiers received (grey) beside those resolved, stacked ahead / on time / overdue. */
export function trendOption(items: readonly TrendMonth[], labels: TrendLabels): EChartsOption {
  const bar = { type: 'bar' as const, barMaxWidth: 26, emphasis: { focus: 'series' as const } };
  return {
    ...base,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: count,
    },
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: chartColors.text } },
    grid: { left: 8, right: 12, top: 20, bottom: 36 },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.month),
      // Every month named while they fit (a year and its first half-month); beyond, ECharts thins them.
      axisLabel: { formatter: (value: string) => labels.monthShort(value), color: chartColors.muted, interval: items.length <= 13 ? 0 : 'auto', fontSize: 11 },
      axisTick: { alignWithLabel: true },
      axisPointer: { label: { formatter: ({ value }: { value: unknown }) => labels.monthLong(String(value)) } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => formatNumber(value), color: chartColors.muted },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    series: [
      { ...bar, name: labels.received, stack: 'received', data: items.map((i) => i.receivedInPeriod), itemStyle: { color: chartColors.received } },
      { ...bar, name: labels.ahead, stack: 'resolved', data: items.map((i) => i.resolvedAhead), itemStyle: { color: chartColors.ahead } },
      { ...bar, name: labels.onTime, stack: 'resolved', data: items.map((i) => i.resolvedOnTime), itemStyle: { color: chartColors.onTime } },
      { ...bar, name: labels.overdue, stack: 'resolved', data: items.map((i) => i.resolvedOverdue), itemStyle: { color: chartColors.overdue } },
    ],
  };
}

export interface ShareLabels {
  ahead: string;
  onTime: string;
  overdue: string;
  /** Under the on-time rate in the middle of the ring: "đúng hạn". */
  center: string;
}

/**
 * The resolved dossiers by result: a ring with the counts in the legend and the API's on-time
 * rate in the middle. No share is computed here: the slices' sizes show the proportions.
 */
export function shareOption(total: Pick<ReportFigures, 'resolvedAhead' | 'resolvedOnTime' | 'resolvedOverdue' | 'onTimeRate'>, labels: ShareLabels): EChartsOption {
  const data = [
    { name: labels.ahead, value: total.resolvedAhead, itemStyle: { color: chartColors.ahead } },
    { name: labels.onTime, value: total.resolvedOnTime, itemStyle: { color: chartColors.onTime } },
    { name: labels.overdue, value: total.resolvedOverdue, itemStyle: { color: chartColors.overdue } },
  ];
  const values = new Map(data.map((d) => [d.name, d.value]));
  return {
    ...base,
    tooltip: { trigger: 'item', valueFormatter: count },
    legend: {
      bottom: 0,
      itemWidth: 12,
      itemHeight: 12,
      formatter: (name: string) => `${name}: ${formatNumber(values.get(name))}`,
      textStyle: { color: chartColors.text },
    },
    title: {
      text: formatPercent(total.onTimeRate),
      subtext: labels.center,
      left: 'center',
      top: '33%',
      itemGap: 2,
      textStyle: { fontSize: 24, fontWeight: 650, color: chartColors.text, fontFamily },
      subtextStyle: { fontSize: 13, color: chartColors.muted, fontFamily },
    },
    series: [{
      type: 'pie',
      radius: ['52%', '76%'],
      center: ['50%', '44%'],
      avoidLabelOverlap: true,
      label: { show: false },
      labelLine: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
      data,
    }],
  };
}

export interface RatesLabels {
  digitizationRate: string;
  onlineRate: string;
}

export interface RateRow {
  label: string;
  digitizationRate: number | null;
  onlineRate: number | null;
}

/** Height that gives each unit two readable bars. */
export function ratesHeight(rows: number): number {
  return Math.max(220, 70 + rows * 46);
}

/** Digitization and online rates by unit, as horizontal bars (the API's fractions, 0–100%). */
export function ratesOption(rows: readonly RateRow[], labels: RatesLabels): EChartsOption {
  // ECharts draws a category axis from the bottom up: reverse so the first unit is on top.
  const ordered = [...rows].reverse();
  const rate = (value: unknown) => formatPercent(typeof value === 'number' ? value : null);
  const bar = {
    type: 'bar' as const,
    barMaxWidth: 14,
    barGap: '20%',
    label: { show: true, position: 'right' as const, formatter: ({ value }: { value: unknown }) => rate(value), color: chartColors.text, fontSize: 11 },
  };
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: rate },
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: chartColors.text } },
    grid: { left: 8, right: 48, top: 8, bottom: 36 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatPercent(value, 0), color: chartColors.muted },
      splitLine: { lineStyle: { color: chartColors.grid } },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisLabel: { color: chartColors.text, width: 170, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      { ...bar, name: labels.digitizationRate, data: ordered.map((r) => r.digitizationRate), itemStyle: { color: chartColors.digitization } },
      { ...bar, name: labels.onlineRate, data: ordered.map((r) => r.onlineRate), itemStyle: { color: chartColors.online } },
    ],
  };
}
