/**
 * The development identity provider inside Motcua's own server, under `/dev-idp` (its issuer is
 * `<publicBaseUrl>/dev-idp`): `npm start` stays one command on one port. Its requests skip
 * Fastify's body parsing and CSRF check (the provider parses its own forms and has its own CSRF
 * protection): the route hijacks the request as soon as it arrives.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DevIdentityProvider } from './provider.ts';

export function mountDevIdentityProvider(app: FastifyInstance, idp: DevIdentityProvider): void {
  const prefix = new URL(idp.issuer).pathname.replace(/\/$/, '');
  const hijack = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const req = request.raw as typeof request.raw & { originalUrl?: string };
    req.originalUrl = req.url;
    req.url = (req.url ?? '/').slice(prefix.length) || '/';
    await idp.handle(req, reply.raw);
  };
  for (const url of [prefix, `${prefix}/*`]) {
    app.route({
      method: ['GET', 'POST'],
      url,
      schema: { hide: true },
      onRequest: hijack,
      handler: async () => undefined,
    });
  }
}
