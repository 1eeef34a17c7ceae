/**
 * The reform plans endpoints (`/api/v1/reform-plans…`, `/api/v1/reform-tasks…`): plans, tasks with
 * the states the server computed, progress and results with evidence, the report. Shapes are the
 * server's OpenAPI document's (../../shared/openapi.ts); the web app decides no rule.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';

export type PlanSummary = ApiItem<'/reform-plans'>;
export type PlanDetail = ApiResponse<'/reform-plans/{id}'>;
export type TaskItem = PlanDetail['tasks'][number];
export type TaskDetail = ApiResponse<'/reform-tasks/{id}'>;
export type UnitOut = TaskItem['lead'];
export type PlanInput = ApiBody<'/reform-plans'>;
export type TaskInput = ApiBody<'/reform-plans/{id}/tasks'>;
export type TaskPatch = ApiBody<'/reform-tasks/{id}', 'patch'>;
export type ProgressInput = ApiBody<'/reform-tasks/{id}/progress'>;
export type CompletionInput = ApiBody<'/reform-tasks/{id}/completion'>;
export type ReportQuery = ApiQuery<'/reform-plans/report'>;
export type ReformReport = ApiResponse<'/reform-plans/report'>;
export type Tally = ReformReport['total'];

export const reformKeys = {
  all: ['reform'] as const,
  plans: (year: number | undefined) => ['reform', 'plans', year ?? null] as const,
  plan: (id: string) => ['reform', 'plan', id] as const,
  task: (id: string) => ['reform', 'task', id] as const,
  report: (query: ReportQuery) => ['reform', 'report', query] as const,
};

export function usePlans(year: number | undefined) {
  return useQuery({
    queryKey: reformKeys.plans(year),
    queryFn: ({ signal }) => client.get('/reform-plans', { query: year ? { year } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: reformKeys.plan(id), queryFn: ({ signal }) => client.get('/reform-plans/{id}', { params: { id }, signal }) });
}

export function useTask(id: string) {
  return useQuery({ queryKey: reformKeys.task(id), queryFn: ({ signal }) => client.get('/reform-tasks/{id}', { params: { id }, signal }) });
}

export function useReformReport(query: ReportQuery) {
  return useQuery({
    queryKey: reformKeys.report(query),
    queryFn: ({ signal }) => client.get('/reform-plans/report', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePlan() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => client.post('/reform-plans', input),
    onSuccess: () => queries.invalidateQueries({ queryKey: reformKeys.all }),
  });
}

export function useAddTask(planId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskInput) => client.post('/reform-plans/{id}/tasks', input, { params: { id: planId } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: reformKeys.all }),
  });
}

/** A change to a task (edit, progress, result, reopening): the answer is the task as it is now. */
function useTaskChange<I>(id: string, call: (input: I) => Promise<TaskDetail>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queries.setQueryData(reformKeys.task(id), detail);
      return queries.invalidateQueries({ queryKey: reformKeys.all });
    },
  });
}

export const useEditTask = (id: string) => useTaskChange(id, (input: TaskPatch) => client.patch('/reform-tasks/{id}', input, { params: { id } }));
export const useReportProgress = (id: string) => useTaskChange(id, (input: ProgressInput) => client.post('/reform-tasks/{id}/progress', input, { params: { id } }));
export const useRecordCompletion = (id: string) => useTaskChange(id, (input: CompletionInput) => client.post('/reform-tasks/{id}/completion', input, { params: { id } }));
export const useReopenTask = (id: string) => useTaskChange(id, (note: string) => client.post('/reform-tasks/{id}/reopening', { note }, { params: { id } }));

/** An evidence file, opened in a new tab. */
export const evidenceUrl = (taskId: string, fileId: string): string =>
  `/api/v1/reform-tasks/${encodeURIComponent(taskId)}/evidence/${encodeURIComponent(fileId)}`;

/** The report as a file, for the same query as the screen. */
export function reportFileUrl(query: ReportQuery, format: 'xlsx' | 'pdf'): string {
  const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]])));
  const search = params.toString();
  return `/api/v1/reform-plans/report.${format}${search ? `?${search}` : ''}`;
}
