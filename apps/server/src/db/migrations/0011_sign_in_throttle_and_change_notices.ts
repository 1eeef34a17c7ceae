import { sql, type Kysely } from 'kysely';

/** The tables whose changes every server process must hear of: they feed its caches. */
const announcedTables = [
  'agencies', 'counters', 'procedures', 'procedure_versions', 'users',
  'holiday_schedules', 'calendar_settings', 'agency_calendars',
] as const;

/**
 * Sign-in throttling that cannot be raced: one row per bucket (an account and address pair, an
 * account, an address), locked while an attempt is reserved, so that parallel attempts are
 * counted one after the other before any password is checked. And the addresses each account
 * signed in from, so that its owner is never slowed down or locked out there. Replaces the
 * append-only list of failures, which was counted without a lock.
 *
 * And change notices for cached reference data: after any statement on those tables, a notice on
 * `motcua_reference` naming the table, sent inside the changing transaction, so it is delivered
 * on commit only (PostgreSQL folds identical notices of one transaction into one). See
 * `modules/reference/reference.changes.ts`.
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

  await sql`
    CREATE FUNCTION motcua_announce_reference_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_notify('motcua_reference', TG_TABLE_NAME);
      RETURN NULL;
    END $fn$`.execute(db);
  for (const table of announcedTables) {
    await sql`
      CREATE TRIGGER ${sql.raw(table + '_announce_change')}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION motcua_announce_reference_change()`.execute(db);
  }
}
