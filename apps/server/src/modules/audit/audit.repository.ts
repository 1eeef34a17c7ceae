/**
 * The append-only audit trail. Rows are only ever inserted (the database refuses updates and
 * deletes). Write them in the same transaction as the change they record.
 */
import type { Kysely } from 'kysely';
import type { Actor, AuditAction } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';
import { fixedInsert } from '../../db/prepared.ts';

export interface AuditContext {
  actor: Actor;
  actorName?: string | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
  /**
   * When, by the server's clock (`deps.clock`, which tests and MOTCUA_CLOCK_START set). An
   * entry's own `at` wins; without either the database's clock stamps the row.
   */
  at?: Date | undefined;
}

export interface AuditEntry {
  /** Only actions with a label (the domain's `auditActionLabels`): the trail never shows a raw key. */
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  agencyId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

const auditRows = fixedInsert('audit_insert', 'audit_events',
  ['at', 'actor_kind', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'agency_id', 'ip', 'request_id', 'details'],
  // Without an instant from the entry or the context, the database's clock (the column's default).
  { expressions: { at: (p) => `coalesce(${p}::timestamptz, now())` } });

/** The row of an audit entry, to insert with others (`insertTogether`). */
export function auditRow(context: AuditContext, entry: AuditEntry) {
  const actor = context.actor;
  return auditRows.part([[
    entry.at ?? context.at ?? null,
    actor.kind,
    actor.kind === 'staff' ? actor.userId : actor.kind === 'citizen' ? actor.citizenId : null,
    context.actorName ?? (actor.kind === 'staff' ? actor.username : null),
    entry.action,
    entry.entityType ?? null,
    entry.entityId ?? null,
    entry.agencyId ?? null,
    context.ip ?? null,
    context.requestId ?? null,
    JSON.stringify(entry.details ?? {}),
  ]]);
}

export async function recordAudit(db: Kysely<Database>, context: AuditContext, entry: AuditEntry): Promise<void> {
  await auditRows.run(db, auditRow(context, entry).rows);
}

export interface AuditEventRow {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  agencyId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  /** Agencies whose events may be read (subtree paths). */
  scopePaths: string[];
  /** Whether events of no agency (province-wide: calendar, catalogue, setup) may be read too. */
  includeProvinceWide: boolean;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** An action (`dossier.receive`) or a family of them (`dossier.`). */
  action?: string | undefined;
  /** Part of the actor's recorded name or username, case-insensitive. */
  actor?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  limit: number;
  offset: number;
}

/** Audit events of agencies inside the given subtrees (and province-wide ones when allowed), newest first. */
export async function listAuditEvents(db: Kysely<Database>, filter: AuditFilter): Promise<{ items: AuditEventRow[]; total: number }> {
  if (filter.scopePaths.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .where((eb) => eb.or([
      ...filter.scopePaths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true)),
      ...(filter.includeProvinceWide ? [eb('e.agency_id', 'is', null)] : []),
    ]));
  if (filter.entityType) query = query.where('e.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('e.entity_id', '=', filter.entityId);
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where((eb) => eb(eb.fn('starts_with', ['e.action', eb.val(filter.action!)]), '=', true))
      : query.where('e.action', '=', filter.action);
  }
  if (filter.actor) query = query.where('e.actor_name', 'ilike', containsPattern(filter.actor));
  if (filter.from) query = query.where('e.at', '>=', filter.from);
  if (filter.to) query = query.where('e.at', '<', filter.to);
  const [rows, count] = await Promise.all([
    query
      .select([
        'e.id', 'e.at', 'e.actor_kind', 'e.actor_id', 'e.actor_name', 'e.action', 'e.entity_type', 'e.entity_id',
        'e.agency_id', 'e.ip', 'e.details',
      ])
      .orderBy('e.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      agencyId: r.agency_id,
      ip: r.ip,
      details: r.details,
    })),
  };
}
