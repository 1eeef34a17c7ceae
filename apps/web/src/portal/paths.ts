/** Portal addresses, built in one place. Paths are Vietnamese: citizens read and share them. */
export function proceduresPath(query = '', page = 1): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (page > 1) params.set('trang', String(page));
  const search = params.toString();
  return `/thu-tuc${search ? `?${search}` : ''}`;
}

/** `?xem=12-thang`: the list of changes over the last 12 months. */
export const recentChangesParam = '12-thang';

/** What changed in the catalogue: one month (`?thang=2026-04`), the last 12 months, or this month. */
export function procedureChangesPath(view: { month: string } | 'recent' | undefined = undefined): string {
  if (view === 'recent') return `/thu-tuc/thay-doi?xem=${recentChangesParam}`;
  return view ? `/thu-tuc/thay-doi?thang=${view.month}` : '/thu-tuc/thay-doi';
}

/** `/tra-cuu/<code>`: one path segment, whatever the code holds (a legacy code's "/" goes as %2F). */
export function dossierLookupPath(code: string): string {
  return `/tra-cuu/${encodeURIComponent(code)}`;
}

/**
 * The one-time rating token of the receipt's rating QR code: `#danh-gia=<token>` (a fragment, so it
 * never reaches a server log). Undefined without one.
 */
export function ratingTokenOf(hash: string): string | undefined {
  const m = /^#danh-gia=([A-Za-z0-9_-]{8,200})$/.exec(hash);
  return m?.[1];
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
