/**
 * Notifications through the queue (docs/benchmarks.md): e-mails per second from rows in the outbox
 * to a local SMTP server, through the dispatcher (claim with SKIP LOCKED, render the template,
 * send over SMTP with the e-mail adapter, record `sent`), on a fresh PostgreSQL database
 * `motcua_bench_notify`. The SMTP server is a real `smtp-server` in a child process
 * (bench/smtp-sink.ts), counting what arrives by Message-ID.
 * Baseline (same run, same SMTP server, same concurrency): the same messages, already rendered,
 * written straight to the SMTP socket with nodemailer (the same pooled transport as the adapter's),
 * `BENCH_NOTIFY_BATCH` (the dispatcher's batch, 10) in flight.
 * Afterwards: every message arrived once, and every outbox row is `sent` after one attempt.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { defaultTemplates, renderTemplate, type TemplateVariables } from '@motcua/domain';
import { loadConfig } from '../apps/server/src/config.ts';
import { buildDeps, systemClock } from '../apps/server/src/deps.ts';
import { htmlAlternative, messageIdDomain, smtpChannel } from '../apps/server/src/infra/notify/smtp.ts';
import { createDispatcher } from '../apps/server/src/modules/notifications/dispatcher.ts';
import { enqueueNotifications, type NewNotification } from '../apps/server/src/modules/notifications/outbox.repository.ts';
import { record } from './lib.ts';
import { familyNames, femaleGivenNames, femaleMiddleNames, maleGivenNames, maleMiddleNames } from './datasets.ts';
import { benchCommunes, cpuMeter, machineContext, postgresSettings, prepareDatabase } from './support.ts';
import { seededRandom as random } from '../apps/server/src/demo/random.ts';

const bench = 'notify';
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const dbName = 'motcua_bench_notify';
const count = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 3000);
const batchSize = Number(process.env.BENCH_NOTIFY_BATCH ?? 10);
const from = 'Bộ phận Một cửa <motcua@motcua.local>';

console.log(`  ${machineContext()}`);
const { handle } = await prepareDatabase(dbName, { fresh: true });
const { db, pool } = handle;
console.log(`  ${await postgresSettings(pool)}`);

// ─── The SMTP server ────────────────────────────────────────────────────────────────────────
interface Counts { distinct: number; total: number; repeated: number; withoutId: number; ids: string[] }
const sink: ChildProcess = fork(path.join(import.meta.dirname, 'smtp-sink.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const ask = <T>(type: string, answer: string) => new Promise<T>((resolve) => {
  const on = (m: { type: string }) => {
    if (m.type !== answer) return;
    sink.off('message', on);
    resolve(m as T);
  };
  sink.on('message', on);
  if (type) sink.send({ type });
});
const { port } = await ask<{ port: number }>('', 'port');
const smtpUrl = `smtp://127.0.0.1:${port}`;

// ─── The messages: receipts of counter intakes, by e-mail ───────────────────────────────────
const rand = random(20_251_207);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const families = familyNames.map(([name]) => name);
const agencies = new Map((await pool.query<{ code: string; id: string; name: string }>('SELECT code, id, name FROM agencies')).rows.map((r) => [r.code, r]));
const messages: NewNotification[] = Array.from({ length: count }, (_, i) => {
  const commune = benchCommunes[i % benchCommunes.length]!;
  const agency = agencies.get(commune.code)!;
  const male = rand() < 0.5;
  const name = `${pick(families)} ${male ? pick(maleMiddleNames) : pick(femaleMiddleNames)} ${male ? pick(maleGivenNames) : pick(femaleGivenNames)}`;
  const code = `${commune.code}-251207-${String(i + 1).padStart(4, '0')}`;
  const variables: TemplateVariables = {
    code, link: `https://motcua.example.vn/tra-cuu/${code}`, procedureName: 'Đăng ký kết hôn', agencyName: agency.name,
    recipientName: name, appointment: '08:00 ngày 15/12/2025',
  };
  return {
    kind: 'dossier_received', channel: 'email', recipientKind: 'applicant', destination: `nguoi.nop.${i + 1}@example.vn`,
    locale: 'vi', agencyId: agency.id, variables,
  };
});
const dataLabel = `${count.toLocaleString('en-US')} receipts (dossier_received, e-mail, vi), batch ${batchSize}, nodemailer pool of 5 connections, smtp-server in a child process`;

// ─── Through the queue ──────────────────────────────────────────────────────────────────────
for (let i = 0; i < messages.length; i += 500) await enqueueNotifications(db, messages.slice(i, i + 500), new Date());
const deps = buildDeps(loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', SMTP_URL: smtpUrl, JOBS: 'off' }), db, systemClock);
const adapter = smtpChannel({ smtpUrl, from });
const quiet = { info() {}, warn() {}, error(details: object, message: string) { console.error(message, details); } };
const dispatcher = createDispatcher(deps, { email: adapter }, quiet, { batchSize });
const queueMeter = await cpuMeter(pool, dbName);
const c0 = process.cpuUsage();
const t0 = performance.now();
const handled = await dispatcher.drain();
const queueSeconds = (performance.now() - t0) / 1000;
const queueSelfMs = cpuMs(process.cpuUsage(c0)) / count;
const queueCpu = await queueMeter.stop(count);
await adapter.close?.();
const queueRate = count / queueSeconds;
console.log(`  queue: ${handled.toLocaleString('en-US')} messages in ${queueSeconds.toFixed(2)} s = ${Math.round(queueRate).toLocaleString('en-US')} messages/s`);
console.log(`  ${queueCpu.text.replaceAll('load generator', 'bench process (dispatcher)').replace('server process', 'SMTP server').replace(', server ', ', SMTP server ')}`);

const ledger = (await pool.query(`SELECT status, attempts, count(*)::int AS n FROM notifications GROUP BY 1, 2`)).rows as Array<{ status: string; attempts: number; n: number }>;
const ids = (await pool.query<{ id: string }>('SELECT id FROM notifications')).rows.map((r) => `<notification-${r.id}@${messageIdDomain(from)}>`);
const arrived = await ask<Counts>('counts', 'counts');
const queueProblems: string[] = [];
if (ledger.length !== 1 || ledger[0]!.status !== 'sent' || ledger[0]!.attempts !== 1) queueProblems.push(`outbox: ${JSON.stringify(ledger)}`);
if (arrived.distinct !== count || arrived.total !== count || arrived.repeated || arrived.withoutId) queueProblems.push(`arrived ${JSON.stringify({ ...arrived, ids: undefined })}`);
const arrivedIds = new Set(arrived.ids);
const missing = ids.filter((id) => !arrivedIds.has(id));
if (missing.length) queueProblems.push(`${missing.length} messages missing, e.g. ${missing[0]}`);
if (queueProblems.length) throw new Error(`queue: ${queueProblems.join('; ')}`);
console.log(`  verified: ${count.toLocaleString('en-US')} rows sent after one attempt, each arrived once (by Message-ID)`);
await ask('clear', 'cleared');

// ─── Baseline: the same messages straight to the SMTP socket ────────────────────────────────
const template = defaultTemplates.dossier_received!.email!;
const rendered = messages.map((m, i) => {
  const subject = renderTemplate(template.subject.vi, m.variables, 'vi');
  const text = renderTemplate(template.body.vi, m.variables, 'vi');
  return { from, to: m.destination, subject, text, html: htmlAlternative(text, 'vi'), messageId: `<direct-${i + 1}@${messageIdDomain(from)}>`, headers: { 'Content-Language': 'vi' } };
});
const transport = nodemailer.createTransport({ pool: true, url: smtpUrl, maxConnections: 5 });
const directMeter = await cpuMeter(pool, dbName);
const c1 = process.cpuUsage();
const t1 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: batchSize }, async () => {
  while (next < rendered.length) await transport.sendMail(rendered[next++]!);
}));
const directSeconds = (performance.now() - t1) / 1000;
const directSelfMs = cpuMs(process.cpuUsage(c1)) / count;
const directCpu = await directMeter.stop(count);
transport.close();
const directRate = count / directSeconds;
console.log(`  direct SMTP: ${count.toLocaleString('en-US')} messages in ${directSeconds.toFixed(2)} s = ${Math.round(directRate).toLocaleString('en-US')} messages/s`);
console.log(`  ${directCpu.text.replaceAll('load generator', 'bench process (nodemailer)').replace('server process', 'SMTP server').replace(', server ', ', SMTP server ')}`);
const direct = await ask<Counts>('counts', 'counts');
if (direct.distinct !== count || direct.total !== count || direct.repeated) throw new Error(`direct: arrived ${JSON.stringify({ ...direct, ids: undefined })}`);
console.log(`  verified: ${count.toLocaleString('en-US')} messages, each arrived once`);

sink.send({ type: 'stop' });
await handle.close();

record({ bench, metric: 'queue_messages_per_s', value: queueRate, unit: 'messages/s', baseline: directRate, dataset: dataLabel });
record({ bench, metric: 'sender_cpu_ms_per_message', value: queueSelfMs, unit: 'ms', baseline: directSelfMs, dataset: dataLabel });
if (queueCpu.pgMsPerOp !== undefined) record({ bench, metric: 'postgres_cpu_ms_per_message', value: queueCpu.pgMsPerOp, unit: 'ms', dataset: dataLabel });
