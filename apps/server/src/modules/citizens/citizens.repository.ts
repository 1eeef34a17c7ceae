/** SQL for citizens' accounts and sessions (migration 0016). No rules here. */
import type { Kysely } from 'kysely';
import type { CitizenIdentity } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

/** Creates the account of `identity` or refreshes what the provider vouches for; returns its id. */
export async function upsertCitizen(db: Kysely<Database>, identity: CitizenIdentity, now: Date): Promise<string> {
  const values = {
    kind: identity.kind,
    full_name: identity.fullName,
    personal_id: identity.personalId,
    birth_date: identity.birthDate,
    gender: identity.gender,
    address: identity.address,
    phone: identity.phone,
    email: identity.email,
    eid_level: identity.eidLevel,
    organization_name: identity.organizationName,
    tax_code: identity.taxCode,
    last_signed_in_at: now,
  };
  const row = await db
    .insertInto('citizens')
    .values({ issuer: identity.issuer, subject: identity.subject, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CitizenSessionInsert {
  id: string;
  citizenId: string;
  csrfToken: string;
  expiresAt: Date;
  idToken: string | null;
  refreshToken: string | null;
  accessExpiresAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

export async function insertCitizenSession(db: Kysely<Database>, row: CitizenSessionInsert): Promise<void> {
  await db
    .insertInto('citizen_sessions')
    .values({
      id: row.id,
      citizen_id: row.citizenId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      id_token: row.idToken,
      refresh_token: row.refreshToken,
      access_expires_at: row.accessExpiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/** The live session `sessionId` with its account, in one query (it runs on every citizen request). */
export async function findLiveCitizenSession(db: Kysely<Database>, sessionId: string, now: Date) {
  return db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.id', 's.citizen_id')
    .select([
      's.id as session_id', 's.csrf_token', 's.last_seen_at', 's.id_token', 's.refresh_token', 's.access_expires_at',
      'c.id', 'c.issuer', 'c.subject', 'c.kind', 'c.full_name', 'c.personal_id', 'c.birth_date', 'c.gender', 'c.address',
      'c.phone', 'c.email', 'c.eid_level', 'c.organization_name', 'c.tax_code',
    ])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchCitizenSession(db: Kysely<Database>, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('citizen_sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

/** After a refresh at the provider: the new tokens. */
export async function updateCitizenSessionTokens(
  db: Kysely<Database>,
  sessionId: string,
  tokens: { idToken: string | null; refreshToken: string | null; accessExpiresAt: Date | null },
): Promise<void> {
  await db
    .updateTable('citizen_sessions')
    .set({ id_token: tokens.idToken, refresh_token: tokens.refreshToken, access_expires_at: tokens.accessExpiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteCitizenSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('citizen_sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredCitizenSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db.deleteFrom('citizen_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

