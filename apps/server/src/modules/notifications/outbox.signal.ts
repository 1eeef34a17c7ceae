/**
 * "Messages were just committed": the in-process wake-up of the dispatcher. A use case that
 * enqueued notifications calls `wake()` after its transaction commits, so this process sends them
 * at once; other processes find them on their next poll (docs/jobs.md). It is deliberately not a
 * NOTIFY: a notice inside every action's transaction would serialize the commits of all of them.
 */
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
