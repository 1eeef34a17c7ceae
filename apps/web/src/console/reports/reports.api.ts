/**
 * The statistics endpoints (`/api/v1/reports/…`, docs/rules/statistics.md) and the lists the filters need. Shapes
 * follow the server's OpenAPI document. Every figure the dashboard shows comes from these answers
 * as sent: counts as integers, rates as the server's fractions (0.6874), `null` when undefined.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsKey } from '@motcua/domain';
import { api, type QueryValue } from '../../shared/api.ts';
import type { StaffAgency } from './agencyTree.ts';

export type RateKey = 'digitizationRate' | 'onlineRate' | 'onTimeRate';

export type ReportFigures = Record<StatisticsKey, number> & Record<RateKey, number | null> & {
  refused: number;
  ratings: { count: number; average: number | null; byScore: Record<string, number> };
};

export interface ReportRow extends ReportFigures {
  agency: string;
  agencyName: string;
  level: string;
}

export interface StatisticsReport {
  period: { from: string; to: string };
  filters: Record<string, string | null>;
  generatedAt: string;
  total: ReportFigures;
  rows: ReportRow[];
}

export interface TrendMonth {
  month: string;
  receivedInPeriod: number;
  online: number;
  digitized: number;
  resolvedAhead: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  withdrawn: number;
}

export interface ReportDossier {
  id: number;
  code: string;
  status: string;
  procedureCode: string;
  applicantName: string;
  channel: string;
  agency: string;
  receivedAt: string | null;
  dueAt: string | null;
  resultAt: string | null;
  withdrawnAt: string | null;
  resultClass: 'ahead' | 'on_time' | 'overdue' | string | null;
}

export interface CatalogueProcedure {
  code: string;
  name: string;
  field: string;
}

export function useStatistics(query: Record<string, string>) {
  return useQuery({
    queryKey: ['reports', 'statistics', query],
    queryFn: ({ signal }) => api.get<StatisticsReport>('/reports/statistics', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(query: Record<string, string>) {
  return useQuery({
    queryKey: ['reports', 'trend', query],
    queryFn: ({ signal }) => api.get<{ items: TrendMonth[] }>('/reports/trend', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReportDossiers(query: Record<string, QueryValue> | null) {
  return useQuery({
    queryKey: ['reports', 'dossiers', query],
    queryFn: ({ signal }) => api.get<{ items: ReportDossier[]; total: number }>('/reports/dossiers', { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The caller's agencies (their scope), for the tree filter and the drill-down. */
export function useStaffAgencies() {
  return useQuery({
    queryKey: ['reports', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: StaffAgency[]; total: number }>('/agencies', { query: { limit: 500 }, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useProcedureFields() {
  return useQuery({
    queryKey: ['reports', 'procedure-fields'],
    queryFn: ({ signal }) => api.get<{ items: Array<{ field: string; count: number }> }>('/public/procedure-fields', { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useCatalogueProcedures() {
  return useQuery({
    queryKey: ['reports', 'catalogue-procedures'],
    queryFn: ({ signal }) => api.get<{ items: CatalogueProcedure[]; total: number }>('/public/procedures', { query: { limit: 100 }, signal }),
    staleTime: 30 * 60_000,
  });
}
