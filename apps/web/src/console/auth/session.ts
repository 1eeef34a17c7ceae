/**
 * Staff session, following the server's auth contract (apps/server/src/modules/auth/auth.routes.ts):
 * `GET /auth/csrf` before sign-in, `POST /auth/login`, `GET /auth/me`, `POST /auth/logout`.
 * The CSRF token is replaced by the one each profile response carries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, hasCsrfToken, isApiError, refreshCsrfToken, setCsrfToken, type ApiBody, type ApiResponse } from '../../shared/api.ts';
import { sessionQueryKey } from '../../shared/query.ts';

export type StaffProfile = ApiResponse<'/auth/me'>;
export type StaffAssignment = StaffProfile['assignments'][number];

export type Credentials = ApiBody<'/auth/login'>;

/** The signed-in profile, or `null` when there is no session. */
export async function fetchProfile(signal?: AbortSignal): Promise<StaffProfile | null> {
  try {
    const profile = await client.get('/auth/me', { signal });
    setCsrfToken(profile.csrfToken);
    return profile;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(credentials: Credentials): Promise<StaffProfile> {
  if (!hasCsrfToken()) await refreshCsrfToken();
  let profile: StaffProfile;
  try {
    profile = await client.post('/auth/login', credentials);
  } catch (error) {
    // The token we held may predate a server restart or an expired cookie: get a new one, once.
    if (!isApiError(error, 'auth.csrf_invalid')) throw error;
    await refreshCsrfToken();
    profile = await client.post('/auth/login', credentials);
  }
  setCsrfToken(profile.csrfToken);
  return profile;
}

export async function signOut(): Promise<void> {
  await client.post('/auth/logout', undefined);
  setCsrfToken(undefined);
}

export function useProfile() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchProfile(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (profile) => {
      // Nothing cached under another user may leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'public' });
      queryClient.setQueryData(sessionQueryKey, profile);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'public' });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
