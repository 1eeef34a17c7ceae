/**
 * The administration page's state in the address, so that every screen can be linked:
 *
 *   /console/quan-tri?tab=co-quan&agency=000.41.00.H40
 *   /console/quan-tri?tab=lich-nghi&year=2027
 *   /console/quan-tri?tab=tai-khoan&q=giaothuy&page=2&user=<id>
 *   /console/quan-tri?tab=nhat-ky&entityType=agency&entityId=000.41.00.H40&page=3
 *   /console/quan-tri?tab=nhat-ky&action=calendar.&actor=quantri&from=2026-11-01&to=2026-11-30
 *   /console/quan-tri?tab=chi-so   (the weights of the service index)
 */
import { isPlainDate } from '@motcua/domain';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const adminTabs = ['co-quan', 'lich-nghi', 'tai-khoan', 'nhat-ky', 'chi-so'] as const;
export type AdminTab = (typeof adminTabs)[number];

export function tabOf(params: URLSearchParams): AdminTab {
  const tab = params.get('tab');
  return (adminTabs as readonly string[]).includes(tab ?? '') ? (tab as AdminTab) : 'co-quan';
}

/** A positive page number from the address (1 when missing or unreadable). */
export function pageOf(params: URLSearchParams, name = 'page'): number {
  const page = Number.parseInt(params.get(name) ?? '1', 10);
  return Number.isFinite(page) && page > 1 ? page : 1;
}

/** A text parameter, trimmed and bounded. */
export function textOf(params: URLSearchParams, name: string, max = 200): string {
  return (params.get(name) ?? '').trim().slice(0, max);
}

/** A calendar date `YYYY-MM-DD` from the address ('' when missing or not a real date). */
export function dateOf(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? '';
  return isPlainDate(value) ? value : '';
}

/**
 * The current tab's parameters and a setter that changes some of them (`undefined` or '' removes
 * one) and keeps the others and the tab.
 */
export function useTabParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string | number | undefined>, options: { replace?: boolean } = {}) => {
      setParams(() => {
        // The address as it is now, not the parameters of the last render React Router hands the
        // updater: a filter chosen right after "clear" (before the page re-rendered) would put the
        // cleared ones back.
        const current = new URLSearchParams(window.location.search);
        const next = new URLSearchParams(current);
        next.set('tab', tabOf(current));
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }, options);
    },
    [setParams],
  );
  return [params, update] as const;
}
