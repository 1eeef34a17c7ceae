/** The console's alerts of low ratings (docs/rules/service-quality.md): leaders and managers read them, a leader marks one handled. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { alertHandlerRoles, alertReaderRoles } from './rating-alerts.policies.ts';
import { RatingAlertListSchema, RatingAlertSchema } from './rating-alerts.presenter.ts';
import { handleRatingAlert, listRatingAlerts } from './rating-alerts.usecases.ts';

const AlertsQuery = z.object({
  state: z.enum(['open', 'handled', 'all']).default('open'),
  code: inputText().max(64).optional().describe('one dossier’s alert, by its code (the link of a leader’s message)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export function registerRatingAlertRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/rating-alerts', {
    config: { access: staffWith(...alertReaderRoles) },
    schema: {
      tags: ['ratings'],
      summary: 'Low ratings (score 2 or 1) of dossiers received by the caller’s units, newest first, with their criteria and comment (leaders and managers)',
      querystring: AlertsQuery,
      response: { 200: RatingAlertListSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listRatingAlerts(request.actor, request.query, deps);
    },
  });

  r.post('/api/v1/rating-alerts/:dossierId/handle', {
    config: { access: staffWith(...alertHandlerRoles), problems: ['rating_alert.not_found', 'rating_alert.already_handled'] },
    schema: {
      tags: ['ratings'],
      summary: 'A leader of the unit marks a low rating’s alert handled, saying what was done (audited; once)',
      params: z.object({ dossierId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
      body: z.object({ note: inputText().trim().min(1).max(2000).describe('what was done: a call to the applicant, a measure taken') }),
      response: { 200: RatingAlertSchema },
    },
    handler: async (request) => handleRatingAlert(auditContextOf(request), request.params.dossierId, request.body.note, deps),
  });
}
