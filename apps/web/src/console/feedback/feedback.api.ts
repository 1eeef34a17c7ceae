/**
 * The staff's feedback endpoints (`/api/v1/feedback…`): the list of their units' feedback, one
 * with the steps the server allows now and its timeline, intake, steps, and the dashboard's
 * figures. Shapes are the OpenAPI document's; the web app decides no rule.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';
import { idempotencyHeader, newIdempotencyKey } from '../../shared/idempotency.ts';

export type FeedbackItem = ApiItem<'/feedback'>;
export type FeedbackDetail = ApiResponse<'/feedback/{id}'>;
export type FeedbackQuery = ApiQuery<'/feedback'> & { limit: number; offset: number };
export type IntakeInput = ApiBody<'/feedback'>;
export type FeedbackActionInput = ApiBody<'/feedback/{id}/actions'>;
export type FeedbackFiguresReport = ApiResponse<'/feedback/figures'>;
export type FeedbackFiguresRow = FeedbackFiguresReport['rows'][number];

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (query: FeedbackQuery) => ['feedback', 'list', query] as const,
  detail: (id: string) => ['feedback', 'detail', id] as const,
  figures: (query: ApiQuery<'/feedback/figures'>) => ['feedback', 'figures', query] as const,
};

export function useFeedbackList(query: FeedbackQuery) {
  return useQuery({ queryKey: feedbackKeys.list(query), queryFn: ({ signal }) => client.get('/feedback', { query, signal }), placeholderData: keepPreviousData });
}

export function useFeedback(id: string) {
  return useQuery({ queryKey: feedbackKeys.detail(id), queryFn: ({ signal }) => client.get('/feedback/{id}', { params: { id }, signal }) });
}

export function useFeedbackFigures(query: ApiQuery<'/feedback/figures'>) {
  return useQuery({ queryKey: feedbackKeys.figures(query), queryFn: ({ signal }) => client.get('/feedback/figures', { query, signal }), placeholderData: keepPreviousData });
}

export function useTakeInFeedback() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: IntakeInput; key: string }) => client.post('/feedback', body, { headers: { [idempotencyHeader]: key } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

export function useFeedbackAction(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedbackActionInput) => client.post('/feedback/{id}/actions', input, { params: { id }, headers: { [idempotencyHeader]: newIdempotencyKey() } }),
    onSuccess: (detail) => {
      queries.setQueryData(feedbackKeys.detail(id), detail);
      return queries.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}
