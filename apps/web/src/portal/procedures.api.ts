/**
 * The public procedure catalogue (`GET /api/v1/public/procedures`), as SPEC §7 and the bundle
 * format describe it. The endpoint is being built on the server; until it exists it answers 404.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../shared/api.ts';

export type ProcessingTimeUnit = 'working_days' | 'working_hours' | 'days' | 'same_day';

export interface PublicProcedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  processingTime: { value: number; unit: ProcessingTimeUnit; cutoff?: string };
  fee?: { amount: number; currency: 'VND' };
  fullyOnline: boolean;
}

export interface ProcedurePage {
  items: PublicProcedure[];
  total: number;
}

export const proceduresPageSize = 20;

export function usePublicProcedures(query: string, page: number) {
  const offset = (page - 1) * proceduresPageSize;
  return useQuery({
    queryKey: ['public', 'procedures', { query, offset }],
    queryFn: ({ signal }) =>
      api.get<ProcedurePage>('/public/procedures', { query: { q: query, limit: proceduresPageSize, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}
