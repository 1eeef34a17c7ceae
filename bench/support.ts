/**
 * Shared machinery of the server benchmarks (intake, lookup): a PostgreSQL database of their own,
 * migrated and loaded with the bench bundle (the demo bundle plus 8 communes with one officer
 * each), the real server started as a separate process, keep-alive HTTP clients that sign in like
 * the web app does, a closed-loop load driver and CPU accounting of the processes involved.
 * Always the PostgreSQL server, never PGlite.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { demoBundleDir } from '../apps/server/src/demo/demo.ts';
import { readBundle } from '../apps/server/src/modules/setup/bundle.read.ts';
import { loadBundle } from '../apps/server/src/modules/setup/setup.usecases.ts';
import { bundlePartLoaders } from '../apps/server/src/modules/setup/bundle-parts.ts';
import { startServer, type RunningServer } from '../e2e/support/server.ts';
import { percentile } from './lib.ts';
import { DatasetMismatch, ensureDossierDataset, type DossierDataset, type DossierDatasetOptions } from './datasets.ts';

export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const benchPassword = 'Motcua@2026';

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

// ─── The bench bundle ────────────────────────────────────────────────────────────────────────

/** The 8 communes added to the demo province, each with one officer `bench.officer.N`. */
export const benchCommunes = [
  'Giao Lạc', 'Giao Xuân', 'Giao Hải', 'Giao Long', 'Giao Phong', 'Giao Tiến', 'Giao Châu', 'Giao An',
].map((name, i) => ({
  code: `000.5${i + 1}.00.H40`,
  name: `Ủy ban nhân dân xã ${name}`,
  officer: `bench.officer.${i + 1}`,
}));

const officerNames = [
  'Nguyễn Thị Hạnh', 'Trần Văn Đức', 'Lê Thị Ngọc', 'Phạm Quốc Bảo', 'Hoàng Thị Mai', 'Vũ Văn Thắng', 'Đặng Thị Thu', 'Bùi Minh Khoa',
];

/** Writes the bench bundle (demo bundle + 8 communes with one officer each) to a temp directory. */
export function writeBenchBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-bundle-'));
  for (const f of fs.readdirSync(demoBundleDir)) fs.copyFileSync(path.join(demoBundleDir, f), path.join(dir, f));
  const agencies = JSON.parse(fs.readFileSync(path.join(demoBundleDir, 'agencies.json'), 'utf8')) as unknown[];
  const users = JSON.parse(fs.readFileSync(path.join(demoBundleDir, 'users.json'), 'utf8')) as unknown[];
  for (const [i, c] of benchCommunes.entries()) {
    agencies.push({
      code: c.code, name: c.name, level: 'commune', parentCode: '000.00.00.H40', validFrom: '2025-07-01',
      counters: [{ code: 'MC', name: `Bộ phận Một cửa ${c.name.replace('Ủy ban nhân dân ', '')}` }],
    });
    users.push({ username: c.officer, fullName: officerNames[i], password: benchPassword, roles: [{ role: 'officer', agency: c.code }] });
  }
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  fs.writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(agencies, null, 1));
  fs.writeFileSync(path.join(dir, 'users.json'), JSON.stringify(users, null, 1));
  return dir;
}

/**
 * Opens `motcua_bench_<name>`: dropped and recreated when `fresh` (or missing), then migrated and
 * loaded with the bench bundle (loading is idempotent, so an existing database is left as it is).
 */
export async function prepareDatabase(name: string, options: { fresh: boolean }): Promise<{ url: string; handle: DatabaseHandle; created: boolean }> {
  const exists = await databaseExists(name);
  let created = false;
  if (options.fresh || !exists) {
    await dropDatabase(name);
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    created = true;
  }
  const url = databaseUrl(name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 8 });
  await migrateToLatest(handle.db);
  const dir = writeBenchBundle();
  try {
    await loadBundle(readBundle(dir), { db: handle.db }, { extraLoaders: bundlePartLoaders, actorName: 'bench' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { url, handle, created };
}

/**
 * The bench database `name` holding the generated dossier dataset: kept between runs, generated
 * when missing, recreated when it holds another dataset than `options` asks for.
 */
export async function prepareDatasetDatabase(
  name: string, options: DossierDatasetOptions,
): Promise<{ url: string; handle: DatabaseHandle; dataset: DossierDataset }> {
  let prepared = await prepareDatabase(name, { fresh: false });
  try {
    return { ...prepared, dataset: await ensureDossierDataset(prepared.url, options) };
  } catch (error) {
    if (!(error instanceof DatasetMismatch)) throw error;
    console.log(`  ${error.message}: recreating ${name}`);
    await prepared.handle.close();
    await dropDatabase(name);
    prepared = await prepareDatabase(name, { fresh: true });
    return { ...prepared, dataset: await ensureDossierDataset(prepared.url, options) };
  }
}

// ─── The server ──────────────────────────────────────────────────────────────────────────────

/**
 * Starts the real server (separate process, as `npm start`) on `url`. With `BENCH_CPU_PROF=DIR`
 * the server process is profiled (bench/cpu-profile.preload.mjs, loaded through NODE_OPTIONS
 * since NODE_OPTIONS refuses --cpu-prof) and DIR/<label>-<time>.cpuprofile is written when it stops.
 */
export async function startBenchServer(url: string, label: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const env: Record<string, string> = {
    ...extraEnv,
    DATABASE_URL: url,
    MOTCUA_SKIP_WEB_BUILD: '1',
    PUBLIC_LOOKUP_RATE_LIMIT: '1000000', // the configured maximum (config.ts): 16 666 lookups/s
    LOG_LEVEL: 'warn',
  };
  const profDir = process.env.BENCH_CPU_PROF;
  if (profDir) {
    fs.mkdirSync(profDir, { recursive: true });
    const file = path.resolve(profDir, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    const preload = path.resolve(import.meta.dirname, 'cpu-profile.preload.mjs');
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim();
    env.MOTCUA_CPU_PROF_FILE = file;
    console.log(`  server CPU profile → ${file} (written when the server stops)`);
  }
  return startServer(env);
}

// ─── HTTP clients ────────────────────────────────────────────────────────────────────────────

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One keep-alive connection (an agent with a single socket), carrying cookies like a browser. */
export class Client {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
  }

  request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const h: Record<string, string> = { ...headers };
    if (payload) {
      h['content-type'] = 'application/json';
      h['content-length'] = String(payload.length);
    }
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] = this.csrfToken;
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path: urlPath, headers: h, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair] = c.split(';');
            const eq = pair!.indexOf('=');
            this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.end(payload);
      else req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Signs in over real HTTP: GET the CSRF token, then POST the login with it and its cookie. */
export async function signIn(baseUrl: string, username: string, password = benchPassword): Promise<Client> {
  const client = new Client(baseUrl);
  const csrf = await client.request('GET', '/api/v1/auth/csrf');
  client.csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const res = await client.request('POST', '/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body}`);
  client.csrfToken = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
  return client;
}

// ─── Closed-loop load ────────────────────────────────────────────────────────────────────────

export interface LoadResult {
  /** Operations completed inside the measured window. */
  completed: number;
  failed: number;
  /** Latencies (ms) of the operations that started and ended inside the window. */
  latencies: number[];
  seconds: number;
  perSecond: number;
  firstError?: string;
}

/**
 * `clients` loops run `op(client, i)` back to back: `warmupMs` unmeasured, then `durationMs`
 * measured. `op` resolves to true when the operation succeeded.
 */
export async function closedLoop(
  clients: number,
  warmupMs: number,
  durationMs: number,
  op: (client: number, i: number) => Promise<boolean | string>,
): Promise<LoadResult> {
  const t0 = performance.now();
  const start = t0 + warmupMs;
  const end = start + durationMs;
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const loop = async (c: number) => {
    for (let i = 0; ; i++) {
      const a = performance.now();
      if (a >= end) return;
      let ok: boolean | string;
      try {
        ok = await op(c, i);
      } catch (error) {
        ok = String(error);
      }
      const b = performance.now();
      if (b < start || b > end) continue;
      if (ok === true) {
        completed++;
        if (a >= start) latencies.push(b - a);
      } else {
        failed++;
        firstError ??= typeof ok === 'string' ? ok : 'failed';
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c)));
  const seconds = durationMs / 1000;
  return { completed, failed, latencies, seconds, perSecond: completed / seconds, ...(firstError ? { firstError } : {}) };
}

export function latencySummary(latencies: number[]): { p50: number; p99: number; p999: number; max: number; mean: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
  };
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

// ─── CPU accounting ──────────────────────────────────────────────────────────────────────────

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function cpuSecondsOf(pid: number): number {
  const [user, system] = cpuSplitOf(pid);
  return user + system;
}

/** [user, system] CPU seconds of a process. */
function cpuSplitOf(pid: number): [number, number] {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [Number(fields[11]) / ticksPerSecond, Number(fields[12]) / ticksPerSecond]; // utime, stime
  } catch {
    return [0, 0];
  }
}

/** Direct child processes of this one running node (the server started by startServer). */
function childNodePids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid && stat.includes('(node')) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

export interface CpuReport {
  text: string;
  /** CPU milliseconds per operation of the server process (when one was found). */
  serverMsPerOp?: number | undefined;
  /** CPU milliseconds per operation of the PostgreSQL backends of the database. */
  pgMsPerOp?: number | undefined;
}

/**
 * CPU used during a measured window (from `delayMs` after the call until `stop()`) by the load
 * generator (this process), the server process and the PostgreSQL backends serving `database`
 * (best effort: needs the database server on this machine).
 */
export async function cpuMeter(pool: pg.Pool, database: string, delayMs = 0) {
  const backends = async () =>
    (await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])).rows.map((r) => r.pid);
  const servers = childNodePids();
  // A profiled server (BENCH_CPU_PROF) starts its profiler when the window opens.
  const openWindow = () => {
    if (process.env.BENCH_CPU_PROF) for (const pid of servers) process.kill(pid, 'SIGUSR2');
  };
  const snapshot = async () => ({
    t: performance.now(),
    self: process.cpuUsage(),
    server: servers.reduce((s, p) => s + cpuSecondsOf(p), 0),
    serverSystem: servers.reduce((s, p) => s + cpuSplitOf(p)[1], 0),
    pg: new Map((await backends()).map((p) => [p, cpuSecondsOf(p)])),
  });
  const first = new Promise<Awaited<ReturnType<typeof snapshot>>>((resolve) => setTimeout(() => {
    openWindow();
    resolve(snapshot());
  }, delayMs));
  return {
    /** `operations`: how many were completed in the window, for the CPU cost of one. */
    async stop(operations?: number): Promise<CpuReport> {
      const a = await first;
      const b = await snapshot();
      const seconds = (b.t - a.t) / 1000;
      const self = (b.self.user + b.self.system - a.self.user - a.self.system) / 1e6;
      const server = b.server - a.server;
      let pgCpu = 0;
      for (const [pid, cpu] of b.pg) pgCpu += cpu - (a.pg.get(pid) ?? cpu);
      const pct = (x: number) => `${Math.round((x / seconds) * 100)}%`;
      // Per operation completed in the window (the meter runs until the last one ends: ~1% more).
      const per = (x: number) => (operations ? `${((x * 1000) / operations).toFixed(2)} ms` : '');
      const perOp = operations
        ? `; CPU per operation: load generator ${per(self)}, server ${servers.length ? per(server) : 'n/a'}, PostgreSQL ${per(pgCpu)}`
        : '';
      return {
        serverMsPerOp: operations && servers.length ? (server * 1000) / operations : undefined,
        pgMsPerOp: operations ? (pgCpu * 1000) / operations : undefined,
        text: `CPU over the window (100% = one core of ${os.cpus().length}): load generator ${pct(self)}, ` +
          `server process ${servers.length ? `${pct(server)} (${pct(b.serverSystem - a.serverSystem)} in the kernel)` : 'n/a'}, PostgreSQL backends ${pct(pgCpu)}, ` +
          `machine load average ${os.loadavg()[0]!.toFixed(1)}${perOp}`,
      };
    },
  };
}

/** One line about the machine, with a warning when something else is using it. */
export function machineContext(): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0]!;
  const busy = load > cpus.length * 0.5 ? `  ⚠ the machine is busy (load ${load.toFixed(1)}): figures will be lower and noisier` : '';
  return `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, load average ${load.toFixed(1)}, Node ${process.version}${busy}`;
}

/** PostgreSQL settings worth printing next to the figures. */
export async function postgresSettings(pool: pg.Pool): Promise<string> {
  const r = await pool.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
     WHERE name IN ('server_version', 'shared_buffers', 'synchronous_commit', 'max_connections') ORDER BY name`,
  );
  const show = (x: { name: string; setting: string; unit: string | null }) =>
    x.name === 'shared_buffers' && x.unit === '8kB' ? `${x.name}=${Math.round((Number(x.setting) * 8) / 1024)}MB` : `${x.name}=${x.setting}`;
  return `PostgreSQL: ${r.rows.map(show).join(', ')}`;
}

// ─── Statements per operation (pg_stat_statements) ───────────────────────────────────────────

export interface StatementFigure {
  query: string;
  /** False for a statement run inside another (a trigger's, a function's). */
  toplevel: boolean;
  callsPerOp: number;
  msPerOp: number;
  /** Planning time (with `pg_stat_statements.track_planning = on`, else 0). */
  planMsPerOp: number;
  rowsPerOp: number;
  blocksPerOp: number;
  walBytesPerOp: number;
  /** Full-page images written to the WAL (the first change of a page after a checkpoint). */
  fullPagesPerOp: number;
}

/**
 * What PostgreSQL executed for `database` between `reset()` and `report(operations)`, per
 * operation, when the server loads pg_stat_statements (docs/benchmarks.md tells how to enable it);
 * undefined otherwise. Statements run inside triggers count too with `pg_stat_statements.track = all`.
 */
export async function statementMeter(pool: pg.Pool, database: string) {
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await pool.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
  } catch {
    return undefined;
  }
  return {
    async reset(): Promise<void> {
      await pool.query(`SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = $1), 0)`, [database]);
    },
    async report(operations: number): Promise<StatementFigure[]> {
      const r = await pool.query<{ query: string; toplevel: boolean; calls: string; ms: number; plan_ms: number; rows: string; blocks: string; wal: string; fpi: string }>(
        `SELECT s.query, s.toplevel, s.calls, s.total_exec_time AS ms, s.total_plan_time AS plan_ms, s.rows, s.shared_blks_hit + s.shared_blks_read + s.shared_blks_dirtied + s.shared_blks_written AS blocks, s.wal_bytes AS wal, s.wal_fpi AS fpi
         FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
         WHERE d.datname = $1 AND s.query NOT LIKE '%pg_stat_statements%' AND s.query NOT LIKE '%pg_stat_activity%'
         ORDER BY s.total_exec_time DESC`,
        [database],
      );
      return r.rows.map((x) => ({
        query: x.query.replace(/\s+/g, ' ').trim(),
        toplevel: x.toplevel,
        callsPerOp: Number(x.calls) / operations,
        msPerOp: x.ms / operations,
        planMsPerOp: x.plan_ms / operations,
        rowsPerOp: Number(x.rows) / operations,
        blocksPerOp: Number(x.blocks) / operations,
        walBytesPerOp: Number(x.wal) / operations,
        fullPagesPerOp: Number(x.fpi) / operations,
      }));
    },
  };
}

/** The statements of a phase as a readable table (those above 0.01 call per operation). */
export function statementTable(label: string, figures: StatementFigure[], width = 110): string {
  const shown = figures.filter((f) => f.callsPerOp >= 0.01);
  // A nested statement's time is inside its top-level statement's already.
  const total = figures.filter((f) => f.toplevel).reduce((s, f) => s + f.msPerOp, 0);
  const calls = figures.filter((f) => f.toplevel).reduce((s, f) => s + f.callsPerOp, 0);
  const planning = figures.filter((f) => f.toplevel).reduce((s, f) => s + f.planMsPerOp, 0);
  const lines = shown.map((f) =>
    `  ${f.toplevel ? '  ' : ' ↳'}${f.callsPerOp.toFixed(2).padStart(6)} calls ${f.msPerOp.toFixed(3).padStart(7)} ms ${f.planMsPerOp.toFixed(3).padStart(6)} plan ${f.rowsPerOp.toFixed(1).padStart(5)} rows ${f.blocksPerOp.toFixed(1).padStart(6)} blks ${Math.round(f.walBytesPerOp).toString().padStart(6)} B WAL ${f.fullPagesPerOp.toFixed(2).padStart(5)} FPI  ${f.query.slice(0, width)}`);
  return [`  ${label}: ${calls.toFixed(1)} statements, ${total.toFixed(3)} ms of execution and ${planning.toFixed(3)} ms of planning per operation`, ...lines].join('\n');
}
