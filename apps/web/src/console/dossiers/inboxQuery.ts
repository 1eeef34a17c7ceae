/**
 * The inbox's filters live in the address (`/console/ho-so?view=all&due=overdue&page=2`), so a
 * filtered list can be bookmarked, shared with a colleague, opened from the workspace's counts,
 * and comes back as it was after opening a dossier.
 */
import type { DossierListQuery } from './dossiers.api.ts';

export const inboxPageSize = 50;

export interface InboxFilters {
  view: 'inbox' | 'all';
  status: string[];
  procedure: string;
  q: string;
  due: '' | 'overdue' | 'soon';
  page: number;
}

export const defaultInboxFilters: InboxFilters = { view: 'inbox', status: [], procedure: '', q: '', due: '', page: 1 };

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const due = params.get('due');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    view: params.get('view') === 'all' ? 'all' : 'inbox',
    status: (params.get('status') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    procedure: params.get('procedure')?.trim() ?? '',
    q: params.get('q')?.trim() ?? '',
    due: due === 'overdue' || due === 'soon' ? due : '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The address query of a set of filters; defaults are left out so the plain inbox is `/console/ho-so`. */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.view === 'all') params.set('view', 'all');
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.procedure) params.set('procedure', filters.procedure);
  if (filters.q) params.set('q', filters.q);
  if (filters.due) params.set('due', filters.due);
  if (filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function listQueryOf(filters: InboxFilters): DossierListQuery {
  return {
    view: filters.view,
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.procedure ? { procedure: filters.procedure } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.due ? { due: filters.due } : {}),
    limit: inboxPageSize,
    offset: (filters.page - 1) * inboxPageSize,
  };
}

/** Whether anything narrows the list beyond the chosen view. */
export function isFiltered(filters: InboxFilters): boolean {
  return filters.status.length > 0 || Boolean(filters.procedure || filters.q || filters.due);
}

export type SortColumn = 'code' | 'applicant' | 'procedure' | 'received' | 'appointment';
export interface SortState {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

interface Sortable {
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string | null;
  submittedAt: string | null;
  clockDueAt: string | null;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Rows in the chosen order; without one, the server's (most urgent first) is kept. Empty values go last. */
export function sortRows<T extends Sortable>(rows: readonly T[], sort: SortState | undefined): T[] {
  if (!sort) return [...rows];
  const value = (row: T): string | number | null => {
    switch (sort.column) {
      case 'code': return row.code;
      case 'applicant': return row.applicantName;
      case 'procedure': return row.procedureName;
      case 'received': return timeOf(row.receivedAt ?? row.submittedAt);
      case 'appointment': return timeOf(row.clockDueAt);
    }
  };
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order * sign;
  });
}

function timeOf(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Header clicks cycle ascending → descending → back to the server's order. */
export function nextSort(current: SortState | undefined, column: SortColumn): SortState | undefined {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : undefined;
}
