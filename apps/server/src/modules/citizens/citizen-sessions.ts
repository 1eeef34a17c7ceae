/**
 * Citizens' sessions: started once the identity provider has vouched for the person (the OIDC
 * callback), resolved from their own cookie on citizen routes, ended at sign-out. As for staff,
 * the cookie holds a random token and the database only its SHA-256, and each session has its
 * own CSRF token.
 */
import type { Actor, CitizenIdentity } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './citizens.repository.ts';

export interface ProviderTokens {
  idToken: string | null;
  refreshToken: string | null;
  accessExpiresAt: Date | null;
}

export interface ResolvedCitizenSession {
  actor: Actor & { kind: 'citizen' };
  identity: CitizenIdentity;
  csrfToken: string;
  sessionId: string;
  tokens: ProviderTokens;
}

export interface StartCitizenSessionInput {
  identity: CitizenIdentity;
  tokens: ProviderTokens;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** A citizen session cookie presented with the callback, ended so that a fixated id is useless. */
  previousSessionToken: string | undefined;
}

/** Records the account (or refreshes its claims) and opens a session; returns the cookie's token. */
export async function startCitizenSession(input: StartCitizenSessionInput, deps: Deps): Promise<{ sessionToken: string; citizenId: string; csrfToken: string }> {
  const now = deps.clock();
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const citizenId = await deps.db.transaction().execute(async (tx) => {
    if (input.previousSessionToken) await repo.deleteCitizenSession(tx, sha256(input.previousSessionToken));
    const id = await repo.upsertCitizen(tx, input.identity, now);
    await repo.insertCitizenSession(tx, {
      id: sha256(sessionToken),
      citizenId: id,
      csrfToken,
      expiresAt: new Date(now.getTime() + deps.config.sessionTtlMs),
      ...input.tokens,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      now,
    });
    await recordAudit(
      tx,
      { actor: citizenActor(id, input.identity), actorName: input.identity.fullName, ip: input.ip ?? undefined, requestId: input.requestId, at: now },
      { action: 'auth.citizen_signed_in', entityType: 'citizen', entityId: id, details: { issuer: input.identity.issuer, eidLevel: input.identity.eidLevel, kind: input.identity.kind } },
    );
    return id;
  });
  return { sessionToken, citizenId, csrfToken };
}

/** The citizen behind a citizen session cookie, or undefined when it is unknown or expired. */
export async function resolveCitizenSession(sessionToken: string, deps: Deps): Promise<ResolvedCitizenSession | undefined> {
  const now = deps.clock();
  const sessionId = sha256(sessionToken);
  const row = await repo.findLiveCitizenSession(deps.db, sessionId, now);
  if (!row) return undefined;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await repo.touchCitizenSession(deps.db, sessionId, now, new Date(now.getTime() + deps.config.sessionTtlMs));
  }
  const identity: CitizenIdentity = {
    issuer: row.issuer,
    subject: row.subject,
    kind: row.kind,
    fullName: row.full_name,
    personalId: row.personal_id,
    birthDate: row.birth_date,
    gender: row.gender,
    address: row.address,
    phone: row.phone,
    email: row.email,
    eidLevel: row.eid_level,
    organizationName: row.organization_name,
    taxCode: row.tax_code,
  };
  return {
    actor: citizenActor(row.id, identity),
    identity,
    csrfToken: row.csrf_token,
    sessionId,
    tokens: { idToken: row.id_token, refreshToken: row.refresh_token, accessExpiresAt: row.access_expires_at },
  };
}

export async function endCitizenSession(session: ResolvedCitizenSession, context: { ip: string | null; requestId: string }, deps: Deps): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteCitizenSession(tx, session.sessionId);
    await recordAudit(tx, { actor: session.actor, actorName: session.identity.fullName, ip: context.ip ?? undefined, requestId: context.requestId, at: deps.clock() }, {
      action: 'auth.citizen_signed_out',
      entityType: 'citizen',
      entityId: session.actor.citizenId,
    });
  });
}

export function citizenActor(citizenId: string, identity: CitizenIdentity): Actor & { kind: 'citizen' } {
  return {
    kind: 'citizen',
    citizenId,
    account: { kind: identity.kind, personalId: identity.personalId, taxCode: identity.taxCode, eidLevel: identity.eidLevel },
  };
}
