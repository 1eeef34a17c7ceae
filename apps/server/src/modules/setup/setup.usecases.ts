/**
 * `motcua setup --bundle DIR`: loads agencies and staff (and, as they are built, procedures and
 * holiday schedules) in one transaction. Idempotent: loading the same bundle twice changes
 * nothing; an invalid bundle changes nothing either.
 */
import { orderParentsFirst, validateAgencyTree, type Actor } from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashPassword } from '../../infra/passwords.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { insertAgency } from '../agencies/agencies.repository.ts';
import { insertAssignments, insertUser } from '../users/users.repository.ts';
import { bundleError, type Bundle } from './bundle.read.ts';
import { allAgencyCodes, rewriteSubtreePaths } from './setup.repository.ts';

export interface SetupSummary {
  agencies: { created: number; updated: number; unchanged: number };
  users: { created: number; unchanged: number; createdWithPassword: Array<{ username: string; fullName: string; password: string; roles: string[] }> };
  /** Extra sections added by later loaders (procedures, holidays). */
  [section: string]: unknown;
}

/** A loader for one more part of the bundle, run inside the same transaction. */
export type BundlePartLoader = (tx: Kysely<Database>, bundle: Bundle, summary: SetupSummary) => Promise<void>;

const systemActor: Actor = { kind: 'anonymous' };

export async function loadBundle(
  bundle: Bundle,
  deps: { db: Kysely<Database> },
  options: { extraLoaders?: BundlePartLoader[]; actorName?: string } = {},
): Promise<SetupSummary> {
  return deps.db.transaction().execute(async (tx) => {
    const summary: SetupSummary = {
      agencies: { created: 0, updated: 0, unchanged: 0 },
      users: { created: 0, unchanged: 0, createdWithPassword: [] },
    };
    await loadAgencies(tx, bundle, summary);
    await loadUsers(tx, bundle, summary);
    for (const loader of options.extraLoaders ?? []) await loader(tx, bundle, summary);
    await recordAudit(tx, { actor: systemActor, actorName: options.actorName ?? 'motcua setup' }, {
      action: 'setup.bundle_loaded',
      details: {
        dir: bundle.dir,
        ...summary,
        users: { created: summary.users.created, unchanged: summary.users.unchanged },
      },
    });
    return summary;
  });
}

async function loadAgencies(tx: Kysely<Database>, bundle: Bundle, summary: SetupSummary): Promise<void> {
  const existing = await allAgencyCodes(tx);
  const issues = validateAgencyTree(bundle.agencies, new Set(existing.keys()), (i) => bundle.locate('agencies.json', [i]));
  if (issues.length) throw bundleError(issues);
  for (const entry of orderParentsFirst(bundle.agencies)) {
    const current = await tx.selectFrom('agencies').selectAll().where('code', '=', entry.code).executeTakeFirst();
    const parent = entry.parentCode ? (await allAgencyCodes(tx)).get(entry.parentCode) : undefined;
    const parentId = parent?.id ?? null;
    if (!current) {
      await insertAgency(tx, { code: entry.code, name: entry.name, level: entry.level, parentId, validFrom: entry.validFrom ?? null, validTo: entry.validTo ?? null });
      summary.agencies.created++;
      continue;
    }
    const same =
      current.name === entry.name && current.level === entry.level && current.parent_id === parentId &&
      (current.valid_from ?? null) === (entry.validFrom ?? null) && (current.valid_to ?? null) === (entry.validTo ?? null);
    if (same) {
      summary.agencies.unchanged++;
      continue;
    }
    if (current.parent_id !== parentId) {
      if (parent && parent.path.startsWith(current.path)) {
        throw bundleError([{ path: bundle.locate('agencies.json', [bundle.agencies.indexOf(entry), 'parentCode']), message: `moving "${entry.code}" under its own descendant would make a cycle` }]);
      }
      const newPath = `${parent?.path ?? '/'}${current.id}/`;
      await rewriteSubtreePaths(tx, current.path, newPath);
    }
    await tx
      .updateTable('agencies')
      .set({ name: entry.name, level: entry.level, parent_id: parentId, valid_from: entry.validFrom ?? null, valid_to: entry.validTo ?? null, updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    summary.agencies.updated++;
  }
}

async function loadUsers(tx: Kysely<Database>, bundle: Bundle, summary: SetupSummary): Promise<void> {
  if (bundle.users.length === 0) return;
  const agencies = await allAgencyCodes(tx);
  const issues = bundle.users.flatMap((u, i) =>
    u.roles.flatMap((r, k) =>
      agencies.has(r.agency) ? [] : [{ path: bundle.locate('users.json', [i, 'roles', k, 'agency']), message: `unknown agency "${r.agency}"` }],
    ),
  );
  const seen = new Set<string>();
  bundle.users.forEach((u, i) => {
    const key = u.username.toLowerCase();
    if (seen.has(key)) issues.push({ path: bundle.locate('users.json', [i, 'username']), message: `duplicate username "${u.username}"` });
    seen.add(key);
  });
  if (issues.length) throw bundleError(issues);
  for (const u of bundle.users) {
    const existing = await tx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', u.username.toLowerCase())).executeTakeFirst();
    // Existing accounts keep their password and roles: a bundle never overwrites what admins changed.
    if (existing) {
      summary.users.unchanged++;
      continue;
    }
    const passwordHash = u.passwordHash ?? (await hashPassword(u.password!));
    const id = await insertUser(tx, { username: u.username, fullName: u.fullName, email: u.email ?? null, phone: u.phone ?? null, passwordHash });
    await insertAssignments(tx, id, u.roles.map((r) => ({ role: r.role, agencyId: agencies.get(r.agency)!.id })));
    summary.users.created++;
    if (u.password) {
      summary.users.createdWithPassword.push({ username: u.username, fullName: u.fullName, password: u.password, roles: u.roles.map((r) => `${r.role}@${r.agency}`) });
    }
  }
}

