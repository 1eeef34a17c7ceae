/** SQL for staff accounts, sessions, sign-in throttling and usual addresses. No rules here. */
import { sql, type Kysely } from 'kysely';
import type { StaffRole } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { preparedStatement } from '../../db/prepared.ts';

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'password_hash', 'disabled'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export interface AssignmentRow {
  role: StaffRole;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
}

export async function findAssignments(db: Kysely<Database>, userId: string): Promise<AssignmentRow[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.role', 'a.id', 'a.code', 'a.name', 'a.path'])
    .where('r.user_id', '=', userId)
    .orderBy('a.path')
    .orderBy('r.role')
    .execute();
  return rows.map((r) => ({ role: r.role, agencyId: r.id, agencyCode: r.code, agencyName: r.name, agencyPath: r.path }));
}

export async function findLiveSession(db: Kysely<Database>, sessionId: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.last_seen_at', 'u.username', 'u.full_name', 'u.disabled'])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  row: { id: string; userId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface ThrottleBucketRow {
  scope: 'pair' | 'account' | 'address';
  key: string;
  failures: number;
  lastFailureAt: Date | null;
  blockedUntil: Date | null;
}

/**
 * The throttle buckets of an attempt, created when missing and locked until the transaction
 * ends. `keys` come sorted: every transaction inserts and locks them in the same order.
 */
export async function lockThrottleBuckets(tx: Kysely<Database>, keys: ReadonlyArray<{ scope: ThrottleBucketRow['scope']; key: string }>): Promise<ThrottleBucketRow[]> {
  if (keys.length === 0) return [];
  await tx
    .insertInto('login_throttle')
    .values(keys.map((k) => ({ scope: k.scope, key: k.key })))
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .execute();
  const rows = await tx
    .selectFrom('login_throttle')
    .select(['scope', 'key', 'failures', 'last_failure_at', 'blocked_until'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('key', '=', k.key)]))))
    .orderBy('scope')
    .orderBy('key')
    .forUpdate()
    .execute();
  return rows.map((r) => ({ scope: r.scope, key: r.key, failures: r.failures, lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until }));
}

export async function saveThrottleBuckets(tx: Kysely<Database>, buckets: readonly ThrottleBucketRow[]): Promise<void> {
  for (const b of buckets) {
    await tx
      .updateTable('login_throttle')
      .set({ failures: b.failures, last_failure_at: b.lastFailureAt, blocked_until: b.blockedUntil })
      .where('scope', '=', b.scope)
      .where('key', '=', b.key)
      .execute();
  }
}

export async function deleteThrottleBuckets(tx: Kysely<Database>, keys: ReadonlyArray<{ scope: ThrottleBucketRow['scope']; key: string }>): Promise<void> {
  for (const k of keys) await tx.deleteFrom('login_throttle').where('scope', '=', k.scope).where('key', '=', k.key).execute();
}

/** Takes one counted attempt back (a reservation that turned out to be a successful sign-in). */
export async function releaseThrottleBuckets(tx: Kysely<Database>, keys: ReadonlyArray<{ scope: ThrottleBucketRow['scope']; key: string }>): Promise<void> {
  for (const k of keys) {
    await tx
      .updateTable('login_throttle')
      .set({ failures: sql<number>`greatest(failures - 1, 0)` })
      .where('scope', '=', k.scope)
      .where('key', '=', k.key)
      .execute();
  }
}

/** Buckets with nothing left to remember: no failure since `forgetBefore` and no block running. */
export async function deleteStaleThrottleBuckets(db: Kysely<Database>, forgetBefore: Date, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('login_throttle')
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<=', forgetBefore)]))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Whether the account signed in successfully from this address since `since`. */
export async function isUsualAddress(db: Kysely<Database>, userId: string, ip: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('login_addresses')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .where('last_signed_in_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(tx: Kysely<Database>, userId: string, ip: string, now: Date): Promise<void> {
  await tx
    .insertInto('login_addresses')
    .values({ user_id: userId, ip, last_signed_in_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'ip']).doUpdateSet({ last_signed_in_at: now }))
    .execute();
}

export async function deleteForgottenAddresses(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_addresses').where('last_signed_in_at', '<=', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

const liveSession = preparedStatement<{
  id: string; user_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date; username: string; full_name: string; disabled: boolean;
  assignments: AssignmentRow[];
}>('staff_session', `SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.username, u.full_name, u.disabled,
         coalesce(json_agg(json_build_object('role', r.role, 'agencyId', a.id, 'agencyCode', a.code, 'agencyName', a.name, 'agencyPath', a.path)
                           ORDER BY a.path, r.role) FILTER (WHERE r.role IS NOT NULL), '[]'::json) AS assignments
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN role_assignments r ON r.user_id = u.id
    LEFT JOIN agencies a ON a.id = r.agency_id
   WHERE s.id = $1 AND s.expires_at > $2
   GROUP BY s.id, u.id`);

/**
 * A live session with its user and role assignments, in one round trip (every request asks);
 * prepared once per connection, since planning the join costs more than running it.
 */
export async function findLiveSessionWithAssignments(db: Kysely<Database>, sessionId: string, now: Date) {
  return (await liveSession(db, [sessionId, now])).rows[0];
}
