/**
 * The catalogue search page's query (`/thu-tuc?q=&trang=`), on the shared catalogue API, and the
 * list of what changed in the catalogue (`/thu-tuc/thay-doi`).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../shared/api.ts';
import { useProcedureSearch } from '../shared/catalogue.ts';

export const proceduresPageSize = 20;

export function usePublicProcedures(query: string, page: number) {
  return useProcedureSearch({ q: query, limit: proceduresPageSize, offset: (page - 1) * proceduresPageSize });
}

/** What a change did to a procedure (`GET /public/procedure-changes`). */
export type ProcedureChangeKind = 'new' | 'amended' | 'replaced' | 'abolished';
export const procedureChangeKinds: readonly ProcedureChangeKind[] = ['new', 'amended', 'replaced', 'abolished'];

export interface ProcedureChange {
  change: ProcedureChangeKind;
  /** The local date the change takes effect, `YYYY-MM-DD`. */
  date: string;
  code: string;
  name: string;
  field: string;
  version: number;
  previousVersion: number | null;
  changeNote: string | null;
  /** The legal basis of the version that took effect; null for a procedure that ended. */
  legalBasis: string | null;
  replacedBy: { code: string; name: string | null } | null;
}

/** One month, or a range of months (`YYYY-MM`, both included). */
export type ChangesPeriod = { month: string } | { from: string; to: string };

export function useProcedureChanges(period: ChangesPeriod) {
  return useQuery({
    queryKey: ['public', 'procedure-changes', period],
    queryFn: ({ signal }) =>
      api.get<{ month: string | null; from: string; to: string; items: ProcedureChange[]; total: number }>('/public/procedure-changes', {
        query: { ...period },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
