/**
 * The development identity provider inside Motcua's own server, under `/dev-idp` (its issuer is
 * `<publicBaseUrl>/dev-idp`): `npm start` stays one command on one port. Its requests skip
 * Fastify's body parsing and CSRF check (the provider parses its own forms and has its own CSRF
 * protection): the route hijacks the request as soon as it arrives.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { devIdentityProviderClient, devIdentityProviderPath, type Config } from '../../config.ts';
import { demoIdentities } from '../citizens.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from './provider.ts';
import type { DevIdentityProviderSecrets } from './secrets.ts';

/** Where the provider sends the citizen back (the OIDC callback) and after logout (the portal). */
export function motcuaRedirects(publicBaseUrl: string) {
  return { callback: `${publicBaseUrl}/api/v1/auth/citizen/callback`, afterLogout: `${publicBaseUrl}/` };
}

/** The development provider Motcua uses when no `OIDC_ISSUER` is configured (demo mode). */
export function motcuaDevIdentityProvider(config: Config, secrets: DevIdentityProviderSecrets): DevIdentityProvider {
  const redirects = motcuaRedirects(config.publicBaseUrl);
  return createDevIdentityProvider({
    issuer: config.publicBaseUrl + devIdentityProviderPath,
    secrets,
    accounts: demoIdentities,
    trustProxy: config.trustProxy,
    clients: [
      {
        client_id: devIdentityProviderClient.id,
        client_secret: devIdentityProviderClient.secret,
        client_name: 'Cổng dịch vụ công một cửa Motcua',
        redirect_uris: [redirects.callback],
        post_logout_redirect_uris: [redirects.afterLogout],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
  });
}

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
