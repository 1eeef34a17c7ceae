/**
 * The signed-in citizen's own account: who the e-ID says they are, and sign-out. Sign-in itself
 * (the OIDC redirect and callback) is in `citizen-oidc.routes.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, identityKinds } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { signedInCitizen } from '../../http/access.ts';
import { citizenSessionCookie, csrfCookie } from '../../http/session.ts';
import { endCitizenSession } from './citizen-sessions.ts';
import { citizenEndSessionUrl, refreshCitizenSessionIfDue } from './citizen-sign-in.ts';

export const CitizenProfileSchema = z.object({
  id: z.string().describe('the account, as Motcua knows it'),
  kind: z.enum(identityKinds),
  fullName: z.string(),
  personalId: z.string().nullable().describe('12-digit personal ID number (số định danh cá nhân)'),
  birthDate: z.string().nullable().describe('yyyy-mm-dd'),
  gender: z.enum(['male', 'female']).nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  eidLevel: z.union([z.literal(1), z.literal(2)]).describe('e-ID assurance level'),
  organizationName: z.string().nullable(),
  taxCode: z.string().nullable(),
  /** Every field above came from the identity provider: the portal shows them as verified. */
  verified: z.array(z.string()).describe('the fields the identity provider vouched for'),
  csrfToken: z.string(),
});

export function registerCitizenRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/auth/citizen/me', {
    config: { access: signedInCitizen },
    schema: {
      tags: ['citizen'],
      summary: 'The signed-in citizen or business (Tài khoản định danh điện tử)',
      description:
        'Once the provider’s access token has expired, renews the tokens with the refresh token first; a refresh the ' +
        'provider refuses ends the session (401).',
      response: { 200: CitizenProfileSchema },
    },
    handler: async (request, reply) => {
      const session = request.citizenSession && (await refreshCitizenSessionIfDue(request.citizenSession, { ip: request.ip, requestId: request.id }, deps));
      if (!session) {
        reply.clearCookie(citizenSessionCookie, { path: '/' });
        throw new AppError('auth.unauthenticated');
      }
      reply.header('cache-control', 'no-store');
      const { issuer: _issuer, subject: _subject, ...identity } = session.identity;
      const verified = Object.entries(identity).filter(([, v]) => v !== null).map(([k]) => k);
      return { id: session.actor.citizenId, ...identity, verified, csrfToken: session.csrfToken };
    },
  });

  r.post('/api/v1/auth/citizen/logout', {
    config: { access: signedInCitizen },
    schema: {
      tags: ['citizen'],
      summary: 'Sign the citizen out of Motcua (Đăng xuất)',
      description:
        'Ends the session in Motcua and answers the provider’s end-session URL (RP-initiated logout with id_token_hint and ' +
        'post_logout_redirect_uri = the portal), where the portal then sends the browser to end the e-ID session too.',
      response: {
        200: z
          .object({ endSessionUrl: z.string().nullable().describe('the provider’s logout page for this session; null when it has none') })
          .describe('Signed out; the citizen session cookie is cleared'),
      },
    },
    handler: async (request, reply) => {
      let endSessionUrl: string | null = null;
      if (request.citizenSession) {
        endSessionUrl = await citizenEndSessionUrl(request.citizenSession, deps);
        await endCitizenSession(request.citizenSession, { ip: request.ip, requestId: request.id }, deps);
      }
      reply.clearCookie(citizenSessionCookie, { path: '/' });
      reply.clearCookie(csrfCookie, { path: '/' });
      return { endSessionUrl };
    },
  });
}
