/**
 * Asks the server to sign a document digitally (a POST answering the signed PDF) and saves the
 * answer as a file; a refusal (problem+json) becomes an `ApiError` for the caller to show.
 */
import { currentCsrfToken, refreshCsrfToken } from '../shared/api.ts';
import { saveResponse } from './reports/download.ts';

export async function signAndDownload(url: string, fallbackName: string): Promise<void> {
  const token = currentCsrfToken() ?? (await refreshCsrfToken());
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/pdf, application/problem+json', 'content-type': 'application/json', 'x-csrf-token': token },
    body: '{}',
  });
  await saveResponse(response, fallbackName);
}
