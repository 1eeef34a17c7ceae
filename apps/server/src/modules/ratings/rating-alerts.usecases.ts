/**
 * Low ratings alert the unit's leaders (docs/rules/service-quality.md): a rating at or below the
 * domain's threshold (`isLowRating`) raises an alert for the dossier's receiving unit and tells
 * its leaders through the notifications outbox, both in the rating's transaction; the leaders
 * find the alerts of their units in the console and mark each one handled, with a note, once
 * (audited).
 */
import type { Kysely } from 'kysely';
import {
  AppError, isLowRating, notificationTime, ratingAlertsLink, ratingCommentExcerpt, ratingLevelOf,
  type Actor, type RatingScore, type TemplateVariables,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { staffDestination } from '../notifications/dossier-notices.ts';
import { enqueueNotifications, type NewNotification } from '../notifications/outbox.repository.ts';
import { alertScope, mayHandleAlert, mayReadAlert } from './rating-alerts.policies.ts';
import { presentAlert } from './rating-alerts.presenter.ts';
import * as repo from './rating-alerts.repository.ts';

export interface RatedDossier {
  dossier: { id: number; code: string; agencyId: string };
  /** The receiving unit's name and the procedure's, as the message names them. */
  agencyName: string;
  procedureName: string;
  score: RatingScore;
  comment: string | null;
  at: Date;
}

/**
 * In the rating's transaction: for a low rating, the alert of the receiving unit and a message to
 * each of its leaders (e-mail, else SMS; once per leader: the dedupe key). Nothing for a rating
 * above the threshold. Returns whether it alerted and how many messages it added.
 */
export async function alertOnLowRating(tx: Kysely<Database>, rated: RatedDossier, deps: Pick<Deps, 'config'>): Promise<{ alerted: boolean; messages: number }> {
  if (!isLowRating(rated.score)) return { alerted: false, messages: 0 };
  const { dossier } = rated;
  await repo.insertAlert(tx, { dossierId: dossier.id, agencyId: dossier.agencyId, score: rated.score, at: rated.at });
  const level = ratingLevelOf(rated.score);
  const variables: TemplateVariables = {
    code: dossier.code,
    link: ratingAlertsLink(deps.config.publicBaseUrl, dossier.code),
    procedureName: rated.procedureName,
    agencyName: rated.agencyName,
    score: { vi: `${rated.score} – ${level.vi}`, en: `${rated.score} – ${level.en}` },
    comment: rated.comment?.trim() ? ratingCommentExcerpt(rated.comment) : { vi: '(không có)', en: '(none)' },
    ratedAt: notificationTime(rated.at.getTime()),
  };
  const messages: NewNotification[] = [];
  for (const leader of await repo.unitLeaders(tx, dossier.agencyId)) {
    const target = staffDestination(leader);
    if (!target) continue;
    messages.push({
      kind: 'low_rating', ...target, recipientKind: 'staff', userId: leader.id, locale: 'vi',
      dossierId: dossier.id, agencyId: dossier.agencyId, variables: { ...variables, recipientName: leader.full_name },
      dedupeKey: `low_rating:${dossier.id}:${leader.id}`,
    });
  }
  return { alerted: true, messages: (await enqueueNotifications(tx, messages, rated.at)).length };
}

export interface AlertQuery {
  state: repo.AlertState;
  code?: string | undefined;
  limit: number;
  offset: number;
}

/** The alerts of the caller's units, newest first, with how many there are and how many are open. */
export async function listRatingAlerts(actor: Actor, query: AlertQuery, deps: Pick<Deps, 'db' | 'references'>) {
  const page = await repo.listAlerts(deps.db, { scopePaths: alertScope(actor), ...query });
  const answers = await repo.answersOf(deps.db, page.items.map((r) => r.dossier_id));
  const items = [];
  for (const row of page.items) {
    const version = await deps.references.version(deps.db, row.procedure_version_id);
    items.push(presentAlert(row, version?.name ?? '', answers.get(row.dossier_id) ?? {}, mayHandleAlert(actor, row.agency_path)));
  }
  return { total: page.total, open: page.open, items };
}

/** How many alerts of the caller's units are open (the console home). */
export async function openRatingAlerts(actor: Actor, deps: Pick<Deps, 'db'>): Promise<number> {
  return repo.openAlertCount(deps.db, alertScope(actor));
}

const notFound = () => new AppError('rating_alert.not_found');

/**
 * A leader of the unit (or above it) marks the alert handled, saying what was done. Audited; an
 * alert handled already is refused (409), one outside the caller's units is not found, and a
 * manager who reads it but does not lead the unit may not handle it (403).
 */
export async function handleRatingAlert(context: AuditContext, dossierId: number, note: string, deps: Pick<Deps, 'db' | 'references' | 'clock'>) {
  const actor = context.actor;
  const alert = await repo.findAlert(deps.db, dossierId);
  if (!alert || !mayReadAlert(actor, alert.agency_path)) throw notFound();
  if (!mayHandleAlert(actor, alert.agency_path)) throw new AppError('auth.forbidden');
  if (alert.handled_at) throw new AppError('rating_alert.already_handled');
  const at = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.markHandled(tx, dossierId, actor.kind === 'staff' ? actor.userId : '', note, at))) throw new AppError('rating_alert.already_handled');
    await recordAudit(tx, context, {
      action: 'rating_alert.handled', entityType: 'dossier', entityId: alert.code, agencyId: alert.agency_id, details: { score: alert.score, note },
    });
  });
  const listed = await listRatingAlerts(actor, { state: 'all', code: alert.code, limit: 1, offset: 0 }, deps);
  return listed.items[0]!;
}
