/**
 * Feedback and petitions (docs/rules/service-quality.md, "Feedback and petitions"): received from
 * the portal or taken in by staff (counter, phone, letter, e-mail), assigned to the competent
 * unit, paused while the unit waits for the sender, answered within 10 working days, published
 * without personal data when the sender agreed, or refused as a complaint or a denunciation with a
 * pointer to its own procedure. Each step writes the feedback, its log row and the audit row in
 * one transaction, with the feedback row locked; the domain decides every step.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  AppError, decideFeedbackAction, feedbackDueAt, feedbackStatusLink, feedbackTimeliness, generateFeedbackCode, isSeparateProcedure, localDateOf,
  notificationTime, pausesOfLog, redactPersonalData, type FeedbackAction, type FeedbackCategory, type FeedbackChannel,
  type FeedbackStatus, type KnownPersonalData,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newSecurityCode, sha256 } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { enqueueNotifications } from '../notifications/outbox.repository.ts';
import { secretMatches } from '../dossiers/applicant-actions.usecases.ts';
import * as repo from './feedback.repository.ts';
import { canReadFeedback, canTakeInFeedback, feedbackNotFound, rolesAt } from './feedback.policies.ts';

type UseCaseDeps = Pick<Deps, 'db' | 'clock' | 'calendars' | 'config'>;

export interface SenderInput {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

export interface FeedbackInput {
  title: string;
  content: string;
  sender?: SenderInput | undefined;
  /** The sender agrees to the publication of the answer (without their personal data). */
  publish: boolean;
  category?: FeedbackCategory | undefined;
}

/** Who acts, as the log records them. */
function logActor(context: AuditContext): Pick<repo.NewFeedbackEvent, 'actorKind' | 'actorId' | 'actorName'> {
  const a = context.actor;
  if (a.kind === 'staff') return { actorKind: 'staff', actorId: a.userId, actorName: context.actorName ?? a.username };
  if (a.kind === 'citizen') return { actorKind: 'citizen', actorId: a.citizenId, actorName: context.actorName ?? null };
  return { actorKind: 'anonymous', actorId: null, actorName: context.actorName ?? null };
}

const clean = (s: string | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

interface Received {
  id: string;
  code: string;
  /** The security code as shown to the sender (groups of four); only its SHA-256 is kept. */
  securityCode: string;
  receivedAt: Date;
  dueAt: Date;
  status: FeedbackStatus;
  agency: { id: string; code: string; name: string };
}

/**
 * Writes a new feedback, its `receive` log row and the audit row, in the caller's transaction; a
 * complaint or a denunciation is refused at once, with the pointer to its procedure. The due
 * instant is counted on the addressed agency's calendar from `receivedAt`.
 */
async function receive(
  tx: Kysely<Database>,
  context: AuditContext,
  input: FeedbackInput & { channel: FeedbackChannel; agency: { id: string; code: string; name: string }; receivedAt: Date; citizenId: string | null },
  calendars: Awaited<ReturnType<Deps['calendars']['current']>>,
): Promise<Received> {
  const dueAt = new Date(feedbackDueAt(calendars.forAgency(input.agency.id), input.receivedAt.getTime()));
  const security = newSecurityCode();
  const refused = isSeparateProcedure(input.category);
  const now = context.at ?? input.receivedAt;
  const localDate = localDateOf(input.receivedAt.getTime());
  let id: string | undefined;
  let code = '';
  // Six random symbols a day: a clash is rare, and the unique code makes it a retry.
  for (let attempt = 0; id === undefined; attempt += 1) {
    if (attempt >= 8) throw new Error('no free feedback code');
    code = generateFeedbackCode(localDate, (max) => randomInt(max));
    id = await repo.insertFeedback(tx, {
      code, agency_id: input.agency.id, addressed_agency_id: input.agency.id, channel: input.channel, category: input.category ?? null,
      title: input.title.trim(), content: input.content.trim(),
      sender_name: clean(input.sender?.name), sender_phone: clean(input.sender?.phone), sender_email: clean(input.sender?.email),
      sender_address: clean(input.sender?.address), citizen_id: input.citizenId, publish_consent: input.publish,
      status: refused ? 'refused' : 'received', received_at: input.receivedAt, due_at: dueAt, refused_at: refused ? input.receivedAt : null,
      security_code_hash: sha256(security.canonical), received_by: context.actor.kind === 'staff' ? context.actor.userId : null, updated_at: now,
    });
  }
  const actor = logActor(context);
  const details = { channel: input.channel, agency: input.agency.code, dueAt: dueAt.toISOString(), ...(input.category ? { category: input.category } : {}) };
  await repo.insertFeedbackEvent(tx, { feedbackId: id, action: 'receive', from: null, to: 'received', ...actor, at: input.receivedAt, details });
  await recordAudit(tx, context, { action: 'feedback.receive', entityType: 'feedback', entityId: code, agencyId: input.agency.id, details, at: now });
  if (refused) {
    const refusal = { category: input.category, automatic: true };
    await repo.insertFeedbackEvent(tx, { feedbackId: id, action: 'refuse', from: 'received', to: 'refused', ...actor, at: input.receivedAt, details: refusal });
    await recordAudit(tx, context, { action: 'feedback.refuse', entityType: 'feedback', entityId: code, agencyId: input.agency.id, details: refusal, at: now });
  }
  return { id, code, securityCode: security.shown, receivedAt: input.receivedAt, dueAt, status: refused ? 'refused' : 'received', agency: input.agency };
}

/**
 * A feedback sent on the portal (no sign-in needed): addressed to the agency of `agencyCode`, or
 * to the root agency when none is named; received at once. A signed-in citizen's is linked to
 * their account.
 */
export async function submitFeedback(context: AuditContext, input: FeedbackInput & { agencyCode?: string | undefined }, deps: UseCaseDeps): Promise<Received> {
  const now = context.at ?? deps.clock();
  const today = localDateOf(now.getTime());
  const agency = input.agencyCode ? await repo.findAgency(deps.db, { code: input.agencyCode }, today) : await repo.rootAgency(deps.db);
  if (!agency) throw new AppError('agency.not_found', { issues: [{ path: 'agency', message: input.agencyCode ? `no agency "${input.agencyCode}" in force` : 'no root agency' }] });
  const calendars = await deps.calendars.current();
  const citizenId = context.actor.kind === 'citizen' && context.actor.account ? context.actor.citizenId : null;
  return inTransaction(deps.db, (tx) => receive(tx, context, { ...input, channel: 'portal', agency, receivedAt: now, citizenId }, calendars));
}

/** Feedback taken in by staff at the counter, by phone, by letter or by e-mail, received when it arrived. */
export async function takeInFeedback(
  context: AuditContext,
  input: FeedbackInput & { agencyId: string; channel: Exclude<FeedbackChannel, 'portal'>; receivedAt?: Date | undefined },
  deps: UseCaseDeps,
): Promise<string> {
  const now = context.at ?? deps.clock();
  const agency = await repo.findAgency(deps.db, { id: input.agencyId }, localDateOf(now.getTime()));
  if (!agency) throw new AppError('agency.not_found', { issues: [{ path: 'agencyId', message: 'no such agency in force' }] });
  if (!canTakeInFeedback(context.actor, agency.path)) throw new AppError('auth.forbidden');
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) throw new AppError('request.invalid', { issues: [{ path: 'receivedAt', message: 'after now' }] });
  const calendars = await deps.calendars.current();
  const actorName = context.actor.kind === 'staff' ? await repo.userName(deps.db, context.actor.userId) : undefined;
  return inTransaction(deps.db, async (tx) => (await receive(tx, { ...context, actorName: actorName ?? context.actorName }, { ...input, agency, receivedAt, citizenId: null }, calendars)).id);
}

export interface FeedbackActionInput {
  action: FeedbackAction;
  /** `assign`: the competent agency's code (default: the agency it is with). */
  agency?: string | undefined;
  /** `ask_sender`: what is asked; any step: a note for the log. */
  note?: string | undefined;
  /** `answer`: the answer to the sender. */
  answer?: string | undefined;
  /** `refuse`: what it is instead of feedback. */
  category?: FeedbackCategory | undefined;
  /** `publish`: the text as reviewed by the officer (redacted again); default the redacted preview. */
  publication?: { title?: string | undefined; content?: string | undefined; answer?: string | undefined } | undefined;
}

/** What the sender told about themselves, removed before publication. */
export const knownPersonalData = (row: Pick<repo.FeedbackRow, 'sender_name' | 'sender_phone' | 'sender_email' | 'sender_address'>): KnownPersonalData => ({
  names: [row.sender_name], phones: [row.sender_phone], emails: [row.sender_email], addresses: [row.sender_address],
});

const missing = (path: string, message: string) => new AppError('request.invalid', { issues: [{ path, message }] });

/**
 * Takes one step on a feedback the caller reads; the domain's table decides whether they may, in
 * its state. The notices it causes (the answer to a sender who gave an e-mail) are queued in the
 * same transaction.
 */
export async function actOnFeedback(context: AuditContext, id: string, input: FeedbackActionInput, deps: UseCaseDeps): Promise<void> {
  const now = context.at ?? deps.clock();
  const before = await repo.findFeedback(deps.db, { id });
  if (!before || !canReadFeedback(context.actor, before.agency_path)) throw feedbackNotFound();
  const calendars = await deps.calendars.current();
  const target = input.action === 'assign' && input.agency ? await repo.findAgency(deps.db, { code: input.agency }, localDateOf(now.getTime())) : undefined;
  if (input.action === 'assign' && input.agency && !target) throw new AppError('agency.not_found', { issues: [{ path: 'agency', message: `no agency "${input.agency}" in force` }] });
  const actorName = context.actor.kind === 'staff' ? await repo.userName(deps.db, context.actor.userId) : undefined;
  const ctx = { ...context, actorName: actorName ?? context.actorName };
  const actor = logActor(ctx);
  await inTransaction(deps.db, async (tx) => {
    const row = await repo.findFeedback(tx, { id }, true);
    if (!row || !canReadFeedback(context.actor, row.agency_path)) throw feedbackNotFound();
    const decision = decideFeedbackAction(
      { status: row.status, publishConsent: row.publish_consent, published: row.published_at !== null }, input.action, rolesAt(context.actor, row.agency_path),
    );
    const changes: repo.FeedbackChanges = { status: decision.to, updated_at: now };
    const note = input.note?.trim() || undefined;
    const details: Record<string, unknown> = note ? { note } : {};
    let agencyId = row.agency_id;
    switch (input.action) {
      case 'assign': {
        const to = target ?? { id: row.agency_id, code: row.agency_code, name: row.agency_name };
        agencyId = to.id;
        Object.assign(changes, { agency_id: to.id, assigned_at: now });
        Object.assign(details, { agency: to.code, agencyName: to.name, ...(to.id !== row.agency_id ? { fromAgency: row.agency_code } : {}) });
        break;
      }
      case 'ask_sender':
        if (!note) throw missing('note', 'say what the sender is asked for');
        changes.waiting_since = now;
        break;
      case 'resume': {
        // The pause ends now: the due instant moves by its working time (domain feedbackDueAt).
        const log = (await repo.feedbackEvents(tx, id)).map((e) => ({ action: e.action, at: e.at.getTime() }));
        const pauses = pausesOfLog([...log, { action: 'resume', at: now.getTime() }]);
        const calendar = calendars.forAgency(row.addressed_agency_id ?? row.agency_id);
        const dueAt = new Date(feedbackDueAt(calendar, row.received_at.getTime(), pauses));
        Object.assign(changes, { waiting_since: null, due_at: dueAt });
        Object.assign(details, { dueAt: dueAt.toISOString(), previousDueAt: row.due_at.toISOString() });
        break;
      }
      case 'answer': {
        const answer = input.answer?.trim();
        if (!answer) throw missing('answer', 'the answer is required');
        Object.assign(changes, { answer, answered_at: now, answered_by: context.actor.kind === 'staff' ? context.actor.userId : null });
        details.timeliness = feedbackTimeliness(now.getTime(), row.due_at.getTime());
        if (row.sender_email) {
          await enqueueNotifications(tx, [{
            kind: 'feedback_answered', channel: 'email', recipientKind: 'applicant', citizenId: row.citizen_id, destination: row.sender_email,
            locale: 'vi', agencyId: row.agency_id,
            variables: {
              code: row.code, link: feedbackStatusLink(deps.config.publicBaseUrl, row.code), procedureName: '', agencyName: row.agency_name,
              recipientName: row.sender_name ?? { vi: 'người gửi phản ánh, kiến nghị', en: 'sender' }, title: row.title,
              answeredAt: notificationTime(now.getTime()), answer,
            },
          }], now);
          details.emailed = true;
        }
        break;
      }
      case 'refuse': {
        if (!isSeparateProcedure(input.category)) throw missing('category', 'complaint or denunciation');
        Object.assign(changes, { category: input.category, refused_at: now, waiting_since: null });
        details.category = input.category;
        break;
      }
      case 'publish': {
        const known = knownPersonalData(row);
        // The sender's text loses every personal datum; the agency's answer only the sender's (docs/rules/service-quality.md).
        const text = (given: string | undefined, original: string, generic = true) => redactPersonalData(given?.trim() || original, known, { generic });
        const title = text(input.publication?.title, row.title);
        const content = text(input.publication?.content, row.content);
        const answer = text(input.publication?.answer, row.answer ?? '', false);
        if (!title.text.trim() || !content.text.trim() || !answer.text.trim()) throw missing('publication', 'the title, content and answer must not be empty');
        Object.assign(changes, {
          published_at: now, published_title: title.text, published_content: content.text, published_answer: answer.text,
          published_by: context.actor.kind === 'staff' ? context.actor.userId : null,
        });
        details.edited = Boolean(input.publication?.title || input.publication?.content || input.publication?.answer);
        break;
      }
    }
    await repo.updateFeedback(tx, id, changes);
    await repo.insertFeedbackEvent(tx, { feedbackId: id, action: input.action, from: decision.from, to: decision.to, ...actor, at: now, details });
    await recordAudit(tx, ctx, { action: `feedback.${input.action}`, entityType: 'feedback', entityId: row.code, agencyId, details, at: now });
  });
}

/**
 * The sender reads their own feedback with the security code given at submission. A wrong code is
 * refused and audited (a route limit per address slows guessing; 78 bits cannot be guessed).
 */
export async function proveSender(context: AuditContext, code: string, securityCode: string, deps: Pick<Deps, 'db'>): Promise<repo.FeedbackRow> {
  const row = await repo.findFeedback(deps.db, { code });
  if (!row) throw feedbackNotFound();
  if (!secretMatches(securityCode, row.security_code_hash)) {
    await recordAudit(deps.db, context, { action: 'feedback.view_refused', entityType: 'feedback', entityId: row.code, agencyId: row.agency_id, details: { reason: 'wrong_security_code' } });
    throw new AppError('feedback.access_denied');
  }
  return row;
}
