import { describe, expect, it } from 'vitest';
import { defaultInboxFilters, inboxSearch, isFiltered, listQueryOf, nextSort, parseInboxFilters, sortRows } from '../../src/console/dossiers/inboxQuery.ts';

describe('inbox filters in the address', () => {
  it('keeps the plain inbox at a bare address', () => {
    expect(inboxSearch(defaultInboxFilters)).toBe('');
  });

  it('reads back what it writes', () => {
    const filters = { view: 'all', status: ['processing', 'paused'], procedure: '1.000894', q: 'Nguyễn', due: 'overdue', page: 3 } as const;
    const search = inboxSearch({ ...filters, status: [...filters.status] });
    expect(parseInboxFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it('ignores what it does not know: an unknown view, deadline or page', () => {
    expect(parseInboxFilters(new URLSearchParams('view=mine&due=later&page=-2'))).toEqual(defaultInboxFilters);
  });

  it('asks the server for the page shown, 50 rows a page', () => {
    expect(listQueryOf({ ...defaultInboxFilters, page: 3, due: 'soon' })).toEqual({ view: 'inbox', due: 'soon', limit: 50, offset: 100 });
  });

  it('tells a filtered list from the plain one (for the empty state)', () => {
    expect(isFiltered(defaultInboxFilters)).toBe(false);
    expect(isFiltered({ ...defaultInboxFilters, view: 'all' })).toBe(false);
    expect(isFiltered({ ...defaultInboxFilters, q: '0912' })).toBe(true);
  });
});

describe('sorting the rows of a page', () => {
  const row = (code: string, applicantName: string, clockDueAt: string | null) => ({
    code, applicantName, procedureName: 'Đăng ký kết hôn', receivedAt: null, submittedAt: null, clockDueAt,
  });
  const rows = [row('A-0002', 'Đỗ Văn Hùng', '2026-12-04T10:00:00+07:00'), row('A-0001', 'Bùi Thị Lan', null), row('A-0003', 'Ánh', '2026-12-01T10:00:00+07:00')];

  it('keeps the server’s order (most urgent first) when no column is chosen', () => {
    expect(sortRows(rows, undefined).map((r) => r.code)).toEqual(['A-0002', 'A-0001', 'A-0003']);
  });

  it('sorts names in Vietnamese order', () => {
    expect(sortRows(rows, { column: 'applicant', direction: 'asc' }).map((r) => r.applicantName)).toEqual(['Ánh', 'Bùi Thị Lan', 'Đỗ Văn Hùng']);
  });

  it('puts rows without an appointment last', () => {
    expect(sortRows(rows, { column: 'appointment', direction: 'asc' }).map((r) => r.code)).toEqual(['A-0003', 'A-0002', 'A-0001']);
    expect(sortRows(rows, { column: 'appointment', direction: 'desc' }).map((r) => r.code)).toEqual(['A-0002', 'A-0003', 'A-0001']);
  });

  it('cycles a column ascending, descending, then back to the server’s order', () => {
    const first = nextSort(undefined, 'code');
    const second = nextSort(first, 'code');
    expect(first).toEqual({ column: 'code', direction: 'asc' });
    expect(second).toEqual({ column: 'code', direction: 'desc' });
    expect(nextSort(second, 'code')).toBeUndefined();
    expect(nextSort(second, 'applicant')).toEqual({ column: 'applicant', direction: 'asc' });
  });
});
