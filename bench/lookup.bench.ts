/**
 * Public status lookup (docs/benchmarks.md: p99 under 20 ms with the province's dossiers in the database):
 * `GET /api/v1/public/dossiers/:code` on the real server (separate process, PostgreSQL), with
 * 1 000 000 generated dossiers (bench/datasets.ts; BENCH_LOOKUP_DOSSIERS changes the count).
 * BENCH_LOOKUP_CLIENTS (8) concurrent clients (keep-alive connections) fetch random existing codes, uniformly over the
 * whole dataset, for BENCH_SECONDS (10) after a BENCH_WARMUP_SECONDS (2) warm-up.
 * Baseline (same run, same database, same concurrency): the queries the endpoint runs — dossier by
 * code, its events, its agencies, its procedure version, its rating — sent directly through a
 * pg.Pool of as many, one lookup after the other per client.
 * The database `motcua_bench_lookup` is kept between runs: the dataset is generated only when it
 * does not hold the requested count.
 */
import os from 'node:os';
import pg from 'pg';
import { initialsOf } from '@motcua/domain';
import { record } from './lib.ts';
import {
  Client, closedLoop, cpuMeter, type CpuReport, latencySummary, machineContext, ms, postgresSettings, prepareDatasetDatabase,
  startBenchServer,
} from './support.ts';
import { seededRandom as random } from '../apps/server/src/demo/random.ts';

const bench = 'lookup';
const dbName = 'motcua_bench_lookup';
const count = Number(process.env.BENCH_LOOKUP_DOSSIERS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const clients = Number(process.env.BENCH_LOOKUP_CLIENTS ?? 8);

console.log(`  ${machineContext()}`);
const tPrepare = performance.now();
const prepared = await prepareDatasetDatabase(dbName, { count });
const { dataset } = prepared;
await prepared.handle.close();
const { url } = prepared;
console.log(`  dataset: ${dataset.description} (ready in ${((performance.now() - tPrepare) / 1000).toFixed(1)} s)`);
if (dataset.generated) {
  record({ bench, metric: 'dataset_rows_per_s', value: dataset.rowsPerSecond, unit: 'rows/s', dataset: `${dataset.written} dossiers + ${dataset.eventsWritten} events generated in ${dataset.seconds.toFixed(1)} s (indexes and ANALYZE included)` });
}

const pool = new pg.Pool({ connectionString: url, max: clients, application_name: 'motcua-bench-lookup' });
console.log(`  ${await postgresSettings(pool)}`);

const rand = random(20_260_701);
const maxId = Number((await pool.query('SELECT max(id) AS m FROM dossiers')).rows[0].m);
const ids = Array.from({ length: 200_000 }, () => 1 + Math.floor(rand() * maxId));
const codes: string[] = (await pool.query<{ code: string }>('SELECT code FROM dossiers WHERE id = ANY ($1)', [ids])).rows.map((r) => r.code);
for (let i = codes.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [codes[i], codes[j]] = [codes[j]!, codes[i]!];
}
console.log(`  ${codes.length.toLocaleString('en-US')} distinct random codes drawn uniformly from ${maxId.toLocaleString('en-US')} dossiers`);
const dataLabel = `${dataset.count.toLocaleString('en-US')} generated dossiers (~${dataset.events.toLocaleString('en-US')} events; ${dataset.generated ? 'generated in this run' : 'already in the database, generation skipped'}), random codes, ${clients} clients`;

// ─── Through the HTTP API ────────────────────────────────────────────────────────────────────
const server = await startBenchServer(url, bench);
let http: ReturnType<typeof latencySummary>;
let httpRate: number;
let cpu: CpuReport;
try {
  const conns = Array.from({ length: clients }, () => new Client(server.baseUrl));

  // Correctness of two answers (a closed dossier and one still running): the code, the status,
  // the steps, the clock, initials only.
  const open = (await pool.query(`SELECT code FROM dossiers WHERE status = 'processing' ORDER BY id DESC LIMIT 1`)).rows[0]?.code as string | undefined;
  for (const code of [codes[0]!, ...(open ? [open] : [])]) {
    const sample = (await pool.query(`SELECT * FROM dossiers WHERE upper(code) = upper($1)`, [code])).rows[0];
    const res = await conns[0]!.request('GET', `/api/v1/public/dossiers/${encodeURIComponent(sample.code)}`);
    if (res.status !== 200) throw new Error(`lookup of ${sample.code}: ${res.status} ${res.body}`);
    const body = JSON.parse(res.body) as { code: string; status: string; applicantInitials: string; steps: unknown[]; clock: { state: string } };
    const nSteps = Number((await pool.query(
      `SELECT count(*) FILTER (WHERE from_status IS DISTINCT FROM to_status OR action = 'apologize') AS n FROM dossier_events WHERE dossier_id = $1`,
      [sample.id],
    )).rows[0].n);
    const leaks = [sample.applicant_name, sample.applicant_id_number, sample.applicant_phone, sample.applicant_address].filter((v) => v && res.body.includes(v));
    const clock = sample.closed_at ? 'closed' : sample.received_at ? 'running' : 'not_started';
    if (body.code !== sample.code || body.status !== sample.status || body.applicantInitials !== initialsOf(sample.applicant_name) ||
      leaks.length || body.steps.length !== nSteps || body.clock.state !== clock) {
      throw new Error(`wrong public answer for ${sample.code}: ${res.body}`);
    }
    console.log(`  checked ${sample.code}: status ${body.status}, clock ${body.clock.state}, ${body.steps.length} steps, initials ${body.applicantInitials} ` +
      `for "${sample.applicant_name}", no name, ID number, phone or address in the answer`);
  }

  let next = 0;
  const meter = await cpuMeter(pool, dbName, warmup * 1000);
  const result = await closedLoop(clients, warmup * 1000, seconds * 1000, async (c) => {
    const code = codes[next++ % codes.length]!;
    const r = await conns[c]!.request('GET', `/api/v1/public/dossiers/${encodeURIComponent(code)}`);
    const ok = r.status === 200 && (r.body.startsWith(`{"code":"${code}"`) || (JSON.parse(r.body) as { code?: string }).code === code);
    return ok ? true : `${code}: ${r.status} ${r.body.slice(0, 200)}`;
  });
  cpu = await meter.stop(result.completed);
  if (result.failed) throw new Error(`${result.failed} lookups failed, first: ${result.firstError}`);
  http = latencySummary(result.latencies);
  httpRate = result.perSecond;
  console.log(`  HTTP: ${result.completed.toLocaleString('en-US')} lookups in ${seconds} s = ${Math.round(httpRate).toLocaleString('en-US')}/s; ` +
    `p50 ${ms(http.p50)}, p99 ${ms(http.p99)}, p99.9 ${ms(http.p999)}, max ${ms(http.max)}`);
  console.log(`  ${cpu.text}`);
  conns.forEach((c) => c.close());
} finally {
  await server.stop();
}

// ─── Baseline: the endpoint's queries, directly ──────────────────────────────────────────────
const versionSql = `SELECT v.id, v.procedure_code, p.code_verified, v.version, v.name, v.field, v.levels, v.agency_codes, v.processing_time,
  v.restart_after_supplement, v.late_receipt_window_minutes, v.fee, v.components, v.result_type, v.legal_basis, v.fully_online,
  v.inter_agency, v.workflow, v.valid_from, v.valid_to, v.status, v.replaced_by, v.content_hash, v.change_note, v.end_note, v.created_at
  FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE v.id = $1`;
let nextSql = 0;
const sqlMeter = await cpuMeter(pool, dbName, warmup * 1000);
const sqlResult = await closedLoop(clients, warmup * 1000, seconds * 1000, async () => {
  const code = codes[nextSql++ % codes.length]!;
  const d = (await pool.query('SELECT * FROM dossiers WHERE upper(code) = upper($1)', [code])).rows[0];
  if (!d) return `${code} not found`;
  const events = (await pool.query('SELECT * FROM dossier_events WHERE dossier_id = $1 ORDER BY seq', [d.id])).rows;
  const agencyIds = [...new Set([d.agency_id, d.handling_agency_id, ...events.map((e) => e.handling_agency_id).filter(Boolean)])];
  await pool.query('SELECT id, code, name, level, path, parent_id FROM agencies WHERE id = ANY ($1)', [agencyIds]);
  await pool.query(versionSql, [d.procedure_version_id]);
  await pool.query('SELECT dossier_id FROM dossier_ratings WHERE dossier_id = $1', [d.id]);
  return true;
});
const sqlCpu = await sqlMeter.stop(sqlResult.completed);
if (sqlResult.failed) throw new Error(`${sqlResult.failed} SQL lookups failed, first: ${sqlResult.firstError}`);
const sql = latencySummary(sqlResult.latencies);
console.log(`  SQL baseline: ${sqlResult.completed.toLocaleString('en-US')} lookups in ${seconds} s = ${Math.round(sqlResult.perSecond).toLocaleString('en-US')}/s; ` +
  `p50 ${ms(sql.p50)}, p99 ${ms(sql.p99)}, p99.9 ${ms(sql.p999)}, max ${ms(sql.max)}`);
console.log(`  ${sqlCpu.text}`);
await pool.end();

record({ bench, metric: 'http_p50_ms', value: http.p50, unit: 'ms', baseline: sql.p50, dataset: dataLabel });
record({ bench, metric: 'http_p99_ms', value: http.p99, unit: 'ms', baseline: sql.p99, dataset: dataLabel });
record({ bench, metric: 'http_p99.9_ms', value: http.p999, unit: 'ms', baseline: sql.p999, dataset: dataLabel });
record({ bench, metric: 'http_lookups_per_s', value: httpRate, unit: 'lookups/s', baseline: sqlResult.perSecond, dataset: dataLabel });
// CPU per lookup (less sensitive than rates to what else runs on the machine): the server process and
// the PostgreSQL backends of the bench database, against the PostgreSQL CPU of the direct SQL.
if (cpu.serverMsPerOp !== undefined) {
  record({ bench, metric: 'server_cpu_ms_per_lookup', value: cpu.serverMsPerOp, unit: 'ms', dataset: dataLabel });
}
if (cpu.pgMsPerOp && sqlCpu.pgMsPerOp) {
  record({ bench, metric: 'postgres_cpu_ms_per_lookup', value: cpu.pgMsPerOp, unit: 'ms', baseline: sqlCpu.pgMsPerOp, dataset: dataLabel });
}
console.log(`  target p99 < 20 ms: ${http.p99 < 20 ? 'met' : 'NOT met'} (${ms(http.p99)} on ${os.cpus().length} cores, load generator on the same machine)`);
