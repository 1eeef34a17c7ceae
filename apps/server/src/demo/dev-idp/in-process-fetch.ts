/**
 * How Motcua's OpenID Connect client reaches the development provider it serves itself: the
 * back-channel requests (discovery, JWKS, token, UserInfo) are dispatched to the provider inside
 * the process, as HTTP requests without a socket (`light-my-request`, Fastify's own injector),
 * instead of leaving through the network to come back in. So the demo works wherever the server
 * cannot reach its own public address (behind a proxy, in a container), and a server that serves
 * no port (tests in process) can still sign citizens in. Requests elsewhere use the real fetch.
 */
import inject from 'light-my-request';
import type { CustomFetch } from 'openid-client';
import type { DevIdentityProvider } from './provider.ts';

export function inProcessFetch(idp: DevIdentityProvider): CustomFetch {
  const issuer = new URL(idp.issuer);
  const prefix = issuer.pathname.replace(/\/$/, '');
  return async (url, options) => {
    const target = new URL(url);
    if (target.origin !== issuer.origin || !(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`))) return fetch(url, options as Parameters<typeof fetch>[1]);
    const headers: Record<string, string> = { ...Object.fromEntries(new Headers(options.headers as ConstructorParameters<typeof Headers>[0])), host: target.host };
    const body = options.body === undefined || options.body === null ? undefined : String(options.body);
    const answer = await inject(
      (req, res) => {
        const request = req as typeof req & { originalUrl?: string; socket: { encrypted?: boolean } };
        request.originalUrl = request.url;
        request.url = (request.url ?? '/').slice(prefix.length) || '/';
        // The provider writes its endpoints with the issuer's scheme.
        if (target.protocol === 'https:') request.socket.encrypted = true;
        void idp.handle(request, res);
      },
      { method: (options.method ?? 'GET') as 'GET', url: target.pathname + target.search, headers, ...(body === undefined ? {} : { payload: body }) },
    );
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const v of ([] as Array<string | number | boolean>).concat(value ?? [])) responseHeaders.append(name, String(v));
    }
    const empty = answer.rawPayload.length === 0 || answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : answer.rawPayload, { status: answer.statusCode, headers: responseHeaders });
  };
}
