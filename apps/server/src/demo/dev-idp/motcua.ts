/**
 * The development provider as Motcua uses it when no `OIDC_ISSUER` is configured (demo mode), with
 * Motcua registered as its one client. Loaded only then (`main.ts` imports it lazily), so that
 * `oidc-provider` is not loaded by a server or a command that does not serve it.
 */
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

