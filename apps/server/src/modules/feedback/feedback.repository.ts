/** SQL of feedback and petitions. No rules here: the use cases and the domain decide, these read and write. */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { FeedbackCategory, FeedbackChannel, FeedbackLogAction, FeedbackStatus } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { FeedbackTable } from '../../db/schema-quality.ts';
import { containsPattern } from '../../db/like.ts';

export type NewFeedback = Insertable<FeedbackTable>;
export type FeedbackChanges = Omit<Updateable<FeedbackTable>, 'id' | 'code' | 'received_at' | 'channel' | 'published_search'>;

/** Inserts a feedback unless its code is taken (then undefined: the caller draws another code). */
export async function insertFeedback(tx: Kysely<Database>, values: NewFeedback): Promise<string | undefined> {
  const row = await tx.insertInto('feedback').values(values).onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function updateFeedback(tx: Kysely<Database>, id: string, values: FeedbackChanges): Promise<void> {
  await tx.updateTable('feedback').set(values).where('id', '=', id).execute();
}

export interface NewFeedbackEvent {
  feedbackId: string;
  action: FeedbackLogAction;
  from: FeedbackStatus | null;
  to: FeedbackStatus;
  actorKind: 'staff' | 'citizen' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  at: Date;
  details?: Record<string, unknown>;
}

export async function insertFeedbackEvent(tx: Kysely<Database>, e: NewFeedbackEvent): Promise<void> {
  await tx
    .insertInto('feedback_events')
    .values({
      feedback_id: e.feedbackId, action: e.action, from_status: e.from, to_status: e.to, actor_kind: e.actorKind, actor_id: e.actorId,
      actor_name: e.actorName, at: e.at, details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export async function feedbackEvents(db: Kysely<Database>, feedbackId: string) {
  return db
    .selectFrom('feedback_events')
    .select(['action', 'from_status', 'to_status', 'actor_kind', 'actor_name', 'at', 'details'])
    .where('feedback_id', '=', feedbackId)
    .orderBy('id')
    .execute();
}

const feedbackColumns = [
  'f.id', 'f.code', 'f.agency_id', 'f.addressed_agency_id', 'f.channel', 'f.category', 'f.title', 'f.content', 'f.sender_name', 'f.sender_phone',
  'f.sender_email', 'f.sender_address', 'f.citizen_id', 'f.publish_consent', 'f.status', 'f.received_at', 'f.due_at', 'f.assigned_at', 'f.waiting_since',
  'f.answered_at', 'f.answer', 'f.answered_by', 'f.refused_at', 'f.published_at', 'f.published_title', 'f.published_content', 'f.published_answer',
  'f.security_code_hash', 'f.received_by',
] as const;

function withAgencies(db: Kysely<Database>) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .leftJoin('agencies as aa', 'aa.id', 'f.addressed_agency_id');
}

/** One feedback with the path, code and name of the agency it is with; locked for the caller's transaction when `lock`. */
export async function findFeedback(db: Kysely<Database>, by: { id: string } | { code: string }, lock = false) {
  let q = withAgencies(db)
    .select(feedbackColumns)
    .select(['a.path as agency_path', 'a.code as agency_code', 'a.name as agency_name', 'aa.name as addressed_agency_name']);
  q = 'id' in by ? q.where('f.id', '=', by.id) : q.where('f.code', '=', by.code);
  if (lock) q = q.forUpdate('f');
  return q.executeTakeFirst();
}
export type FeedbackRow = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

/** An agency by id or code, with what decides whether it is in force on `date` (YYYY-MM-DD). */
export async function findAgency(db: Kysely<Database>, by: { id: string } | { code: string }, date: string) {
  let q = db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'path'])
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]));
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('code', '=', by.code);
  return q.executeTakeFirst();
}

/** The one agency at the top of the hierarchy; undefined when there is none or several. */
export async function rootAgency(db: Kysely<Database>) {
  const roots = await db.selectFrom('agencies').select(['id', 'code', 'name', 'path']).where('parent_id', 'is', null).orderBy('code').limit(2).execute();
  return roots.length === 1 ? roots[0] : undefined;
}

export async function userName(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirst())?.full_name;
}

type From = ExpressionBuilder<Database & { f: Database['feedback']; a: Database['agencies'] }, 'f' | 'a'>;

const withinAny = (eb: From, paths: readonly string[]): Expression<SqlBool> =>
  paths.length ? eb.or(paths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))) : sql<SqlBool>`false`;

/**
 * Open at `at` and overdue then (domain `isFeedbackOverdue` with the state of today): the due
 * instant has passed, unless the feedback has been waiting for its sender since before `at` and
 * was not yet overdue when the wait began.
 */
export function overdueAt(eb: From, at: Date): Expression<SqlBool> {
  return eb.and([
    eb('f.status', 'in', ['received', 'assigned', 'waiting_sender']),
    eb('f.due_at', '<', at),
    eb.not(eb.and([eb('f.waiting_since', 'is not', null), eb('f.waiting_since', '<=', at), eb('f.due_at', '>', eb.ref('f.waiting_since'))])),
  ]);
}

export interface FeedbackFilter {
  /** Agency subtrees the caller reads (materialised paths); empty: nothing. */
  scopePaths: readonly string[];
  /** Only this agency's subtree (must be inside the scope). */
  agencyPath?: string | undefined;
  status?: FeedbackStatus | undefined;
  category?: FeedbackCategory | undefined;
  channel?: FeedbackChannel | undefined;
  /** Open and past the due instant at this instant. */
  overdueAt?: Date | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  /** Words of the title, the content, the code or the sender's name, folded: each must occur. */
  words?: string[] | undefined;
  limit: number;
  offset: number;
}

/** A page of the feedback the caller reads: open first by due instant, then the newest. */
export async function listFeedback(db: Kysely<Database>, f: FeedbackFilter) {
  const where = (eb: From): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [withinAny(eb, f.scopePaths)];
    if (f.agencyPath) conditions.push(eb(eb.fn('starts_with', ['a.path', eb.val(f.agencyPath)]), '=', true));
    if (f.status) conditions.push(eb('f.status', '=', f.status));
    if (f.category) conditions.push(f.category === 'feedback' ? eb.or([eb('f.category', '=', 'feedback'), eb('f.category', 'is', null)]) : eb('f.category', '=', f.category));
    if (f.channel) conditions.push(eb('f.channel', '=', f.channel));
    if (f.overdueAt) conditions.push(overdueAt(eb, f.overdueAt));
    if (f.receivedFrom) conditions.push(eb('f.received_at', '>=', f.receivedFrom));
    if (f.receivedTo) conditions.push(eb('f.received_at', '<', f.receivedTo));
    for (const word of f.words ?? []) {
      conditions.push(eb(sql`motcua_fold(f.code || ' ' || f.title || ' ' || f.content || ' ' || coalesce(f.sender_name, ''))`, 'like', containsPattern(word)));
    }
    return eb.and(conditions);
  };
  const base = db.selectFrom('feedback as f').innerJoin('agencies as a', 'a.id', 'f.agency_id').where(where);
  const [items, total] = await Promise.all([
    base
      .select([
        'f.id', 'f.code', 'f.agency_id', 'a.name as agency_name', 'f.channel', 'f.category', 'f.title', 'f.sender_name', 'f.status', 'f.received_at',
        'f.due_at', 'f.waiting_since', 'f.answered_at', 'f.refused_at', 'f.published_at', 'f.publish_consent',
      ])
      .orderBy(sql`CASE WHEN f.status IN ('received', 'assigned', 'waiting_sender') THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN f.status IN ('received', 'assigned', 'waiting_sender') THEN f.due_at END`, sql`asc nulls last`)
      .orderBy('f.received_at', 'desc')
      .orderBy('f.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The feedback a signed-in citizen sent, newest first. */
export async function citizenFeedback(db: Kysely<Database>, citizenId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('feedback as f').innerJoin('agencies as a', 'a.id', 'f.agency_id').where('f.citizen_id', '=', citizenId);
  const [items, total] = await Promise.all([
    base
      .select(['f.code', 'f.title', 'f.category', 'f.status', 'f.received_at', 'f.due_at', 'f.answered_at', 'f.published_at', 'a.name as agency_name'])
      .orderBy('f.received_at', 'desc')
      .orderBy('f.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Published answers, newest first, searched in their published (redacted) text with folded words. */
export async function publishedFeedback(db: Kysely<Database>, f: { words: string[]; agencyPath?: string | undefined; limit: number; offset: number }) {
  let base = db.selectFrom('feedback as f').innerJoin('agencies as a', 'a.id', 'f.agency_id').where('f.published_at', 'is not', null);
  for (const word of f.words) base = base.where('f.published_search', 'like', containsPattern(word));
  if (f.agencyPath) base = base.where((eb) => eb(eb.fn('starts_with', ['a.path', eb.val(f.agencyPath!)]), '=', true));
  const [items, total] = await Promise.all([
    base
      .select([
        'f.code', 'f.category', 'f.published_title', 'f.published_content', 'f.published_answer', 'f.received_at', 'f.answered_at', 'f.published_at',
        'f.due_at', 'a.code as agency_code', 'a.name as agency_name',
      ])
      .orderBy('f.published_at', 'desc')
      .orderBy('f.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * The figures of docs/rules/service-quality.md ("Figures") per agency of the scope, over
 * [start, end) — the same definitions as the domain's `feedbackFigures`, counted in SQL.
 */
export async function feedbackFigureRows(db: Kysely<Database>, input: { scopePaths: readonly string[]; start: Date; end: Date }) {
  if (input.scopePaths.length === 0) return [];
  const { start, end } = input;
  return db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .where((eb) => withinAny(eb, input.scopePaths))
    .where((eb) => eb.or([
      eb.and([eb('f.received_at', '>=', start), eb('f.received_at', '<', end)]),
      eb.and([eb('f.answered_at', '>=', start), eb('f.answered_at', '<', end)]),
      eb.and([eb('f.refused_at', '>=', start), eb('f.refused_at', '<', end)]),
      eb.and([eb('f.received_at', '<', end), eb.or([eb('f.answered_at', 'is', null), eb('f.answered_at', '>=', end)]), eb.or([eb('f.refused_at', 'is', null), eb('f.refused_at', '>=', end)])]),
    ]))
    .select([
      'a.id as agency_id', 'a.code as agency_code', 'a.name as agency_name', 'a.path as agency_path',
      sql<string>`count(*) FILTER (WHERE f.received_at >= ${start} AND f.received_at < ${end})`.as('received'),
      sql<string>`count(*) FILTER (WHERE f.answered_at >= ${start} AND f.answered_at < ${end} AND f.answered_at <= f.due_at)`.as('answered_on_time'),
      sql<string>`count(*) FILTER (WHERE f.answered_at >= ${start} AND f.answered_at < ${end} AND f.answered_at > f.due_at)`.as('answered_late'),
      sql<string>`count(*) FILTER (WHERE f.refused_at >= ${start} AND f.refused_at < ${end})`.as('refused'),
      sql<string>`count(*) FILTER (WHERE f.received_at < ${end} AND (f.answered_at IS NULL OR f.answered_at >= ${end}) AND (f.refused_at IS NULL OR f.refused_at >= ${end}))`.as('pending'),
      sql<string>`count(*) FILTER (WHERE f.received_at < ${end} AND (f.answered_at IS NULL OR f.answered_at >= ${end}) AND (f.refused_at IS NULL OR f.refused_at >= ${end})
        AND f.due_at < ${end} AND NOT (f.waiting_since IS NOT NULL AND f.waiting_since <= ${end} AND f.due_at > f.waiting_since))`.as('pending_overdue'),
    ])
    .groupBy(['a.id', 'a.code', 'a.name', 'a.path'])
    .orderBy('a.path')
    .execute();
}

/** Open feedback past its due instant at `at` whose leaders were not told yet (the escalation sweep). */
export async function overdueCandidates(db: Kysely<Database>, at: Date) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .where('f.overdue_notified_at', 'is', null)
    .where((eb) => overdueAt(eb, at))
    .select(['f.id', 'f.code', 'f.title', 'f.agency_id', 'f.received_at', 'f.due_at', 'a.name as agency_name', 'a.path as agency_path'])
    .orderBy('f.due_at')
    .execute();
}

/** Marks the feedback's leaders as told; false when another sweep did it first. */
export async function markOverdueNotified(tx: Kysely<Database>, id: string, at: Date): Promise<boolean> {
  const row = await tx.updateTable('feedback').set({ overdue_notified_at: at }).where('id', '=', id).where('overdue_notified_at', 'is', null).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Active leaders assigned to each of the agencies, by agency id. */
export async function leadersOf(db: Kysely<Database>, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return new Map<string, Array<{ id: string; full_name: string; email: string | null; phone: string | null }>>();
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.agency_id', 'u.id', 'u.full_name', 'u.email', 'u.phone'])
    .where('r.role', '=', 'leader')
    .where('r.agency_id', 'in', [...agencyIds])
    .where('u.disabled', '=', false)
    .orderBy('u.full_name')
    .execute();
  const out = new Map<string, Array<{ id: string; full_name: string; email: string | null; phone: string | null }>>();
  for (const r of rows) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), { id: r.id, full_name: r.full_name, email: r.email, phone: r.phone }]);
  return out;
}
