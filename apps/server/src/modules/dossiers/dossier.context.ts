/**
 * Loads what a decision about one dossier needs: its row, the procedure version it is bound to,
 * its action log folded into a state, and the agencies involved.
 */
import type { Kysely } from 'kysely';
import {
  AppError, formatInstant, replay, type Actor, type ActorRole, type DossierAction, type DossierEvent,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';
import type { AgencyRef, ReferenceCache } from '../reference/reference.cache.ts';
import { canViewDossier, type DossierAgencies } from './dossiers.policies.ts';
import * as repo from './dossiers.repository.ts';

export type { AgencyRef } from '../reference/reference.cache.ts';

export interface DossierContext {
  dossier: repo.DossierRow;
  version: ProcedureVersionRow;
  events: repo.DossierEventRow[];
  domainEvents: DossierEvent[];
  agencies: DossierAgencies & { receiving: AgencyRef; handling: AgencyRef; byId: Map<string, AgencyRef> };
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
    delivery: data.delivery === 'counter' || data.delivery === 'post' || data.delivery === 'download' ? data.delivery : undefined,
  };
}

/**
 * Loads a dossier for `actor`; one they may not see answers "not found", as if it did not exist.
 * With `lock`, the row stays locked until the transaction ends.
 */
export async function loadDossierContext(
  db: Kysely<Database>,
  refs: ReferenceCache,
  actor: Actor,
  dossierId: number,
  options: { lock?: boolean } = {},
): Promise<DossierContext> {
  const dossier = options.lock ? await repo.lockDossier(db, dossierId) : await repo.findDossier(db, dossierId);
  if (!dossier) throw notFound();
  const ctx = await contextOf(db, refs, dossier);
  if (!canViewDossier(actor, ctx.agencies, ctx.dossier.prepared_by)) throw notFound();
  return ctx;
}

/** The context of a dossier row (and its log, when already at hand), with no access check. */
export async function contextOf(
  db: Kysely<Database>,
  refs: ReferenceCache,
  dossier: repo.DossierRow,
  knownEvents?: repo.DossierEventRow[],
): Promise<DossierContext> {
  const events = withImportRow(dossier, knownEvents ?? (await repo.eventsOf(db, dossier.id)));
  const involved = [dossier.agency_id, dossier.handling_agency_id, ...events.flatMap((e) => (e.handling_agency_id ? [e.handling_agency_id] : []))];
  const byId = await refs.agencies(db, involved);
  const receiving = byId.get(dossier.agency_id)!;
  const handling = byId.get(dossier.handling_agency_id)!;
  const version = await refs.version(db, dossier.procedure_version_id);
  if (!version) throw new AppError('internal.unexpected', { details: { reason: 'procedure version missing' } });
  return {
    dossier,
    version,
    events,
    domainEvents: events.map(toDomainEvent),
    agencies: {
      receiving,
      handling,
      byId,
      receivingPath: receiving.path,
      handlingPath: handling.path,
      involvedPaths: [...new Set(involved)].map((id) => byId.get(id)!.path),
    },
  };
}

/**
 * Imported history starts its log at row 2: row 1, the receipt recorded by the previous system,
 * is the dossier row's own data and is not stored (a row less for each of millions of dossiers).
 */
function withImportRow(dossier: repo.DossierRow, events: repo.DossierEventRow[]): repo.DossierEventRow[] {
  if (!dossier.imported || !dossier.received_at || events[0]?.seq === 1) return events;
  const row: repo.DossierEventRow = {
    id: 0, dossier_id: dossier.id, seq: 1, action: 'import', at: dossier.received_at, actor_kind: 'system', actor_id: null,
    actor_name: 'import', actor_role: 'system', from_status: null, to_status: 'received', step_index: 0, step_name: null, participant: 0,
    handling_agency_id: dossier.agency_id, assignee_id: null, step_due_at: null, clock_due_at: dossier.due_at, note: null, reasons: null,
    data: { channel: dossier.channel }, form: null, request_id: null,
  };
  return [row, ...events];
}

export function stateOf(context: Pick<DossierContext, 'domainEvents' | 'version'>) {
  return replay(context.domainEvents, context.version.workflow);
}

export const notFound = () =>
  new AppError('dossier.not_found', { messages: { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' } });

export const iso = (d: Date | null | undefined): string | null => (d ? formatInstant(d.getTime()) : null);
