/** Administrators' versions of the message templates (`notification_templates`); the defaults live in the domain package. */
import type { Kysely } from 'kysely';
import type { NotificationChannel, NotificationKind, TemplateText } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface StoredTemplate extends TemplateText {
  kind: NotificationKind;
  channel: NotificationChannel;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}

export async function storedTemplates(db: Kysely<Database>): Promise<StoredTemplate[]> {
  const rows = await db
    .selectFrom('notification_templates as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .select(['t.kind', 't.channel', 't.subject_vi', 't.subject_en', 't.body_vi', 't.body_en', 't.updated_at', 't.updated_by', 'u.full_name'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind, channel: r.channel, subject: { vi: r.subject_vi, en: r.subject_en }, body: { vi: r.body_vi, en: r.body_en },
    updatedAt: r.updated_at, updatedBy: r.updated_by, updatedByName: r.full_name,
  }));
}

export async function saveTemplate(db: Kysely<Database>, kind: NotificationKind, channel: NotificationChannel, text: TemplateText, by: string, at: Date): Promise<void> {
  const values = { subject_vi: text.subject.vi, subject_en: text.subject.en, body_vi: text.body.vi, body_en: text.body.en, updated_at: at, updated_by: by };
  await db
    .insertInto('notification_templates')
    .values({ kind, channel, ...values })
    .onConflict((oc) => oc.columns(['kind', 'channel']).doUpdateSet(values))
    .execute();
}

/** Back to the default; true when there was a version to remove. */
export async function deleteTemplate(db: Kysely<Database>, kind: NotificationKind, channel: NotificationChannel): Promise<boolean> {
  const removed = await db.deleteFrom('notification_templates').where('kind', '=', kind).where('channel', '=', channel).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}
