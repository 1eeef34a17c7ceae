/**
 * The citizen's session on the portal, following the server's contract
 * (apps/server/src/modules/citizens/): sign-in is a full-page navigation to
 * `GET /api/v1/auth/citizen/login?returnTo=<portal path>`, which redirects to the e-ID provider
 * and comes back signed in; `GET /auth/citizen/me` says who is signed in (401: nobody);
 * `POST /auth/citizen/logout` ends the session and answers the provider's end-session URL, where
 * the browser goes next to end the e-ID session too. Staff sessions are another matter (console/auth).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, isApiError, setCsrfToken, type ApiResponse } from '../../shared/api.ts';

export type CitizenProfile = ApiResponse<'/auth/citizen/me'>;

/** Query key of the signed-in citizen; `null` data means nobody is signed in. */
export const citizenQueryKey = ['citizen', 'me'] as const;

export async function fetchCitizen(signal?: AbortSignal): Promise<CitizenProfile | null> {
  try {
    const profile = await client.get('/auth/citizen/me', { signal });
    setCsrfToken(profile.csrfToken);
    return profile;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in citizen or business, or null. */
export function useCitizen() {
  return useQuery({ queryKey: citizenQueryKey, queryFn: ({ signal }) => fetchCitizen(signal), staleTime: 5 * 60_000 });
}

/** Where the browser goes to sign in with the e-ID and come back to `returnTo` (a portal path). */
export function citizenSignInUrl(returnTo: string): string {
  return `/api/v1/auth/citizen/login?returnTo=${encodeURIComponent(returnTo.startsWith('/') ? returnTo : '/')}`;
}

/** Signs out; its data is `{ endSessionUrl }` (the provider's logout page, or null). */
export function useCitizenSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.post('/auth/citizen/logout', undefined),
    onSuccess: () => {
      // Nothing cached for this citizen may stay in the tab.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === 'citizen' });
      queryClient.setQueryData(citizenQueryKey, null);
      setCsrfToken(undefined);
    },
  });
}
