/**
 * Asks the server to sign a document digitally (a POST answering the signed PDF) and saves the
 * answer as a file; a refusal (problem+json) becomes an `ApiError` for the caller to show.
 */
import { currentCsrfToken, problemFromBody, refreshCsrfToken } from '../shared/api.ts';
import { downloadName } from './reports/reportQuery.ts';

export async function signAndDownload(url: string, fallbackName: string): Promise<void> {
  const token = currentCsrfToken() ?? (await refreshCsrfToken());
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/pdf, application/problem+json', 'content-type': 'application/json', 'x-csrf-token': token },
    body: '{}',
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw problemFromBody(response.status, response.statusText, body);
  }
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = downloadName(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
