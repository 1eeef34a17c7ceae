/**
 * Staff sign-in, sessions and sign-out. A session is a random token in an HttpOnly cookie; the
 * database keeps only its SHA-256. Each session has its own CSRF token, rotated with the session
 * at sign-in.
 */
import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { decoyHash, verifyPassword } from '../../infra/passwords.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
import { reserveAttempt, settleSuccess } from './sign-in.throttle.ts';

export interface StaffProfile {
  user: { id: string; username: string; fullName: string };
  assignments: Array<{ role: repo.AssignmentRow['role']; agencyId: string; agencyCode: string; agencyName: string }>;
  csrfToken: string;
}

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** The session cookie presented with the sign-in, ended so that a fixated id is useless. */
  previousSessionToken: string | undefined;
}

/**
 * Signs a staff member in. The attempt is reserved in the throttle before the password is
 * checked (see `sign-in.throttle.ts`), so that no burst of parallel guesses gets more checks than
 * the limits allow; every refused or failed attempt is in the audit trail with the address and
 * the name typed, never the password.
 */
export async function signIn(input: SignInInput, deps: Deps): Promise<{ sessionToken: string; profile: StaffProfile }> {
  const { db, clock, config } = deps;
  const now = clock();
  const address = input.ip ?? 'unknown';
  const anonymousContext = { actor: { kind: 'anonymous' } as Actor, actorName: input.username, ip: input.ip ?? undefined, requestId: input.requestId, at: now };
  const user = await repo.findUserByUsername(db, input.username);
  const usualAddress = user ? await repo.isUsualAddress(db, user.id, address, new Date(now.getTime() - config.login.knownAddressMs)) : false;
  const reservation = await reserveAttempt(db, { username: input.username, address, usualAddress }, now, config.login);
  if (!reservation.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
    await recordAudit(db, anonymousContext, {
      action: 'auth.sign_in_throttled',
      entityType: 'user',
      ...(user ? { entityId: user.id } : {}),
      details: { username: input.username, scope: reservation.scope, retryAfterSeconds },
    });
    throw new AppError('auth.throttled', { details: { retryAfterSeconds } });
  }
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await verifyPassword(await decoyHash(), input.password), false);
  if (!user || !ok) {
    // Already counted by the reservation.
    await recordAudit(db, anonymousContext, {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      ...(user ? { entityId: user.id } : {}),
      details: { username: input.username, usualAddress },
    });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled) {
    await recordAudit(db, anonymousContext, { action: 'auth.sign_in_refused_disabled', entityType: 'user', entityId: user.id });
    throw new AppError('auth.account_disabled');
  }

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const assignments = await repo.findAssignments(db, user.id);
  await db.transaction().execute(async (tx) => {
    if (input.previousSessionToken) await repo.deleteSession(tx, sha256(input.previousSessionToken));
    await repo.insertSession(tx, {
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionTtlMs),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      now,
    });
    await settleSuccess(tx, reservation.buckets);
    await repo.rememberAddress(tx, user.id, address, now);
    await recordAudit(
      tx,
      { actor: { kind: 'staff', userId: user.id, username: user.username, assignments: [] }, ip: input.ip ?? undefined, requestId: input.requestId, at: now },
      { action: 'auth.signed_in', entityType: 'user', entityId: user.id, agencyId: assignments[0]?.agencyId ?? null },
    );
  });
  if (input.previousSessionToken) deps.sessions.forget(sha256(input.previousSessionToken));
  return { sessionToken, profile: toProfile(user.id, user.username, user.full_name, assignments, csrfToken) };
}

export interface ResolvedSession {
  actor: Actor & { kind: 'staff' };
  fullName: string;
  csrfToken: string;
  sessionId: string;
  assignments: repo.AssignmentRow[];
}

/** The staff member behind a session cookie, or undefined when it is unknown or expired. */
export async function resolveSession(sessionToken: string, deps: Deps): Promise<ResolvedSession | undefined> {
  const now = deps.clock();
  const sessionId = sha256(sessionToken);
  let session = deps.sessions.get(sessionId, now);
  if (!session) {
    const generation = deps.sessions.generation;
    session = await repo.findLiveSessionWithAssignments(deps.db, sessionId, now);
    if (!session) return undefined;
    deps.sessions.put(session, generation);
  }
  if (session.disabled) return undefined;
  const assignments = session.assignments;
  // Sliding expiry, written at most once a minute.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    const generation = deps.sessions.generation;
    const expiresAt = new Date(now.getTime() + deps.config.sessionTtlMs);
    await repo.touchSession(deps.db, sessionId, now, expiresAt);
    deps.sessions.put({ ...session, last_seen_at: now, expires_at: expiresAt }, generation);
  }
  return {
    actor: {
      kind: 'staff',
      userId: session.user_id,
      username: session.username,
      assignments: assignments.map((a) => ({ role: a.role, agencyId: a.agencyId, agencyPath: a.agencyPath })),
    },
    fullName: session.full_name,
    csrfToken: session.csrf_token,
    sessionId,
    assignments,
  };
}

export async function signOut(
  session: ResolvedSession,
  context: { ip: string | null; requestId: string },
  deps: Deps,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, session.sessionId);
    await recordAudit(tx, { actor: session.actor, ip: context.ip ?? undefined, requestId: context.requestId, at: deps.clock() }, {
      action: 'auth.signed_out',
      entityType: 'user',
      entityId: session.actor.userId,
      agencyId: session.assignments[0]?.agencyId ?? null,
    });
  });
  deps.sessions.forget(session.sessionId);
}

export function profileOf(session: ResolvedSession): StaffProfile {
  return toProfile(session.actor.userId, session.actor.username, session.fullName, session.assignments, session.csrfToken);
}

function toProfile(id: string, username: string, fullName: string, assignments: repo.AssignmentRow[], csrfToken: string): StaffProfile {
  return {
    user: { id, username, fullName },
    assignments: assignments.map(({ role, agencyId, agencyCode, agencyName }) => ({ role, agencyId, agencyCode, agencyName })),
    csrfToken,
  };
}
