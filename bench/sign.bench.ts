/**
 * Signing (docs/benchmarks.md): PAdES signatures per second on one core, and the latency of the
 * public verification page's data.
 * 1. `signPdf` (PAdES B-B with the person's signature picture in the slot of a receipt rendered by
 *    the forms engine: parse the PDF, draw the appearance, append the incremental update, build the
 *    CMS, sign) back to back for BENCH_SIGN_SECONDS (5). Baseline, same run, same RSA key, same
 *    bytes: the CMS signature alone (`createCadesSignature` over the SHA-256 of the same PDF),
 *    what a signature costs without the PDF work. The ratio is what the PDF work adds.
 * 2. `verifyPdf` of a result signed by the person then by the agency (B-T), per second, for information.
 * 3. `GET /api/v1/public/signed-documents/{id}` (what `/xac-thuc/{id}` shows: the document, its
 *    signers, and its stored file verified — once per file version, then by its SHA-256) on the real server (separate process, PostgreSQL),
 *    BENCH_VERIFY_CLIENTS (4) clients for BENCH_SECONDS (10) after BENCH_WARMUP_SECONDS (2).
 *    Baseline: the same document's row and its agency read directly through a pg.Pool at the same
 *    concurrency. The database `motcua_bench_sign` is recreated each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config.ts';
import { buildDeps } from '../apps/server/src/deps.ts';
import { renderFormDocument } from '../apps/server/src/infra/pdf/index.ts';
import { sha256, createCadesSignature } from '../apps/server/src/infra/signing/cms.ts';
import { createDevRootCa, issueCertificate, keySigner } from '../apps/server/src/infra/signing/dev-ca.ts';
import { signatureImage } from '../apps/server/src/infra/signing/images.ts';
import { signPdf } from '../apps/server/src/infra/signing/pades.ts';
import { verifyPdf } from '../apps/server/src/infra/signing/verify.ts';
import { draftSignedDocument, insertDraft, placementFor } from '../apps/server/src/modules/signed-documents/signed-documents.usecases.ts';
import { recordSignature } from '../apps/server/src/modules/signed-documents/signed-documents.repository.ts';
import { signingServices } from '../apps/server/src/modules/signed-documents/signing.port.ts';
import { receipt } from '../apps/server/test/unit/pdf/fixtures.ts';
import { opsPerSecond, record } from './lib.ts';
import { Client, closedLoop, latencySummary, machineContext, ms, prepareDatabase, startBenchServer } from './support.ts';

const bench = 'sign';
const dbName = 'motcua_bench_sign';
const signSeconds = Number(process.env.BENCH_SIGN_SECONDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const clients = Number(process.env.BENCH_VERIFY_CLIENTS ?? 4);

console.log(`  ${machineContext()}`);

/** Runs `fn` one call after the other for `s` seconds after a short warm-up; calls per second. */
async function sequentialRate(fn: () => Promise<unknown>, s: number): Promise<{ perSecond: number; n: number }> {
  for (let i = 0; i < 3; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < s * 1000) {
    await fn();
    n++;
  }
  return { perSecond: (n / (performance.now() - start)) * 1000, n };
}

// ─── 1. Signatures per second, one core ─────────────────────────────────────────────────────
const root = await createDevRootCa({ commonName: 'Motcua Bench Root CA', organization: 'Motcua' });
const person = await issueCertificate(root, { commonName: 'Đỗ Văn Hùng', organization: 'Ủy ban nhân dân xã Giao Thủy', role: 'person' });
const signer = keySigner(person, 'person');
const { pdf, signatureSlot } = await renderFormDocument(receipt);
if (!signatureSlot) throw new Error('the receipt has no signature slot');
const picture = (await signatureImage('Đỗ Văn Hùng')).png;
const signedAt = new Date();
const placement = { kind: 'image' as const, rect: signatureSlot, png: picture };
const digest = sha256(pdf);
const dataLabel = `form 01 (${(pdf.length / 1024).toFixed(0)} KiB, ${receipt.components.length} components), RSA-2048, SHA-256, B-B, one signature`;

// Correctness first: the bench signs what the product signs, and it verifies.
const sample = await signPdf(pdf, { signer, placement, signedAt });
const checked = await verifyPdf(sample, { roots: [root.certificate] });
if (!checked.valid) throw new Error(`the benchmark's signature does not verify: ${JSON.stringify(checked.signatures[0]?.problems)}`);
console.log(`  checked: the signed receipt verifies (${checked.signatures[0]!.signer}, covers the whole document)`);

const pades = await sequentialRate(() => signPdf(pdf, { signer, placement, signedAt }), signSeconds);
const cms = await sequentialRate(() => createCadesSignature({ signer, messageDigest: digest }), signSeconds);
console.log(`  signPdf: ${pades.n} signatures in ${signSeconds} s = ${pades.perSecond.toFixed(1)}/s; CMS alone: ${cms.perSecond.toFixed(1)}/s`);
record({ bench, metric: 'pades_signatures_per_s', value: pades.perSecond, unit: 'signatures/s', baseline: cms.perSecond, dataset: dataLabel });
record({ bench, metric: 'sha256_of_pdf_per_s', value: opsPerSecond(() => sha256(pdf).length, 1000), unit: 'hashes/s', dataset: dataLabel });

// ─── 2 and 3. The verification page over HTTP ───────────────────────────────────────────────
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-sign-'));
const prepared = await prepareDatabase(dbName, { fresh: true });
const config = loadConfig({ ...process.env, DATABASE_URL: prepared.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const deps = buildDeps(config, prepared.handle.db);
const services = signingServices(deps);
const agency = await prepared.handle.db.selectFrom('agencies').select(['id', 'name']).where('code', '=', '000.41.00.H40').executeTakeFirstOrThrow();
const leader = await prepared.handle.db.selectFrom('users').select(['id', 'full_name']).where('username', '=', 'lanhdao.giaothuy').executeTakeFirstOrThrow();

// A result as the product makes it: stored with its QR, signed by the leader then by the agency (B-T with the development TSA).
const at = new Date();
const draft = await draftSignedDocument(deps, { kind: 'dossier_result', agencyId: agency.id, title: 'Giấy tiếp nhận hồ sơ (bench)', fileName: 'bench.pdf', pdf, signatureSlot, at });
await insertDraft(prepared.handle.db, draft);
let bytes = await readStored(draft.storageKey);
const tsa = services.timestampAuthority();
for (const as of ['person', 'agency'] as const) {
  const key = await services.keyFor(as === 'person' ? { userId: leader.id } : { agencyId: agency.id });
  bytes = await signPdf(bytes, { signer: key.signer, placement: placementFor(as, signatureSlot, key.image, null), signedAt: new Date(), ...(tsa ? { timestamp: tsa } : {}) });
}
const stored = await deps.storage.put(Readable.from([Buffer.from(bytes)]), 50 * 1024 * 1024);
const signatures = (['person', 'agency'] as const).map((as) => ({
  as, signer: as === 'person' ? leader.full_name : agency.name, userId: as === 'person' ? leader.id : null, subject: '', issuer: '', serial: '',
  signedAt: at.toISOString(), timestamped: Boolean(tsa),
}));
await recordSignature(prepared.handle.db, draft.id, { storageKey: stored.key, size: stored.size, sha256: stored.sha256, status: 'signed', signatures, at: new Date() });
const anchors = await services.trustAnchors();
const twice = await verifyPdf(bytes, anchors);
if (!twice.valid || twice.signatures.length !== 2) throw new Error(`the stored result does not verify: ${JSON.stringify(twice.signatures.map((s) => s.problems))}`);
const verifyRate = await sequentialRate(() => verifyPdf(bytes, anchors), signSeconds);
console.log(`  verifyPdf of the twice-signed result (${tsa ? 'B-T' : 'B-B'}): ${verifyRate.perSecond.toFixed(1)}/s`);
record({ bench, metric: 'verify_pdf_per_s', value: verifyRate.perSecond, unit: 'verifications/s', dataset: `result signed by the person then the agency (${tsa ? 'B-T' : 'B-B'}), ${(bytes.length / 1024).toFixed(0)} KiB` });
await prepared.handle.close();

const pool = new pg.Pool({ connectionString: prepared.url, max: clients, application_name: 'motcua-bench-sign' });
const server = await startBenchServer(prepared.url, bench, { DATA_DIR: dataDir });
let http: ReturnType<typeof latencySummary>;
try {
  const conns = Array.from({ length: clients }, () => new Client(server.baseUrl));
  const first = await conns[0]!.request('GET', `/api/v1/public/signed-documents/${draft.id}`);
  const body = JSON.parse(first.body) as { status: string; verification: { valid: boolean; signatures: unknown[] } };
  if (first.status !== 200 || body.status !== 'signed' || !body.verification.valid || body.verification.signatures.length !== 2) {
    throw new Error(`wrong verification answer: ${first.status} ${first.body.slice(0, 400)}`);
  }
  console.log(`  checked: /api/v1/public/signed-documents/${draft.id} says signed, 2 signatures, valid`);
  const result = await closedLoop(clients, warmup * 1000, seconds * 1000, async (c) => {
    const r = await conns[c]!.request('GET', `/api/v1/public/signed-documents/${draft.id}`);
    return r.status === 200 ? true : `${r.status} ${r.body.slice(0, 200)}`;
  });
  if (result.failed) throw new Error(`${result.failed} requests failed, first: ${result.firstError}`);
  http = latencySummary(result.latencies);
  console.log(`  HTTP: ${result.completed} in ${seconds} s = ${result.perSecond.toFixed(1)}/s; p50 ${ms(http.p50)}, p99 ${ms(http.p99)}, max ${ms(http.max)}`);
  conns.forEach((c) => c.close());
} finally {
  await server.stop();
}
const sqlResult = await closedLoop(clients, warmup * 1000, seconds * 1000, async () => {
  const row = (await pool.query('SELECT * FROM signed_documents WHERE id = $1', [draft.id])).rows[0];
  if (!row) return 'not found';
  await pool.query('SELECT id, code, name, level, path, parent_id FROM agencies WHERE id = $1', [row.agency_id]);
  return true;
});
const sql = latencySummary(sqlResult.latencies);
await pool.end();
fs.rmSync(dataDir, { recursive: true, force: true });
const pageLabel = `one result signed twice (${(bytes.length / 1024).toFixed(0)} KiB), its stored file verified on the first request and then by its SHA-256 (a file version never changes), ${clients} clients`;
console.log(`  SQL baseline: p50 ${ms(sql.p50)}, p99 ${ms(sql.p99)}`);
record({ bench, metric: 'verification_page_p50_ms', value: http.p50, unit: 'ms', baseline: sql.p50, dataset: pageLabel });
record({ bench, metric: 'verification_page_p99_ms', value: http.p99, unit: 'ms', baseline: sql.p99, dataset: pageLabel });

async function readStored(key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of deps.storage.read(key)) chunks.push(Buffer.from(chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}
