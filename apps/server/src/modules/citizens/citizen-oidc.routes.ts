/**
 * Citizens' sign-in with the national e-ID (docs/citizen-sign-in.md): `login` sends the browser to the provider,
 * `callback` is where the provider sends it back. The flow and its checks are in
 * `citizen-sign-in.ts`; docs/citizen-sign-in.md describes them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorCatalogue, inputText, type ErrorCode } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess } from '../../http/access.ts';
import { problemFromAppError, sendProblem } from '../../http/problem.ts';
import { citizenSessionCookie, cookieOptions, csrfCookie } from '../../http/session.ts';
import { escapeHtml } from '../../infra/html.ts';
import { beginCitizenSignIn, callbackPath, completeCitizenSignIn } from './citizen-sign-in.ts';

/** The browser that started a sign-in holds its state here, sent only to the callback. */
export const signInStateCookie = 'motcua_citizen_signin';

/** The query parameter the portal reads after a refused sign-in (`?dang-nhap=loi&ma=<code>`). */
export const signInErrorParameter = 'dang-nhap';

const CallbackQuerySchema = z.object({
  code: inputText().max(2000).optional(),
  state: inputText().max(2000).optional(),
  iss: inputText().max(2000).optional(),
  session_state: inputText().max(2000).optional(),
  error: inputText().max(200).optional(),
  error_description: inputText().max(2000).optional(),
  error_uri: inputText().max(2000).optional(),
});

export function registerCitizenOidcRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/auth/citizen/login', {
    config: { access: publicAccess, problems: ['citizen_sign_in.unavailable'] },
    schema: {
      tags: ['citizen'],
      summary: 'Sign in with the national e-ID: redirect to the provider (Đăng nhập bằng VNeID)',
      description:
        'Answers 303 to the provider’s authorization endpoint (authorization code flow: response_type=code, client_id, ' +
        'redirect_uri, scope with openid, state, nonce, PKCE code_challenge with S256) and sets a short-lived cookie binding ' +
        'the sign-in to this browser. `returnTo` is a portal path to come back to (default /ho-so-cua-toi); anything else is ignored.',
      querystring: z.object({ returnTo: inputText().max(500).optional().describe('a path of the portal, e.g. /ho-so-cua-toi') }),
      response: { 303: z.undefined().describe('To the e-ID provider') },
    },
    handler: async (request, reply) => {
      const begun = await beginCitizenSignIn({ returnTo: request.query.returnTo, ip: request.ip }, deps);
      reply.header('cache-control', 'no-store');
      reply.setCookie(signInStateCookie, begun.state, { ...cookieOptions(deps, begun.maxAgeSeconds), path: callbackPath });
      return reply.redirect(begun.redirectTo, 303);
    },
  });

  r.get(callbackPath, {
    config: {
      access: publicAccess,
      problems: ['citizen_sign_in.state_invalid', 'citizen_sign_in.provider_error', 'citizen_sign_in.token_refused', 'citizen_sign_in.claims_invalid', 'citizen_sign_in.unavailable'],
    },
    schema: {
      tags: ['citizen'],
      summary: 'Where the e-ID provider sends the citizen back (OpenID Connect callback)',
      description:
        'Checks the state (known, unused, not expired, started by this browser), exchanges the code with the PKCE verifier, ' +
        'checks the ID token (signature against the provider’s JWKS, issuer, audience, expiry, nonce) and opens a citizen ' +
        'session (cookie motcua_citizen), then answers 303 to the portal path the sign-in started from. Otherwise nothing is ' +
        'signed in and the answer is a 4xx problem (a browser asking for HTML gets a page that leads back to the portal with ' +
        '`?dang-nhap=loi&ma=<code>`); the refusal and its reason are in the audit trail (auth.citizen_sign_in_refused).',
      querystring: CallbackQuerySchema,
      response: { 303: z.undefined().describe('Signed in: to the portal') },
    },
    handler: async (request, reply) => {
      const outcome = await completeCitizenSignIn(
        {
          callbackUrl: new URL(request.url, deps.config.publicBaseUrl),
          boundState: request.cookies[signInStateCookie],
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          previousSessionToken: request.cookies[citizenSessionCookie],
        },
        deps,
      );
      reply.header('cache-control', 'no-store');
      reply.clearCookie(signInStateCookie, { path: callbackPath });
      if (!outcome.ok) return refuse(request, reply, outcome.code, outcome.returnTo);
      reply.setCookie(citizenSessionCookie, outcome.sessionToken, cookieOptions(deps, Math.floor(deps.config.sessionTtlMs / 1000)));
      reply.clearCookie(csrfCookie, { path: '/' });
      return reply.redirect(outcome.returnTo, 303);
    },
  });
}

/**
 * A refused sign-in: problem+json for a program, and for a browser (which asks for HTML) a short
 * page in the same status that leads back to the portal, where the reason is shown.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, returnTo: string) {
  const definition = errorCatalogue[code];
  const accept = request.headers.accept ?? '';
  if (!accept.includes('text/html')) {
    return sendProblem(reply, problemFromAppError(new AppError(code), request.id, callbackPath));
  }
  const back = new URL(returnTo, 'http://portal.invalid');
  back.searchParams.set(signInErrorParameter, 'loi');
  back.searchParams.set('ma', code);
  const target = back.pathname + back.search;
  return reply
    .status(definition.status)
    .type('text/html; charset=utf-8')
    .send(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
<title>Đăng nhập không thành công — Motcua</title></head>
<body><main><h1>Đăng nhập không thành công</h1><p>${escapeHtml(definition.vi)}</p>
<p><a href="${escapeHtml(target)}">Quay lại cổng dịch vụ công</a></p></main></body></html>`);
}
