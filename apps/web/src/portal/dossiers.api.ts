/**
 * The citizen's side of dossiers: the public status (`GET /public/dossiers/:code`, no personal
 * data beyond initials), the rating, and online submission. Shapes follow the OpenAPI document.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Messages, Timeliness } from '@motcua/domain';
import { api, isApiError } from '../shared/api.ts';
import { idempotencyHeader } from '../shared/idempotency.ts';

export interface PublicDossierStep {
  label: Messages;
  at: string;
  status: string;
  statusLabel: Messages;
}

export interface PublicDossier {
  code: string;
  status: string;
  statusLabel: Messages;
  nationalStatus: number | null;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  applicantInitials: string;
  submittedAt: string | null;
  receivedAt: string | null;
  /** The appointment on the receipt. */
  dueAt: string | null;
  /** A new appointment given with an apology (form 04). */
  newDueAt: string | null;
  resultAt: string | null;
  returnedAt: string | null;
  currentStep: string | null;
  clock: { state: 'not_started' | 'running' | 'stopped' | 'closed'; dueAt: string | null; overdue: boolean; timeliness: Timeliness; workingMinutesLeft: number | null };
  steps: PublicDossierStep[];
  /** While the applicant must complete the dossier: the administration's list of what to send. */
  supplementRequest: {
    at: string;
    items: string[];
    note: string | null;
    /** When the applicant sent the supplement online; it awaits an officer. */
    submittedOnlineAt: string | null;
    components: Array<{ index: number; name: string }>;
  } | null;
  /** What the applicant may do now with the access secret of the receipt (online dossiers only). */
  applicantActions: ApplicantAction[];
  rated: boolean;
}

export type ApplicantAction = 'submit_supplement' | 'withdraw';

export function usePublicDossier(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'dossier', code],
    queryFn: ({ signal }) => api.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
    // A wrong code answers the same every time.
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
  });
}

export function useRating(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { score: number; comment?: string }) => api.post<{ code: string; score: number }>(`/public/dossiers/${encodeURIComponent(code)}/rating`, input),
    onSuccess: () => {
      queryClient.setQueryData<PublicDossier>(['public', 'dossier', code], (current) => (current ? { ...current, rated: true } : current));
    },
  });
}

export interface SubmissionBody {
  procedureCode: string;
  agencyCode: string;
  applicant: { kind: 'citizen' | 'organization'; name: string; idNumber?: string; phone?: string; email?: string; address?: string; representative?: string };
  components: Array<{ index: number; fileIds: string[] }>;
  resultDelivery: 'counter' | 'post' | 'online';
  feeRow?: string;
  uploadTokens: Record<string, string>;
}

export interface SubmissionReceipt {
  id: number;
  code: string;
  accessSecret: string;
  statusUrl: string;
}

export function useSubmission() {
  return useMutation({
    mutationFn: ({ body, key }: { body: SubmissionBody; key: string }) =>
      api.post<SubmissionReceipt>('/public/dossiers', body, { headers: { [idempotencyHeader]: key } }),
  });
}

export interface ApplicantActionBody {
  accessSecret: string;
  action: ApplicantAction;
  note?: string;
  components?: Array<{ index: number; fileIds: string[] }>;
  uploadTokens?: Record<string, string>;
}

/** The applicant's own action (online supplement, withdrawal); the answer is the new public status. */
export function useApplicantAction(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ApplicantActionBody; key: string }) =>
      api.post<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}/actions`, body, { headers: { [idempotencyHeader]: key } }),
    onSuccess: (dossier) => queryClient.setQueryData(['public', 'dossier', code], dossier),
  });
}
