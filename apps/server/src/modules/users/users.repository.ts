import { sql, type Kysely } from 'kysely';
import type { StaffRole } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
  assignments: Array<{ role: string; agencyId: string; agencyCode: string; agencyName: string; agencyPath: string }>;
  /** The unit (phòng, ban) of an agency the staff member works in, if set. */
  unit: { id: string; code: string; name: string; agencyId: string; agencyName: string } | null;
}

/**
 * Users with at least one role inside the given subtrees; `q` matches the username, the e-mail
 * address (case-insensitive) or the full name (also without diacritics: "nguyen van" finds
 * "Nguyễn Văn Quản").
 */
export async function listUsersWithin(
  db: Kysely<Database>,
  filter: { scopePaths: string[]; q?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  if (filter.scopePaths.length === 0) return { items: [], total: 0 };
  const inScope = db
    .selectFrom('role_assignments as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select('r.user_id')
    .where((eb) => eb.or(filter.scopePaths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))));
  let base = db.selectFrom('users as u').where('u.id', 'in', inScope);
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    base = base.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', pattern),
        eb('u.email', 'ilike', pattern),
        eb(sql`motcua_fold(u.full_name)`, 'like', sql`'%' || motcua_fold(${q}) || '%'`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base.select('u.id').orderBy(sql`lower(u.username)`).limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = await findUsersByIds(db, rows.map((r) => r.id));
  return { items, total: Number(count.n) };
}

export async function findUsersByIds(db: Kysely<Database>, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('agencies as ua', 'ua.id', 'units.agency_id')
    .select([
      'users.id', 'users.username', 'users.full_name', 'users.email', 'users.phone', 'users.disabled',
      'units.id as unit_id', 'units.code as unit_code', 'units.name as unit_name', 'ua.id as unit_agency_id', 'ua.name as unit_agency_name',
    ])
    .where('users.id', 'in', ids)
    .orderBy(sql`lower(users.username)`)
    .execute();
  const roles = await db
    .selectFrom('role_assignments as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.user_id', 'r.role', 'a.id as agency_id', 'a.code', 'a.name', 'a.path'])
    .where('r.user_id', 'in', ids)
    .orderBy('a.path')
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    phone: u.phone,
    disabled: u.disabled,
    assignments: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ role: r.role, agencyId: r.agency_id, agencyCode: r.code, agencyName: r.name, agencyPath: r.path })),
    unit: u.unit_id && u.unit_code && u.unit_name && u.unit_agency_id && u.unit_agency_name
      ? { id: u.unit_id, code: u.unit_code, name: u.unit_name, agencyId: u.unit_agency_id, agencyName: u.unit_agency_name }
      : null,
  }));
}

export async function insertUser(
  db: Kysely<Database>,
  input: { username: string; fullName: string; email?: string | null; phone?: string | null; passwordHash: string; unitId?: string | null | undefined },
): Promise<string> {
  const r = await db
    .insertInto('users')
    .values({
      username: input.username,
      full_name: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      password_hash: input.passwordHash,
      unit_id: input.unitId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertAssignments(
  db: Kysely<Database>,
  userId: string,
  assignments: Array<{ role: StaffRole; agencyId: string }>,
): Promise<void> {
  if (assignments.length === 0) return;
  await db
    .insertInto('role_assignments')
    .values(assignments.map((a) => ({ user_id: userId, role: a.role, agency_id: a.agencyId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function usernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  const r = await db.selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return Boolean(r);
}

/** Changes the profile fields given (undefined: unchanged) and the disabled flag. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: { fullName?: string | undefined; email?: string | null | undefined; phone?: string | null | undefined; disabled?: boolean | undefined; unitId?: string | null | undefined },
  now: Date,
): Promise<void> {
  const set = Object.fromEntries(
    Object.entries({ full_name: changes.fullName, email: changes.email, phone: changes.phone, disabled: changes.disabled, unit_id: changes.unitId })
      .filter(([, value]) => value !== undefined),
  );
  await db.updateTable('users').set({ ...set, updated_at: now }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
}

/** Removes the user's role assignments on agencies inside the given subtrees; others stay. */
export async function deleteAssignmentsWithin(db: Kysely<Database>, userId: string, scopePaths: string[]): Promise<void> {
  if (scopePaths.length === 0) return;
  const inScope = db
    .selectFrom('agencies as a')
    .select('a.id')
    .where((eb) => eb.or(scopePaths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))));
  await db.deleteFrom('role_assignments').where('user_id', '=', userId).where('agency_id', 'in', inScope).execute();
}

/** A unit with its agency's path, to check where it may be given. */
export async function findUnitWithAgency(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('units')
    .innerJoin('agencies', 'agencies.id', 'units.agency_id')
    .select(['units.id', 'units.active', 'units.code', 'agencies.id as agency_id', 'agencies.path as agency_path'])
    .where('units.id', '=', unitId)
    .executeTakeFirst();
}

/** Ends every session of the user (they must sign in again). */
export async function deleteSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
