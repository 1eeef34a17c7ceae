/**
 * "Messages were just committed": the in-process wake-up of the dispatcher. A use case that
 * enqueued notifications calls `wake()` after its transaction commits, so this process sends them
 * at once; other processes find them on their next poll (docs/jobs.md). It is deliberately not a
 * NOTIFY: a notice inside every action's transaction would serialize the commits of all of them.
 */
import type { Kysely } from 'kysely';
import { notificationsInsertedInProcess } from './outbox.repository.ts';

export interface OutboxSignal {
  /** Call after the commit, never inside the transaction (a rolled-back row must not be looked for). */
  wake(): void;
  /** Listens to wakes; returns how to stop listening. */
  onWake(listener: () => void): () => void;
}

export function createOutboxSignal(): OutboxSignal {
  const listeners = new Set<() => void>();
  return {
    wake() {
      for (const l of listeners) l();
    },
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Runs a use case's own transaction (`work`) and, once it has committed, wakes the dispatcher if
 * the transaction added messages. Inside a caller's transaction (`db.isTransaction`: the commit is
 * the caller's, later) it does not wake: the dispatcher's poll finds the rows after that commit.
 * Another transaction's messages may wake it too: a wake that finds nothing costs one query.
 */
export async function wakeDispatcherAfter<T>(deps: { db: Pick<Kysely<unknown>, 'isTransaction'>; outbox: OutboxSignal }, work: () => Promise<T>): Promise<T> {
  const before = notificationsInsertedInProcess();
  const result = await work();
  if (!deps.db.isTransaction && notificationsInsertedInProcess() !== before) deps.outbox.wake();
  return result;
}
