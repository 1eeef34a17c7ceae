/**
 * Composition root: config → database (migrated) → demo data on first start → HTTP. The only
 * place where things are wired together.
 */
import path from 'node:path';
import fs from 'node:fs';
import { ConfigError, loadConfig, withListeningPort, withMailCatcherPort, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildDeps, configuredClock } from './deps.ts';
import { buildApp } from './http/app.ts';
import { loadDemoDataOnFirstStart } from './demo/demo.ts';
import { startJobs } from './modules/jobs/runner.ts';
import { listenForReferenceChanges } from './modules/reference/reference.changes.ts';

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  let ready = false;
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migration = await migrateToLatest(handle.db);
  // Without a configured e-ID provider, the demo serves its own at <publicBaseUrl>/dev-idp; the
  // server reaches it in process (demo/dev-idp/in-process-fetch.ts).
  const devIdentityProvider = config.citizenSignIn?.devProvider ? await startDevIdentityProvider(config) : undefined;
  const deps = buildDeps(config, handle.db, configuredClock(config), { citizenOidcFetch: devIdentityProvider?.fetch });
  // Demo mode: what the development gateway and mail catcher receive is listed at /dev-mailbox.
  const devMailbox = config.demoData ? await openMailbox(config) : undefined;
  // Demo mode without VNPAY_*: online payments go to the sandbox gateway served at /dev-payments.
  const devPayments = config.payments?.vnpay?.devSandbox ? await startDevPayments(config, deps.clock) : undefined;
  const app = await buildApp(deps, {
    logger: { level: config.logLevel },
    webDistDir: config.webDistDir,
    ready: () => ready,
    devIdentityProvider: devIdentityProvider?.provider,
    devMailbox,
    devPayments,
  });
  if (devPayments) devPayments.options.log = app.log.child({ module: 'dev-payments' });
  app.log.info({ database: handle.kind, location: handle.location, migrationsApplied: migration.applied }, 'database ready');
  // Changes to agencies, procedures, staff names and calendars committed by any process.
  const referenceChanges = await listenForReferenceChanges(handle, deps, {
    onError: (error) => app.log.warn({ err: error }, 'reference change notices interrupted; reconnecting'),
  });
  if (config.clockStart) app.log.warn({ clockStart: config.clockStart.toISOString(), now: deps.clock().toISOString() }, 'clock shifted by MOTCUA_CLOCK_START');
  if (!fs.existsSync(path.join(config.webDistDir, 'index.html'))) {
    app.log.warn({ webDistDir: config.webDistDir }, 'web app not built: run `npm run build` (npm start does it)');
  }
  if (config.demoData) await loadDemoDataOnFirstStart(deps, handle, app.log);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  if (typeof address === 'object' && address) withListeningPort(config, address.port);
  // With demo data and no SMTP_URL, e-mail goes to the bundled mail catcher (listed at /dev-mailbox).
  const catcherPort = config.notifications.email?.devCatcherPort;
  const mailCatcher = devMailbox && catcherPort !== undefined ? await startCatcher(devMailbox, catcherPort, app.log, deps.clock) : undefined;
  if (mailCatcher) withMailCatcherPort(config, mailCatcher.port);
  // Scheduled sweeps and the sending of notifications, unless left to `motcua worker` (JOBS=off):
  // after the ports are known (the channels are built with the addresses that answer), and without
  // holding up readiness (what is enqueued meanwhile waits in the outbox).
  const jobsLog = app.log.child({ module: 'jobs' });
  const jobs = config.jobs.inProcess
    ? startJobs(deps, handle, jobsLog).then(
      (running) => {
        jobsLog.info({ ms: Date.now() - started }, 'job queue and notification dispatcher running');
        return running;
      },
      (error: unknown) => {
        jobsLog.error({ err: error }, 'job queue did not start; notifications wait in the outbox');
        return undefined;
      },
    )
    : undefined;
  ready = true;
  if (devIdentityProvider) app.log.info({ issuer: devIdentityProvider.provider.issuer }, 'citizens sign in at the bundled development e-ID provider (docs/citizen-sign-in.md)');
  if (mailCatcher) app.log.info({ smtp: `127.0.0.1:${mailCatcher.port}`, mailbox: `${config.publicBaseUrl}/dev-mailbox` }, 'e-mails go to the bundled mail catcher; SMS and chat to the development gateway: see them at /dev-mailbox (docs/notifications-channels.md)');
  if (devPayments) app.log.info({ transactions: `${config.publicBaseUrl}/dev-payments` }, 'online payments go to the bundled sandbox gateway (docs/payments.md, "The sandbox gateway")');
  if (config.signing.timestamp?.devAuthority) app.log.info({ url: config.signing.timestamp.url }, 'signatures are time-stamped by the bundled development TSA (docs/signing-keys.md)');
  app.log.info(`Motcua ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${config.publicBaseUrl} (API docs: ${config.publicBaseUrl}/api/docs)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    ready = false;
    await app.close();
    // After the last request: what it enqueued is sent (or left queued, for the next process).
    await (await jobs)?.stop();
    await mailCatcher?.close();
    await referenceChanges.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function openMailbox(config: Config) {
  const { openDevMailbox } = await import('./demo/dev-mailbox/store.ts');
  return openDevMailbox(path.join(config.dataDir, 'dev-mailbox'));
}

async function startDevPayments(config: Config, clock: () => Date) {
  const { motcuaDevPayments } = await import('./demo/dev-payments/motcua.ts');
  return motcuaDevPayments(config, clock);
}

async function startCatcher(...args: Parameters<typeof import('./demo/dev-mailbox/mail-catcher.ts').startMailCatcherOrWarn>) {
  const { startMailCatcherOrWarn } = await import('./demo/dev-mailbox/mail-catcher.ts');
  return startMailCatcherOrWarn(...args);
}

async function startDevIdentityProvider(config: Config) {
  const { motcuaDevIdentityProvider } = await import('./demo/dev-idp/motcua.ts');
  const { loadOrCreateDevIdentityProviderSecrets } = await import('./demo/dev-idp/secrets.ts');
  const { inProcessFetch } = await import('./demo/dev-idp/in-process-fetch.ts');
  const provider = motcuaDevIdentityProvider(config, loadOrCreateDevIdentityProviderSecrets(config.dataDir));
  return { provider, fetch: inProcessFetch(provider) };
}
