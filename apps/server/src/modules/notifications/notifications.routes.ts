/** The console's messages (docs/notifications-console.md): the list, one message, sending it again, a dossier's messages. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { anyStaff } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdempotencyHeaders, idempotent } from '../../http/idempotency.ts';
import { Pagination } from '../../http/schemas.ts';
import { DossierIdParams } from '../dossiers/dossiers.schemas.ts';
import { NotificationDetail, NotificationIdParams, NotificationList, NotificationListQuery } from './notifications.schemas.ts';
import { dossierNotifications, notificationDetail, notificationList, resendNotification } from './notifications.usecases.ts';

export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/v1/notifications', {
    config: { access: anyStaff },
    schema: {
      tags,
      summary: 'Messages about the dossiers of the caller’s agencies and to the caller, newest first (thông báo đã gửi)',
      querystring: NotificationListQuery,
      response: { 200: NotificationList },
    },
    handler: async (request) => notificationList(request.actor, request.query, deps),
  });

  r.get('/api/v1/notifications/:id', {
    config: { access: anyStaff, problems: ['notification.not_found'] },
    schema: { tags, summary: 'One message: the text as sent, attempts, the last error, the messages that sent it again', params: NotificationIdParams, response: { 200: NotificationDetail } },
    handler: async (request) => notificationDetail(request.actor, request.params.id, deps),
  });

  r.post('/api/v1/notifications/:id/resend', {
    config: { access: anyStaff, problems: ['notification.not_found', 'notification.resend_not_allowed'] },
    schema: {
      tags,
      summary: 'Send a message again (sent, delivered or failed): a new queued message linked to it',
      params: NotificationIdParams,
      headers: IdempotencyHeaders,
      response: { 201: NotificationDetail },
    },
    handler: async (request, reply) => {
      const result = await idempotent(request, deps, 201, (txDeps) => resendNotification(auditContextOf(request), request.params.id, txDeps));
      return reply.status(result.status as 201).header('idempotent-replayed', String(result.replayed)).send(await notificationDetail(request.actor, result.body, deps));
    },
  });

  r.get('/api/v1/dossiers/:id/notifications', {
    config: { access: anyStaff, problems: ['dossier.not_found'] },
    schema: { tags, summary: 'What the applicant and staff were told about a dossier, newest first', params: DossierIdParams, querystring: Pagination, response: { 200: NotificationList } },
    handler: async (request) => dossierNotifications(request.actor, request.params.id, request.query, deps),
  });
}
