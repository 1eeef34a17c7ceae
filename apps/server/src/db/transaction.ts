import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in a transaction, or in the caller's when `db` already is one (so that use cases can
 * join a transaction opened around them, e.g. by the idempotency layer).
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((tx: Transaction<DB>) => fn(tx));
}
