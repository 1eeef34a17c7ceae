/**
 * The OpenID Connect client of citizens' sign-in, a thin adapter around `openid-client` (a
 * maintained, certified relying-party library): discovery of the provider, the authorization URL
 * with PKCE (S256), state and nonce, the code exchange that checks the ID token's signature
 * against the provider's JWKS together with its issuer, audience, expiry and nonce, UserInfo,
 * refresh, and the provider's end-session URL. The ID token's signature is always verified with
 * the provider's published keys (`enableNonRepudiationChecks`), also on the token endpoint's direct
 * answer. No rule of Motcua's here: the use cases (`citizen-sign-in.ts`) decide what to do.
 */
import * as oidc from 'openid-client';

export interface CitizenOidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface OidcTokens {
  idToken: string | null;
  refreshToken: string | null;
  /** Seconds the access token lives, as the provider says; null when it does not say. */
  expiresIn: number | null;
  /** The ID token's claims merged with UserInfo's (the ID token's win). */
  claims: Record<string, unknown>;
}

/** The scopes asked for: OpenID Connect's standard ones and the e-ID's (docs/citizen-sign-in.md). */
export const citizenScopes = 'openid profile email phone address vneid';

/** The provider cannot be reached or answered something that is not OpenID Connect. */
export class OidcUnavailableError extends Error {
  override name = 'OidcUnavailableError';
}

/** The provider or the checks of its answer refused the sign-in (or the refresh). */
export class OidcRefusedError extends Error {
  override name = 'OidcRefusedError';
  constructor(
    readonly reason: 'provider_error' | 'code_refused' | 'id_token_invalid' | 'refresh_refused',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface CitizenOidc {
  readonly issuer: string;
  authorizationUrl(input: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): Promise<string>;
  /** Exchanges the code the provider sent back to `callbackUrl`, after every check of its answer. */
  completeSignIn(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<OidcTokens>;
  refresh(refreshToken: string): Promise<OidcTokens>;
  /** The provider's end-session URL (RP-initiated logout), or null when it has none. */
  endSessionUrl(input: { idTokenHint: string | null; postLogoutRedirectUri: string }): Promise<string | null>;
}

export function createCitizenOidc(settings: CitizenOidcSettings, transport?: { fetch?: oidc.CustomFetch | undefined }): CitizenOidc {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          execute: [
            // The ID token's signature is checked against the provider's JWKS even though it comes
            // straight from the token endpoint (openid-client would otherwise trust TLS alone, and the
            // bundled provider has no TLS): the product requires it, and it makes the token evidence.
            oidc.enableNonRepudiationChecks,
            // An http:// issuer is only accepted outside production (config.ts): the bundled provider.
            ...(settings.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : []),
          ],
          timeout: 10,
          ...(transport?.fetch ? { [oidc.customFetch]: transport.fetch } : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcUnavailableError(`discovery of ${settings.issuer} failed: ${describe(error)}`, { cause: error });
      });
    return discovered;
  };

  async function tokensOf(config: oidc.Configuration, response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Promise<OidcTokens> {
    const idClaims = response.claims() as Record<string, unknown> | undefined;
    let userInfo: Record<string, unknown> = {};
    if (idClaims && response.access_token && config.serverMetadata().userinfo_endpoint) {
      userInfo = await oidc.fetchUserInfo(config, response.access_token, String(idClaims.sub));
    }
    return {
      idToken: response.id_token ?? null,
      refreshToken: response.refresh_token ?? null,
      expiresIn: response.expiresIn() ?? null,
      claims: { ...userInfo, ...idClaims },
    };
  }

  return {
    issuer: settings.issuer,
    async authorizationUrl({ redirectUri, state, nonce, codeVerifier }) {
      const config = await configuration();
      return oidc
        .buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: citizenScopes,
          state,
          nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
        })
        .toString();
    },
    async completeSignIn(callbackUrl, checks) {
      const config = await configuration();
      try {
        const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        return await tokensOf(config, response);
      } catch (error) {
        throw classify(error, 'id_token_invalid');
      }
    },
    async refresh(refreshToken) {
      const config = await configuration();
      try {
        return await tokensOf(config, await oidc.refreshTokenGrant(config, refreshToken));
      } catch (error) {
        throw classify(error, 'refresh_refused');
      }
    },
    async endSessionUrl({ idTokenHint, postLogoutRedirectUri }) {
      let config: oidc.Configuration;
      try {
        config = await configuration();
      } catch {
        return null;
      }
      if (!config.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: settings.clientId };
      if (idTokenHint) parameters.id_token_hint = idTokenHint;
      return oidc.buildEndSessionUrl(config, parameters).toString();
    },
  };
}

/** What went wrong, in terms the use cases act on. */
function classify(error: unknown, otherwise: 'id_token_invalid' | 'refresh_refused'): Error {
  if (error instanceof oidc.AuthorizationResponseError) return new OidcRefusedError('provider_error', `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`);
  if (error instanceof oidc.ResponseBodyError) {
    return new OidcRefusedError(otherwise === 'refresh_refused' ? 'refresh_refused' : 'code_refused', `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`);
  }
  if (isNetworkFailure(error)) return new OidcUnavailableError(describe(error), { cause: error });
  return new OidcRefusedError(otherwise, describe(error));
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|network|ECONNREFUSED|timeout/i.test(describe(error))
    || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

/** The messages of an error and its causes, for the audit trail. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.join(' ← ').slice(0, 500) || String(error);
}
