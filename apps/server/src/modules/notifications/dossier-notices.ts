/**
 * The messages an action on a dossier causes (docs/rules/notifications.md), added to the outbox in
 * the action's own transaction: a rolled-back action tells nobody, a committed one is sent by the
 * dispatcher even if this process dies right after the commit. The domain says which kinds are due
 * (`noticesOf`); this resolves the people and their addresses and fills the variables.
 *
 * Intake speed: a dossier received at the counter has everything at hand (its applicant's contacts,
 * agency and procedure from the reference cache), so this costs the intake one INSERT and no read.
 * Only a dossier filed from a citizen account (its preferences) or an assignment (the assignee's
 * address) reads one row more.
 */
import type { Kysely } from 'kysely';
import {
  consoleLink, deliveryWords, formatAmount, noticesOf, notificationTime, reasonList, trackingLink,
  type ApplicantNotificationKind, type DossierEvent, type DossierState, type NotificationChannel,
  type NotificationLocale, type TemplateVariables,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { DossierRow } from '../dossiers/dossiers.repository.ts';
import { enqueueNotifications, type NewNotification } from './outbox.repository.ts';

export interface DossierNoticeInput {
  /** The dossier as it is after the action. */
  dossier: DossierRow;
  procedureName: string;
  receivingAgency: { id: string; name: string };
  handlingAgency: { id: string; name: string };
  event: DossierEvent;
  before: DossierState;
  after: DossierState;
  /** Who took the action, as the log names them (the assigner of an assignment). */
  actorName: string | null;
  /** The current workflow step's name and due instant (for an assignment). */
  stepName: string | null;
  stepDueAt: Date | null;
}

export interface DossierNoticeDeps {
  publicBaseUrl: string;
  /** An online payment gateway is configured: a dossier received with a fee to pay gets `payment_due`. */
  payableOnline?: boolean | undefined;
}

/**
 * Adds the messages the actions of `inputs` cause (one action, or the first actions of a new
 * dossier), in one INSERT; nothing at all when none is due. Returns how many.
 */
export async function enqueueDossierNotices(
  tx: Kysely<Database>, deps: DossierNoticeDeps, inputs: DossierNoticeInput | readonly DossierNoticeInput[], at: Date,
): Promise<number> {
  return (await enqueueNotifications(tx, await dossierNotices(tx, deps, inputs), at)).length;
}

/** The messages the actions of `inputs` cause, for the caller to add to the outbox (`enqueueDossierNotices` does both). */
export async function dossierNotices(
  tx: Kysely<Database>, deps: DossierNoticeDeps, inputs: DossierNoticeInput | readonly DossierNoticeInput[],
): Promise<NewNotification[]> {
  const rows: NewNotification[] = [];
  for (const input of Array.isArray(inputs) ? inputs : [inputs as DossierNoticeInput]) {
    const { dossier } = input;
    const fee = { outstanding: dossier.fee_paid ? 0 : Number(dossier.fee_amount), payableOnline: deps.payableOnline ?? false };
    const notices = noticesOf(input.event, input.before, input.after, fee);
    if (notices.applicant) rows.push(...(await applicantMessages(tx, deps, input, notices.applicant)));
    if (notices.paymentDue) rows.push(...(await applicantMessages(tx, deps, input, 'payment_due')));
    if (notices.staff) rows.push(...(await assigneeMessages(tx, deps, input, notices.staff.userId)));
  }
  return rows;
}

function commonOf(input: DossierNoticeInput, link: string, agencyName: string, recipientName: string): TemplateVariables {
  return { code: input.dossier.code, link, procedureName: input.procedureName, agencyName, recipientName };
}

function applicantVariables(kind: ApplicantNotificationKind, input: DossierNoticeInput, link: string): TemplateVariables {
  const { dossier, event } = input;
  const time = (d: Date | number | null | undefined) => (d == null ? '' : notificationTime(typeof d === 'number' ? d : d.getTime()));
  switch (kind) {
    case 'dossier_received': return { appointment: time(dossier.due_at) };
    case 'supplement_requested': return { reasons: reasonList(event.reasons) };
    case 'apology': return { reason: event.note ?? '', newAppointment: time(event.newDueAt) };
    case 'result_ready': return { delivery: deliveryWords[dossier.result_delivery] };
    case 'refused': return { reasons: reasonList(event.reasons) };
    // Paid on the dossier's public status page: before processing when the procedure says so, else by the time the result is collected.
    case 'payment_due': return {
      amount: formatAmount(Number(dossier.fee_amount)),
      payBy: dossier.fee_terms?.payBeforeProcessing ? { vi: 'trước khi hồ sơ được giải quyết', en: 'before the dossier is processed' } : { vi: 'khi nhận kết quả', en: 'when you collect the result' },
      payLink: link,
    };
    default: return {};
  }
}

/**
 * The applicant's e-mail and phone as written on the dossier, and the citizen account that filed
 * it, on the channels its preferences allow (e-mail and SMS unless turned off; chat when turned
 * on with a chat id). An address the account has turned off is not used even when the dossier
 * repeats it, and one address gets one message.
 */
async function applicantMessages(tx: Kysely<Database>, deps: DossierNoticeDeps, input: DossierNoticeInput, kind: ApplicantNotificationKind): Promise<NewNotification[]> {
  const { dossier } = input;
  const link = trackingLink(deps.publicBaseUrl, dossier.code);
  const variables = { ...applicantVariables(kind, input, link) };
  const account = dossier.submitter_citizen_id ? await citizenContacts(tx, dossier.submitter_citizen_id) : undefined;
  return applicantAddresses(dossier, account).map((a) => ({
    kind, dossierId: dossier.id, agencyId: dossier.agency_id, channel: a.channel, destination: a.destination, recipientKind: a.recipientKind,
    ...(a.citizenId ? { citizenId: a.citizenId } : {}), locale: a.locale,
    variables: { ...commonOf(input, link, input.receivingAgency.name, a.recipientName), ...variables },
  }));
}

/** One address the applicant of a dossier is written to, in the language they read. */
export interface ApplicantAddress {
  channel: NotificationChannel;
  destination: string;
  recipientKind: 'applicant' | 'citizen';
  citizenId?: string | undefined;
  locale: NotificationLocale;
  recipientName: string;
}

/**
 * Where the applicant of a dossier is written to (docs/rules/notifications.md, "The applicant's
 * addresses"): the citizen account that filed it (`account`, with its preferences) first, then
 * the e-mail and phone written on the dossier, each address once, none the account turned off.
 */
export function applicantAddresses(
  dossier: Pick<DossierRow, 'applicant_email' | 'applicant_phone' | 'applicant_name'>,
  account: CitizenContacts | undefined,
): ApplicantAddress[] {
  const out = new Map<string, ApplicantAddress>();
  const muted = new Set<string>();
  if (account) {
    const offer = (channel: NotificationChannel, destination: string | null, on: boolean) => {
      if (!destination) return;
      const key = destinationKey(channel, destination);
      if (on) out.set(key, { channel, destination, recipientKind: 'citizen', citizenId: account.id, locale: account.locale, recipientName: account.full_name });
      else muted.add(key);
    };
    offer('email', account.email, account.pref_email ?? true);
    offer('sms', account.phone, account.pref_sms ?? true);
    offer('chat', account.chat_id, account.pref_chat ?? false);
  }
  for (const [channel, destination] of [['email', dossier.applicant_email], ['sms', dossier.applicant_phone]] as const) {
    if (!destination) continue;
    const key = destinationKey(channel, destination);
    if (!out.has(key) && !muted.has(key)) out.set(key, { channel, destination: destination.trim(), recipientKind: 'applicant', locale: 'vi', recipientName: dossier.applicant_name });
  }
  return [...out.values()];
}

async function assigneeMessages(tx: Kysely<Database>, deps: DossierNoticeDeps, input: DossierNoticeInput, userId: string): Promise<NewNotification[]> {
  // The assigner's full name comes with the assignee's row: one read.
  const ids = [userId, ...(input.event.actorId ? [input.event.actorId] : [])];
  const users = await tx.selectFrom('users').select(['id', 'full_name', 'email', 'phone']).where('id', 'in', ids).execute();
  const user = users.find((u) => u.id === userId);
  const assigner = users.find((u) => u.id === input.event.actorId)?.full_name ?? input.actorName;
  const target = staffDestination(user);
  if (!user || !target) return [];
  const { dossier } = input;
  const variables: TemplateVariables = {
    ...commonOf(input, consoleLink(deps.publicBaseUrl, dossier.id), input.handlingAgency.name, user.full_name),
    stepName: input.stepName ?? '',
    stepDueAt: input.stepDueAt ? notificationTime(input.stepDueAt.getTime()) : '',
    assignedBy: assigner ?? '',
  };
  return [{
    kind: 'assigned', ...target, recipientKind: 'staff', userId: user.id, locale: 'vi',
    dossierId: dossier.id, agencyId: dossier.handling_agency_id, variables,
  }];
}

/** A member of staff is written to by e-mail, else by SMS; undefined when they have neither. */
export function staffDestination(user: { email: string | null; phone: string | null } | undefined): { channel: NotificationChannel; destination: string } | undefined {
  if (user?.email?.trim()) return { channel: 'email', destination: user.email.trim() };
  if (user?.phone?.trim()) return { channel: 'sms', destination: user.phone.trim() };
  return undefined;
}

/** Addresses compared as a person would: e-mail without case, a phone without spaces or +84. */
export function destinationKey(channel: NotificationChannel, destination: string): string {
  const d = destination.trim();
  if (channel === 'email') return `email:${d.toLowerCase()}`;
  if (channel === 'sms') return `sms:${d.replace(/[\s.()-]/g, '').replace(/^\+?84/, '0')}`;
  return `chat:${d}`;
}

export interface CitizenContacts {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  pref_email: boolean | null;
  pref_sms: boolean | null;
  pref_chat: boolean | null;
  chat_id: string | null;
  locale: NotificationLocale;
}

/** The account's contacts and its preferences (null columns: no row, the defaults apply). */
async function citizenContacts(tx: Kysely<Database>, citizenId: string): Promise<CitizenContacts | undefined> {
  return (await citizenContactsOf(tx, [citizenId])).get(citizenId);
}

/** The contacts and preferences of several accounts at once, by id. */
export async function citizenContactsOf(tx: Kysely<Database>, citizenIds: readonly string[]): Promise<Map<string, CitizenContacts>> {
  if (citizenIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('citizens as c')
    .leftJoin('citizen_notification_preferences as p', 'p.citizen_id', 'c.id')
    .select(['c.id', 'c.full_name', 'c.email', 'c.phone', 'p.email as pref_email', 'p.sms as pref_sms', 'p.chat as pref_chat', 'p.chat_id', 'p.locale'])
    .where('c.id', 'in', [...new Set(citizenIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, { ...row, locale: row.locale ?? 'vi' }]));
}
