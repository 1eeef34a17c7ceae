/** Table types of migration 0026 (notifications: the outbox and delivery ledger, templates, preferences). */
import type { ColumnType, Generated } from 'kysely';
import type { DeliveryStatus, NotificationChannel, NotificationKind, NotificationLocale, RecipientKind, TemplateVariables } from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface NotificationsTable {
  id: Generated<number>;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient_kind: RecipientKind;
  user_id: string | null;
  citizen_id: string | null;
  /** An e-mail address, a phone number, or a chat user id. */
  destination: string;
  locale: NotificationLocale;
  dossier_id: number | null;
  agency_id: string | null;
  variables: ColumnType<TemplateVariables, TemplateVariables | string | undefined, TemplateVariables | string>;
  /** Set by sweeps (reminders, escalations) so that a second run adds nothing. */
  dedupe_key: string | null;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  locked_until: NullableTimestamp;
  /** The text as sent (rendered when sent, from the template in force then). */
  subject: string | null;
  body: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  resend_of: number | null;
}

export interface NotificationTemplatesTable {
  kind: NotificationKind;
  channel: NotificationChannel;
  subject_vi: ColumnType<string, string | undefined, string>;
  subject_en: ColumnType<string, string | undefined, string>;
  body_vi: string;
  body_en: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CitizenNotificationPreferencesTable {
  citizen_id: string;
  email: ColumnType<boolean, boolean | undefined, boolean>;
  sms: ColumnType<boolean, boolean | undefined, boolean>;
  chat: ColumnType<boolean, boolean | undefined, boolean>;
  chat_id: string | null;
  locale: ColumnType<NotificationLocale, NotificationLocale | undefined, NotificationLocale>;
  updated_at: Timestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_templates: NotificationTemplatesTable;
  citizen_notification_preferences: CitizenNotificationPreferencesTable;
}
