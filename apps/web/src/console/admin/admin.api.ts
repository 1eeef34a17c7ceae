/**
 * The administration endpoints: the agency tree and its counters, units and working calendar
 * (`/agencies…`), holiday schedules (`/calendar/schedules`, `/public/holidays/:year`), staff
 * accounts (`/users…`) and the audit trail (`/audit-events`). Shapes are the OpenAPI document's
 * (../../shared/openapi.ts). Every change invalidates what it
 * changed and the audit trail, which has a new row.
 */
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { client, type ApiBody, type ApiItem, type ApiResponse } from '../../shared/api.ts';
import { sessionQueryKey } from '../../shared/query.ts';

// ---- Shapes -------------------------------------------------------------------------------------

export type Agency = ApiItem<'/agencies'>;
export type AgencyOffices = ApiResponse<'/agencies/{id}/offices'>;
export type Office = AgencyOffices['counters'][number] | AgencyOffices['units'][number];
export type AgencyCalendar = ApiBody<'/agencies/{id}/calendar', 'put'>;
export type WorkingPeriod = NonNullable<AgencyCalendar['periods']>[number];
export type HolidaySchedule = ApiResponse<'/public/holidays/{year}'>;
export type StaffAccount = ApiResponse<'/users/{id}'>;
export type UserAssignment = StaffAccount['assignments'][number];
export type AuditEvent = ApiItem<'/audit-events'>;
export type AgencyChanges = ApiBody<'/agencies/{id}', 'patch'>;
export type NewAgency = ApiBody<'/agencies'>;
export type NewOffice = ApiBody<'/agencies/{id}/counters'>;
export type ScheduleInput = ApiBody<'/calendar/schedules/{year}', 'put'>;
export type NewStaff = ApiBody<'/users'>;
export type RoleInput = NewStaff['assignments'][number];
export type StaffChanges = ApiBody<'/users/{id}', 'patch'>;

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
    queryFn: ({ signal }) => client.get('/agencies', { query: { limit: 500 }, signal }),
  });
}

export function useAgencyOffices(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.offices(id ?? ''),
    queryFn: ({ signal }) => client.get('/agencies/{id}/offices', { params: { id: id! }, signal }),
    enabled: Boolean(id),
  });
}

export function useHolidaySchedules() {
  return useQuery({
    queryKey: adminKeys.schedules,
    queryFn: ({ signal }) => client.get('/calendar/schedules', { signal }),
  });
}

/** The schedule in force for a year: loaded, bundled, or computed from the Labour Code rules. */
export function useYearSchedule(year: number | undefined) {
  return useQuery({
    queryKey: adminKeys.holidays(year ?? 0),
    queryFn: ({ signal }) => client.get('/public/holidays/{year}', { params: { year: year! }, signal }),
    enabled: year !== undefined,
  });
}

export function useStaffAccounts(q: string, page: number) {
  return useQuery({
    queryKey: adminKeys.userList(q, page),
    queryFn: ({ signal }) =>
      client.get('/users', { query: { q, limit: userPageSize, offset: (page - 1) * userPageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStaffAccount(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.user(id ?? ''),
    queryFn: ({ signal }) => client.get('/users/{id}', { params: { id: id! }, signal }),
    enabled: Boolean(id),
  });
}

/** Every account in scope (the API's maximum page), to name the users the audit trail mentions. */
export function useAccountNames() {
  return useQuery({
    queryKey: [...adminKeys.users, 'names'],
    queryFn: ({ signal }) => client.get('/users', { query: { limit: 500 }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.auditList(query),
    queryFn: ({ signal }) =>
      client.get('/audit-events', {
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
  createAgency: (input: NewAgency) => client.post('/agencies', input),
  updateAgency: (id: string, changes: AgencyChanges) => client.patch('/agencies/{id}', changes, { params: { id } }),
  addOffice: (agencyId: string, kind: 'counters' | 'units', input: NewOffice) => client.post(kind === 'counters' ? '/agencies/{id}/counters' : '/agencies/{id}/units', input, { params: { id: agencyId } }),
  setCalendar: (agencyId: string, calendar: AgencyCalendar) => client.put('/agencies/{id}/calendar', calendar, { params: { id: agencyId } }),
  putSchedule: (year: number, input: ScheduleInput) => client.put('/calendar/schedules/{year}', input, { params: { year } }),
  createStaff: (input: NewStaff) => client.post('/users', input),
  updateStaff: (id: string, changes: StaffChanges) => client.patch('/users/{id}', changes, { params: { id } }),
  replaceRoles: (id: string, assignments: RoleInput[]) => client.put('/users/{id}/assignments', { assignments }, { params: { id } }),
  resetPassword: (id: string, password: string) => client.post('/users/{id}/password', { password }, { params: { id } }),
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
