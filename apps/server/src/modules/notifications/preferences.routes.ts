/**
 * A signed-in citizen chooses how Motcua tells them about their dossiers (docs/notifications-console.md):
 * e-mail and SMS to the address and number their e-ID gives, chat to the chat account they name,
 * in Vietnamese or English.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, formatInstant, inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { signedInCitizen } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { contactsOf, preferencesOf, savePreferences } from './preferences.repository.ts';

const PreferencesBody = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  chat: z.boolean(),
  chatId: inputText().trim().max(100).regex(/^[\w.:@-]*$/, 'letters, digits and . _ : @ -').nullable().optional().describe('the chat (Zalo OA) user id messages go to; needed when chat is on'),
  locale: z.enum(['vi', 'en']),
});

const Preferences = PreferencesBody.extend({
  chatId: z.string().nullable(),
  emailAddress: z.string().nullable().describe('where e-mails go: the address of the e-ID account'),
  phone: z.string().nullable().describe('where SMS go: the number of the e-ID account'),
  updatedAt: z.string().nullable(),
});

async function present(citizenId: string, deps: Pick<Deps, 'db'>) {
  const [prefs, contacts] = await Promise.all([preferencesOf(deps.db, citizenId), contactsOf(deps.db, citizenId)]);
  return { ...prefs, emailAddress: contacts?.email ?? null, phone: contacts?.phone ?? null, updatedAt: prefs.updatedAt ? formatInstant(prefs.updatedAt.getTime()) : null };
}

export function registerNotificationPreferenceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['citizen'];

  r.get('/api/v1/citizen/notification-preferences', {
    config: { access: signedInCitizen },
    schema: { tags, summary: 'How the signed-in citizen is told about their dossiers (e-mail, SMS, chat; language)', response: { 200: Preferences } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return present(request.actor.kind === 'citizen' ? request.actor.citizenId : '', deps);
    },
  });

  r.put('/api/v1/citizen/notification-preferences', {
    config: { access: signedInCitizen },
    schema: { tags, summary: 'Choose the channels and the language', body: PreferencesBody, response: { 200: Preferences } },
    handler: async (request) => {
      if (request.actor.kind !== 'citizen') throw new AppError('auth.forbidden');
      const citizenId = request.actor.citizenId;
      const chatId = request.body.chatId?.trim() || null;
      if (request.body.chat && !chatId) {
        throw new AppError('request.invalid', {
          messages: { vi: 'Cần nhập tài khoản nhận tin nhắn để bật kênh tin nhắn', en: 'Give the chat account to turn chat messages on' },
          issues: [{ path: 'chatId', message: 'required when chat is on', messages: { vi: 'Bắt buộc khi bật kênh tin nhắn', en: 'Required when chat is on' } }],
        });
      }
      const preferences = { ...request.body, chatId };
      await deps.db.transaction().execute(async (tx) => {
        await savePreferences(tx, citizenId, preferences, request.receivedAt);
        await recordAudit(tx, auditContextOf(request), { action: 'citizen.notification_preferences_changed', entityType: 'citizen', entityId: citizenId, details: preferences });
      });
      return present(citizenId, deps);
    },
  });
}
