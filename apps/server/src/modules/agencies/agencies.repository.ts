/** SQL for the agency tree. Paths are materialised: `/<root id>/<child id>/.../`. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

const columns = ['id', 'code', 'name', 'level', 'parent_id', 'path', 'valid_from', 'valid_to', 'successor_code', 'short_name', 'address', 'phone', 'email'] as const;

function toRow(r: {
  id: string; code: string; name: string; level: string; parent_id: string | null; path: string; valid_from: string | null; valid_to: string | null;
  successor_code: string | null; short_name: string | null; address: string | null; phone: string | null; email: string | null;
}): AgencyRow {
  return {
    id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, path: r.path, validFrom: r.valid_from, validTo: r.valid_to,
    successorCode: r.successor_code, shortName: r.short_name, address: r.address, phone: r.phone, email: r.email,
  };
}

export async function findAgencyById(db: Kysely<Database>, id: string): Promise<AgencyRow | undefined> {
  const r = await db.selectFrom('agencies').select(columns).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export async function findAgencyByCode(db: Kysely<Database>, code: string): Promise<AgencyRow | undefined> {
  const r = await db.selectFrom('agencies').select(columns).where('code', '=', code).executeTakeFirst();
  return r && toRow(r);
}

/** Agencies inside any of the subtrees, in tree order. */
export async function listAgenciesWithin(
  db: Kysely<Database>,
  filter: { scopePaths: string[]; level?: string | undefined; q?: string | undefined; limit: number; offset: number },
): Promise<{ items: AgencyRow[]; total: number }> {
  if (filter.scopePaths.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('agencies')
    .where((eb) => eb.or(filter.scopePaths.map((p) => eb(eb.fn('starts_with', ['path', eb.val(p)]), '=', true))));
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        eb(sql`motcua_fold(name)`, 'like', sql`'%' || motcua_fold(${q}) || '%'`),
        eb('code', 'ilike', containsPattern(q)),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.select(columns).orderBy('path').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRow), total: Number(count.n) };
}

/** Inserts an agency under its parent (or as a root) and computes its path. */
export async function insertAgency(
  db: Kysely<Database>,
  input: { code: string; name: string; level: string; parentId: string | null; validFrom?: string | null; validTo?: string | null },
): Promise<AgencyRow> {
  const parentPath = input.parentId
    ? (await db.selectFrom('agencies').select('path').where('id', '=', input.parentId).executeTakeFirstOrThrow()).path
    : '/';
  const id = crypto.randomUUID();
  const r = await db
    .insertInto('agencies')
    .values({
      id,
      code: input.code,
      name: input.name,
      level: input.level,
      parent_id: input.parentId,
      path: `${parentPath}${id}/`,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(r);
}

/** Agencies in force on a local date (the public directory: where to file a dossier). */
export async function listAgenciesInForce(
  db: Kysely<Database>,
  filter: { date: string; level?: string | undefined; q?: string | undefined; procedureCode?: string | undefined },
): Promise<AgencyRow[]> {
  let query = db
    .selectFrom('agencies')
    .select(columns)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', filter.date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', filter.date)]));
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.q) query = query.where(sql`motcua_fold(name)`, 'like', sql`'%' || motcua_fold(${filter.q}) || '%'`);
  const rows = await query.orderBy('path').limit(2000).execute();
  return rows.map(toRow);
}

/** Active staff holding `role` on the agency itself (for assignment by a leader). */
export async function staffOfAgency(db: Kysely<Database>, agencyId: string, role: string) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.username', 'u.full_name'])
    .where('r.agency_id', '=', agencyId)
    .where('r.role', '=', role as 'specialist')
    .where('u.disabled', '=', false)
    .orderBy('u.full_name')
    .execute();
}
