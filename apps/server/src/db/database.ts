/**
 * One driver for both databases: node-postgres talking either to a PostgreSQL server or, through
 * PGlite's node-postgres adapter, to an embedded PGlite in the same process. Kysely on top.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { prepareMarkedStatements } from './prepared.ts';
import { listenOnServer, type ListenHandlers, type Listener, type ServerListenOptions } from './listener.ts';

export type { ListenHandlers, Listener, ServerListenOptions } from './listener.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The node-postgres pool under Kysely, for bulk work Kysely does not do (COPY). */
  pool: pg.Pool;
  kind: DatabaseKind;
  /** Where it lives: the server URL without password, or the PGlite data directory. */
  location: string;
  /**
   * Receives the notices sent on `channel` (NOTIFY, delivered when the sending transaction
   * commits), from any process on the same database. PostgreSQL: a connection of its own that
   * reconnects (`listener.ts`). PGlite lives in this process only: its notices arrive as the
   * transaction commits and never drop.
   */
  listen(channel: string, handlers: ListenHandlers, options?: ServerListenOptions): Promise<Listener>;
  /**
   * Embedded only: a copy of the data directory as a tar archive, after a checkpoint (what
   * `loadDataDir` starts a new embedded database from).
   */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

// timestamptz and date come back as strings we control; bigint (int8) as a JS number when safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throw-away one. */
  dataDir?: string;
  /**
   * Embedded only, for a new database: start from this copy of a data directory (a tar archive
   * made by `dumpDataDir`) instead of an empty one. The tests start each database from a migrated
   * copy (apps/server/test/support/templates.ts).
   */
  loadDataDir?: Uint8Array;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      application_name: 'motcua',
    });
    // An idle connection can be closed by the server (restart, failover, a dropped database):
    // the pool replaces it; without a listener node-postgres would crash the process.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') process.stderr.write(`database connection lost: ${error.message}\n`);
    });
    pool.on('connect', prepareMarkedStatements);
    // Fail early with a clear error if the server is unreachable.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = options.databaseUrl;
    return {
      db,
      pool,
      kind: 'postgres',
      location: redact(url),
      listen: (channel, handlers, listenOptions) => listenOnServer(url, channel, handlers, listenOptions),
      close: () => db.destroy(),
    };
  }
  const dataDir = options.dataDir ?? './data';
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const target = dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir, 'pglite');
  if (!target.startsWith('memory://')) fs.mkdirSync(target, { recursive: true });
  const initial = options.loadDataDir;
  const pglite = await PGlite.create(target, {
    extensions: { unaccent, pg_trgm },
    // PGlite reads the archive with `arrayBuffer()` (and its `type`): handed over as it is, not
    // copied through a Blob.
    ...(initial ? { loadDataDir: { type: 'application/x-tar', arrayBuffer: async () => new Uint8Array(initial).buffer } as unknown as Blob } : {}),
  });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    kind: 'pglite',
    location: target,
    async listen(channel, handlers) {
      const unlisten = await pglite.listen(channel, (payload) => handlers.notify(payload));
      handlers.gap();
      let open = true;
      return {
        get connected() {
          return open;
        },
        async close() {
          open = false;
          await unlisten();
        },
      };
    },
    async dumpDataDir() {
      await pglite.exec('CHECKPOINT');
      const archive = await pglite.dumpDataDir('none');
      return new Uint8Array(await archive.arrayBuffer());
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}
