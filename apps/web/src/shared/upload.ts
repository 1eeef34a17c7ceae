/**
 * File uploads (`POST /files` for staff, `POST /public/files` for citizens): multipart, one file a
 * request, with upload progress — which `fetch` cannot report, hence XMLHttpRequest. Errors come
 * back as the same `ApiError` as every other request.
 */
import { ApiError, apiBase, currentCsrfToken, networkErrorCode, problemFromBody, type ApiResponse } from './api.ts';
import { errorsEn } from './i18n/parts/errors.en.ts';
import { errorsVi } from './i18n/parts/errors.vi.ts';

/** A stored file (`POST /files`); public uploads (`POST /public/files`) add the upload token presented with the submission. */
export type UploadedFile = ApiResponse<'/files', 'post'> & Partial<Pick<ApiResponse<'/public/files', 'post'>, 'uploadToken'>>;

/** What the server accepts (apps/server files module): PDF, JPEG, PNG up to 10 MB. */
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const maxUploadBytes = 10 * 1024 * 1024;

/** Why a file is refused before it is sent, or `undefined` when it may go. */
export function uploadRefusal(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | undefined {
  if (!(acceptedMediaTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size > maxUploadBytes) return 'size';
  return undefined;
}

export interface UploadOptions {
  /** `true` for the citizen portal (`/public/files`, answers with an upload token). */
  public?: boolean;
  /** Called with the fraction sent, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadFile(file: File, options: UploadOptions = {}): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}${options.public ? '/public/files' : '/files'}`);
    xhr.responseType = 'text';
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as UploadedFile);
      } else {
        reject(problemFromBody(xhr.status, xhr.statusText, body));
      }
    };
    const networkError = () => reject(new ApiError({
      title: 'Network error', status: 0, code: networkErrorCode, messages: { vi: errorsVi.network, en: errorsEn.network },
    }));
    xhr.onerror = networkError;
    xhr.ontimeout = networkError;
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** `1,2 MB`, `350 KB`: sizes with the Vietnamese decimal comma. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
