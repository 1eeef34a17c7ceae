import { sql, type Kysely } from 'kysely';

/**
 * Staff sessions are cached in each server process (modules/auth/session.cache.ts); the database
 * announces what ends one or changes its access, as it announces reference data (migration 0011:
 * a notice on `motcua_reference` naming the table, delivered when the change commits):
 * - `sessions`: deleted (sign-out, disabling, a password reset, expiry), given another user or
 *   CSRF token, or made to expire sooner (an operator ending sessions by hand); the sliding
 *   expiry's updates, which only move `last_seen_at` and `expires_at` later, are not announced;
 * - `role_assignments`: any change. (`users` and `agencies` are announced since 0011.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER sessions_announce_end
    AFTER DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_announce_reference_change()`.execute(db);
  await sql`
    CREATE TRIGGER sessions_announce_change
    AFTER UPDATE ON sessions
    FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD.user_id <> NEW.user_id OR OLD.csrf_token <> NEW.csrf_token OR NEW.expires_at < OLD.expires_at)
    EXECUTE FUNCTION motcua_announce_reference_change()`.execute(db);
  await sql`
    CREATE TRIGGER role_assignments_announce_change
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION motcua_announce_reference_change()`.execute(db);
}
