/**
 * The shared request counts of `request_rate_limits` (migration 0027). The database's clock decides
 * when a window ends, so that every server process agrees on it whatever its own clock says.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface WindowCount {
  /** Requests in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * Counts one request under `key`: opens a window of `windowMs` when there is none or the last one
 * has ended, else adds one to it. One statement: parallel requests, from any process, queue on
 * the row and each sees the ones before it.
 */
export async function countRequest(db: Kysely<Database>, key: string, windowMs: number): Promise<WindowCount> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO request_rate_limits AS w (key, window_ends_at, hits)
    VALUES (${key}, now() + make_interval(secs => ${windowMs}::float8 / 1000), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN w.window_ends_at <= now() THEN 1 ELSE w.hits + 1 END,
      window_ends_at = CASE WHEN w.window_ends_at <= now() THEN excluded.window_ends_at ELSE w.window_ends_at END
    RETURNING w.hits, ceil(extract(epoch FROM w.window_ends_at - now()) * 1000)::int AS ttl_ms`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/** The count under `key` without adding to it: none once the window has ended. */
export async function readRequestCount(db: Kysely<Database>, key: string): Promise<WindowCount> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    SELECT hits, ceil(extract(epoch FROM window_ends_at - now()) * 1000)::int AS ttl_ms
    FROM request_rate_limits WHERE key = ${key} AND window_ends_at > now()`.execute(db);
  const row = rows[0];
  return row ? { hits: row.hits, ttlMs: row.ttl_ms } : { hits: 0, ttlMs: 0 };
}

/** Deletes the windows that have ended; returns how many. */
export async function deleteEndedRateLimitWindows(db: Kysely<Database>): Promise<number> {
  const r = await sql`DELETE FROM request_rate_limits WHERE window_ends_at <= now()`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
