/**
 * The citizen's side of dossiers: the public status (`GET /public/dossiers/:code`, no personal
 * data beyond initials), the rating, and online submission. Shapes are the OpenAPI document's
 * (../shared/openapi.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, isApiError, type ApiBody, type ApiResponse } from '../shared/api.ts';
import { idempotencyHeader } from '../shared/idempotency.ts';

export type PublicDossier = ApiResponse<'/public/dossiers/{code}'>;
export type PublicDossierStep = PublicDossier['steps'][number];
/** What the applicant may do now with the access secret of the receipt (online dossiers only). */
export type ApplicantAction = PublicDossier['applicantActions'][number];

export function usePublicDossier(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'dossier', code],
    queryFn: ({ signal }) => client.get('/public/dossiers/{code}', { params: { code: code ?? '' }, signal }),
    enabled: Boolean(code),
    // A wrong code answers the same every time.
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
  });
}

export function useRating(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiBody<'/public/dossiers/{code}/rating'>) => client.post('/public/dossiers/{code}/rating', input, { params: { code } }),
    onSuccess: () => {
      queryClient.setQueryData<PublicDossier>(['public', 'dossier', code], (current) => (current ? { ...current, rated: true } : current));
    },
  });
}

export type SubmissionBody = ApiBody<'/public/dossiers'>;
export type SubmissionReceipt = ApiResponse<'/public/dossiers', 'post'>;

export function useSubmission() {
  return useMutation({
    mutationFn: ({ body, key }: { body: SubmissionBody; key: string }) =>
      client.post('/public/dossiers', body, { headers: { [idempotencyHeader]: key } }),
  });
}

export type ApplicantActionBody = ApiBody<'/public/dossiers/{code}/actions'>;

/** The applicant's own action (online supplement, withdrawal); the answer is the new public status. */
export function useApplicantAction(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ApplicantActionBody; key: string }) =>
      client.post('/public/dossiers/{code}/actions', body, { params: { code }, headers: { [idempotencyHeader]: key } }),
    onSuccess: (dossier) => queryClient.setQueryData(['public', 'dossier', code], dossier),
  });
}
