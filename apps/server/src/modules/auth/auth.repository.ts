/** SQL for staff accounts, sessions and failed sign-ins. No rules here. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'full_name', 'password_hash', 'disabled'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export interface AssignmentRow {
  role: 'officer' | 'specialist' | 'leader' | 'manager' | 'admin';
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

/** Failed sign-ins since `since`, for this username and for this IP address. */
export async function countRecentFailures(db: Kysely<Database>, username: string, ip: string | null, since: Date) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [
      eb.fn.sum<number>(sql`CASE WHEN lower(username) = ${username.toLowerCase()} THEN 1 ELSE 0 END`).as('byUser'),
      eb.fn.sum<number>(sql`CASE WHEN ip = ${ip} THEN 1 ELSE 0 END`).as('byIp'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', username.toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byUser: Number(row.byUser ?? 0), byIp: Number(row.byIp ?? 0) };
}

export async function insertLoginFailure(db: Kysely<Database>, username: string, ip: string | null, at: Date): Promise<void> {
  await db.insertInto('login_failures').values({ username: username.slice(0, 200), ip, at }).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where(sql`lower(username)`, '=', username.toLowerCase()).execute();
}

/**
 * A live session with its user and role assignments, in one round trip (every request asks).
 */
export async function findLiveSessionWithAssignments(db: Kysely<Database>, sessionId: string, now: Date) {
  const r = await sql<{
    id: string; user_id: string; csrf_token: string; last_seen_at: Date; username: string; full_name: string; disabled: boolean;
    assignments: AssignmentRow[];
  }>`
    SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, u.username, u.full_name, u.disabled,
           coalesce(json_agg(json_build_object('role', r.role, 'agencyId', a.id, 'agencyCode', a.code, 'agencyName', a.name, 'agencyPath', a.path)
                             ORDER BY a.path, r.role) FILTER (WHERE r.role IS NOT NULL), '[]'::json) AS assignments
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN role_assignments r ON r.user_id = u.id
      LEFT JOIN agencies a ON a.id = r.agency_id
     WHERE s.id = ${sessionId} AND s.expires_at > ${now}
     GROUP BY s.id, u.id`.execute(db);
  return r.rows[0];
}
