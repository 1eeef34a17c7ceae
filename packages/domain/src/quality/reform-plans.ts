/**
 * Administrative-reform plans (kế hoạch cải cách hành chính; docs/rules/reform-plans.md): an
 * agency's yearly plan of tasks, grouped in the six areas of the state programme, each with a lead
 * unit, coordinating units, a deadline and an expected result. Which state a task is in on a given
 * date, and how a report counts tasks, is decided here and nowhere else.
 */
import type { StaffRole } from '../access/actor.ts';
import { daysBetween, type PlainDate } from '../calendar/time.ts';
import type { Messages } from '../errors.ts';

/**
 * The six areas of the overall state administrative reform programme 2021–2030 (Resolution
 * 76/NQ-CP of 15 July 2021), in the programme's order. A plan's tasks are grouped by them.
 */
export const reformAreas = [
  { key: 'institutions', vi: 'Cải cách thể chế', en: 'Institutional reform' },
  { key: 'procedures', vi: 'Cải cách thủ tục hành chính', en: 'Reform of administrative procedures' },
  { key: 'apparatus', vi: 'Cải cách tổ chức bộ máy hành chính nhà nước', en: 'Reform of the state administrative apparatus' },
  { key: 'civil_service', vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
  { key: 'public_finance', vi: 'Cải cách tài chính công', en: 'Public finance reform' },
  { key: 'digital_government', vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', en: 'E-government and digital government' },
] as const;
export type ReformArea = (typeof reformAreas)[number]['key'];
export const reformAreaKeys = reformAreas.map((a) => a.key) as [ReformArea, ...ReformArea[]];
export const reformAreaLabels = Object.fromEntries(reformAreas.map((a) => [a.key, { vi: a.vi, en: a.en }])) as Record<ReformArea, Messages>;

/** Plans number the areas I–VI in the programme's order. */
export const reformAreaNumeral = (area: ReformArea): string => ['I', 'II', 'III', 'IV', 'V', 'VI'][reformAreaKeys.indexOf(area)]!;

/** A task's number as plans print it: its area's numeral and its order in the area, "II.3". */
export const reformTaskCode = (area: ReformArea, number: number): string => `${reformAreaNumeral(area)}.${number}`;

/**
 * The state of a task on a date:
 * - `done_on_time`: its result was recorded as completed on or before the deadline;
 * - `done_late`: completed after the deadline;
 * - `overdue`: not completed, and the deadline has passed (the deadline day itself is still in time);
 * - `in_progress`: not completed, still in time, and some progress was reported;
 * - `not_started`: not completed, still in time, and no progress reported yet.
 */
export const reformTaskStates = ['done_on_time', 'done_late', 'overdue', 'in_progress', 'not_started'] as const;
export type ReformTaskState = (typeof reformTaskStates)[number];

export const reformTaskStateLabels: Record<ReformTaskState, Messages> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  overdue: { vi: 'Quá hạn, chưa hoàn thành', en: 'Overdue' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
};

/** A progress report of a task: the share done as of a date. */
export interface ReformProgress {
  /** The date the share is reported for. */
  reportedOn: PlainDate;
  /** 0–99; the result, when recorded, makes the task done. */
  percent: number;
}

/** What the state of a task depends on. */
export interface ReformTaskFacts {
  deadline: PlainDate;
  /** The completion date of its recorded result; null while it has none. */
  completedOn: PlainDate | null;
  /** Its progress reports in the order they were recorded. */
  progress: readonly ReformProgress[];
}

/**
 * The share reported as of `on`: the report with the latest date on or before `on` (of two on the
 * same date, the one recorded last); 0 when none was reported by then.
 */
export function reformProgressAsOf(progress: readonly ReformProgress[], on: PlainDate): number {
  let best: ReformProgress | undefined;
  for (const p of progress) {
    if (p.reportedOn > on) continue;
    if (!best || p.reportedOn >= best.reportedOn) best = p;
  }
  return best?.percent ?? 0;
}

/** The state of a task on the date `on` (see `reformTaskStates`). A result completed after `on` is not counted yet. */
export function reformTaskState(task: ReformTaskFacts, on: PlainDate): ReformTaskState {
  if (task.completedOn !== null && task.completedOn <= on) return task.completedOn <= task.deadline ? 'done_on_time' : 'done_late';
  if (on > task.deadline) return 'overdue';
  return reformProgressAsOf(task.progress, on) > 0 ? 'in_progress' : 'not_started';
}

/** Days past the deadline on `on`: of the completion for a task done late, of `on` for an overdue one; else 0. */
export function reformDaysLate(task: ReformTaskFacts, on: PlainDate): number {
  const state = reformTaskState(task, on);
  if (state === 'done_late') return daysBetween(task.deadline, task.completedOn!);
  if (state === 'overdue') return daysBetween(task.deadline, on);
  return 0;
}

/** The lists highlight these: not done and past the deadline. */
export const isReformTaskOverdue = (state: ReformTaskState): boolean => state === 'overdue';

/** What a report counts of a set of tasks (a unit's, a plan's, all). */
export interface ReformTally {
  total: number;
  /** done = doneOnTime + doneLate */
  done: number;
  doneOnTime: number;
  doneLate: number;
  /** Not done and past the deadline ("chậm tiến độ"). */
  overdue: number;
  /** Not done and still in time: pending = inProgress + notStarted. */
  pending: number;
  inProgress: number;
  notStarted: number;
  /** done / total, null for no task. */
  doneShare: number | null;
  /** doneOnTime / done, null when none is done. */
  onTimeShare: number | null;
}

/** Counts tasks by state: every task is in exactly one of done on time, done late, overdue, in progress, not started. */
export function tallyReformTasks(states: Iterable<ReformTaskState>): ReformTally {
  const n: Record<ReformTaskState, number> = { done_on_time: 0, done_late: 0, overdue: 0, in_progress: 0, not_started: 0 };
  for (const s of states) n[s]++;
  const done = n.done_on_time + n.done_late;
  const total = done + n.overdue + n.in_progress + n.not_started;
  return {
    total, done, doneOnTime: n.done_on_time, doneLate: n.done_late, overdue: n.overdue,
    pending: n.in_progress + n.not_started, inProgress: n.in_progress, notStarted: n.not_started,
    doneShare: total === 0 ? null : share(done, total),
    onTimeShare: done === 0 ? null : share(n.done_on_time, done),
  };
}

/** A fraction rounded to 4 decimals (68,7% once formatted), as the other reports give rates. */
const share = (part: number, whole: number): number => Math.round((part / whole) * 10_000) / 10_000;

/**
 * The deadlines a plan of `year` may give: from 1 January of its year to 31 December of the next
 * (a yearly plan's last tasks, such as its report, often fall due early in the following year).
 */
export function reformDeadlineRange(year: number): { from: PlainDate; to: PlainDate } {
  return { from: `${year}-01-01` as PlainDate, to: `${year + 1}-12-31` as PlainDate };
}

/** Who makes and changes an agency's plans: its administrators and managers. */
export const reformPlanEditorRoles: readonly StaffRole[] = ['admin', 'manager'];
/** Who reads every task of an agency's plans: the editors and the agency's leaders. */
export const reformPlanReaderRoles: readonly StaffRole[] = ['admin', 'manager', 'leader'];
/** Who acts for a lead or coordinating unit: its staff in any role but community helper. */
export const reformUnitStaffRoles: readonly StaffRole[] = ['officer', 'specialist', 'leader', 'manager', 'admin'];

/** Limits shared by the server's schemas and the web's forms. */
export const reformLimits = {
  title: 500,
  expectedResult: 2000,
  note: 2000,
  documentNumber: 60,
  coordinators: 20,
  evidencePerReport: 10,
  tasksPerPlan: 500,
  /** Progress reports stop short of 100: the result, recorded with its completion date, makes a task done. */
  maxProgressPercent: 99,
} as const;
