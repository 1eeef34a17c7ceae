import path from 'node:path';
import type { Command } from 'commander';
import { readBundle } from '@motcua/server/modules/setup/bundle.read.ts';
import { loadBundle } from '@motcua/server/modules/setup/setup.usecases.ts';
import { bundlePartLoaders } from '@motcua/server/modules/setup/bundle-parts.ts';
import { ensureDevelopmentKeys } from '@motcua/server/modules/signing/development-keys.ts';
import { loadConfig } from '@motcua/server/config.ts';
import { configuredClock } from '@motcua/server/deps.ts';
import { withDatabase, type GlobalOptions } from '../context.ts';

export function registerSetupCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('setup')
    .description('load a configuration bundle (agencies.json, procedures.json, holidays.json, users.json); idempotent')
    .requiredOption('--bundle <dir>', 'bundle directory')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { bundle: string; json?: boolean }) => {
      const bundle = readBundle(path.resolve(options.bundle));
      const config = loadConfig();
      await withDatabase(globals(), async (handle) => {
        const summary = await loadBundle(bundle, { db: handle.db }, { extraLoaders: bundlePartLoaders, actorName: 'motcua setup' });
        // With demo data, the development root CA and time-stamping key; agencies and leaders get theirs when they first sign (docs/signing-keys.md).
        if (config.signing.developmentKeys) summary.signingKeys = await ensureDevelopmentKeys({ db: handle.db, config, clock: configuredClock(config) });
        const { createdWithPassword, ...users } = summary.users;
        const printable = { ...summary, users: { ...users, createdWithPassword: createdWithPassword.map((u) => u.username) } };
        if (options.json) console.log(JSON.stringify(printable, null, 2));
        else {
          for (const [section, counts] of Object.entries(printable)) console.log(`${section}: ${JSON.stringify(counts)}`);
        }
      });
    });
}
