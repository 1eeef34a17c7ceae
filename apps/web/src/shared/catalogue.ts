/**
 * The public procedure catalogue (`GET /public/procedures`, `GET /public/procedures/:code`) and
 * the public agency directory, shared by the portal and the counter's intake. Shapes are the
 * server's OpenAPI document's (./openapi.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { client, type ApiItem, type ApiResponse } from './api.ts';
import { vi } from './i18n/vi.ts';

export { processingTimeLabel } from './processingTime.ts';

export type PublicProcedure = ApiItem<'/public/procedures'>;
export type ProcedureDetail = ApiResponse<'/public/procedures/{code}'>;
export type ProcessingTime = PublicProcedure['processingTime'];
export type ProcessingTimeUnit = ProcessingTime['unit'];
export type Fee = PublicProcedure['fee'];
export type ProcedureComponent = ProcedureDetail['components'][number];
export type ComponentKind = ProcedureComponent['kind'];
export const componentKinds: readonly ComponentKind[] = ['original', 'certified_copy', 'copy', 'electronic'];
export type PublicAgency = ApiItem<'/public/agencies'>;

export interface CatalogueQuery {
  q?: string;
  field?: string | undefined;
  agency?: string | undefined;
  level?: string | undefined;
  limit: number;
  offset?: number;
}

export function useProcedureSearch(query: CatalogueQuery, enabled = true) {
  return useQuery({
    queryKey: ['public', 'procedures', query],
    queryFn: ({ signal }) => client.get('/public/procedures', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'procedure', code],
    queryFn: ({ signal }) => client.get('/public/procedures/{code}', { params: { code: code ?? '' }, signal }),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function usePublicAgencies(level?: string) {
  return useQuery({
    queryKey: ['public', 'agencies', level ?? ''],
    queryFn: ({ signal }) => client.get('/public/agencies', { query: { level }, signal }),
    staleTime: 30 * 60_000,
  });
}

type Level = keyof typeof vi.portal.procedures.levels;

export function levelLabel(t: TFunction, level: string): string {
  return level in vi.portal.procedures.levels ? t(`portal.procedures.levels.${level as Level}`) : level;
}

export function componentKindLabel(t: TFunction, kind: string): string {
  return (componentKinds as readonly string[]).includes(kind) ? t(`dossier.kinds.${kind as ComponentKind}`) : kind;
}

/** A procedure's fee needs a row chosen at intake when it is a table of amounts. */
export function feeRows(fee: Fee): string[] {
  return fee.kind === 'table' ? fee.table.map((row) => row.label) : [];
}
