/**
 * The dashboard's state lives in the address, so a report can be bookmarked, sent to a colleague
 * or reopened after looking at a dossier:
 *
 *   /console/bao-cao?from=2022-12-15&to=2023-09-14&agency=000.00.12.H40&channel=online
 *                   &list=resolvedAhead&listAgency=000.31.12.H40&listPage=2
 *
 * `from`/`to` are the period (always present once the page has loaded), `agency` the root of the
 * reported subtree (the drill-down), then the filters; `list*` is the open list of dossiers behind
 * one number. `kind=custom` keeps the free date range chosen even when its dates match a preset.
 */
import { statisticsKeys, type PlainDate, type StatisticsKey } from '@motcua/domain';
import { apiBase, type ApiQuery } from '../../shared/api.ts';
import { currentOfficialQuarter, isValidRange } from './periods.ts';

export const channels = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof channels)[number];

export interface ReportFilters {
  from: PlainDate;
  to: PlainDate;
  /** The free date range was chosen (the picker shows dates even if they match a preset). */
  custom: boolean;
  agency: string;
  level: string;
  field: string;
  procedure: string;
  channel: Channel | '';
}

/** The list of dossiers behind one number: the key, and the row's agency (none for the total). */
export interface DossierListState {
  key: StatisticsKey;
  agency: string;
  page: number;
}

export interface ReportState {
  filters: ReportFilters;
  list: DossierListState | null;
}

const text = (params: URLSearchParams, name: string, max = 200) => (params.get(name) ?? '').trim().slice(0, max);

/**
 * Reads the address. `canonical` is false when the period was missing or unreadable and the
 * default (the official quarter containing `today`) was used: the page then rewrites the address.
 */
export function parseReportState(params: URLSearchParams, today: PlainDate): ReportState & { canonical: boolean } {
  const from = params.get('from');
  const to = params.get('to');
  const valid = isValidRange(from, to);
  const period = valid ? { from: from as PlainDate, to: to as PlainDate } : currentOfficialQuarter(today);
  const channel = params.get('channel');
  const key = params.get('list');
  const page = Number.parseInt(params.get('listPage') ?? '1', 10);
  return {
    canonical: valid,
    filters: {
      from: period.from,
      to: period.to,
      custom: valid && params.get('kind') === 'custom',
      agency: text(params, 'agency', 64),
      level: text(params, 'level', 50),
      field: text(params, 'field'),
      procedure: text(params, 'procedure', 50),
      channel: (channels as readonly string[]).includes(channel ?? '') ? (channel as Channel) : '',
    },
    list: key && (statisticsKeys as readonly string[]).includes(key)
      ? { key: key as StatisticsKey, agency: text(params, 'listAgency', 64), page: Number.isFinite(page) && page > 1 ? page : 1 }
      : null,
  };
}

/** The address query of a state; empty filters are left out. */
export function reportSearch(state: ReportState): string {
  const { filters, list } = state;
  const params = new URLSearchParams();
  params.set('from', filters.from);
  params.set('to', filters.to);
  if (filters.custom) params.set('kind', 'custom');
  for (const name of ['agency', 'level', 'field', 'procedure', 'channel'] as const) {
    if (filters[name]) params.set(name, filters[name]);
  }
  if (list) {
    params.set('list', list.key);
    if (list.agency) params.set('listAgency', list.agency);
    if (list.page > 1) params.set('listPage', String(list.page));
  }
  return `?${params.toString()}`;
}

/** The query the statistics, trend and export endpoints take for these filters. */
export function reportApiQuery(filters: ReportFilters): ApiQuery<'/reports/statistics'> {
  const query: ApiQuery<'/reports/statistics'> = { from: filters.from, to: filters.to };
  for (const name of ['agency', 'level', 'field', 'procedure'] as const) {
    if (filters[name]) query[name] = filters[name];
  }
  if (filters.channel) query.channel = filters.channel;
  return query;
}

/** Whether any filter beyond the period and the drill-down narrows the report. */
export function hasFilters(filters: ReportFilters): boolean {
  return Boolean(filters.level || filters.field || filters.procedure || filters.channel);
}

/** `/api/v1/reports/statistics.xlsx?from=…`: the same report as a file. */
export function exportUrl(filters: ReportFilters, format: 'xlsx' | 'pdf'): string {
  return `${apiBase}/reports/statistics.${format}?${new URLSearchParams(reportApiQuery(filters)).toString()}`;
}

/** Where the same report is signed digitally as PDF (POST; answers the signed file). */
export function signUrl(filters: ReportFilters): string {
  return `${apiBase}/reports/statistics/sign?${new URLSearchParams(reportApiQuery(filters)).toString()}`;
}

/** `bao-cao-2022-12-15-2023-09-14.xlsx` from `Content-Disposition`, else `fallback`. */
export function downloadName(disposition: string | null, fallback: string): string {
  // The UTF-8 name (RFC 8187) when given, else the plain one.
  const match = disposition ? (/filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition)) : null;
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return fallback;
  }
}

export const dossierPageSize = 20;

/**
 * The query of `/reports/dossiers` behind a number. For the total it is the report's own query.
 * For an agency's row it counts that agency alone (`agencyOnly`), as the row does.
 */
export function dossierListQuery(filters: ReportFilters, list: DossierListState): ApiQuery<'/reports/dossiers'> {
  const base: ApiQuery<'/reports/dossiers'> = { ...reportApiQuery(filters), key: list.key, limit: dossierPageSize, offset: (list.page - 1) * dossierPageSize };
  if (!list.agency) return base;
  return { ...base, agency: list.agency, agencyOnly: 'true' };
}

/** The fee report's query for the page's filters (fees have no field or channel filter), grouped by `groupBy`. */
export function feeApiQuery(filters: ReportFilters, groupBy: 'agency' | 'procedure' | 'month'): ApiQuery<'/reports/fees'> {
  const query: ApiQuery<'/reports/fees'> = { from: filters.from, to: filters.to, groupBy };
  for (const name of ['agency', 'level', 'procedure'] as const) {
    if (filters[name]) query[name] = filters[name];
  }
  return query;
}

/** Where the fee statement for accounting is downloaded (XLSX). */
export function feeExportUrl(filters: ReportFilters, groupBy: 'agency' | 'procedure' | 'month'): string {
  return `${apiBase}/reports/fees.xlsx?${new URLSearchParams(feeApiQuery(filters, groupBy) as Record<string, string>).toString()}`;
}
