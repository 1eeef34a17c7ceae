/**
 * The React Query client. One rule lives here because it spans every screen: when any request
 * says the session is gone (`auth.unauthenticated`), the cached profile is cleared so the console
 * guard sends the user to the sign-in page and back afterwards.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, networkErrorCode } from './api.ts';

/** Query key of the signed-in staff profile (`GET /auth/me`); `null` data means signed out. */
export const sessionQueryKey = ['auth', 'me'] as const;

function onError(error: unknown): void {
  if (isApiError(error, 'auth.unauthenticated')) queryClient.setQueryData(sessionQueryKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what a retry can fix: the network and server errors. A 4xx will answer the same.
      retry: (failureCount, error) =>
        failureCount < 2 && isApiError(error) && (error.code === networkErrorCode || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
