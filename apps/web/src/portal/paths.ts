/** Portal addresses, built in one place. Paths are Vietnamese: citizens read and share them. */
export function proceduresPath(query = '', page = 1): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (page > 1) params.set('trang', String(page));
  const search = params.toString();
  return `/thu-tuc${search ? `?${search}` : ''}`;
}

export function dossierLookupPath(code: string): string {
  return `/tra-cuu/${encodeURIComponent(code)}`;
}

/** Dossier codes are printed in capitals (`000.00.12.H40-250304-0007`); people type them loosely. */
export function normalizeDossierCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function procedurePath(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}

export function submissionPath(code: string): string {
  return `/nop-ho-so/${encodeURIComponent(code)}`;
}
