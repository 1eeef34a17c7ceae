/**
 * Administrators edit the wording of messages (docs/notifications-console.md). A saved version
 * replaces the default for its kind and channel from the next message sent; removing it brings the
 * default back. Only the variables of the kind may appear (`templateIssues`), checked before saving.
 */
import {
  AppError, defaultTemplates, notificationChannels, notificationKinds, recipientKindOf, renderTemplate, smsSize, templateIssues, variablesOf,
  type FieldIssue, type NotificationChannel, type NotificationKind, type NotificationLocale, type TemplateText,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { sampleVariables } from './templates.samples.ts';
import * as repo from './templates.repository.ts';
import { canEditTemplates } from './notifications.policies.ts';

const templatesForbidden = () => new AppError('auth.forbidden', {
  messages: {
    vi: 'Mẫu thông báo dùng chung cho mọi cơ quan: chỉ quản trị viên cấp tỉnh được sửa',
    en: 'Templates apply to every agency: only an administrator of the province changes them',
  },
});

const locales: NotificationLocale[] = ['vi', 'en'];

function defaultOf(kind: NotificationKind, channel: NotificationChannel): TemplateText {
  const text = defaultTemplates[kind][channel];
  if (!text) throw new AppError('notification_template.not_found');
  return text;
}

/** Every kind and channel that has a default, with the administrator's version when there is one. */
export async function templateCatalogue(deps: Pick<Deps, 'db'>) {
  const stored = new Map((await repo.storedTemplates(deps.db)).map((t) => [`${t.kind}/${t.channel}`, t]));
  return notificationKinds.flatMap((kind) => notificationChannels.flatMap((channel) => {
    const byDefault = defaultTemplates[kind][channel];
    if (!byDefault) return [];
    const custom = stored.get(`${kind}/${channel}`);
    return [{
      kind, channel, recipient: recipientKindOf(kind), variables: [...variablesOf(kind)], default: byDefault,
      custom: custom ? { subject: custom.subject, body: custom.body, updatedAt: custom.updatedAt, updatedByName: custom.updatedByName } : null,
    }];
  }));
}

const fieldNames = { 'subject.vi': ['tiêu đề tiếng Việt', 'Vietnamese subject'], 'subject.en': ['tiêu đề tiếng Anh', 'English subject'], 'body.vi': ['nội dung tiếng Việt', 'Vietnamese text'], 'body.en': ['nội dung tiếng Anh', 'English text'] } as const;

/** The domain's verdict on each of the four texts, worded for the administrator in both languages. */
export function issuesOf(kind: NotificationKind, text: TemplateText): FieldIssue[] {
  const allowed = variablesOf(kind).map((v) => `{{${v}}}`).join(', ');
  return (Object.keys(fieldNames) as Array<keyof typeof fieldNames>).flatMap((path) => {
    const [part, locale] = path.split('.') as ['subject' | 'body', NotificationLocale];
    const [vi, en] = fieldNames[path];
    return templateIssues(kind, text[part][locale]).map((message) => {
      const unknown = /unknown variable (\{\{\w+\}\})/.exec(message)?.[1];
      const messages = unknown
        ? { vi: `Biến ${unknown} không dùng được trong ${vi} của mẫu này; các biến được dùng: ${allowed}`, en: `${unknown} cannot be used in the ${en} of this template; allowed: ${allowed}` }
        : { vi: `Dấu {{ }} trong ${vi} không khớp nhau`, en: `Unbalanced {{ }} in the ${en}` };
      return { path, message, messages };
    });
  });
}

export async function saveNotificationTemplate(context: AuditContext, kind: NotificationKind, channel: NotificationChannel, text: TemplateText, deps: Pick<Deps, 'db' | 'templates'>) {
  defaultOf(kind, channel);
  const issues = issuesOf(kind, text);
  if (issues.length) throw new AppError('notification_template.invalid', { messages: issues[0]!.messages!, issues });
  if (context.actor.kind !== 'staff' || !canEditTemplates(context.actor)) throw templatesForbidden();
  const by = context.actor.userId;
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveTemplate(tx, kind, channel, text, by, context.at!);
    await recordAudit(tx, context, { action: 'notification_template.saved', entityType: 'notification_template', entityId: `${kind}/${channel}`, details: { kind, channel, ...text } });
  });
  // This process sends with it at once; the others hear of it from the database's notice.
  deps.templates.invalidate();
}

export async function resetNotificationTemplate(context: AuditContext, kind: NotificationKind, channel: NotificationChannel, deps: Pick<Deps, 'db' | 'templates'>) {
  defaultOf(kind, channel);
  if (!canEditTemplates(context.actor)) throw templatesForbidden();
  await deps.db.transaction().execute(async (tx) => {
    if (await repo.deleteTemplate(tx, kind, channel)) {
      await recordAudit(tx, context, { action: 'notification_template.reset', entityType: 'notification_template', entityId: `${kind}/${channel}`, details: { kind, channel } });
    }
  });
  deps.templates.invalidate();
}

/** A draft (or the default) rendered with sample values, its issues, and for SMS the segments it costs. */
export function previewTemplate(kind: NotificationKind, channel: NotificationChannel, draft: TemplateText | undefined, deps: Pick<Deps, 'config'>) {
  const text = draft ?? defaultOf(kind, channel);
  if (draft) defaultOf(kind, channel);
  const values = sampleVariables(deps.config.publicBaseUrl);
  const render = (part: 'subject' | 'body') => Object.fromEntries(locales.map((l) => [l, renderTemplate(text[part][l], values, l)])) as Record<NotificationLocale, string>;
  const body = render('body');
  return {
    subject: render('subject'),
    body,
    issues: issuesOf(kind, text),
    smsSegments: channel === 'sms' ? { vi: smsSize(body.vi).segments, en: smsSize(body.en).segments } : null,
  };
}
