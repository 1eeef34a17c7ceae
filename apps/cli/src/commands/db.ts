import type { Command } from 'commander';
import { migrateToLatest } from '@motcua/server/db/migrate.ts';
import { withDatabase, type GlobalOptions } from '../context.ts';

export function registerDbCommands(program: Command, globals: () => GlobalOptions): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations to DATABASE_URL or to the embedded database in ./data')
    .action(async () => {
      await withDatabase(globals(), async (handle) => {
        const report = await migrateToLatest(handle.db);
        console.log(
          `${handle.kind} ${handle.location}: ${report.applied.length} migration(s) applied` +
            (report.applied.length ? ` (${report.applied.join(', ')})` : '') +
            `, ${report.alreadyApplied} already applied`,
        );
      }, false);
    });
}
