/**
 * Public dossier status (`GET /api/v1/public/dossiers/{code}`, SPEC §7): status, appointment and
 * steps, no personal data beyond initials. The server side is not written yet, so the response
 * shape below is the web app's expectation; every field but `code` and `status` is optional and
 * read defensively until the OpenAPI document fixes it.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api.ts';

export interface PublicDossierStep {
  name?: string;
  agencyName?: string;
  status?: string;
  at?: string;
  dueAt?: string;
}

export interface PublicDossier {
  code: string;
  status: string;
  procedure?: { code: string; name: string };
  agencyName?: string;
  applicantInitials?: string;
  receivedAt?: string;
  dueAt?: string;
  steps?: PublicDossierStep[];
}

export function usePublicDossier(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'dossier', code],
    queryFn: ({ signal }) => api.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
  });
}
