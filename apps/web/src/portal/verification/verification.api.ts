/**
 * Signed documents for the public (docs/rules/results.md): the verification page's data, the check
 * of a file the visitor holds (compared, never stored), and the applicant's download of a signed
 * result with the security code.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiBase, client, currentCsrfToken, isApiError, problemFromBody, type ApiResponse } from '../../shared/api.ts';

export type SignedDocument = ApiResponse<'/public/signed-documents/{id}'>;
export type FileCheck = ApiResponse<'/public/signed-documents/{id}/check', 'post'>;

/** Public ids are 16 letters a–z and digits 2–7 (what the QR code carries). */
export const isSignedDocumentId = (id: string) => /^[a-z2-7]{16}$/.test(id);

export const verificationPath = (id: string) => `/xac-thuc/${id}`;

export function useSignedDocument(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'signed-document', id],
    queryFn: ({ signal }) => client.get('/public/signed-documents/{id}', { params: { id: id ?? '' }, signal }),
    enabled: Boolean(id && isSignedDocumentId(id)),
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
  });
}

async function failure(response: Response) {
  const body: unknown = await response.json().catch(() => undefined);
  return problemFromBody(response.status, response.statusText, body);
}

/** Sends the visitor's file to be compared with the signed document. */
export function useFileCheck(id: string) {
  return useMutation({
    mutationFn: async (file: File): Promise<FileCheck> => {
      const form = new FormData();
      form.append('file', file);
      const csrf = currentCsrfToken();
      const response = await fetch(`${apiBase}/public/signed-documents/${id}/check`, {
        method: 'POST', body: form, credentials: 'same-origin',
        headers: { accept: 'application/json, application/problem+json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      });
      if (!response.ok) throw await failure(response);
      return (await response.json()) as FileCheck;
    },
  });
}

/** The signed result with the dossier's security code, saved as a file. */
export async function downloadSignedResult(id: string, securityCode: string): Promise<void> {
  const response = await fetch(`${apiBase}/public/signed-documents/${id}/file`, {
    credentials: 'same-origin',
    headers: { accept: 'application/pdf, application/problem+json', 'x-security-code': securityCode },
  });
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `ket-qua-${id}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
