/**
 * `motcua import dossiers` into PostgreSQL (issue: at least 20 000 dossiers/s): a generated history
 * of BENCH_IMPORT_DOSSIERS (200 000) lines in the import format of docs/interfaces.md — realistic names,
 * the bench communes, 2023–2025, codes as an earlier system's export carries them, 1–4 events
 * each (supplements, results, returns, a few withdrawals) — imported by the same function the
 * command runs (streamed from the file, validated, hashed, deduplicated, batched by 2 000 with
 * COPY), into a fresh database with the bench bundle.
 * Baseline (same run, same machine): the same rows loaded the simplest direct way into another
 * fresh database — each line JSON.parse'd and mapped, COPY of dossiers and events in batches, no
 * checks. Afterwards: the imported count, no duplicate, and running the file again imports nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatInstant } from '@motcua/domain';
import { importDossiers } from '../apps/server/src/modules/imports/import.usecases.ts';
import { withBatchWriter } from '../apps/server/src/modules/imports/batch-writer.ts';
import { readLines } from '../apps/server/src/infra/lines.ts';
import { record } from './lib.ts';
import { familyNames, femaleGivenNames, femaleMiddleNames, maleGivenNames, maleMiddleNames, villages } from './datasets.ts';
import { benchCommunes, machineContext, postgresSettings, prepareDatabase } from './support.ts';
import { seededRandom as random } from '../apps/server/src/demo/random.ts';

const bench = 'import';
const count = Number(process.env.BENCH_IMPORT_DOSSIERS ?? 200_000);
console.log(`  ${machineContext()}`);

/** The history file: deterministic, so that every run imports the same lines. */
function writeHistory(file: string): void {
  const rand = random(20_230_914);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const families = familyNames.map(([n]) => n);
  const procedures = ['1.001193', '1.000894', '1.000656', '2.000635', '2.000815', 'DEMO.009', '2.000720', 'DEMO.014'];
  const DAY = 86_400_000;
  const start = Date.parse('2023-01-02T00:00:00+07:00');
  const sequences = new Map<string, number>();
  const out = fs.openSync(file, 'w');
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const agency = benchCommunes[i % benchCommunes.length]!.code;
    let day = start + Math.floor(rand() * 1090) * DAY;
    while ([0, 6].includes(new Date(day + 7 * 3600_000).getUTCDay())) day += DAY;
    const receivedAt = day + (8 + Math.floor(rand() * 8)) * 3600_000 + Math.floor(rand() * 60) * 60_000;
    const yymmdd = formatInstant(receivedAt).slice(2, 10).replaceAll('-', '');
    const key = `${agency}|${yymmdd}`;
    const seq = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, seq);
    const dueAt = receivedAt + (3 + Math.floor(rand() * 10)) * DAY;
    const events: Array<Record<string, unknown>> = [];
    const r = rand();
    if (r < 0.1) events.push({ type: 'supplement_requested', at: formatInstant(receivedAt + DAY), reasons: ['Bổ sung bản sao giấy tờ tùy thân'] }, { type: 'supplement_received', at: formatInstant(receivedAt + 2 * DAY) });
    if (r < 0.97) {
      const result = receivedAt + Math.floor(rand() * (dueAt - receivedAt) * 1.05);
      events.push({ type: 'resolved', at: formatInstant(result) }, { type: 'returned', at: formatInstant(result + 3600_000) });
    } else if (r < 0.99) events.push({ type: 'withdrawn', at: formatInstant(receivedAt + DAY) });
    const male = rand() < 0.5;
    buffer += JSON.stringify({
      code: `${agency}-${yymmdd}-${String(seq).padStart(4, '0')}`,
      procedure: pick(procedures),
      agency,
      channel: rand() < 0.35 ? 'online' : rand() < 0.95 ? 'counter' : 'postal',
      applicant: {
        kind: 'citizen',
        name: `${pick(families)} ${male ? pick(maleMiddleNames) : pick(femaleMiddleNames)} ${male ? pick(maleGivenNames) : pick(femaleGivenNames)}`,
        idNumber: `036${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        phone: `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        address: `${pick(villages)}, ${benchCommunes[i % benchCommunes.length]!.name}`,
      },
      receivedAt: formatInstant(receivedAt),
      dueAt: formatInstant(dueAt),
      digitized: rand() < 0.8,
      events,
    }) + '\n';
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

const file = path.join(os.tmpdir(), `motcua-bench-import-${count}.ndjson`);
if (!fs.existsSync(file)) writeHistory(file);
const size = fs.statSync(file).size;
const dataset = `${count.toLocaleString('en-US')} lines (${(size / 1048576).toFixed(0)} MB) with codes, 1–4 events each, into a fresh PostgreSQL database`;

// ── The import, as `motcua import dossiers` runs it ──
{
  const { handle } = await prepareDatabase('motcua_bench_import', { fresh: true });
  console.log(`  ${await postgresSettings(handle.pool)}`);
  const t0 = performance.now();
  const summary = await importDossiers(handle, readLines(fs.createReadStream(file)));
  const seconds = (performance.now() - t0) / 1000;
  const rate = summary.imported / seconds;
  console.log(`  import: ${summary.imported.toLocaleString('en-US')} of ${summary.lines.toLocaleString('en-US')} lines in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} dossiers/s (skipped ${summary.skipped}, rejected ${summary.rejected})`);
  if (summary.imported !== count) throw new Error(`expected ${count} imported, got ${summary.imported}`);
  const t1 = performance.now();
  const again = await importDossiers(handle, readLines(fs.createReadStream(file)));
  console.log(`  the same file again: ${again.imported} imported, ${again.skipped.toLocaleString('en-US')} skipped in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  if (again.imported !== 0 || again.skipped !== count) throw new Error('a second run imported something');
  await handle.close();

  // ── Baseline: the same rows, parsed and COPY'd without any check ──
  const base = await prepareDatabase('motcua_bench_import_baseline', { fresh: true });
  const agencies = new Map((await base.handle.db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const versions = new Map((await base.handle.db.selectFrom('procedure_versions').select(['id', 'procedure_code', 'field']).execute()).map((v) => [v.procedure_code, v]));
  const t2 = performance.now();
  let loaded = 0;
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    const lines = batch;
    batch = [];
    await withBatchWriter(base.handle.pool, true, async (w) => {
      const ids = (await w.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('dossiers', 'id')) AS id FROM generate_series(1, $1::int)", [lines.length])).map((r) => Number(r.id));
      await w.insert('dossiers', [
        'id', 'code', 'agency_id', 'handling_agency_id', 'procedure_version_id', 'procedure_code', 'field', 'channel', 'status', 'applicant_kind',
        'applicant_name', 'applicant', 'received_at', 'due_at', 'clock_due_at', 'digitized', 'imported',
      ], lines.map((l, i) => {
        const agency = agencies.get(l.agency as string)!;
        const v = versions.get(l.procedure as string)!;
        const applicant = l.applicant as { kind: string; name: string };
        return [ids[i], l.code, agency, agency, v.id, l.procedure, v.field, l.channel, 'received', applicant.kind, applicant.name, applicant,
          l.receivedAt, l.dueAt, l.dueAt, l.digitized, true];
      }));
      await w.insert('dossier_events', ['dossier_id', 'seq', 'action', 'at', 'actor_kind', 'to_status', 'data'], lines.flatMap((l, i) =>
        (l.events as Array<{ type: string; at: string }>).map((e, k) => [ids[i], k + 2, e.type, e.at, 'system', 'received', {}])));
      loaded += lines.length;
    });
  };
  for await (const text of readLines(fs.createReadStream(file))) {
    batch.push(JSON.parse(text));
    if (batch.length >= 2000) await flush();
  }
  await flush();
  const baseSeconds = (performance.now() - t2) / 1000;
  const baseRate = loaded / baseSeconds;
  console.log(`  baseline (parse + COPY, no checks): ${loaded.toLocaleString('en-US')} in ${baseSeconds.toFixed(1)} s = ${Math.round(baseRate).toLocaleString('en-US')} dossiers/s`);
  await base.handle.close();
  record({ bench, metric: 'import_dossiers_per_s', value: rate, unit: 'dossiers/s', baseline: baseRate, dataset });
  console.log(`  target ≥ 20 000 dossiers/s: ${rate >= 20_000 ? 'met' : 'NOT met'} (${Math.round(rate).toLocaleString('en-US')}/s)`);
}
