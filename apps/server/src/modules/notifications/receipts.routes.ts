/**
 * `POST /api/v1/notifications/receipts/{channel}`: an SMS or chat gateway reports what became of a
 * message (docs/notifications-channels.md). No session and no CSRF token: the HMAC signature with
 * the channel's webhook secret is the access rule, checked on the raw bytes before anything else.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deliveryStatuses, formatInstant, inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess } from '../../http/access.ts';
import { recordDeliveryReceipt, verifyReceiptSignature } from './receipts.usecases.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for routes that check a signature over it. */
    rawBody?: string;
  }
}

const ReceiptParams = z.object({ channel: z.enum(['sms', 'chat']) });

export const DeliveryReceiptBody = z
  .object({
    id: z.number().int().positive().optional().describe('the notification id Motcua sent in the webhook payload'),
    providerMessageId: inputText().min(1).max(200).optional().describe('the gateway’s own id of the message, as it answered the webhook'),
    status: z.enum(['delivered', 'failed']),
    reason: inputText().max(500).optional().describe('why the message was not delivered (failed only)'),
    at: z.iso.datetime({ offset: true }).describe('when the gateway delivered the message or gave up'),
  })
  .refine((b) => b.id !== undefined || b.providerMessageId !== undefined, { message: 'give id or providerMessageId', path: ['id'] });

const ReceiptOutcomeSchema = z.object({
  id: z.number().int(),
  status: z.enum(deliveryStatuses),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  changed: z.boolean().describe('false for a receipt already applied (repeats are harmless)'),
});

export function registerNotificationReceiptRoutes(app: FastifyInstance, deps: Deps): void {
  // In a scope of its own: this route alone keeps the raw body (the signature covers its bytes).
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (request, body, done) => {
      const raw = String(body);
      request.rawBody = raw;
      try {
        done(null, JSON.parse(raw));
      } catch {
        // Answered after the signature check, by the schema (400).
        done(null, raw);
      }
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/notifications/receipts/:channel', {
      config: {
        access: publicAccess,
        csrfExempt: true,
        problems: ['notification.receipt_signature_invalid', 'notification.not_found'],
      },
      schema: {
        tags: ['notifications'],
        summary: 'A delivery receipt from an SMS or chat gateway (no session: signed with the channel’s webhook secret, '
          + 'X-Motcua-Timestamp and X-Motcua-Signature as in the webhook contract, within 5 minutes). Repeats are harmless.',
        params: ReceiptParams,
        body: DeliveryReceiptBody,
        response: { 200: ReceiptOutcomeSchema },
      },
      preValidation: async (request) => {
        const { channel } = request.params as { channel: string };
        // Another channel is refused by the schema (400): no secret could have signed it.
        if (channel === 'sms' || channel === 'chat') verifyReceiptSignature(channel, request.headers, request.rawBody, deps);
      },
      handler: async (request) => {
        const b = request.body;
        const outcome = await recordDeliveryReceipt(request.params.channel, { ...b, at: new Date(b.at) }, deps);
        return {
          ...outcome,
          deliveredAt: outcome.deliveredAt ? formatInstant(outcome.deliveredAt.getTime()) : null,
          failedAt: outcome.failedAt ? formatInstant(outcome.failedAt.getTime()) : null,
        };
      },
    });
  });
}
