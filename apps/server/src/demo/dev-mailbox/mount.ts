/**
 * `GET /dev-mailbox` (the page) and `/dev-mailbox/messages.json` (the same, newest first, as JSON):
 * served in demo mode only, outside `/api/v1` (a development tool, not part of the API).
 */
import type { FastifyInstance } from 'fastify';
import { mailboxPage, type MailboxFilter } from './page.ts';
import type { DevMailbox } from './store.ts';

export const devMailboxPath = '/dev-mailbox';

const filters: readonly MailboxFilter[] = ['all', 'email', 'sms', 'chat'];

export function mountDevMailbox(app: FastifyInstance, mailbox: DevMailbox): void {
  app.get(devMailboxPath, { schema: { hide: true } }, async (request, reply) => {
    const asked = (request.query as { loai?: string }).loai;
    const filter = filters.find((f) => f === asked) ?? 'all';
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(mailboxPage(mailbox.list(), filter, devMailboxPath));
  });
  app.get(`${devMailboxPath}/messages.json`, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ items: mailbox.list() }));
}
