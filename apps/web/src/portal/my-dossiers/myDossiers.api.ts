/**
 * "Hồ sơ của tôi" on the server's citizen routes (`/citizen/dossiers…`): the signed-in citizen's
 * dossiers, newest first by cursor, and one in full. Query keys start with 'citizen', so signing
 * out drops them (citizen/session.ts).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client, isApiError, type ApiResponse } from '../../shared/api.ts';
import { myDossierKey, myDossiersKey } from '../dossiers.api.ts';

export type MyDossierList = ApiResponse<'/citizen/dossiers'>;
export type MyDossierItem = MyDossierList['items'][number];
export type MyDossier = ApiResponse<'/citizen/dossiers/{code}'>;

const pageSize = 20;

/**
 * The administration changes these dossiers while the citizen looks elsewhere: the list and a
 * dossier are asked again each time their page is shown or the tab comes back into view (what was
 * fetched before is shown meanwhile), never left as they were up to the app's default 30 s.
 */
const fresh = { staleTime: 0, refetchOnWindowFocus: true } as const;

export function useMyDossiers(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: myDossiersKey,
    queryFn: ({ pageParam, signal }) =>
      client.get('/citizen/dossiers', { query: { limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    ...fresh,
  });
}

export function useMyDossier(code: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: myDossierKey(code ?? ''),
    queryFn: ({ signal }) => client.get('/citizen/dossiers/{code}', { params: { code: code ?? '' }, signal }),
    enabled: enabled && Boolean(code),
    ...fresh,
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
  });
}
