/** The satisfaction survey API (docs/rules/service-quality.md, "Satisfaction surveys"): thin handlers over the use cases. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyReaderRoles } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { sendDownload } from '../../http/download.ts';
import { IdParams, listOf } from '../../http/schemas.ts';
import { renderSurveyWorkbook } from '../../infra/xlsx/survey-workbook.ts';
import { answerForApplicant, answerWithToken, invitationForToken } from './survey-answers.usecases.ts';
import { invitationPage, printInvitations } from './survey-invitations.ts';
import { surveyResultsFor } from './survey-results.queries.ts';
import {
  InvitationItem, InvitationListQuery, InvitationParams, PrintQuery, PublicAnswerBody, PublicInvitation, SamplePreview, StaffAnswerBody,
  SurveyActionBody, SurveyBody, SurveyDetail, SurveyListItem, SurveyListQuery, SurveyResults, TokenBody,
} from './surveys.schemas.ts';
import { actOnSurvey, createSurvey, deleteSurvey, samplePreview, surveyDetail, surveyList, updateSurvey } from './surveys.usecases.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerSurveyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service quality'];
  const readers = staffWith(...surveyReaderRoles);
  // Administrators and managers; the use cases narrow managers to those of a province or district.
  const designers = staffWith('admin', 'manager');
  const designProblems = ['agency.not_found', 'survey.invalid', 'calendar.invalid_period'] as const;

  r.get('/api/v1/surveys', {
    config: { access: readers },
    schema: { tags, summary: 'The satisfaction surveys that cover one of the caller’s agencies, newest first (counts at the caller’s agencies)', querystring: SurveyListQuery, response: { 200: listOf(SurveyListItem) } },
    handler: async (request) => surveyList(request.actor, request.query, deps),
  });

  r.post('/api/v1/surveys', {
    config: { access: designers, problems: designProblems },
    schema: { tags, summary: 'A new draft survey of agencies in the caller’s subtrees (administrators; managers of a province or district)', body: SurveyBody, response: { 201: SurveyDetail } },
    handler: async (request, reply) => {
      const id = await createSurvey(auditContextOf(request), request.body, deps);
      return reply.status(201).send(await surveyDetail(request.actor, id, deps));
    },
  });

  r.get('/api/v1/surveys/:id', {
    config: { access: readers, problems: ['survey.not_found'] },
    schema: { tags, summary: 'One survey: its questionnaire, period, agencies, sampling plan and seed, counts, and the steps the caller may take', params: IdParams, response: { 200: SurveyDetail } },
    handler: async (request) => surveyDetail(request.actor, request.params.id, deps),
  });

  r.put('/api/v1/surveys/:id', {
    config: { access: designers, problems: ['survey.not_found', 'survey.not_draft', ...designProblems] },
    schema: { tags, summary: 'Rewrite a draft survey', params: IdParams, body: SurveyBody, response: { 200: SurveyDetail } },
    handler: async (request) => {
      await updateSurvey(auditContextOf(request), request.params.id, request.body, deps);
      return surveyDetail(request.actor, request.params.id, deps);
    },
  });

  r.delete('/api/v1/surveys/:id', {
    config: { access: designers, problems: ['survey.not_found', 'survey.not_draft'] },
    schema: { tags, summary: 'Delete a draft survey', params: IdParams, response: { 204: z.undefined().describe('Deleted') } },
    handler: async (request, reply) => {
      await deleteSurvey(auditContextOf(request), request.params.id, deps);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/surveys/:id/sample-preview', {
    config: { access: readers, problems: ['survey.not_found'] },
    schema: {
      tags,
      summary: 'Per unit: the dossiers closed in the period (counted up to now while it is not over) and how many the sampling plan draws',
      params: IdParams,
      response: { 200: SamplePreview },
    },
    handler: async (request) => samplePreview(request.actor, request.params.id, deps),
  });

  r.post('/api/v1/surveys/:id/actions', {
    config: { access: designers, problems: ['survey.not_found', 'survey.transition_not_allowed', 'survey.period_not_over', 'survey.empty_sample'] },
    schema: {
      tags,
      summary: 'Open a draft (draws the sample, creates the invitations, messages the applicants) or close an open survey',
      params: IdParams,
      body: SurveyActionBody,
      response: { 200: SurveyDetail },
    },
    handler: async (request) => {
      await actOnSurvey(auditContextOf(request), request.params.id, request.body.action, deps);
      return surveyDetail(request.actor, request.params.id, deps);
    },
  });

  r.get('/api/v1/surveys/:id/invitations', {
    config: { access: readers, problems: ['survey.not_found', 'agency.not_found'] },
    schema: { tags, summary: 'The invitations at the caller’s agencies, for follow-up: the dossier, the applicant’s contacts, whether messaged and answered', params: IdParams, querystring: InvitationListQuery, response: { 200: listOf(InvitationItem) } },
    handler: async (request) => invitationPage(request.actor, request.params.id, request.query, deps),
  });

  r.post('/api/v1/surveys/:id/invitations/print', {
    config: { access: readers, problems: ['survey.not_found', 'agency.not_found', 'survey.closed', 'survey.transition_not_allowed'] },
    schema: {
      tags,
      summary: 'The unanswered invitations at the caller’s agencies as a printable PDF, one QR code each for phone or letter follow-up; every print issues new one-time tokens (audited)',
      params: IdParams,
      querystring: PrintQuery,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const printed = await printInvitations(auditContextOf(request), request.params.id, request.query, deps);
      return sendDownload(reply, { bytes: printed.pdf, mediaType: 'application/pdf', fileName: printed.fileName, disposition: 'attachment' });
    },
  });

  r.post('/api/v1/surveys/:id/invitations/:invitationId/answer', {
    config: {
      access: readers,
      problems: ['survey.not_found', 'survey.invitation_not_found', 'survey.closed', 'survey.transition_not_allowed', 'survey.already_answered', 'survey.invalid_answers'],
    },
    schema: {
      tags,
      summary: 'An officer of the dossier’s agency enters the answers the applicant gave by phone, by letter or at the counter (audited, with the officer and the channel)',
      params: InvitationParams,
      body: StaffAnswerBody,
      response: { 201: z.object({ answeredAt: z.string() }) },
    },
    handler: async (request, reply) => reply.status(201).send(await answerForApplicant(auditContextOf(request), request.params.id, request.params.invitationId, request.body, deps)),
  });

  r.get('/api/v1/surveys/:id/results', {
    config: { access: readers, problems: ['survey.not_found'] },
    schema: {
      tags,
      summary: 'Results per unit (the caller’s agencies) and question: response rate, averages, distributions, free-text answers; with the external figures of the period',
      params: IdParams,
      response: { 200: SurveyResults },
    },
    handler: async (request) => surveyResultsFor(request.actor, request.params.id, deps),
  });

  r.get('/api/v1/surveys/:id/results.xlsx', {
    config: { access: readers, problems: ['survey.not_found'] },
    schema: { tags, summary: 'The same results as an XLSX workbook', params: IdParams, produces: [xlsxType] },
    handler: async (request, reply) => {
      const results = await surveyResultsFor(request.actor, request.params.id, deps);
      const bytes = await renderSurveyWorkbook(results);
      return sendDownload(reply, { bytes, mediaType: xlsxType, fileName: `ket-qua-khao-sat-${results.survey.periodFrom}-${results.survey.periodTo}.xlsx`, disposition: 'attachment' });
    },
  });

  // The applicant's side: the token is the only proof, sent in the body (never in an address a log keeps).
  r.post('/api/v1/public/surveys/invitation', {
    config: { access: publicAccess, problems: ['survey.token_invalid', 'survey.closed', 'survey.already_answered'], rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'The survey an invitation’s one-time token opens: its title, the dossier, the questionnaire (spends nothing)', body: TokenBody, response: { 200: PublicInvitation } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return invitationForToken(request.body.token, deps);
    },
  });

  r.post('/api/v1/public/surveys/answers', {
    config: {
      access: publicAccess,
      problems: ['survey.token_invalid', 'survey.closed', 'survey.already_answered', 'survey.invalid_answers'],
      rateLimit: { max: 10, timeWindow: '1 minute' },
    },
    schema: { tags: ['public'], summary: 'The applicant answers the survey with the invitation’s one-time token (once; the token is spent)', body: PublicAnswerBody, response: { 201: z.object({ answeredAt: z.string() }) } },
    handler: async (request, reply) => reply.status(201).send(await answerWithToken(auditContextOf(request), request.body.token, request.body.answers, deps)),
  });
}
