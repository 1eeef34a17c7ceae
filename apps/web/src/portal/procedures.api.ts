/**
 * The catalogue search page's query (`/thu-tuc?q=&trang=`), on the shared catalogue API, and the
 * list of what changed in the catalogue (`/thu-tuc/thay-doi`).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, type ApiItem } from '../shared/api.ts';
import { useProcedureSearch } from '../shared/catalogue.ts';
import type { CatalogueFilters } from './paths.ts';

export const proceduresPageSize = 20;

export function usePublicProcedures(query: string, page: number, filters: CatalogueFilters = {}) {
  return useProcedureSearch({ q: query, ...filters, limit: proceduresPageSize, offset: (page - 1) * proceduresPageSize });
}

/** The fields (lĩnh vực) of the procedures in force, for the search page's filter. */
export function useProcedureFields() {
  return useQuery({
    queryKey: ['public', 'procedure-fields'],
    queryFn: ({ signal }) => client.get('/public/procedure-fields', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** What a change did to a procedure (`GET /public/procedure-changes`). */
export type ProcedureChange = ApiItem<'/public/procedure-changes'>;
export type ProcedureChangeKind = ProcedureChange['change'];
export const procedureChangeKinds: readonly ProcedureChangeKind[] = ['new', 'amended', 'replaced', 'abolished'];

/** One month, or a range of months (`YYYY-MM`, both included). */
export type ChangesPeriod = { month: string } | { from: string; to: string };

export function useProcedureChanges(period: ChangesPeriod) {
  return useQuery({
    queryKey: ['public', 'procedure-changes', period],
    queryFn: ({ signal }) =>
      client.get('/public/procedure-changes', {
        query: { ...period },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
