/**
 * The rating page's calls: the proof checked before any question (the kiosk says at once that a
 * code was used), then the rating. Shapes are the OpenAPI document's (../../shared/openapi.ts).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { client, type ApiBody, type ApiResponse } from '../../shared/api.ts';

export type RatingCheck = ApiResponse<'/public/dossiers/{code}/rating/check', 'post'>;
export type RatingBody = ApiBody<'/public/dossiers/{code}/rating'>;

/** Whether the token rates the dossier now; never retried (a refusal is the answer). */
export function useRatingCheck(code: string, token: string) {
  return useQuery({
    queryKey: ['public', 'rating-check', code, token],
    queryFn: () => client.post('/public/dossiers/{code}/rating/check', { ratingToken: token }, { params: { code } }),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useSubmitRating(code: string) {
  return useMutation({
    mutationFn: (body: RatingBody) => client.post('/public/dossiers/{code}/rating', body, { params: { code } }),
  });
}
