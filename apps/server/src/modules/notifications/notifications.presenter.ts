/** Shapes ledger rows for the console: instants in Vietnam time, destinations masked, one-time codes hidden. */
import { formatInstant, messageSecret, type Actor, type DeliveryStatus, type NotificationChannel, type NotificationKind, type TemplateVariables } from '@motcua/domain';
import type { z } from 'zod';
import { maskDestination } from '../../infra/one-time-codes.ts';
import { canResend, seesDestination } from './notifications.policies.ts';
import type { NotificationDetailRow, NotificationRow } from './notifications.repository.ts';
import type { NotificationDetail, NotificationListItem } from './notifications.schemas.ts';

const iso = (d: Date | null | undefined) => (d ? formatInstant(d.getTime()) : null);

/** `zl***89` for a chat user id; e-mail and phone as the one-time codes mask them. */
function masked(channel: NotificationChannel, destination: string): string {
  if (channel !== 'chat') return maskDestination(channel, destination);
  return destination.length < 5 ? '***' : `${destination.slice(0, 2)}***${destination.slice(-2)}`;
}

/** The agency that decides who reads the destination: the dossier's receiving agency, else the message's own. */
const agencyPathOf = (row: NotificationRow): string | null => row.receiving_path ?? row.own_agency_path;

export function presentNotification(actor: Actor, row: NotificationRow): z.infer<typeof NotificationListItem> {
  const full = seesDestination(actor, agencyPathOf(row));
  return {
    id: Number(row.id),
    kind: row.kind,
    channel: row.channel,
    recipientKind: row.recipient_kind,
    recipientName: row.recipient_name,
    destination: full ? row.destination : masked(row.channel, row.destination),
    destinationMasked: !full,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    subject: row.subject,
    lastError: row.last_error,
    dossierId: row.dossier_id === null ? null : Number(row.dossier_id),
    dossierCode: row.dossier_code,
    agencyName: row.agency_name,
    createdAt: iso(row.created_at)!,
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    failedAt: iso(row.failed_at),
    resendOf: row.resend_of === null ? null : Number(row.resend_of),
  };
}

/** A one-time code or survey token is the applicant's alone: staff see the message without it. */
function withoutCode(text: string | null, kind: NotificationKind, variables: TemplateVariables): string | null {
  const secret = messageSecret(kind, variables);
  if (text === null || secret === undefined || secret.startsWith('••')) return text;
  return text.split(secret).join('••••••');
}

export function presentNotificationDetail(
  actor: Actor,
  row: NotificationDetailRow,
  resends: Array<{ id: number; status: DeliveryStatus; created_at: Date }>,
): z.infer<typeof NotificationDetail> {
  const variables = (typeof row.variables === 'string' ? JSON.parse(row.variables) : row.variables) as TemplateVariables;
  const item = presentNotification(actor, row);
  return {
    ...item,
    subject: withoutCode(row.subject, row.kind, variables),
    body: withoutCode(row.body, row.kind, variables),
    nextAttemptAt: row.status === 'queued' || row.status === 'sending' ? iso(row.next_attempt_at) : null,
    providerMessageId: row.provider_message_id,
    canResend: canResend(row),
    resends: resends.map((r) => ({ id: Number(r.id), status: r.status, createdAt: iso(r.created_at)! })),
  };
}
