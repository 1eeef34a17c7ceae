/** Reads of feedback, shaped for the API: the staff's (scoped to their agencies), the sender's and the public's. */
import type { z } from 'zod';
import {
  AppError, addFeedbackFigures, allowedFeedbackActions, emptyFeedbackFigures, feedbackOnTimeShare, feedbackStatusLink, reportInstants,
  feedbackTimeliness, foldVietnamese, formatInstant, isFeedbackCode, isFeedbackOverdue, isSeparateProcedure, normalizeFeedbackCode,
  redactPersonalData, separateProcedures, startOfLocalDay, endOfLocalDay, totalRemoved,
  type Actor, type FeedbackCategory, type FeedbackFigures, type FeedbackLogAction, type FeedbackStatus, type PlainDate,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { assertPeriod, narrowScope } from '../reports/reports.usecases.ts';
import * as repo from './feedback.repository.ts';
import { canReadFeedback, feedbackFigureScope, feedbackNotFound, feedbackScope, isSendersAccount, rolesAt } from './feedback.policies.ts';
import type {
  CitizenFeedbackItem, FeedbackDetail, FeedbackListItem, FeedbackListQuery, FiguresReport, PublicFeedback, PublishedItem, SubmittedFeedback,
} from './feedback.schemas.ts';
import { knownPersonalData } from './feedback.usecases.ts';

const iso = (d: Date | null | undefined) => (d ? formatInstant(d.getTime()) : null);
const categoryOf = (c: FeedbackCategory | null): FeedbackCategory => c ?? 'feedback';
const onTimeOf = (answeredAt: Date | null, dueAt: Date): boolean | null => (answeredAt ? feedbackTimeliness(answeredAt.getTime(), dueAt.getTime()) === 'on_time' : null);
const wordsOf = (q: string | undefined): string[] => (q ? foldVietnamese(q).split(' ').filter(Boolean) : []);

function refusalOf(status: FeedbackStatus, category: FeedbackCategory | null): z.infer<typeof PublicFeedback>['refusal'] {
  if (status !== 'refused' || !isSeparateProcedure(category)) return null;
  return { category, law: separateProcedures[category].law, guidance: separateProcedures[category].guidance };
}

/** The code as typed, or `feedback.invalid_code`. */
export function feedbackCodeOf(input: string): string {
  const code = normalizeFeedbackCode(input);
  if (!isFeedbackCode(code)) throw new AppError('feedback.invalid_code');
  return code;
}

export function presentSubmitted(received: { code: string; securityCode: string; receivedAt: Date; dueAt: Date; status: FeedbackStatus; agency: { code: string; name: string } }, category: FeedbackCategory | undefined, publicBaseUrl: string): z.infer<typeof SubmittedFeedback> {
  return {
    code: received.code, receivedAt: iso(received.receivedAt)!, dueAt: iso(received.dueAt)!, status: received.status,
    agency: { code: received.agency.code, name: received.agency.name }, securityCode: received.securityCode,
    statusUrl: feedbackStatusLink(publicBaseUrl, received.code), refusal: refusalOf(received.status, category ?? null),
  };
}

function publicationOf(row: Pick<repo.FeedbackRow, 'published_at' | 'published_title' | 'published_content' | 'published_answer'>) {
  return row.published_at && row.published_answer !== null
    ? { title: row.published_title ?? '', content: row.published_content ?? '', answer: row.published_answer, publishedAt: iso(row.published_at)! }
    : null;
}

/**
 * The public status of a feedback: its status, unit, dates and, once published, the redacted
 * question and answer. Its own text only to its sender (signed in as them, or `proven` with the
 * security code).
 */
export function presentPublic(row: repo.FeedbackRow, actor: Actor, proven = false): z.infer<typeof PublicFeedback> {
  const own = proven || isSendersAccount(actor, row);
  return {
    code: row.code, status: row.status, category: categoryOf(row.category), agency: { code: row.agency_code, name: row.agency_name },
    receivedAt: iso(row.received_at)!, dueAt: iso(row.due_at)!, waitingForSender: row.status === 'waiting_sender',
    answeredAt: iso(row.answered_at), onTime: onTimeOf(row.answered_at, row.due_at), refusal: refusalOf(row.status, row.category),
    publication: publicationOf(row),
    own: own ? { title: row.title, content: row.content, answer: row.answer, senderName: row.sender_name, publishConsent: row.publish_consent } : null,
  };
}

export async function publicFeedback(code: string, actor: Actor, deps: Pick<Deps, 'db'>) {
  const row = await repo.findFeedback(deps.db, { code: feedbackCodeOf(code) });
  if (!row) throw feedbackNotFound();
  return presentPublic(row, actor);
}

/** The published answers, searched without diacritics (the catalogue's folding, `motcua_fold`). */
export async function publishedList(q: { q?: string | undefined; agency?: string | undefined; limit: number; offset: number }, deps: Pick<Deps, 'db'>) {
  let agencyPath: string | undefined;
  if (q.agency) {
    const agency = await deps.db.selectFrom('agencies').select('path').where('code', '=', q.agency).executeTakeFirst();
    if (!agency) return { items: [], total: 0 };
    agencyPath = agency.path;
  }
  const page = await repo.publishedFeedback(deps.db, { words: wordsOf(q.q), agencyPath, limit: q.limit, offset: q.offset });
  return {
    total: page.total,
    items: page.items.map((r): z.infer<typeof PublishedItem> => ({
      code: r.code, category: categoryOf(r.category), agency: { code: r.agency_code, name: r.agency_name }, title: r.published_title ?? '',
      content: r.published_content ?? '', answer: r.published_answer ?? '', receivedAt: iso(r.received_at)!, answeredAt: iso(r.answered_at)!,
      publishedAt: iso(r.published_at)!, onTime: onTimeOf(r.answered_at, r.due_at) ?? true,
    })),
  };
}

export async function citizenList(actor: Actor, page: { limit: number; offset: number }, deps: Pick<Deps, 'db'>) {
  if (actor.kind !== 'citizen' || !actor.account) throw new AppError('auth.forbidden');
  const rows = await repo.citizenFeedback(deps.db, actor.citizenId, page);
  return {
    total: rows.total,
    items: rows.items.map((r): z.infer<typeof CitizenFeedbackItem> => ({
      code: r.code, title: r.title, category: categoryOf(r.category), status: r.status, agencyName: r.agency_name, receivedAt: iso(r.received_at)!,
      dueAt: iso(r.due_at)!, answeredAt: iso(r.answered_at), published: r.published_at !== null,
    })),
  };
}

interface ListRow {
  id: string; code: string; agency_id: string; agency_name: string; channel: z.infer<typeof FeedbackListItem>['channel']; category: FeedbackCategory | null;
  title: string; sender_name: string | null; status: FeedbackStatus; received_at: Date; due_at: Date; waiting_since: Date | null;
  answered_at: Date | null; refused_at: Date | null; published_at: Date | null; publish_consent: boolean;
}

function presentItem(r: ListRow, now: Date): z.infer<typeof FeedbackListItem> {
  return {
    id: r.id, code: r.code, agencyId: r.agency_id, agencyName: r.agency_name, channel: r.channel, category: categoryOf(r.category), title: r.title,
    senderName: r.sender_name, status: r.status, receivedAt: iso(r.received_at)!, dueAt: iso(r.due_at)!, answeredAt: iso(r.answered_at),
    refusedAt: iso(r.refused_at), publishedAt: iso(r.published_at), publishConsent: r.publish_consent,
    overdue: isFeedbackOverdue({ status: r.status, dueAt: r.due_at.getTime(), waitingSince: r.waiting_since?.getTime() ?? null }, now.getTime()),
    onTime: onTimeOf(r.answered_at, r.due_at),
  };
}

export async function feedbackList(actor: Actor, q: z.infer<typeof FeedbackListQuery>, deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock();
  const scope = feedbackScope(actor);
  const narrowed = q.agency ? await narrowScope(deps.db, scope, q.agency) : scope;
  const page = await repo.listFeedback(deps.db, {
    scopePaths: narrowed, status: q.status, category: q.category, channel: q.channel, overdueAt: q.overdue === 'true' ? now : undefined,
    receivedFrom: q.from ? new Date(startOfLocalDay(q.from as PlainDate)) : undefined, receivedTo: q.to ? new Date(endOfLocalDay(q.to as PlainDate)) : undefined,
    words: wordsOf(q.q), limit: q.limit, offset: q.offset,
  });
  return { total: page.total, items: page.items.map((r) => presentItem(r as ListRow, now)) };
}

export async function feedbackDetail(actor: Actor, id: string, deps: Pick<Deps, 'db' | 'clock'>): Promise<z.infer<typeof FeedbackDetail>> {
  const row = await repo.findFeedback(deps.db, { id });
  if (!row || !canReadFeedback(actor, row.agency_path)) throw feedbackNotFound();
  const events = await repo.feedbackEvents(deps.db, id);
  const known = knownPersonalData(row);
  const preview = row.publish_consent && row.status !== 'refused' && row.published_at === null
    ? (() => {
      const parts = [redactPersonalData(row.title, known), redactPersonalData(row.content, known), ...(row.answer ? [redactPersonalData(row.answer, known, { generic: false })] : [])];
      return { title: parts[0]!.text, content: parts[1]!.text, answer: parts[2]?.text ?? null, removed: totalRemoved(parts) };
    })()
    : null;
  return {
    ...presentItem({ ...row, agency_name: row.agency_name } as ListRow, deps.clock()),
    agencyCode: row.agency_code,
    addressedAgencyName: row.addressed_agency_name,
    content: row.content,
    sender: { name: row.sender_name, phone: row.sender_phone, email: row.sender_email, address: row.sender_address },
    citizenLinked: row.citizen_id !== null,
    assignedAt: iso(row.assigned_at),
    waitingSince: iso(row.waiting_since),
    answer: row.answer,
    refusal: refusalOf(row.status, row.category),
    publication: publicationOf(row),
    preview,
    allowedActions: allowedFeedbackActions({ status: row.status, publishConsent: row.publish_consent, published: row.published_at !== null }, rolesAt(actor, row.agency_path)),
    events: events.map((e) => ({
      action: e.action as FeedbackLogAction, from: e.from_status, to: e.to_status, actorKind: e.actor_kind, actorName: e.actor_name,
      at: iso(e.at)!, details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown>,
    })),
  };
}

/** The figures per unit of the caller's scope (or an agency's subtree inside it), for the local days `from`–`to`. */
export async function feedbackFiguresReport(actor: Actor, q: { from: string; to: string; agency?: string | undefined }, deps: Pick<Deps, 'db' | 'clock'>): Promise<z.infer<typeof FiguresReport>> {
  const period = { from: q.from as PlainDate, to: q.to as PlainDate };
  assertPeriod(period);
  const now = deps.clock().getTime();
  const window = reportInstants(period, now);
  const scope = await narrowScope(deps.db, feedbackFigureScope(actor), q.agency);
  const rows = await repo.feedbackFigureRows(deps.db, { scopePaths: scope, start: new Date(window.start), end: new Date(window.end) });
  const withShare = (f: FeedbackFigures) => ({ ...f, onTimeShare: feedbackOnTimeShare(f) });
  const items = rows.map((r) => {
    const f: FeedbackFigures = {
      received: Number(r.received), answeredOnTime: Number(r.answered_on_time), answeredLate: Number(r.answered_late), refused: Number(r.refused),
      pending: Number(r.pending), pendingOverdue: Number(r.pending_overdue),
    };
    return { agencyId: r.agency_id, agencyCode: r.agency_code, agencyName: r.agency_name, ...withShare(f) };
  });
  return {
    period: { ...period, ...(window.asOf === null ? {} : { asOf: formatInstant(window.asOf) }) },
    generatedAt: formatInstant(now),
    total: withShare(items.reduce<FeedbackFigures>((sum, r) => addFeedbackFigures(sum, r), emptyFeedbackFigures())),
    rows: items,
  };
}
