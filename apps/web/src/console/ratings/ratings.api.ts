/**
 * Low ratings of the user's units and their handling (`/api/v1/rating-alerts…`), and the rating
 * QR code handed over with the result (the rating card, the counter's screen). Shapes are the
 * server's OpenAPI document's (../../shared/openapi.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiItem, type ApiQuery } from '../../shared/api.ts';

export type RatingAlert = ApiItem<'/rating-alerts'>;
export type RatingAlertQuery = ApiQuery<'/rating-alerts'> & { limit: number; offset: number };

export const ratingAlertKeys = {
  all: ['rating-alerts'] as const,
  list: (query: RatingAlertQuery) => ['rating-alerts', 'list', query] as const,
};

export function useRatingAlerts(query: RatingAlertQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ratingAlertKeys.list(query),
    queryFn: ({ signal }) => client.get('/rating-alerts', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useHandleAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dossierId, note }: { dossierId: number; note: string }) =>
      client.post('/rating-alerts/{dossierId}/handle', { note }, { params: { dossierId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ratingAlertKeys.all }),
  });
}

/** A new rating page address (one-time token) for the counter's screen. */
export function useRatingInvitation(dossierId: number) {
  return useMutation({
    mutationFn: () => client.post('/dossiers/{id}/rating-invitation', undefined, { params: { id: dossierId } }),
  });
}
