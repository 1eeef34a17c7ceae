import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling that cannot be raced: one row per bucket (an account and address pair, an
 * account, an address), locked while an attempt is reserved, so that parallel attempts are
 * counted one after the other before any password is checked. And the addresses each account
 * signed in from, so that its owner is never slowed down or locked out there. Replaces the
 * append-only list of failures, which was counted without a lock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_throttle (
      scope text NOT NULL CHECK (scope IN ('pair', 'account', 'address')),
      key text NOT NULL,
      failures integer NOT NULL DEFAULT 0,
      last_failure_at timestamptz,
      blocked_until timestamptz,
      PRIMARY KEY (scope, key)
    )`.execute(db);
  await sql`
    CREATE TABLE login_addresses (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      ip text NOT NULL,
      last_signed_in_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, ip)
    )`.execute(db);
  await sql`DROP TABLE login_failures`.execute(db);
}
