import { problemFromBody } from '../../shared/api.ts';
import { downloadName } from './reportQuery.ts';

/**
 * Fetches a report file and saves it under the server's name (else `fallback`). A refusal is
 * thrown as the server's problem, so that it is shown as a message instead of being saved.
 */
export async function downloadFile(href: string, fallback: string): Promise<void> {
  await saveResponse(await fetch(href, { credentials: 'same-origin' }), fallback);
}

/** Saves an answer as a file under the server's name (else `fallback`); a refusal is thrown as the server's problem. */
export async function saveResponse(response: Response, fallback: string): Promise<void> {
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw problemFromBody(response.status, response.statusText, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadName(response.headers.get('content-disposition'), fallback);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
