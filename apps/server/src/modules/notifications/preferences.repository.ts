/** A citizen's channels (`citizen_notification_preferences`); without a row, the table's defaults apply. */
import type { Kysely } from 'kysely';
import type { NotificationLocale } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  chat: boolean;
  chatId: string | null;
  locale: NotificationLocale;
}

/** As migration 0026 defaults them: e-mail and SMS on, chat off, Vietnamese. */
export const defaultPreferences: NotificationPreferences = { email: true, sms: true, chat: false, chatId: null, locale: 'vi' };

export async function preferencesOf(db: Kysely<Database>, citizenId: string): Promise<NotificationPreferences & { updatedAt: Date | null }> {
  const row = await db.selectFrom('citizen_notification_preferences').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
  if (!row) return { ...defaultPreferences, updatedAt: null };
  return { email: row.email, sms: row.sms, chat: row.chat, chatId: row.chat_id, locale: row.locale, updatedAt: row.updated_at };
}

export async function savePreferences(db: Kysely<Database>, citizenId: string, p: NotificationPreferences, at: Date): Promise<void> {
  const values = { email: p.email, sms: p.sms, chat: p.chat, chat_id: p.chatId, locale: p.locale, updated_at: at };
  await db
    .insertInto('citizen_notification_preferences')
    .values({ citizen_id: citizenId, ...values })
    .onConflict((oc) => oc.column('citizen_id').doUpdateSet(values))
    .execute();
}

export async function contactsOf(db: Kysely<Database>, citizenId: string) {
  return db.selectFrom('citizens').select(['email', 'phone']).where('id', '=', citizenId).executeTakeFirst();
}
