/**
 * Staff dossier endpoints (`/api/v1/dossiers…`): the inbox and the full list, one dossier with its
 * timeline and the actions the transition table allows, actions, and the specialists a leader can
 * assign. Shapes are the server's OpenAPI document's (../../shared/openapi.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, isApiError, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';
import { idempotencyHeader } from '../../shared/idempotency.ts';

export type DossierListItem = ApiItem<'/dossiers'>;
export type DossierDetail = ApiResponse<'/dossiers/{id}'>;
export type ClockState = DossierDetail['clock']['state'];
export type DossierComponent = DossierDetail['components'][number];
export type Applicant = DossierDetail['applicant'];
export type TimelineEntry = DossierDetail['timeline'][number];
export type AllowedAction = DossierDetail['allowedActions'][number];
export type ActionInput = ApiBody<'/dossiers/{id}/actions'>;
export type StaffMember = ApiItem<'/agencies/{id}/staff'>;

/** The inbox's query as the page holds it (statuses as a list; the API takes them comma-separated). */
export type DossierListQuery = Omit<ApiQuery<'/dossiers'>, 'status' | 'limit' | 'offset'> & {
  view: NonNullable<ApiQuery<'/dossiers'>['view']>;
  status?: string[];
  limit: number;
  offset: number;
};

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (query: DossierListQuery) => ['dossiers', 'list', query] as const,
  detail: (id: number) => ['dossiers', 'detail', id] as const,
};

export function fetchDossiers(query: DossierListQuery, signal?: AbortSignal) {
  return client.get('/dossiers', {
    query: { ...query, status: query.status?.join(',') },
    signal,
  });
}

export function useDossierList(query: DossierListQuery, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: dossierKeys.list(query),
    queryFn: ({ signal }) => fetchDossiers(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

export function useDossier(id: number) {
  return useQuery({
    queryKey: dossierKeys.detail(id),
    queryFn: ({ signal }) => client.get('/dossiers/{id}', { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
    // Others act on the same dossier: always fetch it afresh when its page opens.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** An action on a dossier. The caller keeps the idempotency key for the intent (one dialog). */
export function useDossierAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ActionInput; idempotencyKey: string }) =>
      client.post('/dossiers/{id}/actions', input, { params: { id }, headers: { [idempotencyHeader]: idempotencyKey } }),
    onSuccess: (detail) => {
      queryClient.setQueryData(dossierKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...dossierKeys.all, 'list'] });
    },
    onError: (error) => {
      // Someone else acted first (409) or the user's rights changed (403): the buttons shown are
      // stale, so fetch the dossier again; the dialog keeps the server's explanation.
      if (isApiError(error) && (error.status === 409 || error.status === 403)) {
        void queryClient.invalidateQueries({ queryKey: dossierKeys.detail(id) });
      }
    },
  });
}

export function useAgencyStaff(agencyId: string | undefined, role: 'specialist' | 'officer' | 'leader', enabled: boolean) {
  return useQuery({
    queryKey: ['agencies', agencyId, 'staff', role],
    queryFn: ({ signal }) => client.get('/agencies/{id}/staff', { params: { id: agencyId! }, query: { role }, signal }),
    enabled: enabled && Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
}

/** The forms of the dossier the caller may sign digitally now: the server's rule (docs/signatures.md). */
export function useSignableForms(dossierId: number) {
  return useQuery({
    queryKey: ['dossiers', 'detail', dossierId, 'signable-forms'],
    queryFn: ({ signal }) => client.get('/dossiers/{id}/forms/signable', { params: { id: dossierId }, signal }),
  });
}

/** Where a form is signed (POST; answers the signed PDF). */
export function signFormUrl(dossierId: number, form: string): string {
  return `/api/v1/dossiers/${dossierId}/forms/${form}/sign`;
}

/** Where a regulated form of a dossier is printed (PDF, opened in a new tab). */
export function formUrl(dossierId: number, form: string): string {
  return `/api/v1/dossiers/${dossierId}/forms/${form}`;
}

/** Where an attached file is read. */
export function fileUrl(fileId: string): string {
  return `/api/v1/files/${fileId}`;
}
