/**
 * The public procedure catalogue (`GET /public/procedures`, `GET /public/procedures/:code`) and
 * the public agency directory, shared by the portal and the counter's intake. Shapes follow the
 * server's OpenAPI document.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Messages } from '@motcua/domain';
import { api } from './api.ts';
import { vi } from './i18n/vi.ts';

export type ProcessingTimeUnit = 'working_days' | 'working_hours' | 'days' | 'same_day';
export type ComponentKind = 'original' | 'certified_copy' | 'copy' | 'electronic';
export const componentKinds: readonly ComponentKind[] = ['original', 'certified_copy', 'copy', 'electronic'];

export interface ProcessingTime {
  value: number;
  unit: ProcessingTimeUnit | string;
  cutoff?: string | null;
}

export interface Fee {
  kind: 'free' | 'fixed' | 'table';
  currency: 'VND';
  amount: number | null;
  onlineAmount: number | null;
  table: Array<{ label: string; amount: number; onlineAmount: number | null }>;
  text: Messages;
}

export interface PublicProcedure {
  code: string;
  name: string;
  field: string;
  levels: string[];
  processingTime: ProcessingTime & { text: Messages };
  fee: Fee;
  fullyOnline: boolean;
  version: number;
  validFrom: string | null;
}

export interface ProcedureComponent {
  name: string;
  kind: ComponentKind;
  kindText: Messages;
  count: number;
  required: boolean;
  template: string | null;
}

export interface ProcedureDetail extends PublicProcedure {
  codeVerified: boolean;
  asOf: string;
  inForce: boolean;
  status: 'active' | 'amended' | 'replaced' | 'abolished';
  validTo: string | null;
  changeNote: string | null;
  endNote: string | null;
  replacedBy: { code: string; name: string | null } | null;
  agencies: string[];
  components: ProcedureComponent[];
  resultType: string | null;
  legalBasis: string | null;
  interAgency: Array<{ order: number; agency: string; name: string; share: { value: number; unit: string; text: Messages } }>;
  workflow: Array<{ order: number; key: string; name: string; role: string; roleText: Messages; participant: number; budget: { value: number; unit: string; text: Messages } }>;
}

export interface PublicAgency {
  code: string;
  name: string;
  level: string;
}

export interface CatalogueQuery {
  q?: string;
  agency?: string;
  level?: string;
  limit: number;
  offset?: number;
}

export function useProcedureSearch(query: CatalogueQuery, enabled = true) {
  return useQuery({
    queryKey: ['public', 'procedures', query],
    queryFn: ({ signal }) => api.get<{ items: PublicProcedure[]; total: number }>('/public/procedures', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'procedure', code],
    queryFn: ({ signal }) => api.get<ProcedureDetail>(`/public/procedures/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function usePublicAgencies(level?: string) {
  return useQuery({
    queryKey: ['public', 'agencies', level ?? ''],
    queryFn: ({ signal }) => api.get<{ items: PublicAgency[] }>('/public/agencies', { query: { level }, signal }),
    staleTime: 30 * 60_000,
  });
}

/** `5 ngày làm việc`, `Trong ngày (nhận trước 15:00)`. */
export function processingTimeLabel(t: TFunction, time: ProcessingTime): string {
  switch (time.unit) {
    case 'same_day':
      return t('portal.procedures.time.same_day', { cutoff: time.cutoff ?? '15:00' });
    case 'working_days':
      return t('portal.procedures.time.working_days', { count: time.value });
    case 'working_hours':
      return t('portal.procedures.time.working_hours', { count: time.value });
    case 'days':
      return t('portal.procedures.time.days', { count: time.value });
    default:
      return String(time.value);
  }
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
