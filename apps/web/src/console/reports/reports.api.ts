/**
 * The statistics endpoints (`/api/v1/reports/…`, docs/rules/statistics.md) and the lists the filters need. Shapes
 * are the server's OpenAPI document's (../../shared/openapi.ts). Every figure the dashboard shows comes from these answers
 * as sent: counts as integers, rates as the server's fractions (0.6874), `null` when undefined.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';

export type RateKey = 'digitizationRate' | 'onlineRate' | 'onTimeRate';

export type StatisticsReport = ApiResponse<'/reports/statistics'>;
export type ReportFigures = StatisticsReport['total'];
export type ReportRow = StatisticsReport['rows'][number];
export type TrendMonth = ApiItem<'/reports/trend'>;
export type ReportDossier = ApiItem<'/reports/dossiers'>;
export type CatalogueProcedure = ApiItem<'/public/procedures'>;
/** The report's filters (the period and what narrows it), as the three report endpoints take them. */
export type ReportQuery = ApiQuery<'/reports/statistics'>;

export function useStatistics(query: ReportQuery) {
  return useQuery({
    queryKey: ['reports', 'statistics', query],
    queryFn: ({ signal }) => client.get('/reports/statistics', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(query: ReportQuery) {
  return useQuery({
    queryKey: ['reports', 'trend', query],
    queryFn: ({ signal }) => client.get('/reports/trend', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReportDossiers(query: ApiQuery<'/reports/dossiers'> | null) {
  return useQuery({
    queryKey: ['reports', 'dossiers', query],
    queryFn: ({ signal }) => client.get('/reports/dossiers', { query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The caller's agencies (their scope), for the tree filter and the drill-down. */
export function useStaffAgencies() {
  return useQuery({
    queryKey: ['reports', 'agencies'],
    queryFn: ({ signal }) => client.get('/agencies', { query: { limit: 500 }, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useProcedureFields() {
  return useQuery({
    queryKey: ['reports', 'procedure-fields'],
    queryFn: ({ signal }) => client.get('/public/procedure-fields', { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useCatalogueProcedures() {
  return useQuery({
    queryKey: ['reports', 'catalogue-procedures'],
    queryFn: ({ signal }) => client.get('/public/procedures', { query: { limit: 100 }, signal }),
    staleTime: 30 * 60_000,
  });
}

export type FeeReport = ApiResponse<'/reports/fees'>;
export type FeeFigures = FeeReport['total'];
export type FeeRow = FeeReport['rows'][number];
export type FeeQuery = ApiQuery<'/reports/fees'>;

/** Fees and charges of the period (docs/rules/payments.md, "Reports"), grouped as asked. */
export function useFees(query: FeeQuery) {
  return useQuery({
    queryKey: ['reports', 'fees', query],
    queryFn: ({ signal }) => client.get('/reports/fees', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
