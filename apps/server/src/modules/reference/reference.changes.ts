/**
 * Keeps the caches of reference data right in every server process. The database announces each
 * change to the cached tables itself: a statement trigger (migration 0011) sends a notice on
 * `motcua_reference` naming the table, inside the changing transaction, so it is delivered only
 * if and when that transaction commits, whoever made it (a use case in this or another server
 * process, `motcua setup` run from the CLI, an administrator in psql). Every server process listens
 * and forgets what the table feeds; when its listening connection drops and comes back, notices
 * may have been missed, so it forgets everything. The same path runs on PGlite, where notices
 * arrive as the transaction commits.
 *
 * The use case that made a change also forgets it in its own process right after the commit, so
 * that the next request there never waits for the notice to travel back from the server.
 */
import type { DatabaseHandle, Listener, ServerListenOptions } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';

export const referenceChannel = 'motcua_reference';

/** What a cached staff session holds comes from these (the session, its user, roles and their agencies). */
const sessionTables = new Set(['sessions', 'users', 'role_assignments', 'agencies']);

/** The tables the working calendars are built from; any other notice concerns the reference cache. */
const calendarTables = new Set(['holiday_schedules', 'calendar_settings', 'agency_calendars']);

export function listenForReferenceChanges(
  handle: Pick<DatabaseHandle, 'listen'>,
  caches: Pick<Deps, 'references' | 'calendars'> & Partial<Pick<Deps, 'templates' | 'sessions'>>,
  options: ServerListenOptions = {},
): Promise<Listener> {
  return handle.listen(
    referenceChannel,
    {
      notify(table) {
        if (sessionTables.has(table)) caches.sessions?.invalidate();
        if (calendarTables.has(table)) caches.calendars.invalidate();
        else if (table === 'notification_templates') caches.templates?.invalidate();
        else if (table !== 'sessions' && table !== 'role_assignments') caches.references.invalidate();
      },
      gap() {
        caches.sessions?.invalidate();
        caches.references.invalidate();
        caches.calendars.invalidate();
        caches.templates?.invalidate();
      },
    },
    options,
  );
}
