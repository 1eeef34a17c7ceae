import { sql, type Kysely } from 'kysely';

/**
 * Request rate limits shared by every server process (`RATE_LIMIT_STORE=database`, the default;
 * `http/rate-limit.ts`): one row per limited route and client address, counting the requests of
 * its current window. A window opens at the first request after the previous one ended and lasts
 * the route's `timeWindow`, as in the plugin's own memory and Redis stores, so that changing the
 * store changes nothing a client sees. Each request is one UPSERT … RETURNING.
 *
 * UNLOGGED: the counts are worth nothing after a crash (they are emptied then, which only lets
 * clients start afresh), and a transaction that touches only unlogged tables does not wait for
 * its commit to reach the disk, so a request does not pay for a WAL flush. Ended windows are
 * deleted by the store itself, now and then (`deleteEndedRateLimitWindows`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE request_rate_limits (
      key text PRIMARY KEY,
      window_ends_at timestamptz NOT NULL,
      hits integer NOT NULL
    )`.execute(db);
}
