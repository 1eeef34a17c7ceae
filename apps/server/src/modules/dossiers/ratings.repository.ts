/** SQL for satisfaction ratings and the one-time rating tokens printed on form 01. No rules here. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function insertRatingToken(db: Kysely<Database>, dossierId: number, tokenHash: string, issuedBy: string | null, at: Date): Promise<void> {
  await db.insertInto('dossier_rating_tokens').values({ token_hash: tokenHash, dossier_id: dossierId, issued_by: issuedBy, issued_at: at }).execute();
}

/** True when the token (by its hash) was issued for this dossier and not yet used. */
export async function ratingTokenUsable(db: Kysely<Database>, dossierId: number, tokenHash: string): Promise<boolean> {
  const row = await db.selectFrom('dossier_rating_tokens').select('token_hash')
    .where('token_hash', '=', tokenHash).where('dossier_id', '=', dossierId).where('used_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Spends the token; false when it was spent meanwhile. */
export async function spendRatingToken(db: Kysely<Database>, dossierId: number, tokenHash: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('dossier_rating_tokens').set({ used_at: at })
    .where('token_hash', '=', tokenHash).where('dossier_id', '=', dossierId).where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function isRated(db: Kysely<Database>, dossierId: number): Promise<boolean> {
  return (await db.selectFrom('dossier_ratings').select('dossier_id').where('dossier_id', '=', dossierId).executeTakeFirst()) !== undefined;
}

/** The rating, once per dossier: false when the dossier already has one. */
export async function insertRating(
  db: Kysely<Database>,
  row: { dossierId: number; score: number; comment: string | null; ip: string | null; proof: 'security_code' | 'token' | 'eid'; at?: Date | undefined },
): Promise<boolean> {
  const inserted = await db
    .insertInto('dossier_ratings')
    .values({ dossier_id: row.dossierId, score: row.score, comment: row.comment, ip: row.ip, proof: row.proof, ...(row.at ? { rated_at: row.at } : {}) })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning('dossier_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
