/**
 * Demo data for a first start on a bare machine: a demo province with communes and staff accounts
 * (bundles/demo) and a history of dossiers. Loaded once, when the database has no agency yet; the
 * accounts are printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../deps.ts';
import { readBundle } from '../modules/setup/bundle.read.ts';
import { loadBundle } from '../modules/setup/setup.usecases.ts';
import { importDossiers, type ImportTarget } from '../modules/imports/import.usecases.ts';
import { recentDemoLines } from './recent-history.ts';
import { seedDatasetLines } from './seed-history.ts';
import { bundlePartLoaders } from '../modules/setup/bundle-parts.ts';
import { publishDemoCatalogueChanges } from './catalogue-changes.ts';
import { seedDemoDataStore } from './data-store.ts';
import { seedDemoSignedDocuments } from './signed-documents.ts';
import { seedDemoNotifications } from './notifications.ts';
import { seedDemoFees } from './fees.ts';
import { seedDemoReformPlan } from './reform-plans.ts';
import { seedDemoFeedback } from './feedback.ts';

export const demoBundleDir = path.resolve(import.meta.dirname, '../../../../bundles/demo');

export async function loadDemoDataOnFirstStart(deps: Deps, database: ImportTarget, log: FastifyBaseLogger): Promise<void> {
  const any = await deps.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (!any) {
    const bundle = readBundle(demoBundleDir);
    const summary = await loadBundle(bundle, deps, { actorName: 'demo data', extraLoaders: bundlePartLoaders });
    const catalogue = bundle.raw.procedures!.value as Array<Record<string, unknown> & { code: string }>;
    await deps.db.transaction().execute((tx) => publishDemoCatalogueChanges(tx, catalogue, deps.clock));
    log.info({ agencies: summary.agencies, users: summary.users.created }, 'demo data loaded');
    // History for the dashboards: the seed district's published 2023 figures (Giao Thủy; docs/rules/statistics.md),
    // and the last four months at the demo communes.
    const started = performance.now();
    const history = await importDossiers(database, lines([seedDatasetLines({ broken: false }), recentDemoLines(deps.clock().getTime())]));
    log.info({ ...history, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo history imported');
    // Fee terms and ledgers for the recent dossiers of procedures with a fee (the fee report, receipts).
    const charging = performance.now();
    const fees = await seedDemoFees(deps);
    log.info({ ...fees, seconds: Math.round((performance.now() - charging) / 100) / 10 }, 'demo fees recorded');
    // A demo citizen's data store, so that a stored paper can be reused on the portal.
    await seedDemoDataStore(deps);
    // A signed result for the same citizen and a few documents in the commune's document office.
    const signing = performance.now();
    await seedDemoSignedDocuments(deps);
    log.info({ seconds: Math.round((performance.now() - signing) / 100) / 10 }, 'demo signed documents made');
    // Messages of every delivery status for the console's "Thông báo" (none when actions already wrote theirs).
    await seedDemoNotifications(deps);
    // xã Giao Thủy's administrative-reform plan for the year, its tasks in every state (dates from the demo clock).
    const reform = await seedDemoReformPlan(deps);
    log.info(reform, 'demo reform plan made');
    // Feedback and petitions: published answers, one late, one overdue, one waiting for its sender, a complaint.
    log.info({ feedback: await seedDemoFeedback(deps) }, 'demo feedback received');
  }
  printDemoAccounts(log);
}

async function* lines(sources: Array<Iterable<string>>): AsyncGenerator<string> {
  for (const source of sources) yield* source;
}

function printDemoAccounts(log: FastifyBaseLogger): void {
  const users = JSON.parse(fs.readFileSync(path.join(demoBundleDir, 'users.json'), 'utf8')) as Array<{
    username: string; fullName: string; password?: string; roles: Array<{ role: string; agency: string }>;
  }>;
  const lines = users.map((u) => `  ${u.username.padEnd(22)} ${u.password ?? '(hash)'}  ${u.roles.map((r) => `${r.role}@${r.agency}`).join(', ')}  — ${u.fullName}`);
  log.info({ accounts: users.map((u) => u.username) }, 'demo staff accounts');
  // Plain text on stdout as well: the first thing a newcomer needs is a way to sign in.
  console.log('\nDemo staff accounts (tài khoản cán bộ demo) — change or disable them before real use:\n' + lines.join('\n') + '\n');
}
