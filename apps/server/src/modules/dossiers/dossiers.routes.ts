import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dossierChannels, dossierStatuses, formatInstant, endOfLocalDay, startOfLocalDay, workflowRoles,
  type DossierChannel, type DossierStatus, type PlainDate, type WorkflowRole,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdempotencyHeaders, idempotent, sendEncoded } from '../../http/idempotency.ts';
import { performAction } from './actions.usecases.ts';
import { prepareResultAction } from './result-documents.usecases.ts';
import { receiveAtCounter } from './intake.usecases.ts';
import { DossierDetailSchema, clockTimeLeft, waitingWorkingMinutes } from './dossiers.presenter.ts';
import { dossierDetail, dossierIdByCode, dossierList, presentContext } from './dossiers.queries.ts';
import { ActionBody, CounterIntakeBody, DossierCodeParams, DossierIdParams, ListQuery } from './dossiers.schemas.ts';
import { TimelinessSchema, timelinessFactsOfRow } from './timeliness.ts';

const ListItem = z.object({
  id: z.number(), code: z.string(), status: z.enum(dossierStatuses), procedureCode: z.string(), procedureName: z.string(),
  applicantName: z.string(), channel: z.enum(dossierChannels), submittedAt: z.string().nullable(), receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(), clockDueAt: z.string().nullable(), stepName: z.string().nullable(), stepRole: z.enum(workflowRoles).nullable(),
  assigneeId: z.string().nullable(), agencyName: z.string(), handlingAgencyName: z.string(),
  overdue: z.boolean().describe('in progress and overdue at the instant of the answer (timeliness = in_progress_overdue); the same rule as due=overdue'),
  timeliness: TimelinessSchema,
  supplementSubmitted: z.boolean().describe('waiting for a supplement the applicant has already sent online (to be received by an officer)'),
  workingMinutesLeft: z.number().nullable().describe('working time to the appointment on the agency’s calendar; negative when overdue; while the clock is stopped, what was left when it stopped; null when not received or closed'),
  waitingWorkingMinutes: z.number().nullable().describe('an online dossier waiting to be received (status submitted): working time since it was submitted, on the receiving agency’s calendar; null otherwise'),
});

export function registerDossierRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/dossiers', {
    config: {
      access: staffWith('officer'),
      problems: [
        'procedure.not_found', 'procedure.not_implemented_here', 'agency.not_found', 'counter.not_found', 'dossier.missing_components', 'file.not_claimable',
        'stored_document.not_usable',
        'declaration.invalid',
      ],
    },
    schema: {
      tags: ['dossiers'],
      summary: 'Counter intake: receive, refuse (form 03) or ask to complete (form 02) a dossier',
      headers: IdempotencyHeaders,
      body: CounterIntakeBody,
      response: { 201: DossierDetailSchema },
    },
    handler: async (request, reply) => {
      const result = await idempotent(request, deps, 201, async (txDeps) => {
        const ctx = await receiveAtCounter(auditContextOf(request), request.body, txDeps);
        return presentContext(request.actor, ctx, txDeps, { created: true });
      }, DossierDetailSchema, { deferLastWrites: true });
      reply.status(result.status as 201).header('idempotent-replayed', String(result.replayed));
      // A first answer is already encoded with DossierDetailSchema (idempotency.ts): sent as is.
      if (result.json !== undefined) return sendEncoded(reply, result.json);
      return reply.send(result.body);
    },
  });

  r.get('/api/v1/dossiers', {
    config: { access: anyStaff },
    schema: {
      tags: ['dossiers'],
      summary: 'Inbox (hồ sơ chờ xử lý: online dossiers waiting to be received first, oldest first; then most urgent first) or all dossiers of the caller’s agencies',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(ListItem), total: z.number() }) },
    },
    handler: async (request) => {
      const q = request.query;
      // One instant for the filter and every item's flag.
      const now = deps.clock();
      const calendars = await deps.calendars.current();
      const page = await dossierList(request.actor, now, {
        view: q.view,
        status: q.status?.split(',').map((s) => s.trim()).filter(Boolean),
        procedureCode: q.procedure,
        q: q.q,
        due: q.due,
        receivedFrom: q.receivedFrom ? new Date(startOfLocalDay(q.receivedFrom as PlainDate)) : undefined,
        receivedTo: q.receivedTo ? new Date(endOfLocalDay(q.receivedTo as PlainDate)) : undefined,
        limit: q.limit,
        offset: q.offset,
      }, deps);
      const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
      return {
        total: page.total,
        items: page.items.map(({ agencyId, resultAt, withdrawnAt, clockStoppedAt, ...i }) => {
          const facts = timelinessFactsOfRow({
            status: i.status, received_at: i.receivedAt, result_at: resultAt, withdrawn_at: withdrawnAt, clock_due_at: i.clockDueAt, clock_stopped_at: clockStoppedAt,
          });
          const time = clockTimeLeft(facts, now.getTime(), calendars.forAgency(agencyId));
          return {
            ...i,
            status: i.status as DossierStatus, channel: i.channel as DossierChannel, stepRole: i.stepRole as WorkflowRole | null,
            workingMinutesLeft: time.workingMinutesLeft,
            waitingWorkingMinutes: waitingWorkingMinutes(i.status, i.submittedAt, now.getTime(), calendars.forAgency(agencyId)),
            submittedAt: iso(i.submittedAt), receivedAt: iso(i.receivedAt), dueAt: iso(i.dueAt), clockDueAt: iso(i.clockDueAt),
            overdue: time.overdue,
            timeliness: time.timeliness,
          };
        }),
      };
    },
  });

  r.get('/api/v1/dossiers/:id', {
    config: { access: anyStaff, problems: ['dossier.not_found'] },
    schema: { tags: ['dossiers'], summary: 'One dossier with its timeline and the actions allowed now', params: DossierIdParams, response: { 200: DossierDetailSchema } },
    handler: async (request) => dossierDetail(request.actor, request.params.id, deps),
  });

  r.get('/api/v1/dossiers/by-code/:code', {
    config: { access: anyStaff, problems: ['dossier.invalid_code', 'dossier.not_found'] },
    schema: { tags: ['dossiers'], summary: 'Find a dossier of the caller’s agencies by its code', params: DossierCodeParams, response: { 200: DossierDetailSchema } },
    handler: async (request) => dossierDetail(request.actor, await dossierIdByCode(request.actor, request.params.code, deps), deps),
  });

  r.post('/api/v1/dossiers/:id/actions', {
    config: {
      access: anyStaff,
      problems: [
        'dossier.not_found', 'dossier.transition_not_allowed', 'dossier.fee_unpaid', 'dossier.invalid_target_agency', 'dossier.target_agency_required', 'file.not_claimable',
        'file.unsupported_type', 'signed_document.not_found', 'signed_document.unreadable_pdf', 'signed_document.signature_not_allowed',
        'signing_key.not_found', 'signing_key.unreadable', 'signing_key.remote_not_configured', 'timestamp.unavailable',
      ],
    },
    schema: {
      tags: ['dossiers'],
      summary: 'Take an action on a dossier (transfer, forward, supplement request, attach and sign the result, result ready, return, …); transfer is refused (dossier.fee_unpaid) while a fee due before processing is unpaid',
      headers: IdempotencyHeaders,
      params: DossierIdParams,
      body: ActionBody,
      response: { 200: DossierDetailSchema },
    },
    handler: async (request, reply) => {
      // Signing reads keys through the database: done before the request's transaction opens. Its
      // refusal is raised inside the idempotent work, so that a retried request still gets the first answer.
      const prepared = await prepareResultAction(auditContextOf(request), request.params.id, request.body, deps).then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      );
      const result = await idempotent(request, deps, 200, async (txDeps) => {
        if (prepared.error) throw prepared.error;
        const ctx = await performAction(auditContextOf(request), request.params.id, request.body as Parameters<typeof performAction>[2], txDeps, prepared.value);
        return presentContext(request.actor, ctx, txDeps);
      });
      return reply.status(result.status as 200).header('idempotent-replayed', String(result.replayed)).send(result.body);
    },
  });
}
