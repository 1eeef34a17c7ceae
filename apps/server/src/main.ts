/**
 * Composition root: config → database (migrated) → demo data on first start → HTTP. The only
 * place where things are wired together.
 */
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import fs from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildDeps, configuredClock } from './deps.ts';
import { buildApp } from './http/app.ts';
import { loadDemoDataOnFirstStart } from './demo/demo.ts';
import { startJobs, type RunningJobs } from './modules/jobs/runner.ts';
import { buildChannels } from './infra/notify/channels.ts';
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
  const app = await buildApp(deps, {
    logger: { level: config.logLevel },
    webDistDir: config.webDistDir,
    ready: () => ready,
    devIdentityProvider: devIdentityProvider?.provider,
  });
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
  // With demo data and no SMTP_URL, e-mail goes to the bundled mail catcher.
  const mailCatcher = config.notifications.email?.devCatcherPort !== undefined ? await startMailCatcher(config.notifications.email.devCatcherPort, app.log) : undefined;
  // Scheduled sweeps and the sending of notifications, unless left to `motcua worker` (JOBS=off).
  let jobs: RunningJobs | undefined;
  if (config.jobs.inProcess) {
    const channels = buildChannels(config, { smtpUrl: mailCatcher && `smtp://127.0.0.1:${mailCatcher.port}` });
    jobs = await startJobs(deps, handle, app.log.child({ module: 'jobs' }), { channels });
  }
  ready = true;
  if (devIdentityProvider) app.log.info({ issuer: devIdentityProvider.provider.issuer }, 'citizens sign in at the bundled development e-ID provider (docs/citizen-sign-in.md)');
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
    await jobs?.stop();
    await mailCatcher?.close();
    await referenceChanges.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function startMailCatcher(port: number, log: FastifyBaseLogger) {
  const { startMailCatcher } = await import('./demo/mail-catcher/mail-catcher.ts');
  const catcher = await startMailCatcher({ port, onTaken: (taken) => log.warn({ port: taken }, 'mail catcher port taken; using another') });
  log.info({ port: catcher.port }, 'e-mail goes to the bundled mail catcher (docs/jobs.md)');
  return catcher;
}

async function startDevIdentityProvider(config: Config) {
  const { motcuaDevIdentityProvider } = await import('./demo/dev-idp/motcua.ts');
  const { loadOrCreateDevIdentityProviderSecrets } = await import('./demo/dev-idp/secrets.ts');
  const { inProcessFetch } = await import('./demo/dev-idp/in-process-fetch.ts');
  const provider = motcuaDevIdentityProvider(config, loadOrCreateDevIdentityProviderSecrets(config.dataDir));
  return { provider, fetch: inProcessFetch(provider) };
}
