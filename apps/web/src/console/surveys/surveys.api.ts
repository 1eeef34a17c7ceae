/**
 * Satisfaction surveys and external figures (`/api/v1/surveys…`, `/api/v1/external-figures`).
 * Shapes are the server's OpenAPI document's (../../shared/openapi.ts); nothing is computed here.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, currentCsrfToken, refreshCsrfToken, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';
import { saveResponse } from '../reports/download.ts';

export type SurveyDetail = ApiResponse<'/surveys/{id}'>;
export type SurveyInput = ApiBody<'/surveys', 'post'>;
export type SurveyListItem = ApiItem<'/surveys'>;
export type SurveyResults = ApiResponse<'/surveys/{id}/results'>;
export type SamplePreview = ApiResponse<'/surveys/{id}/sample-preview'>;
export type InvitationItem = ApiItem<'/surveys/{id}/invitations'>;
export type InvitationQuery = ApiQuery<'/surveys/{id}/invitations'> & { limit: number; offset: number };
export type Questionnaire = SurveyDetail['questionnaire'];
export type Question = Questionnaire['questions'][number];
export type ExternalFigure = ApiItem<'/external-figures'>;
export type ExternalFigureInput = ApiBody<'/external-figures', 'put'>;
export type StaffAnswer = ApiBody<'/surveys/{id}/invitations/{invitationId}/answer', 'post'>;

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (query: object) => ['surveys', 'list', query] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  preview: (id: string) => ['surveys', 'preview', id] as const,
  results: (id: string) => ['surveys', 'results', id] as const,
  invitations: (id: string, query: object) => ['surveys', 'invitations', id, query] as const,
  figures: (query: object) => ['external-figures', query] as const,
};

export function useSurveyList(query: { status?: 'draft' | 'open' | 'closed' | undefined; limit: number; offset: number }) {
  return useQuery({
    queryKey: surveyKeys.list(query),
    queryFn: ({ signal }) => client.get('/surveys', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => client.get('/surveys/{id}', { params: { id: id! }, signal }),
    enabled: Boolean(id),
  });
}

export function useSamplePreview(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.preview(id ?? ''),
    queryFn: ({ signal }) => client.get('/surveys/{id}/sample-preview', { params: { id: id! }, signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useSurveyResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: ({ signal }) => client.get('/surveys/{id}/results', { params: { id }, signal }),
    enabled,
  });
}

export function useInvitations(id: string, query: InvitationQuery, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.invitations(id, query),
    queryFn: ({ signal }) => client.get('/surveys/{id}/invitations', { params: { id }, query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveSurvey(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyInput) => (id ? client.put('/surveys/{id}', input, { params: { id } }) : client.post('/surveys', input)),
    onSuccess: (saved) => {
      queryClient.setQueryData(surveyKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

export function useDeleteSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.delete('/surveys/{id}', { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useSurveyAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'open' | 'close') => client.post('/surveys/{id}/actions', { action }, { params: { id } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(surveyKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

export function useEnterAnswer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId, body }: { invitationId: number; body: StaffAnswer }) =>
      client.post('/surveys/{id}/invitations/{invitationId}/answer', body, { params: { id, invitationId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** The printed follow-up list (a POST: each print issues new one-time tokens), saved as a file. */
export async function printInvitations(id: string, agency: string | undefined): Promise<void> {
  const token = currentCsrfToken() ?? (await refreshCsrfToken());
  const query = agency ? `?agency=${encodeURIComponent(agency)}` : '';
  const response = await fetch(`/api/v1/surveys/${encodeURIComponent(id)}/invitations/print${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/pdf, application/problem+json', 'content-type': 'application/json', 'x-csrf-token': token },
    body: '{}',
  });
  await saveResponse(response, 'khao-sat.pdf');
}

export function useExternalFigures(query: { agency?: string | undefined; year?: number | undefined; latest?: boolean }, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.figures(query),
    queryFn: ({ signal }) => client.get('/external-figures', { query: { ...query, latest: query.latest ? 'true' : undefined }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useSaveFigure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExternalFigureInput) => client.put('/external-figures', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['external-figures'] }),
  });
}

export function useDeleteFigure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.delete('/external-figures/{id}', { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['external-figures'] }),
  });
}
