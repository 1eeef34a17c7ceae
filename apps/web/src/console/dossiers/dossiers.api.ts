/**
 * Staff dossier endpoints (`/api/v1/dossiers…`): the inbox and the full list, one dossier with its
 * timeline and the actions the transition table allows, actions, and the specialists a leader can
 * assign. Shapes follow the server's OpenAPI document.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Messages, Timeliness } from '@motcua/domain';
import { api, isApiError } from '../../shared/api.ts';
import { idempotencyHeader } from '../../shared/idempotency.ts';

export type ClockState = 'not_started' | 'running' | 'stopped' | 'closed';

export interface DossierListItem {
  id: number;
  code: string;
  status: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  channel: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  /** The appointment as moved by pauses (supplements, suspensions). */
  clockDueAt: string | null;
  stepName: string | null;
  stepRole: string | null;
  assigneeId: string | null;
  agencyName: string;
  handlingAgencyName: string;
  /** In progress and overdue at the server's instant (timeliness `in_progress_overdue`). */
  overdue: boolean;
  /** The domain's class of the dossier at the server's instant. */
  timeliness: Timeliness;
  /** Working time left (negative: overdue); while the clock is stopped, what was left when it stopped; null when not running. */
  workingMinutesLeft: number | null;
  /** Waiting for a supplement the applicant has already sent online: an officer can receive it. */
  supplementSubmitted?: boolean;
}

export interface DossierListQuery {
  view: 'inbox' | 'all';
  status?: string[];
  procedure?: string;
  q?: string;
  due?: 'overdue' | 'soon';
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
  offset: number;
}

export interface DossierComponent {
  index: number;
  name: string;
  kind: string;
  count: number;
  required: boolean;
  received: boolean;
  fileIds: string[];
  digitized: boolean;
  note?: string;
}

export interface Applicant {
  kind: 'citizen' | 'organization';
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  representative?: string;
}

export interface TimelineEntry {
  seq: number;
  action: string;
  actionLabel: Messages;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  fromStatus: string | null;
  toStatus: string;
  stepName: string | null;
  stepDueAt: string | null;
  agencyCode: string | null;
  note: string | null;
  reasons: string[] | null;
  form: string | null;
  newDueAt: string | null;
}

export interface AllowedAction {
  action: string;
  label: Messages;
  form: string | null;
  needsReasons: boolean;
  needsNote: boolean;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface DossierDetail {
  id: number;
  code: string;
  status: string;
  statusLabel: Messages;
  nationalStatus: number | null;
  channel: string;
  resultDelivery: string;
  procedure: { code: string; name: string; version: number; field: string; processingTime: { value: number; unit: string; cutoff?: string } };
  agency: AgencyRef;
  handlingAgency: AgencyRef;
  applicant: Applicant;
  components: DossierComponent[];
  sets: number;
  fee: { amount: number; paid: boolean };
  submittedAt: string | null;
  receivedAt: string | null;
  /** The appointment printed on the receipt (form 01). */
  dueAt: string | null;
  /** The new appointment given with an apology (form 04). */
  apologyDueAt: string | null;
  resultAt: string | null;
  returnedAt: string | null;
  withdrawnAt: string | null;
  resultClass: 'ahead' | 'on_time' | 'overdue' | null;
  digitized: boolean;
  clock: { state: ClockState; dueAt: string | null; overdue: boolean; timeliness: Timeliness; workingMinutesLeft: number | null };
  step: { index: number; name: string; role: string; dueAt: string | null; assigneeId: string | null } | null;
  workflow: Array<{ key: string; name: string; role: string; participant: number; budget: { value: number; unit: string } }>;
  timeline: TimelineEntry[];
  allowedActions: AllowedAction[];
  forms: string[];
  files: Array<{ id: string; name: string; mediaType: string; size: number; purpose: string; componentIndex: number | null }>;
}

export interface ActionInput {
  action: string;
  note?: string;
  reasons?: string[];
  newDueAt?: string;
  assigneeId?: string;
  targetAgencyId?: string;
  digitized?: boolean;
}

export interface StaffMember {
  id: string;
  username: string;
  fullName: string;
}

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (query: DossierListQuery) => ['dossiers', 'list', query] as const,
  detail: (id: number) => ['dossiers', 'detail', id] as const,
};

export function fetchDossiers(query: DossierListQuery, signal?: AbortSignal) {
  return api.get<{ items: DossierListItem[]; total: number }>('/dossiers', {
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
    queryFn: ({ signal }) => api.get<DossierDetail>(`/dossiers/${id}`, { signal }),
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
      api.post<DossierDetail>(`/dossiers/${id}/actions`, input, { headers: { [idempotencyHeader]: idempotencyKey } }),
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
    queryFn: ({ signal }) => api.get<{ items: StaffMember[] }>(`/agencies/${agencyId}/staff`, { query: { role }, signal }),
    enabled: enabled && Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
}

/** Where a regulated form of a dossier is printed (PDF, opened in a new tab). */
export function formUrl(dossierId: number, form: string): string {
  return `/api/v1/dossiers/${dossierId}/forms/${form}`;
}

/** Where an attached file is read. */
export function fileUrl(fileId: string): string {
  return `/api/v1/files/${fileId}`;
}
