/**
 * VNPay IPNs through the HTTP API (docs/benchmarks.md, docs/payments.md). The real server
 * (separate process, VNPay configured) on a fresh PostgreSQL database `motcua_bench_ipn` with the
 * bench bundle; BENCH_IPN_ORDERS (20 000) pending orders of 50.000 đồng over the 8 bench communes,
 * written directly in SQL beforehand. 8 concurrent clients, one keep-alive connection each, send
 * valid signed IPNs back to back for BENCH_SECONDS (10) after BENCH_WARMUP_SECONDS (2): each order's
 * IPN once (answer 00), and one request in four a replay of an IPN already answered (answer 02).
 * The IPNs are signed before the run: signing is the gateway's work.
 * Baseline (same run, same database, same concurrency, its own orders): the same update done the
 * simplest direct way, a pg.Pool of 8 and per IPN one transaction: lock the order, mark it paid,
 * lock the dossier, take the receipt number, insert the ledger entry, sum the ledger, update the
 * dossier, insert the audit row and the callback row (a replay: lock, see it paid, log the callback).
 * Afterwards: every order answered 00 is paid with exactly one ledger entry, receipt numbers are
 * unique and gap-free per agency and year, and no replay made a second entry.
 */
import { createHmac, randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { localDateOf } from '@motcua/domain';
import { record } from './lib.ts';
import { Client, benchCommunes, closedLoop, cpuMeter, latencySummary, machineContext, ms, postgresSettings, prepareDatabase, startBenchServer } from './support.ts';
import { gatewayTimestamp } from '../apps/server/src/infra/payments/gateway-text.ts';
import { vnpayCanonical } from '../apps/server/src/infra/payments/vnpay.ts';
import { receiptSymbolOf } from '../apps/server/src/modules/payments/fee-ledger.repository.ts';

const bench = 'ipn';
const dbName = 'motcua_bench_ipn';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ordersPerSide = Number(process.env.BENCH_IPN_ORDERS ?? 20_000);
const clients = 8;
const fee = 50_000;
const merchant = { tmnCode: 'BENCH001', hashSecret: 'bench-ipn-hash-secret-0123456789' };

console.log(`  ${machineContext()}`);
const { url, handle } = await prepareDatabase(dbName, { fresh: true });
await handle.close();
const pool = new pg.Pool({ connectionString: url, max: clients, application_name: 'motcua-bench-ipn' });
console.log(`  ${await postgresSettings(pool)}`);

// ─── Orders, written directly: 2 × N received dossiers owing 50.000 đồng, one pending order each ───
const runId = randomUUID().slice(0, 6).toUpperCase();
const version = (await pool.query(`SELECT id, procedure_code, field FROM procedure_versions WHERE procedure_code = '1.000894' ORDER BY version DESC LIMIT 1`)).rows[0];
const agencyIds = (await pool.query<{ id: string }>(`SELECT id FROM agencies WHERE code = ANY($1) ORDER BY code`, [benchCommunes.map((c) => c.code)])).rows.map((r) => r.id);
const setupStarted = performance.now();
const now = new Date();
const terms = JSON.stringify({ currency: 'VND', amount: fee, items: [{ kind: 'charge', label: 'Lệ phí', amount: fee }], payBeforeProcessing: true, legalBasis: null });
await pool.query(`
  INSERT INTO dossiers (code, agency_id, handling_agency_id, procedure_version_id, procedure_code, field, channel, result_delivery, status, national_status,
    step_index, participant, applicant_kind, applicant_name, applicant, components, sets, fee_amount, fee_terms, fee_paid, submitted_at, received_at, due_at,
    clock_due_at, digitized, imported)
  SELECT 'IPN-' || $1 || '-' || g, ($2::uuid[])[1 + g % 8], ($2::uuid[])[1 + g % 8], $3, $4, $5, 'online', 'counter', 'received', 6, 0, 0, 'citizen',
    'Nguyễn Văn Bench', '{"kind":"citizen","name":"Nguyễn Văn Bench"}', '[]', 1, $6, $7, false, $8, $8, $8::timestamptz + interval '7 days',
    $8::timestamptz + interval '7 days', false, false
  FROM generate_series(1, $9::int) g`,
[runId, agencyIds, version.id, version.procedure_code, version.field, fee, terms, now, 2 * ordersPerSide]);
await pool.query(`
  INSERT INTO payment_orders (reference, dossier_id, agency_id, provider, amount, created_at, expires_at)
  SELECT d.code || '-BENCH', d.id, d.agency_id, 'vnpay', $2, $3, $3::timestamptz + interval '1 day'
  FROM dossiers d WHERE d.code LIKE 'IPN-' || $1 || '-%'`, [runId, fee, now]);
await pool.query('ANALYZE');
const references = (await pool.query<{ reference: string }>(`SELECT reference FROM payment_orders WHERE reference LIKE $1 ORDER BY id`, [`IPN-${runId}-%`])).rows.map((r) => r.reference);
const httpOrders = references.slice(0, ordersPerSide);
const sqlOrders = references.slice(ordersPerSide);
console.log(`  setup: ${references.length.toLocaleString('en-US')} dossiers and pending orders in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

/** The IPN VNPay sends for a paid order, as a query string, signed as the gateway signs it. */
function signedIpn(reference: string, transactionNo: number): string {
  const params: Record<string, string> = {
    vnp_Amount: String(fee * 100), vnp_BankCode: 'NCB', vnp_BankTranNo: `VNP${transactionNo}`, vnp_CardType: 'ATM', vnp_OrderInfo: `Thanh toan phi le phi ho so ${reference}`,
    vnp_PayDate: gatewayTimestamp(now), vnp_ResponseCode: '00', vnp_TmnCode: merchant.tmnCode, vnp_TransactionNo: String(transactionNo), vnp_TransactionStatus: '00',
    vnp_TxnRef: reference,
  };
  const canonical = vnpayCanonical(params);
  return `${canonical}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${createHmac('sha512', merchant.hashSecret).update(canonical).digest('hex')}`;
}
const ipns = httpOrders.map((r, i) => signedIpn(r, 10_000_000 + i));

// ─── Through the HTTP API ────────────────────────────────────────────────────────────────────
const server = await startBenchServer(url, bench, {
  JOBS: 'off',
  VNPAY_TMN_CODE: merchant.tmnCode,
  VNPAY_HASH_SECRET: merchant.hashSecret,
  VNPAY_PAYMENT_URL: 'http://127.0.0.1:9/paymentv2/vpcpay.html',
  VNPAY_API_URL: 'http://127.0.0.1:9/merchant_webapi/api/transaction',
  PAYMENT_CALLBACK_RATE_LIMIT: '1000000',
});
let next = 0;
const answered = { '00': 0, '02': 0 };
const confirmed = new Set<string>();
let httpResult: Awaited<ReturnType<typeof closedLoop>>;
let cpuText = '';
let serverMsPerOp: number | undefined;
try {
  const conns = Array.from({ length: clients }, () => new Client(server.baseUrl));
  const meter = await cpuMeter(pool, dbName, warmup * 1000);
  let replayPick = 0;
  httpResult = await closedLoop(clients, warmup * 1000, seconds * 1000, async (c) => {
    // One request in four replays an IPN already confirmed (as VNPay does when it misses an answer).
    const replay = confirmed.size > 0 && (replayPick++ % 4 === 3 || next >= ipns.length);
    const index = replay ? Math.floor(Math.random() * Math.min(next, ipns.length)) : next++;
    const reference = httpOrders[index]!;
    const wasConfirmed = confirmed.has(reference);
    const r = await conns[c]!.request('GET', `/api/v1/payments/vnpay/ipn?${ipns[index]}`);
    if (r.status !== 200) return `${r.status} ${r.body.slice(0, 200)}`;
    const code = (JSON.parse(r.body) as { RspCode: string }).RspCode;
    if (code !== '00' && code !== '02') return `answered ${r.body}`;
    // An order confirmed before this request was sent must be answered 02; a replay racing the
    // order's first IPN may be the one answered 00.
    if (wasConfirmed && code === '00') return `${reference} confirmed twice`;
    if (code === '00') confirmed.add(reference);
    answered[code]++;
    return true;
  });
  const cpu = await meter.stop(httpResult.completed);
  cpuText = cpu.text;
  serverMsPerOp = cpu.serverMsPerOp;
  conns.forEach((x) => x.close());
} finally {
  await server.stop();
}
if (httpResult.failed) throw new Error(`${httpResult.failed} IPNs failed, first: ${httpResult.firstError}`);
const http = latencySummary(httpResult.latencies);
console.log(`  HTTP: ${httpResult.completed.toLocaleString('en-US')} IPNs in ${seconds} s = ${Math.round(httpResult.perSecond).toLocaleString('en-US')} IPNs/s ` +
  `(${answered['00'].toLocaleString('en-US')} answered 00, ${answered['02'].toLocaleString('en-US')} replays answered 02, warm-up included); ` +
  `p50 ${ms(http.p50)}, p99 ${ms(http.p99)}, p99.9 ${ms(http.p999)}, max ${ms(http.max)}`);
console.log(`  ${cpuText}`);

async function verify(label: string, paidExpected: number) {
  const r = (await pool.query(`
    SELECT (SELECT count(*) FROM payment_orders WHERE status = 'paid') AS paid,
           (SELECT count(*) FROM fee_entries) AS entries,
           (SELECT count(*) FROM (SELECT order_id FROM fee_entries GROUP BY order_id HAVING count(*) > 1) x) AS doubled,
           (SELECT count(*) FROM payment_orders o WHERE status = 'paid' AND NOT EXISTS (SELECT 1 FROM fee_entries e WHERE e.order_id = o.id)) AS paid_without_entry,
           (SELECT count(*) FROM (SELECT agency_id, receipt_year, count(*) AS n, max(receipt_number) AS last, count(DISTINCT receipt_number) AS distinct_numbers
              FROM fee_entries GROUP BY 1, 2) s WHERE n <> last OR n <> distinct_numbers) AS series_with_gaps,
           (SELECT count(*) FROM dossiers d WHERE fee_paid <> EXISTS (SELECT 1 FROM fee_entries e WHERE e.dossier_id = d.id)) AS fee_paid_wrong`)).rows[0];
  const n = (k: string) => Number(r[k]);
  const problems: string[] = [];
  if (n('paid') !== paidExpected) problems.push(`${n('paid')} orders paid, ${paidExpected} confirmed`);
  if (n('entries') !== n('paid')) problems.push(`${n('entries')} ledger entries for ${n('paid')} paid orders`);
  if (n('doubled')) problems.push(`${n('doubled')} orders with two entries`);
  if (n('paid_without_entry')) problems.push(`${n('paid_without_entry')} paid orders without an entry`);
  if (n('series_with_gaps')) problems.push(`${n('series_with_gaps')} receipt series with gaps or repeats`);
  if (n('fee_paid_wrong')) problems.push(`${n('fee_paid_wrong')} dossiers whose fee_paid disagrees with the ledger`);
  if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
  console.log(`  verified ${label}: ${n('paid').toLocaleString('en-US')} orders paid = confirmed, one ledger entry each, receipt numbers gap-free per agency and year, fee_paid in line`);
}
await verify('after the HTTP run', confirmed.size);

// ─── Baseline: the same update, directly in SQL ──────────────────────────────────────────────
const year = Number(localDateOf(Date.now()).slice(0, 4));
let sqlNext = 0;
const sqlPaid = new Set<string>();
let sqlReplays = 0;
const sqlMeter = await cpuMeter(pool, dbName, warmup * 1000);
let sqlPick = 0;
const sqlResult = await closedLoop(clients, warmup * 1000, seconds * 1000, async () => {
  const replay = sqlPaid.size > 0 && (sqlPick++ % 4 === 3 || sqlNext >= sqlOrders.length);
  const reference = replay ? sqlOrders[Math.floor(Math.random() * Math.min(sqlNext, sqlOrders.length))]! : sqlOrders[sqlNext++]!;
  const at = new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const order = (await client.query(`SELECT id, dossier_id, agency_id, amount, status FROM payment_orders WHERE reference = $1 FOR UPDATE`, [reference])).rows[0];
    if (order.status === 'paid') {
      await client.query(`INSERT INTO payment_callbacks (provider, kind, order_id, reference, params, answer_code, outcome, received_at) VALUES ('vnpay', 'ipn', $1, $2, $3, '02', 'replay', $4)`,
        [order.id, reference, JSON.stringify({ vnp_TxnRef: reference }), at]);
      await client.query('COMMIT');
      sqlReplays++;
      return true;
    }
    await client.query(`UPDATE payment_orders SET status = 'paid', settled_at = $2, paid_at = $2, provider_transaction_no = $3, bank_code = 'NCB', response_code = '00' WHERE id = $1`,
      [order.id, at, String(20_000_000 + sqlNext)]);
    await client.query(`SELECT id FROM dossiers WHERE id = $1 FOR UPDATE`, [order.dossier_id]);
    const receipt = (await client.query(
      `INSERT INTO receipt_series (agency_id, year, symbol, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = receipt_series.last_number + 1 RETURNING last_number`,
      [order.agency_id, year, receiptSymbolOf(year)],
    )).rows[0].last_number as number;
    const entry = (await client.query(
      `INSERT INTO fee_entries (dossier_id, agency_id, kind, method, amount, order_id, receipt_year, receipt_number, receipt_symbol, reason, recorded_at)
       VALUES ($1, $2, 'payment', 'online', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [order.dossier_id, order.agency_id, order.amount, order.id, year, receipt, receiptSymbolOf(year), `vnpay ${reference}`, at],
    )).rows[0].id as string;
    await client.query(`SELECT id, kind, amount, reverses FROM fee_entries WHERE dossier_id = $1`, [order.dossier_id]);
    await client.query(`UPDATE dossiers SET fee_paid = true, national_status = 2, updated_at = $2 WHERE id = $1`, [order.dossier_id, at]);
    await client.query(`INSERT INTO audit_events (at, actor_kind, actor_name, action, entity_type, entity_id, agency_id, details) VALUES ($1, 'anonymous', 'Cổng thanh toán VNPAY (IPN)', 'fee.payment', 'dossier', $2, $3, $4)`,
      [at, reference, order.agency_id, JSON.stringify({ entryId: entry, amount: order.amount, method: 'online', orderId: order.id })]);
    await client.query(`INSERT INTO payment_callbacks (provider, kind, order_id, reference, params, answer_code, outcome, received_at) VALUES ('vnpay', 'ipn', $1, $2, $3, '00', 'paid', $4)`,
      [order.id, reference, JSON.stringify({ vnp_TxnRef: reference }), at]);
    await client.query('COMMIT');
    sqlPaid.add(reference);
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    return String(error);
  } finally {
    client.release();
  }
});
const sqlCpu = await sqlMeter.stop(sqlResult.completed);
if (sqlResult.failed) throw new Error(`${sqlResult.failed} SQL IPNs failed, first: ${sqlResult.firstError}`);
const sql = latencySummary(sqlResult.latencies);
console.log(`  SQL baseline: ${sqlResult.completed.toLocaleString('en-US')} IPNs in ${seconds} s = ${Math.round(sqlResult.perSecond).toLocaleString('en-US')} IPNs/s ` +
  `(${sqlPaid.size.toLocaleString('en-US')} paid, ${sqlReplays.toLocaleString('en-US')} replays); p50 ${ms(sql.p50)}, p99 ${ms(sql.p99)}, p99.9 ${ms(sql.p999)}, max ${ms(sql.max)}`);
console.log(`  ${sqlCpu.text}`);
await verify('after the SQL baseline too', confirmed.size + sqlPaid.size);
await pool.end();

const dataLabel = `fresh database, bench bundle, ${(2 * ordersPerSide).toLocaleString('en-US')} pending orders over 8 communes, ${clients} clients, one request in four a replay`;
record({ bench, metric: 'http_ipn_per_s', value: httpResult.perSecond, unit: 'IPNs/s', baseline: sqlResult.perSecond, dataset: dataLabel });
record({ bench, metric: 'http_p50_ms', value: http.p50, unit: 'ms', baseline: sql.p50, dataset: dataLabel });
record({ bench, metric: 'http_p99_ms', value: http.p99, unit: 'ms', baseline: sql.p99, dataset: dataLabel });
if (serverMsPerOp !== undefined) record({ bench, metric: 'server_cpu_ms_per_ipn', value: serverMsPerOp, unit: 'ms', dataset: dataLabel });
const share = httpResult.perSecond / sqlResult.perSecond;
console.log(`  HTTP / SQL: ${share.toFixed(2)} of the direct SQL rate in the same run (machine load average ${os.loadavg()[0]!.toFixed(1)})`);
