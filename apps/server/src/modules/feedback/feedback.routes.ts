/**
 * The feedback API (docs/rules/service-quality.md, "Feedback and petitions"): the portal's
 * submission, lookup and list of published answers; the signed-in citizen's own feedback; the
 * staff's intake, list, detail, steps and figures.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { publicAccess, signedInCitizen, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { listOf, Pagination } from '../../http/schemas.ts';
import { feedbackIntakeRoles, feedbackReaderRoles } from '@motcua/domain';
import { feedbackFigureRoles } from './feedback.policies.ts';
import {
  citizenList, feedbackCodeOf, feedbackDetail, feedbackFiguresReport, feedbackList, presentPublic, presentSubmitted, publicFeedback, publishedList,
} from './feedback.queries.ts';
import {
  CitizenFeedbackItem, FeedbackActionBody, FeedbackCodeParams, FeedbackDetail, FeedbackIdParams, FeedbackListItem, FeedbackListQuery, FiguresQuery,
  FiguresReport, IntakeBody, PublicFeedback, PublicFeedbackBody, PublicListQuery, PublishedItem, SecurityCodeBody, SubmittedFeedback,
} from './feedback.schemas.ts';
import { actOnFeedback, proveSender, submitFeedback, takeInFeedback } from './feedback.usecases.ts';

export function registerFeedbackRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = staffWith(...feedbackReaderRoles);
  const tags = ['feedback'];

  r.post('/api/v1/public/feedback', {
    config: { access: publicAccess, problems: ['agency.not_found'], rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['public', ...tags],
      summary: 'Send a feedback or petition (gửi phản ánh, kiến nghị), no sign-in needed; answered within 10 working days',
      description:
        '`dueAt` is `receivedAt` plus 10 working days on the addressed agency’s calendar (the root agency when none is named), '
        + 'under the legal clock of the time rules. A signed-in citizen’s feedback is linked to their account. A complaint or a '
        + 'denunciation (`category`) is refused at once, with the way to its own procedure.',
      headers: IdempotencyHeaders,
      body: PublicFeedbackBody,
      response: { 201: SubmittedFeedback },
    },
    handler: async (request, reply) => {
      const { agency, ...body } = request.body;
      const result = await idempotent(request, deps, 201, async (txDeps) =>
        presentSubmitted(await submitFeedback(auditContextOf(request), { ...body, agencyCode: agency }, txDeps), body.category, deps.config.publicBaseUrl));
      return reply.status(result.status as 201).send(result.body);
    },
  });

  r.get('/api/v1/public/feedback', {
    config: { access: publicAccess, rateLimit: { max: 300, timeWindow: '1 minute' } },
    schema: {
      tags: ['public', ...tags],
      summary: 'Published answers to feedback, newest first, personal data removed; searched with or without diacritics',
      querystring: PublicListQuery,
      response: { 200: listOf(PublishedItem) },
    },
    handler: async (request) => publishedList(request.query, deps),
  });

  r.get('/api/v1/public/feedback/:code', {
    config: { access: publicAccess, problems: ['feedback.invalid_code', 'feedback.not_found'], rateLimit: { max: deps.config.publicLookupRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['public', ...tags],
      summary: 'The status of a feedback and, once published, its answer; its own text too for its signed-in sender',
      params: FeedbackCodeParams,
      response: { 200: PublicFeedback },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicFeedback(request.params.code, request.actor, deps);
    },
  });

  r.post('/api/v1/public/feedback/:code/view', {
    config: { access: publicAccess, problems: ['feedback.invalid_code', 'feedback.not_found', 'feedback.access_denied'], rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['public', ...tags],
      summary: 'The sender reads their own feedback and its answer (published or not) with the security code given at submission',
      params: FeedbackCodeParams,
      body: SecurityCodeBody,
      response: { 200: PublicFeedback },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const row = await proveSender(auditContextOf(request), feedbackCodeOf(request.params.code), request.body.securityCode, deps);
      return presentPublic(row, request.actor, true);
    },
  });

  r.get('/api/v1/citizen/feedback', {
    config: { access: signedInCitizen },
    schema: {
      tags: ['citizen', ...tags],
      summary: 'The feedback the signed-in citizen sent, newest first',
      querystring: Pagination.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: listOf(CitizenFeedbackItem) },
    },
    handler: async (request) => citizenList(request.actor, request.query, deps),
  });

  r.get('/api/v1/feedback', {
    config: { access: readers, problems: ['agency.not_found'] },
    schema: {
      tags,
      summary: 'The feedback of the caller’s agencies (and those below): open first by due instant; filters by status, overdue, unit, period, words',
      querystring: FeedbackListQuery,
      response: { 200: listOf(FeedbackListItem) },
    },
    handler: async (request) => feedbackList(request.actor, request.query, deps),
  });

  r.get('/api/v1/feedback/figures', {
    config: { access: staffWith(...feedbackFigureRoles), problems: ['agency.not_found', 'report.invalid_period'] },
    schema: {
      tags: [...tags, 'reports'],
      summary: 'Per unit and in total for a period: received, answered on time, answered late, refused, pending and of those overdue',
      querystring: FiguresQuery,
      response: { 200: FiguresReport },
    },
    handler: async (request) => feedbackFiguresReport(request.actor, request.query, deps),
  });

  r.post('/api/v1/feedback', {
    config: { access: staffWith(...feedbackIntakeRoles), problems: ['agency.not_found'] },
    schema: {
      tags,
      summary: 'Take in a feedback received at the counter, by phone, by letter or by e-mail',
      headers: IdempotencyHeaders,
      body: IntakeBody,
      response: { 201: FeedbackDetail },
    },
    handler: async (request, reply) => {
      const { receivedAt, ...body } = request.body;
      const result = await idempotent(request, deps, 201, async (txDeps) => {
        const id = await takeInFeedback(auditContextOf(request), { ...body, receivedAt: receivedAt ? new Date(receivedAt) : undefined }, txDeps);
        return feedbackDetail(request.actor, id, txDeps);
      });
      return reply.status(result.status as 201).send(result.body);
    },
  });

  r.get('/api/v1/feedback/:id', {
    config: { access: readers, problems: ['feedback.not_found'] },
    schema: {
      tags,
      summary: 'One feedback with its timeline, the redacted text for review before publication, and the steps the caller may take now',
      params: FeedbackIdParams,
      response: { 200: FeedbackDetail },
    },
    handler: async (request) => feedbackDetail(request.actor, request.params.id, deps),
  });

  r.post('/api/v1/feedback/:id/actions', {
    config: { access: readers, problems: ['feedback.not_found', 'feedback.transition_not_allowed', 'feedback.publish_not_allowed', 'agency.not_found'] },
    schema: {
      tags,
      summary: 'Take a step: assign to the competent unit, ask the sender for details (the clock stops), resume, answer, refuse as a complaint or a denunciation, publish the reviewed answer',
      headers: IdempotencyHeaders,
      params: FeedbackIdParams,
      body: FeedbackActionBody,
      response: { 200: FeedbackDetail },
    },
    handler: async (request, reply) => {
      const result = await idempotent(request, deps, 200, async (txDeps) => {
        await actOnFeedback(auditContextOf(request), request.params.id, request.body, txDeps);
        return feedbackDetail(request.actor, request.params.id, txDeps);
      });
      return reply.status(result.status as 200).send(result.body);
    },
  });
}
