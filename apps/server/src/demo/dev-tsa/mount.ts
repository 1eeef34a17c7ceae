/**
 * The development time-stamp authority inside Motcua's own server, at `POST /dev-tsa` (demo mode,
 * as the development e-ID provider is at `/dev-idp`): RFC 3161 over HTTP, a DER
 * `application/timestamp-query` body in, an `application/timestamp-reply` out. Outside `/api/v1`:
 * no session, no CSRF token (a TSA client has neither), no problem+json.
 */
import type { FastifyInstance } from 'fastify';
import { timestampQueryType, timestampReplyType } from '../../infra/signing/timestamp-protocol.ts';
import type { DevTimestampResponder } from './responder.ts';

/** Serves `responder` at the path of `url` (`<publicBaseUrl>/dev-tsa`). */
export function mountDevTimestampAuthority(app: FastifyInstance, responder: DevTimestampResponder, url: string): void {
  const path = new URL(url).pathname;
  // The body parser is registered in its own scope so that it applies to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(timestampQueryType, { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(path, { schema: { hide: true }, config: { csrfExempt: true } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        return reply.code(415).type('text/plain; charset=utf-8').send(`send a DER TimeStampReq as ${timestampQueryType}\n`);
      }
      const answer = await responder.respond(new Uint8Array(request.body));
      return reply.type(timestampReplyType).header('cache-control', 'no-store').send(Buffer.from(answer));
    });
  });
}
