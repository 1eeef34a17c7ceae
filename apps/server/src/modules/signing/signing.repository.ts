/** SQL of signing keys and trust anchors (migration 0022); no rules here. */
import { sql, type Kysely } from 'kysely';
import type { Database, SigningKeysTable } from '../../db/schema.ts';

/** Whose key: an agency's seal, a staff member's personal key, or the development time-stamping unit. */
export type KeyOwner = { agencyId: string } | { userId: string } | { timestamping: true };

export interface StoredKey {
  id: string;
  role: SigningKeysTable['role'];
  provider: 'pkcs12' | 'remote';
  certificateChain: string;
  pkcs12: Uint8Array | null;
  remoteKeyId: string | null;
  imagePng: Uint8Array | null;
  development: boolean;
  validFrom: Date;
  validTo: Date;
}

/** A key to store: what a stored key holds, with its owner instead of its id. */
export interface NewKey extends Omit<StoredKey, 'id'> {
  agencyId: string | null;
  userId: string | null;
}

/** The owner's current (not revoked) key. */
export async function currentKey(db: Kysely<Database>, owner: KeyOwner): Promise<StoredKey | undefined> {
  let query = db.selectFrom('signing_keys').selectAll().where('revoked_at', 'is', null);
  if ('agencyId' in owner) query = query.where('role', '=', 'agency').where('agency_id', '=', owner.agencyId);
  else if ('userId' in owner) query = query.where('role', '=', 'person').where('user_id', '=', owner.userId);
  else query = query.where('role', '=', 'timestamping');
  const row = await query.executeTakeFirst();
  return row && {
    id: row.id,
    role: row.role,
    provider: row.provider,
    certificateChain: row.certificate_chain,
    pkcs12: row.pkcs12 && new Uint8Array(row.pkcs12),
    remoteKeyId: row.remote_key_id,
    imagePng: row.image_png && new Uint8Array(row.image_png),
    development: row.development,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Stores a key unless the owner already has a current one (then nothing changes); true when stored. */
export async function insertKey(db: Kysely<Database>, key: NewKey): Promise<boolean> {
  const result = await db
    .insertInto('signing_keys')
    .values({
      role: key.role,
      agency_id: key.agencyId,
      user_id: key.userId,
      provider: key.provider,
      certificate_chain: key.certificateChain,
      pkcs12: key.pkcs12,
      remote_key_id: key.remoteKeyId,
      image_png: key.imagePng,
      development: key.development,
      valid_from: key.validFrom,
      valid_to: key.validTo,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface TrustAnchorRow {
  name: string;
  certificate: string;
  pkcs12: Uint8Array | null;
  development: boolean;
}

export async function trustAnchorRows(db: Kysely<Database>): Promise<TrustAnchorRow[]> {
  const rows = await db.selectFrom('signing_trust_anchors').select(['name', 'certificate', 'pkcs12', 'development']).orderBy('created_at').execute();
  return rows.map((r) => ({ ...r, pkcs12: r.pkcs12 && new Uint8Array(r.pkcs12) }));
}

export async function developmentAnchor(db: Kysely<Database>): Promise<TrustAnchorRow | undefined> {
  return (await trustAnchorRows(db)).find((r) => r.development);
}

/** Stores the development root unless one exists. */
export async function insertDevelopmentAnchor(db: Kysely<Database>, anchor: { name: string; certificate: string; pkcs12: Uint8Array }): Promise<void> {
  await db
    .insertInto('signing_trust_anchors')
    .values({ name: anchor.name, certificate: anchor.certificate, pkcs12: anchor.pkcs12, development: true })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Serialises the creation of development keys across processes until the transaction ends, so
 * that two first signatures at once do not both generate a root CA.
 */
export async function lockDevelopmentKeys(tx: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('motcua.signing_keys.development'))`.execute(tx);
}

export interface SignerCandidate {
  id: string;
  name: string;
  /** The agency named in the certificate's O (a person's: the agency of their leader role). */
  agencyName: string | null;
}

/** Agencies with no current seal key. */
export async function agenciesWithoutKey(db: Kysely<Database>): Promise<SignerCandidate[]> {
  return db
    .selectFrom('agencies as a')
    .select(['a.id', 'a.name', sql<null>`NULL`.as('agencyName')])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('signing_keys as k').select('k.id').whereRef('k.agency_id', '=', 'a.id').where('k.role', '=', 'agency').where('k.revoked_at', 'is', null))),
    )
    .orderBy('a.path')
    .execute();
}

/** Enabled staff with the leader role and no current personal key, with the agency of that role. */
export async function leadersWithoutKey(db: Kysely<Database>): Promise<SignerCandidate[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .distinctOn('u.id')
    .select(['u.id', 'u.full_name as name', 'a.name as agencyName'])
    .where('r.role', '=', 'leader')
    .where('u.disabled', '=', false)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('signing_keys as k').select('k.id').whereRef('k.user_id', '=', 'u.id').where('k.role', '=', 'person').where('k.revoked_at', 'is', null))),
    )
    .orderBy('u.id')
    .orderBy('a.path')
    .execute();
}

/** The name of an agency, or of a staff member with the agency of their first role (leader first). */
export async function ownerNames(db: Kysely<Database>, owner: { agencyId: string } | { userId: string }): Promise<SignerCandidate | undefined> {
  if ('agencyId' in owner) {
    return db.selectFrom('agencies').select(['id', 'name', sql<null>`NULL`.as('agencyName')]).where('id', '=', owner.agencyId).executeTakeFirst();
  }
  return db
    .selectFrom('users as u')
    .leftJoin('role_assignments as r', 'r.user_id', 'u.id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['u.id', 'u.full_name as name', 'a.name as agencyName'])
    .where('u.id', '=', owner.userId)
    .where('u.disabled', '=', false)
    .orderBy(sql`r.role = 'leader'`, 'desc')
    .orderBy('a.path')
    .limit(1)
    .executeTakeFirst();
}

/** An enabled staff member by username (case-insensitive). */
export async function findSigningUser(db: Kysely<Database>, username: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .where('disabled', '=', false)
    .executeTakeFirst();
}

/** An agency by code; without a code, the one agency at the top of the hierarchy (none when there are several). */
export async function findSigningAgency(db: Kysely<Database>, code: string | undefined): Promise<{ id: string } | undefined> {
  if (code !== undefined) return db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  const roots = await db.selectFrom('agencies').select('id').where('parent_id', 'is', null).limit(2).execute();
  return roots.length === 1 ? roots[0] : undefined;
}
