/**
 * Loads what a decision about one dossier needs: its row, the procedure version it is bound to,
 * its action log folded into a state, and the agencies involved.
 */
import type { Kysely } from 'kysely';
import {
  AppError, formatInstant, replay, type Actor, type ActorRole, type DossierAction, type DossierEvent,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { findVersionById, type ProcedureVersionRow } from '../procedures/procedures.repository.ts';
import { canViewDossier, type DossierAgencies } from './dossiers.policies.ts';
import * as repo from './dossiers.repository.ts';

export interface DossierContext {
  dossier: repo.DossierRow;
  version: ProcedureVersionRow;
  events: repo.DossierEventRow[];
  domainEvents: DossierEvent[];
  agencies: DossierAgencies & { receiving: AgencyRef; handling: AgencyRef };
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: string | null;
}

export async function agencyRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, AgencyRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'level', 'path', 'parent_id']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, level: r.level, path: r.path, parentId: r.parent_id }]));
}

/** The action log row as the domain's event. */
export function toDomainEvent(row: repo.DossierEventRow): DossierEvent {
  const data = row.data ?? {};
  return {
    action: row.action as DossierAction,
    at: row.at.getTime(),
    actorRole: (row.actor_role ?? 'system') as ActorRole,
    actorId: row.actor_id,
    assigneeId: row.assignee_id,
    reasons: row.reasons ?? undefined,
    note: row.note,
    newDueAt: typeof data.newDueAt === 'string' ? Date.parse(data.newDueAt) : null,
    digitized: typeof data.digitized === 'boolean' ? data.digitized : undefined,
  };
}

/**
 * Loads a dossier for `actor`; one they may not see answers "not found", as if it did not exist.
 * With `lock`, the row stays locked until the transaction ends.
 */
export async function loadDossierContext(
  db: Kysely<Database>,
  actor: Actor,
  dossierId: number,
  options: { lock?: boolean } = {},
): Promise<DossierContext> {
  const dossier = options.lock ? await repo.lockDossier(db, dossierId) : await repo.findDossier(db, dossierId);
  if (!dossier) throw notFound();
  const ctx = await contextOf(db, dossier);
  if (!canViewDossier(actor, ctx.agencies)) throw notFound();
  return ctx;
}

/** The context of a dossier row, with no access check: for the public status page only. */
export async function contextOf(db: Kysely<Database>, dossier: repo.DossierRow): Promise<DossierContext> {
  const events = await repo.eventsOf(db, dossier.id);
  const involved = [dossier.agency_id, dossier.handling_agency_id, ...events.flatMap((e) => (e.handling_agency_id ? [e.handling_agency_id] : []))];
  const refs = await agencyRefs(db, involved);
  const receiving = refs.get(dossier.agency_id)!;
  const handling = refs.get(dossier.handling_agency_id)!;
  const agencies = {
    receiving,
    handling,
    receivingPath: receiving.path,
    handlingPath: handling.path,
    involvedPaths: [...new Set(involved)].map((id) => refs.get(id)!.path),
  };
  const version = await findVersionById(db, dossier.procedure_version_id);
  if (!version) throw new AppError('internal.unexpected', { details: { reason: 'procedure version missing' } });
  return { dossier, version, events, domainEvents: events.map(toDomainEvent), agencies };
}

export function stateOf(context: Pick<DossierContext, 'domainEvents' | 'version'>) {
  return replay(context.domainEvents, context.version.workflow);
}

export const notFound = () =>
  new AppError('dossier.not_found', { messages: { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' } });

export const iso = (d: Date | null | undefined): string | null => (d ? formatInstant(d.getTime()) : null);
