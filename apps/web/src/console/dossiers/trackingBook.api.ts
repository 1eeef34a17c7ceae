/**
 * Form 07, the tracking book of a counter (sổ theo dõi hồ sơ), from the inbox: who is offered it,
 * the counters to choose from (`GET /agencies/:id/offices`), the periods offered and the PDF
 * itself (`GET /counters/:id/tracking-book?from&to`, apps/server/src/modules/dossiers/tracking-book.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { reportingPeriod, type PlainDate, type StaffRole } from '@motcua/domain';
import { apiBase, client, problemFromBody, type ApiResponse } from '../../shared/api.ts';
import type { StaffAssignment } from '../auth/session.ts';
import { downloadName } from '../reports/reportQuery.ts';

/**
 * Who sees the button: the counter's officers and the agency's leaders. (The server also lets
 * managers of the agency or above read the book; they have no inbox.)
 */
export const trackingBookRoles: readonly StaffRole[] = ['officer', 'leader'];

export interface BookAgency {
  id: string;
  code: string;
  name: string;
}

/** The agencies whose counters the user may print the book of, once each, in the server's order. */
export function trackingBookAgencies(assignments: readonly StaffAssignment[]): BookAgency[] {
  const agencies = new Map<string, BookAgency>();
  for (const a of assignments) {
    if (trackingBookRoles.includes(a.role) && !agencies.has(a.agencyId)) {
      agencies.set(a.agencyId, { id: a.agencyId, code: a.agencyCode, name: a.agencyName });
    }
  }
  return [...agencies.values()];
}

export type BookCounter = ApiResponse<'/agencies/{id}/offices'>['counters'][number];

/** The counters of an agency (closed ones too: their books still hold past dossiers). */
export function useAgencyCounters(agencyId: string | undefined) {
  return useQuery({
    queryKey: ['agencies', agencyId, 'offices'],
    queryFn: ({ signal }) => client.get('/agencies/{id}/offices', { params: { id: agencyId! }, signal }),
    select: (offices) => offices.counters,
    enabled: Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
}

/** The counter to preselect: the only one, else the only one still open. */
export function defaultCounter(counters: readonly BookCounter[]): BookCounter | undefined {
  if (counters.length === 1) return counters[0];
  const open = counters.filter((c) => c.active);
  return open.length === 1 ? open[0] : undefined;
}

export interface BookPeriod {
  from: PlainDate;
  to: PlainDate;
}

export const bookPresets = ['thisMonth', 'lastMonth', 'thisQuarter'] as const;
export type BookPreset = (typeof bookPresets)[number];

/**
 * The dates of a preset, `today` being Vietnam's date. A period still running ends today: the
 * book printed on 15/07 says "đến ngày 15/07", not a day whose dossiers are not received yet.
 */
export function presetPeriod(preset: BookPreset, today: PlainDate): BookPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: reportingPeriod('month', year, month).from, to: today };
    case 'lastMonth':
      return month === 1 ? reportingPeriod('month', year - 1, 12) : reportingPeriod('month', year, month - 1);
    case 'thisQuarter':
      return { from: reportingPeriod('quarter', year, Math.ceil(month / 3)).from, to: today };
  }
}

/** The preset with exactly these dates on `today`, if any. */
export function presetOf(period: { from: string; to: string }, today: PlainDate): BookPreset | undefined {
  return bookPresets.find((preset) => {
    const dates = presetPeriod(preset, today);
    return dates.from === period.from && dates.to === period.to;
  });
}

/** The server's limit: at most 366 days from `from` to `to`. */
export const maxBookDays = 366;

/** Why a period cannot be printed, checked as the server does; `undefined` when it can. */
export function periodProblem(period: BookPeriod): 'toBeforeFrom' | 'tooLong' | undefined {
  if (period.to < period.from) return 'toBeforeFrom';
  return (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 > maxBookDays ? 'tooLong' : undefined;
}

/** Where the book is read (a real link: copyable, opens in a tab with the server's PDF). */
export function trackingBookUrl(counterId: string, period: BookPeriod): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  return `${apiBase}/counters/${counterId}/tracking-book?${query.toString()}`;
}

/**
 * The PDF and its name, fetched first so that a refusal (problem+json) becomes an `ApiError`
 * shown as a message instead of a JSON page or a file named .pdf holding an error.
 */
export async function fetchTrackingBook(counterId: string, period: BookPeriod): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(trackingBookUrl(counterId, period), { credentials: 'same-origin', headers: { accept: 'application/pdf, application/problem+json' } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw problemFromBody(response.status, response.statusText, body);
  }
  const fileName = downloadName(response.headers.get('content-disposition'), `so-theo-doi-${period.from}-${period.to}.pdf`);
  return { blob: await response.blob(), fileName };
}
