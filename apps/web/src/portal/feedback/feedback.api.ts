/**
 * The citizen's side of feedback and petitions: sending (`POST /public/feedback`, docs/rules/service-quality.md), the
 * public status of one by its code, the sender's own view with the security code, the published
 * answers, and the signed-in citizen's own feedback. Shapes are the OpenAPI document's.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, isApiError, type ApiBody, type ApiItem, type ApiResponse } from '../../shared/api.ts';
import { idempotencyHeader } from '../../shared/idempotency.ts';

export type FeedbackBody = ApiBody<'/public/feedback'>;
export type FeedbackReceipt = ApiResponse<'/public/feedback', 'post'>;
export type PublicFeedback = ApiResponse<'/public/feedback/{code}'>;
export type PublishedFeedback = ApiItem<'/public/feedback'>;
export type MyFeedback = ApiItem<'/citizen/feedback'>;

/** Query keys of the signed-in citizen's feedback start with 'citizen': dropped at sign-out. */
export const myFeedbackKey = ['citizen', 'feedback'] as const;

export function useSendFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: FeedbackBody; key: string }) => client.post('/public/feedback', body, { headers: { [idempotencyHeader]: key } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myFeedbackKey }),
  });
}

export function usePublicFeedback(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'feedback', code],
    queryFn: ({ signal }) => client.get('/public/feedback/{code}', { params: { code: code ?? '' }, signal }),
    enabled: Boolean(code),
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
  });
}

/** The sender's own view, proven with the security code given at submission. */
export function useOwnFeedback(code: string) {
  return useMutation({
    mutationFn: (securityCode: string) => client.post('/public/feedback/{code}/view', { securityCode }, { params: { code } }),
  });
}

export function usePublishedFeedback(query: { q?: string | undefined; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['public', 'feedback', 'published', query],
    queryFn: ({ signal }) => client.get('/public/feedback', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyFeedback(enabled: boolean) {
  return useQuery({
    queryKey: myFeedbackKey,
    queryFn: ({ signal }) => client.get('/citizen/feedback', { query: { limit: 50 }, signal }),
    enabled,
  });
}

