/** The catalogue search page's query (`/thu-tuc?q=&trang=`), on the shared catalogue API. */
import { useProcedureSearch } from '../shared/catalogue.ts';

export const proceduresPageSize = 20;

export function usePublicProcedures(query: string, page: number) {
  return useProcedureSearch({ q: query, limit: proceduresPageSize, offset: (page - 1) * proceduresPageSize });
}
