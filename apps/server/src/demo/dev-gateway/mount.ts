/**
 * The development SMS and chat gateway inside Motcua's own server, at `POST /dev-gateway/sms` and
 * `/dev-gateway/chat` (demo mode, as the development e-ID provider is at `/dev-idp`). It behaves as
 * a real gateway does by the contract of docs/notifications-channels.md: it refuses a payload not
 * signed with the channel's secret, answers `{ messageId }`, treats a repeated Idempotency-Key as
 * the same message, and about a second later posts a signed delivery receipt back to
 * `/api/v1/notifications/receipts/{channel}`. What it "delivers" goes to the development mailbox.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { WebhookChannelConfig } from '../../config.ts';
import { checkSignature, signedHeaders } from '../../infra/notify/signature.ts';
import type { DevMailbox } from '../dev-mailbox/store.ts';

export interface DevGatewayOptions {
  mailbox: DevMailbox;
  clock: () => Date;
  /** How long after accepting a message its receipt is posted (default 1 s, as a network takes). */
  receiptDelayMs?: number;
}

const Payload = z.object({
  id: z.number().int().positive(),
  channel: z.enum(['sms', 'chat']),
  to: z.string().min(1).max(200),
  text: z.string().max(5000),
  link: z.string().max(2000).nullable(),
  locale: z.string().max(5),
  sentAt: z.string(),
});

export function mountDevGateway(
  app: FastifyInstance,
  channels: { sms?: WebhookChannelConfig | undefined; chat?: WebhookChannelConfig | undefined },
  options: DevGatewayOptions,
): void {
  const timers = new Set<NodeJS.Timeout>();
  // Idempotency-Key → the messageId first answered (bounded: the oldest keys are dropped).
  const accepted = new Map<string, string>();
  app.addHook('onClose', async () => {
    for (const t of timers) clearTimeout(t);
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, String(body)));
    for (const channel of ['sms', 'chat'] as const) {
      const config = channels[channel];
      if (!config?.devGateway) continue;
      scope.post(new URL(config.url).pathname, { schema: { hide: true }, config: { csrfExempt: true } }, async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const check = checkSignature(config.secret, request.headers, raw, options.clock());
        if (!check.ok) return reply.code(401).send({ error: 'signature', reason: check.reason });
        let payload: z.infer<typeof Payload>;
        try {
          payload = Payload.parse(JSON.parse(raw));
        } catch {
          return reply.code(400).send({ error: 'payload', reason: 'not the webhook payload of docs/notifications-channels.md' });
        }
        if (payload.channel !== channel) return reply.code(400).send({ error: 'payload', reason: `channel must be ${channel}` });
        const key = request.headers['idempotency-key'];
        const repeated = typeof key === 'string' ? accepted.get(key) : undefined;
        if (repeated) return { messageId: repeated };
        const entry = options.mailbox.add({
          kind: channel, notificationId: payload.id, to: payload.to, text: payload.text, link: payload.link, locale: payload.locale,
          receivedAt: options.clock().toISOString(),
        });
        const messageId = `dev-${entry.id}`;
        if (typeof key === 'string') {
          accepted.set(key, messageId);
          if (accepted.size > 10_000) accepted.delete(accepted.keys().next().value!);
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          void postReceipt(channel, config, { id: payload.id, providerMessageId: messageId }, options.clock).catch((error: Error) =>
            app.log.warn({ err: error, channel, notification: payload.id }, 'development gateway: the delivery receipt was not taken'));
        }, options.receiptDelayMs ?? 1000);
        timers.add(timer);
        return { messageId };
      });
    }
  });
}

/** Posts a signed `delivered` receipt to the receipt endpoint of the server the gateway is served by. */
async function postReceipt(channel: 'sms' | 'chat', config: WebhookChannelConfig, ref: { id: number; providerMessageId: string }, clock: () => Date): Promise<void> {
  const url = new URL(`/api/v1/notifications/receipts/${channel}`, config.url);
  const body = JSON.stringify({ ...ref, status: 'delivered', at: clock().toISOString() });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(config.secret, body, clock()) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}
