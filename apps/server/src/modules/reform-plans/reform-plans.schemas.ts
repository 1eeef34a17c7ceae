/** Input and output schemas of the reform plans API (they also document it in OpenAPI). */
import { z } from 'zod';
import { inputText, reformAreaKeys, reformLimits, reformTaskStates } from '@motcua/domain';

const PlainDateInput = z.iso.date().describe('YYYY-MM-DD (Vietnam calendar date)');
const Year = z.coerce.number().int().min(2000).max(2100);

export const IdParams = z.object({ id: z.uuid() });
export const EvidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** A lead or coordinating unit: a unit (phòng, ban) of an agency, or a whole agency, under the plan's agency. */
export const UnitRefInput = z.object({
  kind: z.enum(['unit', 'agency']),
  id: z.uuid(),
});

export const PlanBody = z.object({
  agencyId: z.uuid().describe('the issuing agency; the caller administers or manages it'),
  year: Year,
  title: inputText().trim().min(1).max(reformLimits.title),
  documentNumber: inputText().trim().min(1).max(reformLimits.documentNumber).optional().describe('number and symbol of the issuing document, e.g. 05/KH-UBND'),
  documentDate: PlainDateInput.optional().describe('date of the issuing document'),
});

export const PlanPatch = z.object({
  title: inputText().trim().min(1).max(reformLimits.title).optional(),
  documentNumber: inputText().trim().min(1).max(reformLimits.documentNumber).nullable().optional(),
  documentDate: PlainDateInput.nullable().optional(),
});

export const TaskBody = z.object({
  area: z.enum(reformAreaKeys),
  title: inputText().trim().min(1).max(reformLimits.title),
  expectedResult: inputText().trim().min(1).max(reformLimits.expectedResult).describe('the expected result or product (kết quả, sản phẩm)'),
  deadline: PlainDateInput.describe('in the plan’s year or the next'),
  lead: UnitRefInput,
  coordinators: z.array(UnitRefInput).max(reformLimits.coordinators).default([]),
});

export const TaskPatch = z.object({
  area: z.enum(reformAreaKeys).optional(),
  title: inputText().trim().min(1).max(reformLimits.title).optional(),
  expectedResult: inputText().trim().min(1).max(reformLimits.expectedResult).optional(),
  deadline: PlainDateInput.optional(),
  lead: UnitRefInput.optional(),
  coordinators: z.array(UnitRefInput).max(reformLimits.coordinators).optional(),
});

const FileIds = z.array(z.uuid()).max(reformLimits.evidencePerReport).default([]).describe('evidence: uploads of the caller (POST /api/v1/files)');

export const ProgressBody = z.object({
  percent: z.number().int().min(0).max(reformLimits.maxProgressPercent).describe('share done; the result (completion) makes a task 100 %'),
  reportedOn: PlainDateInput.optional().describe('the date the share is as of; default today, never after it'),
  note: inputText().trim().max(reformLimits.note).optional(),
  fileIds: FileIds,
});

export const CompletionBody = z.object({
  completedOn: PlainDateInput.optional().describe('default today, never after it'),
  result: inputText().trim().min(1).max(reformLimits.expectedResult).describe('the result achieved'),
  fileIds: FileIds,
});

export const ReopenBody = z.object({
  note: inputText().trim().min(1).max(reformLimits.note).describe('why the recorded result is withdrawn'),
});

export const PlanListQuery = z.object({
  year: Year.optional(),
  agencyId: z.uuid().optional().describe('plans of this agency and the agencies under it'),
});

export const ReportQuery = z.object({
  year: Year.optional().describe('plans of this year; default the year of `on`, else this year'),
  on: PlainDateInput.optional().describe('the date the states are counted on; default today, or 31 December of a past year'),
  agencyId: z.uuid().optional().describe('plans of this agency and the agencies under it'),
  planId: z.uuid().optional(),
});

const Tally = z.object({
  total: z.number(),
  done: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  overdue: z.number().describe('not done, past the deadline'),
  pending: z.number().describe('not done, still in time: inProgress + notStarted'),
  inProgress: z.number(),
  notStarted: z.number(),
  doneShare: z.number().nullable().describe('done / total, 0–1'),
  onTimeShare: z.number().nullable().describe('doneOnTime / done, 0–1'),
});

export const UnitOut = z.object({
  kind: z.enum(['unit', 'agency']),
  id: z.uuid(),
  name: z.string(),
  agencyName: z.string().describe('the agency a unit belongs to (short name); for an agency, its own'),
  ofPlanAgency: z.boolean().describe('a unit of the plan’s own agency, or that agency itself'),
});

export const PlanSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  year: z.number(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  canEdit: z.boolean().describe('the caller administers or manages the plan’s agency'),
  wholePlan: z.boolean().describe('the caller sees every task of it (otherwise only their units’)'),
  tally: Tally.describe('the tasks the caller sees, counted today'),
});

export const TaskItem = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  area: z.enum(reformAreaKeys),
  number: z.number().describe('its order in its area (1, 2, …)'),
  title: z.string(),
  expectedResult: z.string(),
  deadline: z.string(),
  lead: UnitOut,
  coordinators: z.array(UnitOut),
  progress: z.number().describe('the share reported as of today, 100 once done'),
  lastReportedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  result: z.string().nullable(),
  state: z.enum(reformTaskStates).describe('today (docs/rules/reform-plans.md)'),
  overdue: z.boolean().describe('not done and past the deadline: highlighted'),
  daysLate: z.number(),
  part: z.enum(['lead', 'coordinating']).nullable().describe('the caller’s unit’s part in it'),
});

export const PlanDetail = PlanSummary.extend({
  today: z.string(),
  tasks: z.array(TaskItem),
  unitChoices: z.array(UnitOut).describe('for editors: the units a task may name'),
});

export const TaskDetail = TaskItem.extend({
  plan: z.object({ id: z.uuid(), title: z.string(), year: z.number(), agencyName: z.string(), documentNumber: z.string().nullable() }),
  today: z.string(),
  canReport: z.boolean().describe('report progress and record the result'),
  canEdit: z.boolean().describe('change the task, withdraw its result'),
  unitChoices: z.array(UnitOut).describe('for editors: the units a task may name'),
  updates: z.array(z.object({
    id: z.number(),
    kind: z.enum(['progress', 'completion', 'reopening']),
    reportedOn: z.string(),
    percent: z.number().nullable(),
    note: z.string().nullable(),
    actorName: z.string().nullable(),
    recordedAt: z.string(),
    evidence: z.array(z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number() })),
  })).describe('oldest first'),
});

const ReportRow = Tally.extend({ key: z.string(), name: z.string(), detail: z.string().nullable() });

export const ReportTask = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  area: z.enum(reformAreaKeys),
  number: z.number(),
  title: z.string(),
  lead: z.string(),
  deadline: z.string(),
  completedOn: z.string().nullable(),
  progress: z.number(),
  state: z.enum(reformTaskStates),
  daysLate: z.number(),
});

export const ReformReport = z.object({
  year: z.number(),
  on: z.string().describe('the date the states are counted on'),
  generatedAt: z.string(),
  filters: z.object({ agency: z.object({ id: z.uuid(), name: z.string() }).nullable(), plan: z.object({ id: z.uuid(), title: z.string() }).nullable() }),
  total: Tally,
  byUnit: z.array(ReportRow).describe('per lead unit'),
  byPlan: z.array(ReportRow),
  tasks: z.array(ReportTask).describe('every task counted, in plan order'),
});
