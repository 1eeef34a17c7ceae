/** Portal addresses, built in one place. Paths are Vietnamese: citizens read and share them. */

/** The catalogue's filters (lĩnh vực, cấp, cơ quan), as the search page's address carries them. */
export interface CatalogueFilters {
  field?: string | undefined;
  level?: string | undefined;
  agency?: string | undefined;
}

/** `?co-quan=<agency code>`: the catalogue's agency filter, and the agency chosen in the feedback form. */
export const agencyParam = 'co-quan';

const filterParams = { field: 'linh-vuc', level: 'cap', agency: agencyParam } as const satisfies Record<keyof CatalogueFilters, string>;

/** The filters in a search page's address (`?linh-vuc=&cap=&co-quan=`). */
export function catalogueFiltersOf(params: URLSearchParams): CatalogueFilters {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  return { field: value(filterParams.field), level: value(filterParams.level), agency: value(filterParams.agency) };
}

export function proceduresPath(query = '', page = 1, filters: CatalogueFilters = {}): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const key of ['field', 'level', 'agency'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(filterParams[key], value);
  }
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

/** The feedback page (`/phan-anh`), on one of its tabs (`?xem=tra-cuu`, `?xem=da-tra-loi`, `?xem=cua-toi`). */
export function feedbackPath(tab?: 'lookup' | 'published' | 'mine'): string {
  const param = { lookup: 'tra-cuu', published: 'da-tra-loi', mine: 'cua-toi' } as const;
  return tab ? `/phan-anh?xem=${param[tab]}` : '/phan-anh';
}

/** One feedback's public status: `/phan-anh/<code>`. */
export function feedbackStatusPath(code: string): string {
  return `/phan-anh/${encodeURIComponent(code)}`;
}
