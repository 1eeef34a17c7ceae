/**
 * The service index endpoints (`/api/v1/service-index…`, docs/rules/service-quality.md, "The service
 * index"): the index and ranks of the units, what is behind an indicator, the versions of the
 * weights. Every score, rank and share shown comes from these answers as sent; the labels of the
 * groups and indicators are the domain's.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { serviceIndexGroups, serviceIndexIndicators, type ServiceIndexGroup, type ServiceIndexIndicator } from '@motcua/domain';
import { apiBase, client, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';
import type { Language } from '../../shared/i18n/index.ts';

export type IndexReport = ApiResponse<'/service-index'>;
export type IndexRow = IndexReport['rows'][number];
export type IndexFigures = IndexReport['total'];
export type IndexQuery = ApiQuery<'/service-index'>;
export type IndexItemsQuery = ApiQuery<'/service-index/items'>;
export type IndexItem = ApiItem<'/service-index/items'>;
export type IndexVersions = ApiResponse<'/service-index/versions'>;
export type IndexVersion = IndexVersions['items'][number];
export type NewIndexVersion = ApiBody<'/service-index/versions'>;

export function useServiceIndex(query: IndexQuery) {
  return useQuery({
    queryKey: ['service-index', query],
    queryFn: ({ signal }) => client.get('/service-index', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIndexItems(query: IndexItemsQuery | null) {
  return useQuery({
    queryKey: ['service-index', 'items', query],
    queryFn: ({ signal }) => client.get('/service-index/items', { query: query!, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIndexVersions() {
  return useQuery({
    queryKey: ['service-index', 'versions'],
    queryFn: ({ signal }) => client.get('/service-index/versions', { signal }),
  });
}

export function useCreateIndexVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewIndexVersion) => client.post('/service-index/versions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service-index'] }),
  });
}

/** `/api/v1/service-index.xlsx?from=…`: the ranking as a file, for the same query as the screen. */
export function indexExportUrl(query: IndexQuery, format: 'xlsx' | 'pdf'): string {
  return `${apiBase}/service-index.${format}?${new URLSearchParams(query as Record<string, string>).toString()}`;
}

/** A group's name (the decision's words) and points. */
export function groupLabel(key: ServiceIndexGroup, language: Language): { name: string; points: number } {
  const group = serviceIndexGroups.find((g) => g.key === key)!;
  return { name: language === 'en' ? group.en : group.vi, points: group.points };
}

/** An indicator's name and what it counts. */
export function indicatorLabel(key: ServiceIndexIndicator, language: Language): { name: string; formula: string } {
  const indicator = serviceIndexIndicators.find((i) => i.key === key)!;
  return language === 'en' ? { name: indicator.en, formula: indicator.formulaEn } : { name: indicator.vi, formula: indicator.formulaVi };
}
