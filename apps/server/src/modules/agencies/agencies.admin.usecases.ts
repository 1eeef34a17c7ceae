/**
 * Administrators edit the agency tree of their subtree: add an agency, rename it, end it (merged
 * or abolished agencies are never deleted: they keep their history and name a successor), set its
 * working periods, and add counters and units. Every change is audited.
 */
import { AppError, createWorkingCalendar, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { canManageAgency } from './agencies.policies.ts';
import * as repo from './agencies.repository.ts';

async function managedAgency(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const agency = await repo.findAgencyById(deps.db, id);
  if (!agency) throw new AppError('agency.not_found');
  if (!canManageAgency(actor, agency)) {
    // Outside the admin's subtree the agency is invisible, unless they can at least read it.
    throw new AppError('agency.not_found');
  }
  return agency;
}

export interface NewAgencyInput {
  code: string;
  name: string;
  level: string;
  parentId: string;
  validFrom?: string | undefined;
}

export async function createAgency(context: AuditContext, input: NewAgencyInput, deps: Pick<Deps, 'db' | 'references' | 'sessions'>) {
  const parent = await managedAgency(context.actor, input.parentId, deps);
  if (await repo.findAgencyByCode(deps.db, input.code)) {
    throw new AppError('agency.already_exists', {
      messages: { vi: `Mã cơ quan "${input.code}" đã tồn tại`, en: `Agency code "${input.code}" already exists` },
      issues: [{ path: 'code', message: 'taken' }],
    });
  }
  const created = await deps.db.transaction().execute(async (tx) => {
    const agency = await repo.insertAgency(tx, { code: input.code, name: input.name, level: input.level, parentId: parent.id, validFrom: input.validFrom ?? null });
    await recordAudit(tx, context, { action: 'agency.created', entityType: 'agency', entityId: agency.code, agencyId: agency.id, details: { ...input } });
    return agency;
  });
  // Other processes hear of it from the database (`reference.changes.ts`); this one at once.
  deps.references.invalidate();
  deps.sessions.invalidate();
  return created;
}

export interface AgencyChanges {
  name?: string | undefined;
  shortName?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  validTo?: string | null | undefined;
  successorCode?: string | null | undefined;
}

export async function updateAgency(context: AuditContext, id: string, changes: AgencyChanges, deps: Pick<Deps, 'db' | 'references' | 'sessions'>) {
  const agency = await managedAgency(context.actor, id, deps);
  if (changes.successorCode) {
    const successor = await repo.findAgencyByCode(deps.db, changes.successorCode);
    if (!successor || successor.id === agency.id) {
      throw new AppError('request.invalid', { issues: [{ path: 'successorCode', message: 'unknown agency' }] });
    }
  }
  if (changes.validTo && agency.validFrom && changes.validTo < agency.validFrom) {
    throw new AppError('request.invalid', { issues: [{ path: 'validTo', message: 'before validFrom' }] });
  }
  const set = Object.fromEntries(
    Object.entries({
      name: changes.name, short_name: changes.shortName, address: changes.address, phone: changes.phone, email: changes.email,
      valid_to: changes.validTo, successor_code: changes.successorCode,
    }).filter(([, v]) => v !== undefined),
  );
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('agencies').set({ ...set, updated_at: new Date() }).where('id', '=', agency.id).execute();
    await recordAudit(tx, context, { action: 'agency.updated', entityType: 'agency', entityId: agency.code, agencyId: agency.id, details: { ...changes } });
  });
  deps.references.invalidate();
  deps.sessions.invalidate();
  return (await repo.findAgencyById(deps.db, agency.id))!;
}

export async function setAgencyCalendar(
  context: AuditContext,
  id: string,
  input: { periods?: Array<{ start: string; end: string }> | null; weeklyDaysOff?: number[] | null },
  deps: Pick<Deps, 'db' | 'calendars'>,
) {
  const agency = await managedAgency(context.actor, id, deps);
  createWorkingCalendar({ ...(input.periods ? { periods: input.periods } : {}), ...(input.weeklyDaysOff ? { weeklyDaysOff: input.weeklyDaysOff } : {}) });
  const periods = input.periods ? JSON.stringify(input.periods) : null;
  const days = input.weeklyDaysOff ?? null;
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('agency_calendars')
      .values({ agency_id: agency.id, periods, weekly_days_off: days })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ periods, weekly_days_off: days, updated_at: new Date() }))
      .execute();
    await recordAudit(tx, context, { action: 'agency.calendar_set', entityType: 'agency', entityId: agency.code, agencyId: agency.id, details: { ...input } });
  });
  deps.calendars.invalidate();
}

export async function addOffice(
  context: AuditContext,
  id: string,
  kind: 'counters' | 'units',
  input: { code: string; name: string; address?: string | undefined },
  deps: Pick<Deps, 'db' | 'references' | 'sessions'>,
) {
  const agency = await managedAgency(context.actor, id, deps);
  const exists = await deps.db.selectFrom(kind).select('id').where('agency_id', '=', agency.id).where('code', '=', input.code).executeTakeFirst();
  if (exists) throw new AppError(kind === 'counters' ? 'counter.already_exists' : 'unit.already_exists', { issues: [{ path: 'code', message: 'taken in this agency' }] });
  const office = await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto(kind)
      .values({ agency_id: agency.id, code: input.code, name: input.name, ...(kind === 'counters' ? { address: input.address ?? null } : {}) } as never)
      .returning(['id', 'code', 'name'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: `agency.${kind === 'counters' ? 'counter' : 'unit'}_added`, entityType: 'agency', entityId: agency.code, agencyId: agency.id, details: { ...input } });
    return row;
  });
  deps.references.invalidate();
  deps.sessions.invalidate();
  return office;
}

/** Counters, units and the calendar of an agency the actor may see. */
export async function officesOf(id: string, deps: Pick<Deps, 'db'>) {
  const [counters, units, calendar] = await Promise.all([
    deps.db.selectFrom('counters').select(['id', 'code', 'name', 'address', 'active']).where('agency_id', '=', id).orderBy('code').execute(),
    deps.db.selectFrom('units').select(['id', 'code', 'name', 'active']).where('agency_id', '=', id).orderBy('code').execute(),
    deps.db.selectFrom('agency_calendars').select(['periods', 'weekly_days_off']).where('agency_id', '=', id).executeTakeFirst(),
  ]);
  return { counters, units, calendar: calendar ? { periods: calendar.periods, weeklyDaysOff: calendar.weekly_days_off } : null };
}
