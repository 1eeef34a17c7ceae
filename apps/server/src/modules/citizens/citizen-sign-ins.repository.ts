/** SQL for sign-ins under way at the e-ID provider (migration 0021). No rules here. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface PendingSignInInsert {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
}

export async function insertPendingSignIn(db: Kysely<Database>, row: PendingSignInInsert): Promise<void> {
  await db
    .insertInto('citizen_sign_ins')
    .values({
      state_hash: row.stateHash,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      return_to: row.returnTo,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      ip: row.ip,
    })
    .execute();
}

/**
 * Marks the live, unused sign-in `stateHash` as used and returns it, in one statement: of two
 * callbacks with the same state, one gets the row and the other nothing.
 */
export async function consumePendingSignIn(db: Kysely<Database>, stateHash: string, now: Date) {
  return db
    .updateTable('citizen_sign_ins')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

/** The sign-in `stateHash` whatever its state (to say why a callback was refused). */
export async function findPendingSignIn(db: Kysely<Database>, stateHash: string) {
  return db.selectFrom('citizen_sign_ins').select(['used_at', 'expires_at', 'return_to']).where('state_hash', '=', stateHash).executeTakeFirst();
}

export async function deletePendingSignInsExpiredBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('citizen_sign_ins').where('expires_at', '<', before).execute();
}
