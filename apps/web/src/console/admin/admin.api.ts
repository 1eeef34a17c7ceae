/**
 * The administration endpoints: the agency tree and its counters, units and working calendar
 * (`/agencies…`), holiday schedules (`/calendar/schedules`, `/public/holidays/:year`), staff
 * accounts (`/users…`) and the audit trail (`/audit-events`). Shapes follow the zod schemas of
 * apps/server/src/modules/{agencies,calendar,users,audit}. Every change invalidates what it
 * changed and the audit trail, which has a new row.
 */
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { StaffRole } from '@motcua/domain';
import { api } from '../../shared/api.ts';
import { sessionQueryKey } from '../../shared/query.ts';

// ---- Shapes -------------------------------------------------------------------------------------

export interface Agency {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface WorkingPeriod {
  start: string;
  end: string;
}

export interface AgencyCalendar {
  periods: WorkingPeriod[] | null;
  weeklyDaysOff: number[] | null;
}

export interface Office {
  id: string;
  code: string;
  name: string;
  active: boolean;
  address?: string | null;
}

export interface AgencyOffices {
  counters: Office[];
  units: Office[];
  calendar: AgencyCalendar | null;
}

export interface HolidaySchedule {
  year: number;
  official: boolean;
  source: 'bundled' | 'loaded' | 'statutory_rules';
  daysOff: string[];
  workingDays: string[];
  confidence: string | null;
  notes: string | null;
}

export interface UserAssignment {
  role: StaffRole;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
}

export interface StaffAccount {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
  assignments: UserAssignment[];
}

export interface AuditEvent {
  id: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface AgencyChanges {
  name?: string;
  shortName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  validTo?: string | null;
  successorCode?: string | null;
}

export interface NewAgency {
  code: string;
  name: string;
  level: string;
  parentId: string;
  validFrom?: string;
}

export interface NewOffice {
  code: string;
  name: string;
  address?: string;
}

export interface ScheduleInput {
  daysOff: string[];
  workingDays: string[];
  confidence?: string;
  notes?: string;
}

export interface RoleInput {
  role: StaffRole;
  agencyId: string;
}

export interface NewStaff {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  assignments: RoleInput[];
}

export interface StaffChanges {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  disabled?: boolean;
}

/** The audit trail's filters ('' for none). */
export interface AuditFilterValues {
  entityType: string;
  entityId: string;
  /** An action (`calendar.schedule_loaded`) or a family of them (`calendar.`). */
  action: string;
  /** Part of the actor's recorded name (a username, `motcua setup`). */
  actor: string;
  /** Local days `YYYY-MM-DD` in Vietnam, both included; '' for open. */
  from: string;
  to: string;
}

export interface AuditQuery extends AuditFilterValues {
  page: number;
}

export const userPageSize = 50;
export const auditPageSize = 50;

// ---- Query keys -------------------------------------------------------------------------------

export const adminKeys = {
  all: ['admin'] as const,
  agencies: ['admin', 'agencies'] as const,
  offices: (id: string) => ['admin', 'offices', id] as const,
  schedules: ['admin', 'schedules'] as const,
  holidays: (year: number) => ['admin', 'holidays', year] as const,
  users: ['admin', 'users'] as const,
  userList: (q: string, page: number) => ['admin', 'users', 'list', q, page] as const,
  user: (id: string) => ['admin', 'users', 'one', id] as const,
  audit: ['admin', 'audit'] as const,
  auditList: (query: AuditQuery) => ['admin', 'audit', query] as const,
};

// ---- Reads ------------------------------------------------------------------------------------

/** Every agency in the administrator's subtrees, ended ones included (the API's maximum page). */
export function useAdminAgencies() {
  return useQuery({
    queryKey: adminKeys.agencies,
    queryFn: ({ signal }) => api.get<Page<Agency>>('/agencies', { query: { limit: 500 }, signal }),
  });
}

export function useAgencyOffices(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.offices(id ?? ''),
    queryFn: ({ signal }) => api.get<AgencyOffices>(`/agencies/${id}/offices`, { signal }),
    enabled: Boolean(id),
  });
}

export function useHolidaySchedules() {
  return useQuery({
    queryKey: adminKeys.schedules,
    queryFn: ({ signal }) => api.get<Page<HolidaySchedule>>('/calendar/schedules', { signal }),
  });
}

/** The schedule in force for a year: loaded, bundled, or computed from the Labour Code rules. */
export function useYearSchedule(year: number | undefined) {
  return useQuery({
    queryKey: adminKeys.holidays(year ?? 0),
    queryFn: ({ signal }) => api.get<HolidaySchedule>(`/public/holidays/${year}`, { signal }),
    enabled: year !== undefined,
  });
}

export function useStaffAccounts(q: string, page: number) {
  return useQuery({
    queryKey: adminKeys.userList(q, page),
    queryFn: ({ signal }) =>
      api.get<Page<StaffAccount>>('/users', { query: { q, limit: userPageSize, offset: (page - 1) * userPageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStaffAccount(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.user(id ?? ''),
    queryFn: ({ signal }) => api.get<StaffAccount>(`/users/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Every account in scope (the API's maximum page), to name the users the audit trail mentions. */
export function useAccountNames() {
  return useQuery({
    queryKey: [...adminKeys.users, 'names'],
    queryFn: ({ signal }) => api.get<Page<StaffAccount>>('/users', { query: { limit: 500 }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.auditList(query),
    queryFn: ({ signal }) =>
      api.get<Page<AuditEvent>>('/audit-events', {
        query: {
          entityType: query.entityType, entityId: query.entityId, action: query.action, actor: query.actor, from: query.from, to: query.to,
          limit: auditPageSize, offset: (query.page - 1) * auditPageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

// ---- Writes -----------------------------------------------------------------------------------

export const adminApi = {
  createAgency: (input: NewAgency) => api.post<Agency>('/agencies', input),
  updateAgency: (id: string, changes: AgencyChanges) => api.patch<Agency>(`/agencies/${id}`, changes),
  addOffice: (agencyId: string, kind: 'counters' | 'units', input: NewOffice) => api.post<Office>(`/agencies/${agencyId}/${kind}`, input),
  setCalendar: (agencyId: string, calendar: AgencyCalendar) => api.put<void>(`/agencies/${agencyId}/calendar`, calendar),
  putSchedule: (year: number, input: ScheduleInput) => api.put<HolidaySchedule>(`/calendar/schedules/${year}`, input),
  createStaff: (input: NewStaff) => api.post<StaffAccount>('/users', input),
  updateStaff: (id: string, changes: StaffChanges) => api.patch<StaffAccount>(`/users/${id}`, changes),
  replaceRoles: (id: string, assignments: RoleInput[]) => api.put<StaffAccount>(`/users/${id}/assignments`, { assignments }),
  resetPassword: (id: string, password: string) => api.post<void>(`/users/${id}/password`, { password }),
};

/**
 * Marks stale what a change touched, and the audit trail. Agency changes also reach the report
 * filters' copy of the tree and the signed-in profile (it names the user's agencies).
 */
export function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: QueryKey[]) =>
    Promise.all([...keys, adminKeys.audit].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export const agencyChangeKeys: QueryKey[] = [adminKeys.agencies, ['reports', 'agencies'], sessionQueryKey];
