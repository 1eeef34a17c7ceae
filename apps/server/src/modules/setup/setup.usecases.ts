/**
 * `motcua setup --bundle DIR`: loads agencies and staff (and, as they are built, procedures and
 * holiday schedules) in one transaction. Idempotent: loading the same bundle twice changes
 * nothing; an invalid bundle changes nothing either.
 */
import { AppError, createWorkingCalendar, orderParentsFirst, validateAgencyTree, type Actor } from '@motcua/domain';
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
  const known = new Set([...existing.keys(), ...bundle.agencies.map((a) => a.code)]);
  bundle.agencies.forEach((a, i) => {
    if (a.successorCode && !known.has(a.successorCode)) {
      issues.push({ path: bundle.locate('agencies.json', [i, 'successorCode']), message: `unknown successor "${a.successorCode}"` });
    }
  });
  if (issues.length) throw bundleError(issues);
  for (const entry of orderParentsFirst(bundle.agencies)) {
    const current = await tx.selectFrom('agencies').selectAll().where('code', '=', entry.code).executeTakeFirst();
    const parent = entry.parentCode ? (await allAgencyCodes(tx)).get(entry.parentCode) : undefined;
    const parentId = parent?.id ?? null;
    const details = {
      short_name: entry.shortName ?? null, address: entry.address ?? null, phone: entry.phone ?? null,
      email: entry.email ?? null, successor_code: entry.successorCode ?? null,
    };
    if (!current) {
      const created = await insertAgency(tx, { code: entry.code, name: entry.name, level: entry.level, parentId, validFrom: entry.validFrom ?? null, validTo: entry.validTo ?? null });
      await tx.updateTable('agencies').set(details).where('id', '=', created.id).execute();
      await loadOffices(tx, created.id, entry, bundle);
      summary.agencies.created++;
      continue;
    }
    const officesChanged = await loadOffices(tx, current.id, entry, bundle);
    const same =
      current.name === entry.name && current.level === entry.level && current.parent_id === parentId &&
      (current.valid_from ?? null) === (entry.validFrom ?? null) && (current.valid_to ?? null) === (entry.validTo ?? null) &&
      (Object.keys(details) as Array<keyof typeof details>).every((k) => (current[k] ?? null) === details[k]);
    if (same) {
      if (officesChanged) summary.agencies.updated++;
      else summary.agencies.unchanged++;
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
      .set({ name: entry.name, level: entry.level, parent_id: parentId, valid_from: entry.validFrom ?? null, valid_to: entry.validTo ?? null, ...details, updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    summary.agencies.updated++;
  }
}

/** An agency's own calendar, counters and units; true when anything changed. Nothing is deleted. */
async function loadOffices(tx: Kysely<Database>, agencyId: string, entry: Bundle['agencies'][number], bundle: Bundle): Promise<boolean> {
  let changed = false;
  if (entry.workingPeriods || entry.weeklyDaysOff) {
    const index = bundle.agencies.indexOf(entry);
    try {
      createWorkingCalendar({
        ...(entry.workingPeriods ? { periods: entry.workingPeriods } : {}),
        ...(entry.weeklyDaysOff ? { weeklyDaysOff: entry.weeklyDaysOff } : {}),
      });
    } catch (error) {
      const issues = error instanceof AppError ? error.issues : [{ path: '', message: String(error) }];
      throw bundleError(issues.map((i) => ({ path: bundle.locate('agencies.json', [index]) + '.' + i.path, message: i.message })));
    }
    const periods = entry.workingPeriods ? JSON.stringify(entry.workingPeriods) : null;
    const days = entry.weeklyDaysOff ?? null;
    const current = await tx.selectFrom('agency_calendars').select(['periods', 'weekly_days_off']).where('agency_id', '=', agencyId).executeTakeFirst();
    if (!current || JSON.stringify(current.periods) !== (periods ?? 'null') || JSON.stringify(current.weekly_days_off) !== JSON.stringify(days)) {
      await tx
        .insertInto('agency_calendars')
        .values({ agency_id: agencyId, periods, weekly_days_off: days })
        .onConflict((oc) => oc.column('agency_id').doUpdateSet({ periods, weekly_days_off: days, updated_at: new Date() }))
        .execute();
      changed = true;
    }
  }
  for (const [table, list] of [['counters', entry.counters ?? []], ['units', entry.units ?? []]] as const) {
    for (const office of list) {
      const existing = await tx.selectFrom(table).selectAll().where('agency_id', '=', agencyId).where('code', '=', office.code).executeTakeFirst();
      const address = table === 'counters' ? ((office as { address?: string }).address ?? null) : undefined;
      if (!existing) {
        await tx.insertInto(table).values({ agency_id: agencyId, code: office.code, name: office.name, ...(table === 'counters' ? { address } : {}) } as never).execute();
        changed = true;
      } else if (existing.name !== office.name || (table === 'counters' && (existing as { address: string | null }).address !== address)) {
        await tx.updateTable(table).set({ name: office.name, ...(table === 'counters' ? { address } : {}) } as never).where('id', '=', existing.id).execute();
        changed = true;
      }
    }
  }
  return changed;
}

async function loadUsers(tx: Kysely<Database>, bundle: Bundle, summary: SetupSummary): Promise<void> {
  if (bundle.users.length === 0) return;
  const agencies = await allAgencyCodes(tx);
  const issues = bundle.users.flatMap((u, i) =>
    u.roles.flatMap((r, k) =>
      agencies.has(r.agency) ? [] : [{ path: bundle.locate('users.json', [i, 'roles', k, 'agency']), message: `unknown agency "${r.agency}"` }],
    ),
  );
  const units = new Map((await tx.selectFrom('units').innerJoin('agencies', 'agencies.id', 'units.agency_id').select(['units.id', 'units.code', 'agencies.code as agency']).execute())
    .map((unit) => [`${unit.agency}/${unit.code}`, unit.id]));
  bundle.users.forEach((u, i) => {
    if (u.unit && !units.has(`${u.unit.agency}/${u.unit.code}`)) {
      issues.push({ path: bundle.locate('users.json', [i, 'unit']), message: `unknown unit "${u.unit.code}" of agency "${u.unit.agency}"` });
    } else if (u.unit && !u.roles.some((r) => r.agency === u.unit!.agency)) {
      issues.push({ path: bundle.locate('users.json', [i, 'unit']), message: 'the unit must be of an agency where the user holds a role' });
    }
  });
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
    const unitId = u.unit ? units.get(`${u.unit.agency}/${u.unit.code}`) : undefined;
    const id = await insertUser(tx, { username: u.username, fullName: u.fullName, email: u.email ?? null, phone: u.phone ?? null, passwordHash, unitId });
    await insertAssignments(tx, id, u.roles.map((r) => ({ role: r.role, agencyId: agencies.get(r.agency)!.id })));
    summary.users.created++;
    if (u.password) {
      summary.users.createdWithPassword.push({ username: u.username, fullName: u.fullName, password: u.password, roles: u.roles.map((r) => `${r.role}@${r.agency}`) });
    }
  }
}

