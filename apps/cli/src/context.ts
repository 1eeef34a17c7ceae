/**
 * What every command needs: the database chosen by `--database-url`, else DATABASE_URL, else the
 * embedded database in `./data` (or DATA_DIR), migrated to the latest schema.
 */
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '@motcua/server/db/database.ts';
import { migrateToLatest } from '@motcua/server/db/migrate.ts';

export interface GlobalOptions {
  databaseUrl?: string;
}

export async function withDatabase<T>(options: GlobalOptions, fn: (handle: DatabaseHandle) => Promise<T>, migrate = true): Promise<T> {
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  const handle = await openDatabase({ databaseUrl, dataDir, poolSize: 4 });
  try {
    if (migrate) await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Printed for a failed command: the message and, for AppErrors, every issue on its own line. */
export function describeError(error: unknown): string {
  const e = error as { code?: string; messages?: { vi: string; en: string }; issues?: Array<{ path: string; message: string }>; message?: string };
  if (e && e.messages) {
    const lines = [`${e.messages.en} / ${e.messages.vi} [${e.code}]`];
    for (const issue of e.issues ?? []) lines.push(`  - ${issue.path}: ${issue.message}`);
    return lines.join('\n');
  }
  return String(e?.message ?? error);
}
