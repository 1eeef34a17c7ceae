/** Input and output schemas of the notifications API (they also document it in OpenAPI). */
import { z } from 'zod';
import { deliveryStatuses, inputText, notificationChannels, notificationKinds } from '@motcua/domain';

const statusList = new RegExp(`^(${deliveryStatuses.join('|')})(,(${deliveryStatuses.join('|')}))*$`);

export const NotificationIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const NotificationListQuery = z.object({
  status: inputText().max(100).regex(statusList, `comma-separated statuses: ${deliveryStatuses.join(', ')}`).optional()
    .describe(`comma-separated delivery statuses (${deliveryStatuses.join(', ')})`),
  channel: z.enum(notificationChannels).optional(),
  kind: z.enum(notificationKinds).optional(),
  dossierCode: inputText().trim().max(80).optional().describe('the dossier’s code, any letter case'),
  destination: inputText().trim().max(200).optional().describe('part of the e-mail address, phone number or chat id'),
  createdFrom: z.iso.date().optional().describe('first day (Vietnam time)'),
  createdTo: z.iso.date().optional().describe('last day, included (Vietnam time)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const NotificationListItem = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  channel: z.enum(notificationChannels),
  recipientKind: z.enum(['applicant', 'citizen', 'staff']),
  recipientName: z.string().nullable(),
  destination: z.string().describe('masked (09******78, a***@example.vn) unless the caller administers the agency'),
  destinationMasked: z.boolean(),
  locale: z.enum(['vi', 'en']),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  subject: z.string().nullable().describe('as sent; null until sent'),
  lastError: z.string().nullable(),
  dossierId: z.number().nullable(),
  dossierCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  resendOf: z.number().nullable().describe('the message this one sends again'),
});

const ChainLink = z.object({ id: z.number(), status: z.enum(deliveryStatuses), createdAt: z.string() });

export const NotificationDetail = NotificationListItem.extend({
  body: z.string().nullable().describe('the text as sent (a one-time code in it is hidden); null until sent'),
  nextAttemptAt: z.string().nullable().describe('when a worker tries again (queued or sending)'),
  providerMessageId: z.string().nullable(),
  canResend: z.boolean(),
  resends: z.array(ChainLink).describe('the messages that sent this one again, oldest first'),
});

export const NotificationList = z.object({ items: z.array(NotificationListItem), total: z.number() });
