/**
 * Staff sessions as every request reads them (the session, its user and role assignments), kept in
 * the process: without it each request would start with a database round trip that the intake's
 * budget cannot afford (docs/benchmarks.md). A session is forgotten
 * - when it expires by the request's clock (its expiry is kept with it: a miss then reads the row,
 *   which another process may have slid forward);
 * - in this process, right after a use case here ends it or changes its user's access (sign-out,
 *   disabling, a password reset, roles, agencies);
 * - in every process, when the database announces a change to sessions, users, role assignments or
 *   agencies (statement triggers, migrations 0011 and 0046; reference.changes.ts), whoever made it;
 * - after `ttlMs` at the latest, should a notice be missed while the listening connection was down
 *   (the listener also forgets everything when it reconnects).
 */
import type { AssignmentRow } from './auth.repository.ts';

export interface CachedSession {
  id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  username: string;
  full_name: string;
  disabled: boolean;
  assignments: AssignmentRow[];
}

export interface SessionCache {
  /** The session if it is known here and still live at `now` (the request's clock). */
  get(sessionId: string, now: Date): CachedSession | undefined;
  /** Keeps what was just read, unless a change was announced since `generation` (the read may predate it). */
  put(session: CachedSession, generation: number): void;
  /** The invalidation count, taken before a read (`put` keeps only what no change overtook). */
  readonly generation: number;
  /** Forget one session (this process ended it). */
  forget(sessionId: string): void;
  /** Forget every session (access may have changed). */
  invalidate(): void;
}

export function createSessionCache(options: { ttlMs?: number; max?: number; now?: () => number } = {}): SessionCache {
  const ttl = options.ttlMs ?? 30_000;
  const max = options.max ?? 10_000;
  const monotonic = options.now ?? (() => performance.now());
  const entries = new Map<string, { session: CachedSession; at: number }>();
  let generation = 0;
  return {
    get(sessionId, now) {
      const e = entries.get(sessionId);
      if (!e) return undefined;
      if (monotonic() - e.at >= ttl || e.session.expires_at.getTime() <= now.getTime()) {
        entries.delete(sessionId);
        return undefined;
      }
      return e.session;
    },
    put(session, readAt) {
      if (readAt !== generation) return;
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.delete(session.id);
      entries.set(session.id, { session, at: monotonic() });
    },
    get generation() {
      return generation;
    },
    forget(sessionId) {
      generation++;
      entries.delete(sessionId);
    },
    invalidate() {
      generation++;
      entries.clear();
    },
  };
}
