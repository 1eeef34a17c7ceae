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

/**
 * How the applicant proves the dossier is theirs: the security code of the receipt (or the rating
 * QR code's token) on the public pages, or being signed in with the e-ID on "Hồ sơ của tôi"
 * (the citizen routes, no code asked).
 */
export type ApplicantProof = 'security_code' | 'eid';

/** Query keys of the signed-in citizen's dossiers (all start with 'citizen': dropped at sign-out). */
export const myDossiersKey = ['citizen', 'dossiers'] as const;
export const myDossierKey = (code: string) => ['citizen', 'dossiers', code] as const;

export function useRating(code: string, proof: ApplicantProof = 'security_code') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiBody<'/public/dossiers/{code}/rating'>) => (proof === 'eid'
      ? client.post('/citizen/dossiers/{code}/rating', { score: input.score, ...(input.comment ? { comment: input.comment } : {}) }, { params: { code } })
      : client.post('/public/dossiers/{code}/rating', input, { params: { code } })),
    onSuccess: () => {
      if (proof === 'eid') void queryClient.invalidateQueries({ queryKey: myDossiersKey });
      else queryClient.setQueryData<PublicDossier>(['public', 'dossier', code], (current) => (current ? { ...current, rated: true } : current));
    },
  });
}

export type SubmissionBody = ApiBody<'/public/dossiers'>;
export type SubmissionReceipt = ApiResponse<'/public/dossiers', 'post'>;

export function useSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: SubmissionBody; key: string }) =>
      client.post('/public/dossiers', body, { headers: { [idempotencyHeader]: key } }),
    // Signed in, the new dossier is theirs: "Hồ sơ của tôi" must list it at once.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myDossiersKey, exact: true }),
  });
}

export type ApplicantActionBody = ApiBody<'/public/dossiers/{code}/actions'>;

/**
 * The applicant's own action (online supplement, withdrawal). With the security code the answer is
 * the new public status; signed in (`eid`, no code sent) it is their dossier in full.
 */
export function useApplicantAction(code: string, proof: ApplicantProof = 'security_code') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: ApplicantActionBody; key: string }) => {
      const headers = { [idempotencyHeader]: key };
      if (proof === 'security_code') return client.post('/public/dossiers/{code}/actions', body, { params: { code }, headers });
      const { accessSecret: _none, ...signedIn } = body;
      return client.post('/citizen/dossiers/{code}/actions', signedIn, { params: { code }, headers });
    },
    onSuccess: (dossier) => {
      if (proof === 'security_code') {
        queryClient.setQueryData(['public', 'dossier', code], dossier);
        return;
      }
      queryClient.setQueryData(myDossierKey(code), dossier);
      void queryClient.invalidateQueries({ queryKey: myDossiersKey, exact: true });
    },
  });
}
