/**
 * Reading the delivery ledger (`notifications`, migration 0026) for the console. The scope is the
 * dossier lists' (dossiers.list.ts): a message is the caller's when its dossier's receiving or
 * handling agency is inside one of their subtrees, when they prepared the dossier, when it has no
 * dossier and its own agency is inside one, or when it was addressed to them.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DeliveryStatus, NotificationChannel, NotificationKind } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';

export interface NotificationFilter {
  statuses?: DeliveryStatus[] | undefined;
  channel?: NotificationChannel | undefined;
  kind?: NotificationKind | undefined;
  dossierCode?: string | undefined;
  dossierId?: number | undefined;
  destination?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  limit: number;
  offset: number;
}

/** Whose messages: the caller's user id and the subtree roots of their reading roles; none: every message (a dossier already checked). */
export interface NotificationScope {
  userId: string;
  paths: readonly string[];
}

type From = ExpressionBuilder<Database & { n: Database['notifications']; d: Database['dossiers']; ra: Database['agencies']; ha: Database['agencies']; na: Database['agencies'] }, 'n' | 'd' | 'ra' | 'ha' | 'na'>;

function within(eb: From, column: 'ra.path' | 'ha.path' | 'na.path', paths: readonly string[]): Expression<SqlBool> {
  return paths.length ? eb.or(paths.map((p) => eb(eb.fn('starts_with', [column, eb.val(p)]), '=', true))) : sql<SqlBool>`false`;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('dossiers as d', 'd.id', 'n.dossier_id')
    .leftJoin('agencies as ra', 'ra.id', 'd.agency_id')
    .leftJoin('agencies as ha', 'ha.id', 'd.handling_agency_id')
    .leftJoin('agencies as na', 'na.id', 'n.agency_id');
}

const columns = [
  'n.id', 'n.kind', 'n.channel', 'n.recipient_kind', 'n.user_id', 'n.destination', 'n.locale', 'n.status', 'n.attempts', 'n.subject', 'n.last_error',
  'n.dossier_id', 'd.code as dossier_code', 'd.prepared_by', 'n.created_at', 'n.sent_at', 'n.delivered_at', 'n.failed_at', 'n.resend_of',
  'ra.path as receiving_path', 'ha.path as handling_path', 'na.path as own_agency_path',
  sql<string | null>`coalesce(ra.name, na.name)`.as('agency_name'),
  sql<string | null>`(n.variables ->> 'recipientName')`.as('recipient_name'),
] as const;

export async function listNotifications(db: Kysely<Database>, scope: NotificationScope | undefined, f: NotificationFilter) {
  let query = base(db);
  if (scope) {
    query = query.where((eb) => eb.or([
      eb('n.user_id', '=', scope.userId),
      eb.and([eb('n.dossier_id', 'is not', null), eb.or([within(eb, 'ra.path', scope.paths), within(eb, 'ha.path', scope.paths), eb('d.prepared_by', '=', scope.userId)])]),
      eb.and([eb('n.dossier_id', 'is', null), within(eb, 'na.path', scope.paths)]),
    ]));
  }
  if (f.statuses?.length) query = query.where('n.status', 'in', f.statuses);
  if (f.channel) query = query.where('n.channel', '=', f.channel);
  if (f.kind) query = query.where('n.kind', '=', f.kind);
  if (f.dossierId !== undefined) query = query.where('n.dossier_id', '=', f.dossierId);
  if (f.dossierCode) query = query.where(sql`upper(d.code)`, '=', sql`upper(${f.dossierCode})`);
  if (f.destination) query = query.where('n.destination', 'ilike', containsPattern(f.destination));
  if (f.createdFrom) query = query.where('n.created_at', '>=', f.createdFrom);
  if (f.createdTo) query = query.where('n.created_at', '<', f.createdTo);
  const [rows, count] = await Promise.all([
    // Newest first: the index notifications_recent (created_at DESC).
    query.select(columns).orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.n) };
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['items'][number];

export async function findNotification(db: Kysely<Database>, id: number) {
  return base(db)
    .select([...columns, 'n.body', 'n.next_attempt_at', 'n.provider_message_id', 'n.citizen_id', 'n.agency_id', 'n.variables', 'd.agency_id as dossier_agency_id'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export type NotificationDetailRow = NonNullable<Awaited<ReturnType<typeof findNotification>>>;

/** The messages that send `id` again, oldest first. */
export async function resendsOf(db: Kysely<Database>, id: number) {
  return db.selectFrom('notifications').select(['id', 'status', 'created_at']).where('resend_of', '=', id).orderBy('id').execute();
}
