/** The console's messages: lists scoped to the caller, one message in full, and sending one again. */
import { AppError, endOfLocalDay, startOfLocalDay, type Actor, type DeliveryStatus, type PlainDate } from '@motcua/domain';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { enqueueNotifications } from './outbox.repository.ts';
import { canReadNotification, canResend, notificationScope } from './notifications.policies.ts';
import { presentNotification, presentNotificationDetail } from './notifications.presenter.ts';
import * as repo from './notifications.repository.ts';
import type { NotificationListQuery } from './notifications.schemas.ts';

type ListQuery = z.infer<typeof NotificationListQuery>;

const filterOf = (q: Partial<ListQuery> & Pick<ListQuery, 'limit' | 'offset'>): repo.NotificationFilter => ({
  statuses: q.status?.split(',') as DeliveryStatus[] | undefined,
  channel: q.channel,
  kind: q.kind,
  dossierCode: q.dossierCode,
  destination: q.destination,
  // Days are Vietnam's: from the start of the first to the start of the day after the last.
  createdFrom: q.createdFrom ? new Date(startOfLocalDay(q.createdFrom as PlainDate)) : undefined,
  createdTo: q.createdTo ? new Date(endOfLocalDay(q.createdTo as PlainDate)) : undefined,
  limit: q.limit,
  offset: q.offset,
});

export async function notificationList(actor: Actor, q: ListQuery, deps: Pick<Deps, 'db'>) {
  if (actor.kind !== 'staff') return { items: [], total: 0 };
  const page = await repo.listNotifications(deps.db, { userId: actor.userId, paths: notificationScope(actor) }, filterOf(q));
  return { total: page.total, items: page.items.map((row) => presentNotification(actor, row)) };
}

/** What the applicant (and staff) were told about one dossier: whoever sees the dossier sees them all. */
export async function dossierNotifications(actor: Actor, dossierId: number, page: { limit: number; offset: number }, deps: Pick<Deps, 'db' | 'references'>) {
  await loadDossierContext(deps.db, deps.references, actor, dossierId);
  const rows = await repo.listNotifications(deps.db, undefined, { dossierId, ...page });
  return { total: rows.total, items: rows.items.map((row) => presentNotification(actor, row)) };
}

const notFound = () => new AppError('notification.not_found');

async function readable(actor: Actor, id: number, deps: Pick<Deps, 'db'>) {
  const row = await repo.findNotification(deps.db, id);
  const agencyPaths = row ? (row.dossier_id !== null ? [row.receiving_path, row.handling_path] : [row.own_agency_path]).filter((p): p is string => p !== null) : [];
  if (!row || !canReadNotification(actor, { userId: row.user_id, agencyPaths, preparedBy: row.prepared_by })) throw notFound();
  return row;
}

export async function notificationDetail(actor: Actor, id: number, deps: Pick<Deps, 'db'>) {
  const row = await readable(actor, id, deps);
  return presentNotificationDetail(actor, row, await repo.resendsOf(deps.db, id));
}

/**
 * Queues a copy of a message (same person, destination, language and values; `resend_of` links
 * it), rendered again when sent, with the template in force then. Recorded in the audit trail.
 * `deps.db` is the request's transaction (http/idempotency.ts).
 */
export async function resendNotification(context: AuditContext, id: number, deps: Pick<Deps, 'db'>): Promise<number> {
  const row = await readable(context.actor, id, deps);
  if (!canResend(row)) throw new AppError('notification.resend_not_allowed', { details: { status: row.status, kind: row.kind } });
  const at = context.at!;
  const [created] = await enqueueNotifications(deps.db, [{
    kind: row.kind, channel: row.channel, recipientKind: row.recipient_kind, userId: row.user_id, citizenId: row.citizen_id, destination: row.destination,
    locale: row.locale, dossierId: row.dossier_id, agencyId: row.agency_id, variables: row.variables, resendOf: Number(row.id),
  }], at);
  // The request's transaction wakes the dispatcher once committed (http/idempotency.ts).
  await recordAudit(deps.db, context, {
    action: 'notification.resent', entityType: 'notification', entityId: String(created), agencyId: row.dossier_agency_id ?? row.agency_id,
    details: { resendOf: Number(row.id), kind: row.kind, channel: row.channel, dossierCode: row.dossier_code, previousStatus: row.status },
  });
  return created!;
}
