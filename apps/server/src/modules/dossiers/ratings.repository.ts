/**
 * SQL for satisfaction ratings, their answers to the criteria, and the one-time rating tokens
 * printed on form 01 and on the rating card handed over with the result. No rules here.
 */
import type { Kysely } from 'kysely';
import type { CriterionPoints, RatingCriterion } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';

export async function insertRatingToken(db: Kysely<Database>, dossierId: number, tokenHash: string, issuedBy: string | null, at: Date): Promise<void> {
  await db.insertInto('dossier_rating_tokens').values({ token_hash: tokenHash, dossier_id: dossierId, issued_by: issuedBy, issued_at: at }).execute();
}

/** Whether the token (by its hash) was issued for this dossier, and whether it was used; undefined when it was not. */
export async function ratingTokenState(db: Kysely<Database>, dossierId: number, tokenHash: string): Promise<'usable' | 'spent' | undefined> {
  const row = await db.selectFrom('dossier_rating_tokens').select('used_at')
    .where('token_hash', '=', tokenHash).where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  return row === undefined ? undefined : row.used_at === null ? 'usable' : 'spent';
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

/** The answers to the criteria, one row each (none when nothing was answered). */
export async function insertRatingAnswers(db: Kysely<Database>, dossierId: number, answers: ReadonlyArray<[RatingCriterion, CriterionPoints]>): Promise<void> {
  if (answers.length === 0) return;
  await db.insertInto('dossier_rating_answers').values(answers.map(([criterion, points]) => ({ dossier_id: dossierId, criterion, points }))).execute();
}

export interface StoredRating {
  score: number;
  comment: string | null;
  ratedAt: Date;
  proof: 'security_code' | 'token' | 'eid' | null;
  criteria: Partial<Record<RatingCriterion, CriterionPoints>>;
}

/** A dossier's rating with its answers, if it was rated. */
export async function findRating(db: Kysely<Database>, dossierId: number): Promise<StoredRating | undefined> {
  const row = await db.selectFrom('dossier_ratings').select(['score', 'comment', 'rated_at', 'proof']).where('dossier_id', '=', dossierId).executeTakeFirst();
  if (!row) return undefined;
  const answers = await db.selectFrom('dossier_rating_answers').select(['criterion', 'points']).where('dossier_id', '=', dossierId).execute();
  return { score: row.score, comment: row.comment, ratedAt: row.rated_at, proof: row.proof, criteria: Object.fromEntries(answers.map((a) => [a.criterion, a.points])) };
}
