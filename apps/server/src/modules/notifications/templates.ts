/**
 * The wording a message is sent with: the administrator's version from `notification_templates`
 * when there is one, else the default in the code (`defaultTemplates` of the domain). The
 * administrators' versions are few; they are read all at once and kept in the process until a
 * reference-change notice says the table changed (`reference.changes.ts`), or `ttlMs` at the latest.
 */
import type { Kysely } from 'kysely';
import { defaultTemplates, type NotificationChannel, type NotificationKind, type TemplateText } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export interface TemplateCache {
  /** The template in force for `kind` on `channel`; undefined: none exists (nothing to send). */
  template(db: Kysely<Database>, kind: NotificationKind, channel: NotificationChannel): Promise<TemplateText | undefined>;
  /** Forget the administrators' versions (they changed, in this or another process). */
  invalidate(): void;
}

export function createTemplateCache(options: { ttlMs?: number; now?: () => number } = {}): TemplateCache {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  let loaded: { at: number; byKey: Map<string, TemplateText> } | undefined;
  // A read that started before an invalidation is answered but not kept.
  let generation = 0;

  const load = async (db: Kysely<Database>) => {
    if (loaded && now() - loaded.at < ttl) return loaded.byKey;
    const g = generation;
    const rows = await db.selectFrom('notification_templates').select(['kind', 'channel', 'subject_vi', 'subject_en', 'body_vi', 'body_en']).execute();
    const byKey = new Map(rows.map((r) => [`${r.kind}/${r.channel}`, { subject: { vi: r.subject_vi, en: r.subject_en }, body: { vi: r.body_vi, en: r.body_en } }]));
    if (g === generation) loaded = { at: now(), byKey };
    return byKey;
  };

  return {
    async template(db, kind, channel) {
      return (await load(db)).get(`${kind}/${channel}`) ?? defaultTemplates[kind]?.[channel];
    },
    invalidate() {
      generation++;
      loaded = undefined;
    },
  };
}
