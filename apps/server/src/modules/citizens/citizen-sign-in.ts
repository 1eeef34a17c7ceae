/**
 * Citizens' sign-in with the national e-ID over OpenID Connect (docs/citizen-sign-in.md):
 * the redirect to the provider, the callback that opens a citizen session or refuses (an audit
 * row says why), the renewal of the provider's tokens, and the provider's logout URL.
 *
 * A sign-in under way is a row (`citizen_sign_ins`) keyed by the SHA-256 of its `state`, with the
 * nonce and the PKCE verifier, used once; the browser that started it also holds the state in a
 * short-lived cookie, so that a callback URL carried to another browser signs nobody in there.
 */
import { AppError, anonymous, type ErrorCode } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { randomToken, safeEqual, sha256 } from '../../infra/tokens.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { identityFromClaims } from './citizen-claims.ts';
import { OidcRefusedError, OidcUnavailableError, type CitizenOidc, type OidcTokens } from './citizen-oidc.ts';
import { startCitizenSession, type ProviderTokens, type ResolvedCitizenSession } from './citizen-sessions.ts';
import * as repo from './citizens.repository.ts';
import * as pending from './citizen-sign-ins.repository.ts';

/** How long the citizen has at the provider between leaving Motcua and coming back. */
export const signInLifetimeMs = 10 * 60_000;
/** Where a citizen lands after signing in when the portal did not say. */
export const defaultReturnTo = '/ho-so-cua-toi';
export const callbackPath = '/api/v1/auth/citizen/callback';

/**
 * `returnTo` if it is a page of the portal on this origin (a path, not `//host`, not the API, not
 * the development provider), else the default: a sign-in never sends anyone elsewhere.
 */
export function portalReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return defaultReturnTo;
  let url: URL;
  try {
    url = new URL(returnTo, 'http://portal.invalid');
  } catch {
    return defaultReturnTo;
  }
  if (url.origin !== 'http://portal.invalid' || /^\/(api|dev-idp)(\/|$)/.test(url.pathname)) return defaultReturnTo;
  return (url.pathname + url.search + url.hash).slice(0, 500);
}

function oidcOf(deps: Deps): CitizenOidc {
  if (!deps.citizenOidc) throw new AppError('citizen_sign_in.unavailable');
  return deps.citizenOidc;
}

export interface BeginSignIn {
  returnTo: string | undefined;
  ip: string | null;
}

/** Records a sign-in under way and returns where to send the browser, with the state to bind it to. */
export async function beginCitizenSignIn(input: BeginSignIn, deps: Deps): Promise<{ redirectTo: string; state: string; maxAgeSeconds: number }> {
  const oidc = oidcOf(deps);
  const now = deps.clock();
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken(48);
  let redirectTo: string;
  try {
    redirectTo = await oidc.authorizationUrl({ redirectUri: deps.config.publicBaseUrl + callbackPath, state, nonce, codeVerifier });
  } catch (error) {
    if (error instanceof OidcUnavailableError) throw new AppError('citizen_sign_in.unavailable');
    throw error;
  }
  await pending.deletePendingSignInsExpiredBefore(deps.db, new Date(now.getTime() - 86_400_000));
  await pending.insertPendingSignIn(deps.db, {
    stateHash: sha256(state),
    nonce,
    codeVerifier,
    returnTo: portalReturnPath(input.returnTo),
    createdAt: now,
    expiresAt: new Date(now.getTime() + signInLifetimeMs),
    ip: input.ip,
  });
  return { redirectTo, state, maxAgeSeconds: signInLifetimeMs / 1000 };
}

export interface CompleteSignIn {
  /** The URL the provider sent the browser back to, as the browser asked for it. */
  callbackUrl: URL;
  /** The state cookie of the browser that started the sign-in. */
  boundState: string | undefined;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  previousSessionToken: string | undefined;
}

export type SignInOutcome =
  | { ok: true; sessionToken: string; csrfToken: string; returnTo: string }
  | { ok: false; code: ErrorCode; reason: string; returnTo: string };

/** Checks the provider's answer and opens a citizen session, or refuses with the reason recorded. */
export async function completeCitizenSignIn(input: CompleteSignIn, deps: Deps): Promise<SignInOutcome> {
  const oidc = oidcOf(deps);
  const now = deps.clock();
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  const refuse = async (code: ErrorCode, reason: string, detail?: string, returnTo = defaultReturnTo): Promise<SignInOutcome> => {
    await recordAudit(deps.db, { actor: anonymous, ip: input.ip ?? undefined, requestId: input.requestId, at: now }, {
      action: 'auth.citizen_sign_in_refused',
      entityType: 'citizen',
      details: { reason, ...(detail ? { detail } : {}), issuer: oidc.issuer },
    });
    return { ok: false, code, reason, returnTo };
  };

  if (!state || state.length > 200) return refuse('citizen_sign_in.state_invalid', 'state_missing');
  const stateHash = sha256(state);
  const row = await pending.consumePendingSignIn(deps.db, stateHash, now);
  if (!row) {
    const known = await pending.findPendingSignIn(deps.db, stateHash);
    const reason = !known ? 'state_unknown' : known.used_at ? 'state_reused' : 'state_expired';
    return refuse('citizen_sign_in.state_invalid', reason);
  }
  if (!input.boundState || !safeEqual(input.boundState, state)) return refuse('citizen_sign_in.state_invalid', 'state_not_bound', undefined, row.return_to);

  let tokens: OidcTokens;
  try {
    tokens = await oidc.completeSignIn(input.callbackUrl, { state, nonce: row.nonce, codeVerifier: row.code_verifier });
  } catch (error) {
    if (error instanceof OidcRefusedError) {
      const code: ErrorCode = error.reason === 'provider_error' ? 'citizen_sign_in.provider_error' : 'citizen_sign_in.token_refused';
      return refuse(code, error.reason, error.detail, row.return_to);
    }
    if (error instanceof OidcUnavailableError) return refuse('citizen_sign_in.unavailable', 'provider_unavailable', error.message, row.return_to);
    throw error;
  }
  const mapped = identityFromClaims(oidc.issuer, tokens.claims);
  if (!mapped.ok) return refuse('citizen_sign_in.claims_invalid', 'claims_invalid', mapped.problems.join('; '), row.return_to);

  const started = await startCitizenSession(
    {
      identity: mapped.identity,
      tokens: providerTokens(tokens, now),
      ip: input.ip,
      userAgent: input.userAgent,
      requestId: input.requestId,
      previousSessionToken: input.previousSessionToken,
    },
    deps,
  );
  return { ok: true, sessionToken: started.sessionToken, csrfToken: started.csrfToken, returnTo: row.return_to };
}

function providerTokens(tokens: OidcTokens, now: Date, previous?: ProviderTokens): ProviderTokens {
  return {
    idToken: tokens.idToken ?? previous?.idToken ?? null,
    refreshToken: tokens.refreshToken ?? previous?.refreshToken ?? null,
    accessExpiresAt: tokens.expiresIn === null ? null : new Date(now.getTime() + tokens.expiresIn * 1000),
  };
}

/**
 * Renews the provider's tokens once the access token has expired and a refresh token exists.
 * Returns the session (tokens renewed), or undefined when the provider refused: the session is
 * then ended, since the provider no longer vouches for it. An unreachable provider changes nothing.
 */
export async function refreshCitizenSessionIfDue(
  session: ResolvedCitizenSession,
  context: { ip: string | null; requestId: string },
  deps: Deps,
): Promise<ResolvedCitizenSession | undefined> {
  const { refreshToken, accessExpiresAt } = session.tokens;
  const now = deps.clock();
  if (!deps.citizenOidc || !refreshToken || !accessExpiresAt || accessExpiresAt.getTime() > now.getTime()) return session;
  let tokens: OidcTokens;
  try {
    tokens = await deps.citizenOidc.refresh(refreshToken);
    const subject = tokens.claims.sub;
    if (subject !== undefined && subject !== session.identity.subject) throw new OidcRefusedError('refresh_refused', 'another subject');
  } catch (error) {
    if (!(error instanceof OidcRefusedError)) return session;
    await deps.db.transaction().execute(async (tx) => {
      await repo.deleteCitizenSession(tx, session.sessionId);
      await recordAudit(tx, { actor: session.actor, actorName: session.identity.fullName, ip: context.ip ?? undefined, requestId: context.requestId, at: now }, {
        action: 'auth.citizen_session_ended',
        entityType: 'citizen',
        entityId: session.actor.citizenId,
        details: { reason: error.reason, detail: error.detail },
      });
    });
    return undefined;
  }
  const renewed = providerTokens(tokens, now, session.tokens);
  await repo.updateCitizenSessionTokens(deps.db, session.sessionId, renewed);
  return { ...session, tokens: renewed };
}

/** Where the browser goes to end the citizen's session at the provider too, or null. */
export async function citizenEndSessionUrl(session: ResolvedCitizenSession, deps: Deps): Promise<string | null> {
  if (!deps.citizenOidc || session.identity.issuer !== deps.citizenOidc.issuer) return null;
  return deps.citizenOidc.endSessionUrl({ idTokenHint: session.tokens.idToken, postLogoutRedirectUri: `${deps.config.publicBaseUrl}/` });
}
