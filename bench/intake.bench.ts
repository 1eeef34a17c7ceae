/**
 * Counter intake through the HTTP API (docs/benchmarks.md: at least half the rate of the same rows
 * written directly in SQL in the same run). The real server (separate process) on a fresh PostgreSQL
 * database `motcua_bench_intake` with the bench bundle (demo + 8 communes, one officer each).
 * 8 concurrent clients — one officer each, signed in over HTTP, one keep-alive connection each —
 * POST /api/v1/dossiers back to back for BENCH_SECONDS (10) after a BENCH_WARMUP_SECONDS (2)
 * warm-up (`BENCH_SERVERS` server processes on the database, default 1): procedure 1.000894 (marriage registration), a citizen with a Vietnamese name, ID number,
 * phone and address, both components received, an Idempotency-Key per request.
 * Baseline (same run, same database, same concurrency): the same rows written the simplest direct
 * way, a pg.Pool of 8 and per intake one transaction: the daily code counter
 * (INSERT … ON CONFLICT … DO UPDATE … RETURNING), the dossier row, its two event rows, the audit
 * row, the idempotency key row (with a stored answer of the API's size) and, when the API writes one,
 * the applicant's notification in the outbox (the same row, docs/rules/notifications.md; the dispatcher is off here).
 * Afterwards: every acknowledged dossier is there once, codes are unique and gap-free per agency
 * and day, every dossier has its 2 events, and a retried request creates nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { formatDossierCode, localDateOf } from '@motcua/domain';
import { record } from './lib.ts';
import { femaleGivenNames, femaleMiddleNames, familyNames, maleGivenNames, maleMiddleNames, villages } from './datasets.ts';
import {
  benchCommunes, closedLoop, cpuMeter, type CpuReport, latencySummary, machineContext, ms, postgresSettings, prepareDatabase, signIn, startBenchServer,
  statementMeter, statementTable, type Client,
} from './support.ts';
import { seededRandom as random } from '../apps/server/src/demo/random.ts';

const bench = 'intake';
const dbName = 'motcua_bench_intake';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const clients = 8;
const serverCount = Number(process.env.BENCH_SERVERS ?? 1);
const procedureCode = '1.000894';

console.log(`  ${machineContext()}`);
const { url, handle } = await prepareDatabase(dbName, { fresh: true });
await handle.close();
const pool = new pg.Pool({ connectionString: url, max: clients, application_name: 'motcua-bench-intake' });
console.log(`  ${await postgresSettings(pool)}`);
const statements = await statementMeter(pool, dbName);
if (!statements) console.log('  (pg_stat_statements is not loaded: no statements per intake; docs/benchmarks.md tells how to enable it)');

/** Counts the operations completed after the warm-up, when the statement counters are reset. */
function statementWindow() {
  const w = { open: false, ops: 0 };
  setTimeout(() => {
    w.open = true;
    void statements?.reset();
  }, warmup * 1000);
  return w;
}

const rand = random(20_250_701);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const families = familyNames.flatMap(([name, w]) => Array<string>(Math.max(1, Math.round(w / 10))).fill(name));

/** A realistic counter intake of a marriage registration for client `c` (commune c). */
function intakeBody(c: number) {
  const male = rand() < 0.5;
  const name = `${pick(families)} ${male ? pick(maleMiddleNames) : pick(femaleMiddleNames)} ${male ? pick(maleGivenNames) : pick(femaleGivenNames)}`;
  const year = 1970 + Math.floor(rand() * 36);
  return {
    procedureCode,
    channel: 'counter',
    applicant: {
      kind: 'citizen',
      name,
      idNumber: `036${year < 2000 ? (male ? 0 : 1) : male ? 2 : 3}${String(year % 100).padStart(2, '0')}${digits(6)}`,
      phone: `09${digits(1)} ${digits(3)} ${digits(3)}`,
      address: `${pick(villages)}, ${benchCommunes[c]!.name.replace('Ủy ban nhân dân ', '')}, tỉnh Ninh Bình`,
    },
    components: [
      { index: 0, received: true },
      { index: 1, received: true },
    ],
    sets: 1,
    resultDelivery: 'counter',
    decision: 'receive',
  };
}

const runId = randomUUID().slice(0, 8);
const dataLabel = `fresh database, bench bundle (demo + 8 communes), procedure ${procedureCode}, ${clients} clients (one officer and commune each)` +
  `${serverCount > 1 ? `, ${serverCount} server processes` : ''}, notifications on`;

// ─── Through the HTTP API ────────────────────────────────────────────────────────────────────
// The outbox rows are written by the intake; sending them is the `notify` bench's measure, so the
// dispatcher does not run in this server (as with `motcua worker` in a process of its own).
// BENCH_SERVERS processes on the one database (one per core is how a 2-core machine would run it);
// the clients are spread over them.
const servers = await Promise.all(Array.from({ length: serverCount }, (_, i) => startBenchServer(url, `${bench}-${i + 1}`, { JOBS: 'off' })));
let http: ReturnType<typeof latencySummary>;
let httpRate: number;
let cpu: CpuReport;
let apiCreated = 0;
const apiCodes = new Set<string>();
let sampleResponse = '';
let httpStatements = '';
try {
  const sessions: Client[] = [];
  for (const [i, c] of benchCommunes.slice(0, clients).entries()) sessions.push(await signIn(servers[i % serverCount]!.baseUrl, c.officer));

  const meter = await cpuMeter(pool, dbName, warmup * 1000);
  const window = statementWindow();
  const result = await closedLoop(clients, warmup * 1000, seconds * 1000, async (c, i) => {
    const r = await sessions[c]!.request('POST', '/api/v1/dossiers', intakeBody(c), { 'idempotency-key': `bench-${runId}-${c}-${i}` });
    if (r.status !== 201) return `${r.status} ${r.body.slice(0, 300)}`;
    apiCreated++;
    if (window.open) window.ops++;
    // The answer starts {"id":N,"code":"…": read the code without parsing 3 kB of JSON when it does.
    const code = /^\{"id":\d+,"code":"([^"]+)"/.exec(r.body)?.[1] ?? (JSON.parse(r.body) as { code?: string }).code;
    if (!code) return `no code in the answer ${r.body.slice(0, 100)}`;
    apiCodes.add(code);
    if (!sampleResponse) sampleResponse = r.body;
    return true;
  });
  cpu = await meter.stop(result.completed);
  if (statements) httpStatements = statementTable('HTTP statements per intake', await statements.report(window.ops));
  if (result.failed) throw new Error(`${result.failed} intakes failed, first: ${result.firstError}`);
  http = latencySummary(result.latencies);
  httpRate = result.perSecond;
  console.log(`  HTTP: ${result.completed.toLocaleString('en-US')} intakes in ${seconds} s = ${Math.round(httpRate).toLocaleString('en-US')} dossiers/s; ` +
    `p50 ${ms(http.p50)}, p99 ${ms(http.p99)}, p99.9 ${ms(http.p999)}, max ${ms(http.max)}`);
  console.log(`  ${cpu.text}`);
  if (httpStatements) console.log(httpStatements);

  // A retry with the same Idempotency-Key answers the first dossier again and creates nothing.
  const before = Number((await pool.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
  const retried = intakeBody(0);
  const replay = await sessions[0]!.request('POST', '/api/v1/dossiers', retried, { 'idempotency-key': `bench-${runId}-replay` });
  const again = await sessions[0]!.request('POST', '/api/v1/dossiers', retried, { 'idempotency-key': `bench-${runId}-replay` });
  const after = Number((await pool.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
  const sameCode = JSON.parse(replay.body).code === JSON.parse(again.body).code;
  if (replay.status !== 201 || again.status !== 201 || again.headers['idempotent-replayed'] !== 'true' || !sameCode || after !== before + 1) {
    throw new Error(`idempotent retry: ${replay.status}/${again.status} replayed=${again.headers['idempotent-replayed']} same code ${sameCode}, ${before} → ${after} dossiers`);
  }
  apiCreated++;
  apiCodes.add(JSON.parse(replay.body).code);
  console.log(`  retry with the same Idempotency-Key: answered ${JSON.parse(again.body).code} again (idempotent-replayed: true), no second dossier`);
  sessions.forEach((s) => s.close());
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}

// Correctness of what the API wrote, before the baseline adds its own rows.
async function verify(label: string, expected: number, codes?: Set<string>) {
  const r = (await pool.query(`
    SELECT (SELECT count(*) FROM dossiers) AS dossiers,
           (SELECT count(DISTINCT code) FROM dossiers) AS codes,
           (SELECT count(*) FROM dossiers d WHERE (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id) <> 2) AS without_two_events,
           (SELECT count(*) FROM dossier_events) AS events,
           (SELECT count(*) FROM audit_events WHERE action = 'dossier.created') AS audits,
           (SELECT count(*) FROM idempotency_keys) AS keys,
           (SELECT count(*) FROM notifications) AS messages,
           (SELECT count(*) FROM dossiers d WHERE (SELECT count(*) FROM notifications n WHERE n.dossier_id = d.id) <> $1) AS without_messages,
           (SELECT count(*) FROM (
              SELECT agency_id, split_part(code, '-', 2) AS day, count(*) AS n, max(split_part(code, '-', 3)::int) AS last
              FROM dossiers GROUP BY 1, 2) x WHERE n <> last) AS gaps`, [messagesPerIntake])).rows[0];
  const n = (k: string) => Number(r[k]);
  const problems: string[] = [];
  if (n('dossiers') !== expected) problems.push(`${n('dossiers')} dossiers, ${expected} acknowledged`);
  if (n('codes') !== n('dossiers')) problems.push(`${n('dossiers') - n('codes')} duplicate codes`);
  if (n('without_two_events')) problems.push(`${n('without_two_events')} dossiers without exactly 2 events`);
  if (n('events') !== 2 * n('dossiers')) problems.push(`${n('events')} events for ${n('dossiers')} dossiers`);
  if (n('audits') !== n('dossiers')) problems.push(`${n('audits')} audit rows`);
  if (n('keys') !== n('dossiers')) problems.push(`${n('keys')} idempotency keys`);
  if (n('without_messages')) problems.push(`${n('without_messages')} dossiers without ${messagesPerIntake} outbox message(s)`);
  if (n('gaps')) problems.push(`${n('gaps')} agency-days whose sequence has gaps`);
  if (codes) {
    const stored = new Set((await pool.query<{ code: string }>('SELECT code FROM dossiers')).rows.map((x) => x.code));
    const missing = [...codes].filter((c) => !stored.has(c));
    if (missing.length) problems.push(`${missing.length} acknowledged codes missing, e.g. ${missing[0]}`);
  }
  if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
  console.log(`  verified ${label}: ${n('dossiers').toLocaleString('en-US')} dossiers = acknowledged, codes unique and gap-free per agency and day, ` +
    `2 events, 1 audit row, 1 idempotency key and ${messagesPerIntake} outbox message(s) each`);
}
/**
 * The baseline writes the same rows: the columns a dossier of the API and one of the baseline leave
 * NULL are the same, in the dossier, its events, its audit row and its outbox message (the report
 * aggregates' trigger, for one, counts by which instants are set).
 */
async function sameColumns(api: Set<string>) {
  const setColumns = async (code: string) => (await pool.query<{ t: string; keys: string[] }>(`
    SELECT t, array_agg(k ORDER BY k) AS keys FROM (
      SELECT 'dossiers' AS t, key AS k FROM dossiers d, jsonb_each(to_jsonb(d)) WHERE d.code = $1 AND value <> 'null'
      UNION ALL SELECT 'event ' || e.seq, key FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id, jsonb_each(to_jsonb(e)) WHERE d.code = $1 AND value <> 'null'
      UNION ALL SELECT 'audit_events', key FROM audit_events a, jsonb_each(to_jsonb(a)) WHERE a.entity_id = $1 AND value <> 'null'
      UNION ALL SELECT 'notifications', key FROM dossiers d JOIN notifications n ON n.dossier_id = d.id, jsonb_each(to_jsonb(n)) WHERE d.code = $1 AND value <> 'null'
    ) x GROUP BY t ORDER BY t`, [code])).rows.map((r) => `${r.t}: ${r.keys.join(', ')}`);
  const baselineCode = (await pool.query<{ code: string }>(`SELECT code FROM dossiers ORDER BY id DESC LIMIT 1`)).rows[0]!.code;
  const [a, b] = [await setColumns([...api][0]!), await setColumns(baselineCode)];
  const differing = a.filter((x) => !b.includes(x)).concat(b.filter((x) => !a.includes(x)));
  if (differing.length) throw new Error(`the baseline does not write the same columns as the API:\n    ${differing.join('\n    ')}`);
  console.log(`  verified: the baseline's rows set the same columns as the API's (${a.length} tables and events compared)`);
}
// The applicant is told of the receipt (docs/rules/notifications.md): one outbox row per address the dossier gives.
const messagesPerIntake = Number((await pool.query('SELECT count(*) AS n FROM notifications')).rows[0].n) / apiCreated;
if (!Number.isInteger(messagesPerIntake)) throw new Error(`${messagesPerIntake} outbox messages per intake`);
await verify('after the HTTP run', apiCreated, apiCodes);

// ─── Baseline: the same rows, directly in SQL ────────────────────────────────────────────────
const officers = new Map((await pool.query<{ username: string; id: string }>(`SELECT username, id FROM users WHERE username LIKE 'bench.officer.%'`)).rows.map((r) => [r.username, r.id]));
const agencies = new Map((await pool.query<{ code: string; id: string; counter: string | null }>(
  `SELECT a.code, a.id, (SELECT c.id FROM counters c WHERE c.agency_id = a.id AND c.active ORDER BY c.code LIMIT 1) AS counter FROM agencies a`,
)).rows.map((r) => [r.code, r]));
const version = (await pool.query(`SELECT id, procedure_code, field, components, workflow FROM procedure_versions WHERE procedure_code = $1 ORDER BY version DESC LIMIT 1`, [procedureCode])).rows[0];
const components = (version.components as Array<Record<string, unknown>>).map((c, index) => ({ ...c, index, received: true, fileIds: [], digitized: false }));
const responseTemplate = JSON.parse(sampleResponse) as Record<string, unknown>;
// The API's message for the sample answer, as the baseline's template (its variables name the dossier).
const messageTemplate = messagesPerIntake
  ? (await pool.query(`SELECT kind, channel, recipient_kind, locale, variables FROM notifications WHERE dossier_id = $1`, [responseTemplate.id])).rows[0]
  : undefined;
// What the API fixed at reception for the sample (fee terms, amount, national status): the baseline writes the same.
const fee = (await pool.query(`SELECT fee_amount, fee_terms, national_status FROM dossiers WHERE id = $1`, [responseTemplate.id])).rows[0] as {
  fee_amount: number; fee_terms: unknown; national_status: number | null;
};
const insertMessage = `INSERT INTO notifications (kind, channel, recipient_kind, destination, locale, dossier_id, agency_id, variables, next_attempt_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`;
// overdue_from: an open dossier's appointment as the report compares it (migration 0015); with it the
// report aggregates' trigger adds the due day's row too, as it does for the API's dossiers.
const insertDossier = `INSERT INTO dossiers (code, agency_id, handling_agency_id, counter_id, procedure_version_id, procedure_code, field, channel,
  result_delivery, status, national_status, step_index, participant, applicant_kind, applicant_name, applicant_id_number, applicant_phone,
  applicant_address, applicant, components, sets, fee_amount, fee_paid, fee_terms, submitted_at, received_at, due_at, clock_due_at, overdue_from, digitized, imported)
  VALUES ($1, $2, $2, $3, $4, $5, $6, 'counter', 'counter', 'received', $16, 0, 0, 'citizen', $7, $8, $9, $10, $11, $12, 1, $15, false, $17, $13, $13, $14, $14, $14, false, false)
  RETURNING id`;
const insertEvents = `INSERT INTO dossier_events (dossier_id, seq, action, at, actor_kind, actor_id, actor_name, actor_role, from_status, to_status,
  step_index, step_name, participant, handling_agency_id, step_due_at, clock_due_at, data, form, request_id) VALUES
  ($1, 1, 'submit', $2, 'staff', $3, $4, 'officer', NULL, 'submitted', NULL, NULL, 0, $5, NULL, NULL, $6, NULL, $7),
  ($1, 2, 'receive', $2, 'staff', $3, $4, 'officer', 'submitted', 'received', 0, $8, 0, $5, $9, $10, '{}', '01', $7)`;
const insertAudit = `INSERT INTO audit_events (at, actor_kind, actor_id, actor_name, action, entity_type, entity_id, agency_id, ip, request_id, details)
  VALUES ($1, 'staff', $2, $3, 'dossier.created', 'dossier', $4, $5, '127.0.0.1', $6, $7)`;
const insertKey = `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response) VALUES ($1, $2, $3, 201, $4)`;
let sqlCreated = 0;
const sqlMeter = await cpuMeter(pool, dbName, warmup * 1000);
const sqlWindow = statementWindow();
const sqlResult = await closedLoop(clients, warmup * 1000, seconds * 1000, async (c, i) => {
  const commune = benchCommunes[c]!;
  const agency = agencies.get(commune.code)!;
  const userId = officers.get(commune.officer)!;
  const body = intakeBody(c);
  const now = new Date();
  const due = new Date(now.getTime() + 7 * 86_400_000);
  const localDate = localDateOf(now.getTime());
  const requestId = randomUUID();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const seq = (await client.query(
      `INSERT INTO dossier_code_counters (agency_id, local_date, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, local_date) DO UPDATE SET last_value = dossier_code_counters.last_value + 1 RETURNING last_value`,
      [agency.id, localDate],
    )).rows[0].last_value as number;
    const code = formatDossierCode(commune.code, localDate, seq);
    const id = (await client.query(insertDossier, [
      code, agency.id, agency.counter, version.id, version.procedure_code, version.field, body.applicant.name, body.applicant.idNumber,
      body.applicant.phone, body.applicant.address, JSON.stringify(body.applicant), JSON.stringify(components), now, due,
      fee.fee_amount, fee.national_status, fee.fee_terms === null ? null : JSON.stringify(fee.fee_terms),
    ])).rows[0].id as number;
    await client.query(insertEvents, [
      id, now, userId, commune.officer, agency.id, JSON.stringify({ channel: 'counter' }), requestId, version.workflow[0].name,
      new Date(now.getTime() + 4 * 3_600_000), due,
    ]);
    await client.query(insertAudit, [now, userId, commune.officer, code, agency.id, requestId,
      JSON.stringify({ channel: 'counter', procedure: procedureCode, status: 'received' })]);
    if (messageTemplate) {
      const t = messageTemplate as { kind: string; channel: string; recipient_kind: string; locale: string; variables: Record<string, unknown> };
      const variables = { ...t.variables, code, recipientName: body.applicant.name, link: String(t.variables.link).replace(String(t.variables.code), code) };
      await client.query(insertMessage, [t.kind, t.channel, t.recipient_kind, body.applicant.phone, t.locale, id, agency.id, JSON.stringify(variables), now]);
    }
    const hash = createHash('sha256').update(JSON.stringify(['/api/v1/dossiers', body])).digest('hex');
    await client.query(insertKey, [`staff:${userId} POST /api/v1/dossiers`, `sql-${runId}-${c}-${i}`, hash,
      JSON.stringify({ ...responseTemplate, id, code, applicant: body.applicant })]);
    await client.query('COMMIT');
    sqlCreated++;
    if (sqlWindow.open) sqlWindow.ops++;
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    return String(error);
  } finally {
    client.release();
  }
});
const sqlCpu = await sqlMeter.stop(sqlResult.completed);
const sqlStatements = statements ? statementTable('SQL baseline statements per intake', await statements.report(sqlWindow.ops)) : '';
if (sqlResult.failed) throw new Error(`${sqlResult.failed} SQL intakes failed, first: ${sqlResult.firstError}`);
const sql = latencySummary(sqlResult.latencies);
console.log(`  SQL baseline: ${sqlResult.completed.toLocaleString('en-US')} intakes in ${seconds} s = ${Math.round(sqlResult.perSecond).toLocaleString('en-US')} dossiers/s; ` +
  `p50 ${ms(sql.p50)}, p99 ${ms(sql.p99)}, p99.9 ${ms(sql.p999)}, max ${ms(sql.max)}`);
console.log(`  ${sqlCpu.text}`);
if (sqlStatements) console.log(sqlStatements);
await verify('after the SQL baseline too', apiCreated + sqlCreated);
await sameColumns(apiCodes);
await pool.end();

record({ bench, metric: 'http_dossiers_per_s', value: httpRate, unit: 'dossiers/s', baseline: sqlResult.perSecond, dataset: dataLabel });
record({ bench, metric: 'http_p50_ms', value: http.p50, unit: 'ms', baseline: sql.p50, dataset: dataLabel });
record({ bench, metric: 'http_p99_ms', value: http.p99, unit: 'ms', baseline: sql.p99, dataset: dataLabel });
// CPU per dossier (less sensitive than rates to what else runs on the machine): the server process and
// the PostgreSQL backends of the bench database, against the PostgreSQL CPU of the direct SQL.
if (cpu.serverMsPerOp !== undefined) {
  record({ bench, metric: 'server_cpu_ms_per_dossier', value: cpu.serverMsPerOp, unit: 'ms', dataset: dataLabel });
}
if (cpu.pgMsPerOp && sqlCpu.pgMsPerOp) {
  record({ bench, metric: 'postgres_cpu_ms_per_dossier', value: cpu.pgMsPerOp, unit: 'ms', baseline: sqlCpu.pgMsPerOp, dataset: dataLabel });
}
const share = httpRate / sqlResult.perSecond;
console.log(`  bar ≥ 0.5 of the SQL rate in the same run: ${share >= 0.5 ? 'met' : 'NOT met'} (${share.toFixed(2)}, machine load average ${os.loadavg()[0]!.toFixed(1)})`);
