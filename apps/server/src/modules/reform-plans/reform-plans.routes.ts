/**
 * The administrative-reform plans API (docs/rules/reform-plans.md): plans and their tasks, progress
 * and results with evidence, and the report of tasks done, late and pending (JSON, XLSX, PDF).
 * Every route is for staff with a role over some unit; what each caller sees and may change is
 * decided by reform-plans.policies.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reformPlanEditorRoles, reformUnitStaffRoles, type ErrorCode } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { evidenceFile, planDetail, planList, taskDetail } from './reform-plans.queries.ts';
import { reformReport, reformReportIssuer } from './reform-plans.report.ts';
import {
  CompletionBody, EvidenceParams, IdParams, PlanBody, PlanDetail, PlanListQuery, PlanPatch, PlanSummary, ProgressBody, ReformReport, ReopenBody, ReportQuery,
  TaskBody, TaskDetail, TaskPatch,
} from './reform-plans.schemas.ts';
import { addTask, createPlan, recordCompletion, reopenTask, reportProgress, updatePlan, updateTask } from './reform-plans.usecases.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReformPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = staffWith(...reformUnitStaffRoles);
  const tags = ['reform plans'];
  const taskProblems: ErrorCode[] = ['reform.task_not_found'];

  r.get('/api/v1/reform-plans', {
    config: { access: staff },
    schema: { tags, summary: 'The reform plans the caller sees (whole, or their units’ tasks), with today’s counts of those tasks', querystring: PlanListQuery, response: { 200: z.object({ items: z.array(PlanSummary) }) } },
    handler: async (request) => planList(request.actor, request.query, deps),
  });

  r.post('/api/v1/reform-plans', {
    config: { access: staffWith(...reformPlanEditorRoles), problems: ['agency.not_found'] },
    schema: { tags, summary: 'Make a yearly reform plan of an agency the caller administers or manages', body: PlanBody, response: { 201: PlanDetail } },
    handler: async (request, reply) => {
      const id = await createPlan(auditContextOf(request), request.body, deps);
      return reply.status(201).send(await planDetail(request.actor, id, deps));
    },
  });

  const reportConfig = { access: staff, problems: ['agency.not_found', 'reform.plan_not_found'] as ErrorCode[] };
  r.get('/api/v1/reform-plans/report', {
    config: reportConfig,
    schema: { tags, summary: 'Tasks done (on time, late), overdue and pending on a date, per lead unit, per plan and in total', querystring: ReportQuery, response: { 200: ReformReport } },
    handler: async (request) => reformReport(request.actor, request.query, deps),
  });

  r.get('/api/v1/reform-plans/report.xlsx', {
    config: reportConfig,
    schema: { tags, summary: 'The same report as an XLSX workbook: per unit, per plan, and every task with its state', querystring: ReportQuery, produces: [xlsxType] },
    handler: async (request, reply) => {
      const report = await reformReport(request.actor, request.query, deps);
      // Loaded on first use: exceljs would slow the server's start.
      const { renderReformWorkbook } = await import('../../infra/xlsx/reform-workbook.ts');
      return sendDownload(reply, { bytes: await renderReformWorkbook(report), mediaType: xlsxType, fileName: `cai-cach-hanh-chinh-${report.year}-den-${report.on}.xlsx`, disposition: 'attachment' });
    },
  });

  r.get('/api/v1/reform-plans/report.pdf', {
    config: reportConfig,
    schema: { tags, summary: 'The same report as a PDF (A4 landscape)', querystring: ReportQuery, produces: ['application/pdf'] },
    handler: async (request, reply) => {
      const report = await reformReport(request.actor, request.query, deps);
      const { renderReformReportPdf } = await import('../../infra/pdf/report/reform-report-pdf.ts');
      const issuer = await reformReportIssuer(deps.db, report);
      return sendDownload(reply, { bytes: await renderReformReportPdf(report, issuer ? { issuer } : {}), mediaType: 'application/pdf', fileName: `cai-cach-hanh-chinh-${report.year}-den-${report.on}.pdf` });
    },
  });

  r.get('/api/v1/reform-plans/:id', {
    config: { access: staff, problems: ['reform.plan_not_found'] },
    schema: { tags, summary: 'A plan with the tasks the caller sees, each in its state today', params: IdParams, response: { 200: PlanDetail } },
    handler: async (request) => planDetail(request.actor, request.params.id, deps),
  });

  r.patch('/api/v1/reform-plans/:id', {
    config: { access: staff, problems: ['reform.plan_not_found'] },
    schema: { tags, summary: 'Change a plan’s title or issuing document (its editors)', params: IdParams, body: PlanPatch, response: { 200: PlanDetail } },
    handler: async (request) => {
      await updatePlan(auditContextOf(request), request.params.id, request.body, deps);
      return planDetail(request.actor, request.params.id, deps);
    },
  });

  r.post('/api/v1/reform-plans/:id/tasks', {
    config: { access: staff, problems: ['reform.plan_not_found', 'reform.invalid_deadline', 'reform.unit_outside_plan'] },
    schema: { tags, summary: 'Add a task to a plan (its editors)', params: IdParams, body: TaskBody, response: { 201: TaskDetail } },
    handler: async (request, reply) => {
      const id = await addTask(auditContextOf(request), request.params.id, request.body, deps);
      return reply.status(201).send(await taskDetail(request.actor, id, deps));
    },
  });

  r.get('/api/v1/reform-tasks/:id', {
    config: { access: staff, problems: taskProblems },
    schema: { tags, summary: 'A task with its progress reports, result and evidence, and what the caller may do', params: IdParams, response: { 200: TaskDetail } },
    handler: async (request) => taskDetail(request.actor, request.params.id, deps),
  });

  r.patch('/api/v1/reform-tasks/:id', {
    config: { access: staff, problems: [...taskProblems, 'reform.invalid_deadline', 'reform.unit_outside_plan'] },
    schema: { tags, summary: 'Change a task: area, title, expected result, deadline, lead and coordinating units (the plan’s editors)', params: IdParams, body: TaskPatch, response: { 200: TaskDetail } },
    handler: async (request) => {
      await updateTask(auditContextOf(request), request.params.id, request.body, deps);
      return taskDetail(request.actor, request.params.id, deps);
    },
  });

  r.post('/api/v1/reform-tasks/:id/progress', {
    config: { access: staff, problems: [...taskProblems, 'reform.task_completed', 'reform.date_in_future', 'file.not_claimable'] },
    schema: { tags, summary: 'Report progress with evidence (the lead unit, or the plan’s editors)', params: IdParams, body: ProgressBody, response: { 200: TaskDetail } },
    handler: async (request) => {
      await reportProgress(auditContextOf(request), request.params.id, request.body, deps);
      return taskDetail(request.actor, request.params.id, deps);
    },
  });

  r.post('/api/v1/reform-tasks/:id/completion', {
    config: { access: staff, problems: [...taskProblems, 'reform.task_completed', 'reform.date_in_future', 'file.not_claimable'] },
    schema: { tags, summary: 'Record the result and its completion date, with evidence (the lead unit, or the plan’s editors)', params: IdParams, body: CompletionBody, response: { 200: TaskDetail } },
    handler: async (request) => {
      await recordCompletion(auditContextOf(request), request.params.id, request.body, deps);
      return taskDetail(request.actor, request.params.id, deps);
    },
  });

  r.post('/api/v1/reform-tasks/:id/reopening', {
    config: { access: staff, problems: [...taskProblems, 'reform.task_not_completed'] },
    schema: { tags, summary: 'Withdraw a result recorded by mistake, with the reason (the plan’s editors)', params: IdParams, body: ReopenBody, response: { 200: TaskDetail } },
    handler: async (request) => {
      await reopenTask(auditContextOf(request), request.params.id, request.body.note, deps);
      return taskDetail(request.actor, request.params.id, deps);
    },
  });

  r.get('/api/v1/reform-tasks/:id/evidence/:fileId', {
    config: { access: staff, problems: [...taskProblems, 'reform.evidence_not_found'] },
    schema: { tags, summary: 'An evidence file of a task the caller sees', params: EvidenceParams, produces: ['application/pdf', 'image/jpeg', 'image/png'] },
    handler: async (request, reply) => {
      const file = await evidenceFile(request.actor, request.params.id, request.params.fileId, deps);
      return sendDownload(reply, { bytes: deps.storage.read(file.storage_key), mediaType: file.media_type, fileName: file.original_name });
    },
  });
}
