/**
 * Waking this process's dispatcher once the messages an action enqueued are committed
 * (`deps.outbox`, docs/jobs.md). The wake must come after the commit (a rolled-back row must not be
 * looked for), so whoever opened the transaction wakes, and only when something was enqueued in it:
 * an online submission, which tells nobody, costs the dispatcher no round.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';

const enqueuedIn = new WeakSet<Kysely<Database>>();

/** Notes that `tx` enqueued messages (called by the use cases that add to the outbox in a transaction). */
export function noteEnqueued(tx: Kysely<Database>): void {
  if (tx.isTransaction) enqueuedIn.add(tx);
}

/** After `tx` committed: wakes the dispatcher if it enqueued messages. */
export function wakeIfEnqueued(deps: Pick<Deps, 'outbox'>, tx: Kysely<Database> | undefined): void {
  if (tx && enqueuedIn.has(tx)) deps.outbox.wake();
}

/**
 * `inTransaction` that wakes the dispatcher after its commit when the work enqueued messages. In
 * the caller's transaction it only runs the work: the caller commits, and wakes.
 */
export async function inTransactionWaking<T>(deps: Pick<Deps, 'db' | 'outbox'>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (deps.db.isTransaction) return fn(deps.db);
  let opened: Kysely<Database> | undefined;
  const result = await deps.db.transaction().execute((tx) => {
    opened = tx;
    return fn(tx);
  });
  wakeIfEnqueued(deps, opened);
  return result;
}
