/** Administrators' templates of messages (docs/notifications-console.md): list, save, back to the default, preview. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatInstant, inputText, notificationChannels, notificationKinds } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { canEditTemplates } from './notifications.policies.ts';
import { previewTemplate, resetNotificationTemplate, saveNotificationTemplate, templateCatalogue } from './templates.usecases.ts';

const Texts = (max: number, min = 0) => z.object({ vi: inputText().max(max).min(min), en: inputText().max(max).min(min) });
const TemplateTextSchema = z.object({
  subject: Texts(300).describe('e-mail subject; empty for SMS and chat'),
  body: Texts(5000, 1),
});
const TemplateParams = z.object({ kind: z.enum(notificationKinds), channel: z.enum(notificationChannels) });

const TemplateEntry = z.object({
  kind: z.enum(notificationKinds),
  channel: z.enum(notificationChannels),
  recipient: z.enum(['applicant', 'staff']),
  variables: z.array(z.string()).describe('the {{variables}} this kind may use'),
  default: TemplateTextSchema,
  custom: TemplateTextSchema.extend({ updatedAt: z.string(), updatedByName: z.string().nullable() }).nullable().describe('the administrator’s version, sent instead of the default'),
});

const Localized = z.object({ vi: z.string(), en: z.string() });
const Preview = z.object({
  subject: Localized,
  body: Localized,
  issues: z.array(z.object({ path: z.string(), message: z.string(), messages: Localized.optional() })).describe('what saving would refuse'),
  smsSegments: z.object({ vi: z.number(), en: z.number() }).nullable().describe('SMS: segments the rendered text costs'),
});

export function registerNotificationTemplateRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const admins = staffWith('admin');

  r.get('/api/v1/notification-templates', {
    config: { access: admins },
    schema: {
      tags,
      summary: 'Every message template by kind and channel: the default text, the administrator’s version, the variables allowed',
      response: { 200: z.object({ items: z.array(TemplateEntry), editable: z.boolean().describe('the caller may change them (an administrator of a root agency)') }) },
    },
    handler: async (request) => {
      const items = await templateCatalogue(deps);
      return {
        editable: canEditTemplates(request.actor),
        items: items.map((t) => ({ ...t, custom: t.custom && { ...t.custom, updatedAt: formatInstant(t.custom.updatedAt.getTime()) } })),
      };
    },
  });

  r.put('/api/v1/notification-templates/:kind/:channel', {
    config: { access: admins, problems: ['notification_template.not_found', 'notification_template.invalid'] },
    schema: { tags, summary: 'Save the administrator’s version of a template (sent from the next message on)', params: TemplateParams, body: TemplateTextSchema, response: { 204: z.undefined().describe('Saved') } },
    handler: async (request, reply) => {
      await saveNotificationTemplate(auditContextOf(request), request.params.kind, request.params.channel, request.body, deps);
      return reply.status(204).send();
    },
  });

  r.delete('/api/v1/notification-templates/:kind/:channel', {
    config: { access: admins, problems: ['notification_template.not_found'] },
    schema: { tags, summary: 'Back to the default text', params: TemplateParams, response: { 204: z.undefined().describe('The default is sent again') } },
    handler: async (request, reply) => {
      await resetNotificationTemplate(auditContextOf(request), request.params.kind, request.params.channel, deps);
      return reply.status(204).send();
    },
  });

  r.post('/api/v1/notification-templates/:kind/:channel/preview', {
    config: { access: admins, problems: ['notification_template.not_found'] },
    schema: {
      tags,
      summary: 'A draft (or, without a body, the default) rendered with sample values, and what saving it would refuse',
      params: TemplateParams,
      body: TemplateTextSchema.extend({ body: Texts(5000) }).optional(),
      response: { 200: Preview },
    },
    handler: async (request) => previewTemplate(request.params.kind, request.params.channel, request.body ?? undefined, deps),
  });
}
