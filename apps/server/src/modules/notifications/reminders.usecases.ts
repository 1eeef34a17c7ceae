/**
 * The sweeps of the legal clock (docs/rules/notifications.md): staff reminded of dossiers due on
 * the next working day, told of dossiers that became overdue, and the unit's leaders told of those
 * still overdue after one working day. The rules are the domain's (`reminders.ts`); this finds the
 * dossiers and the people. Each message carries a dedupe key, so a second run, or a run in a second
 * process, adds nothing.
 */
import type { Kysely } from 'kysely';
import {
  addDays, consoleLink, isDueTomorrow, isEscalationDue, isOverdue, localDateOf, notificationTime,
  reminderKey, startOfLocalDay, type StaffNotificationKind, type TemplateVariables,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { enqueueNotifications, type NewNotification } from './outbox.repository.ts';
import { staffDestination } from './dossier-notices.ts';

/** The longest run of days off (Tết with its weekends) a reminder may have to look across. */
const longestBreakDays = 16;

interface Candidate {
  id: number;
  code: string;
  agency_id: string;
  handling_agency_id: string;
  procedure_version_id: string;
  step_index: number | null;
  assignee_id: string | null;
  overdue_from: Date;
  unit_name: string;
  told_overdue: boolean;
  escalated: boolean;
}

interface Person {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
}

/** `reminders.daily`: on a working day, the dossiers due on the next working day. */
export async function sendDueTomorrowReminders(deps: SweepDeps, at: Date): Promise<{ dossiers: number; added: number }> {
  const today = localDateOf(at.getTime());
  const calendars = await deps.calendars.current();
  // The widest window any calendar may give (across Tết); each dossier is then checked against its agency's.
  const from = new Date(startOfLocalDay(addDays(today, 1)));
  const to = new Date(startOfLocalDay(addDays(today, longestBreakDays)));
  const due = (await candidates(deps.db, from, to))
    .filter((d) => isDueTomorrow(calendars.forAgency(d.agency_id), d.overdue_from.getTime(), at.getTime()));
  const messages = await messagesFor(deps, due, 'due_tomorrow', at);
  return { dossiers: due.length, added: await enqueueAndWake(deps, messages, at) };
}

/**
 * `escalations`: on a working day, the handlers of dossiers that became overdue, and the unit's
 * leaders of those overdue for one working day or more.
 */
export async function sendOverdueNotices(deps: SweepDeps, at: Date): Promise<{ overdue: number; escalated: number; added: number }> {
  const calendars = await deps.calendars.current();
  const today = localDateOf(at.getTime());
  const open = (await candidates(deps.db, null, at)).filter((d) => calendars.forAgency(d.agency_id).isWorkingDay(today));
  const overdue = open.filter((d) => !d.told_overdue && isOverdue(d.overdue_from.getTime(), at.getTime()));
  const escalated = open.filter((d) => !d.escalated && isEscalationDue(calendars.forAgency(d.agency_id), d.overdue_from.getTime(), at.getTime()));
  const messages = [...(await messagesFor(deps, overdue, 'overdue', at)), ...(await messagesFor(deps, escalated, 'escalated', at))];
  return { overdue: overdue.length, escalated: escalated.length, added: await enqueueAndWake(deps, messages, at) };
}

/** One INSERT, committed on its own; the dispatcher is woken when it added anything. */
async function enqueueAndWake(deps: SweepDeps, messages: NewNotification[], at: Date): Promise<number> {
  const added = (await enqueueNotifications(deps.db, messages, at)).length;
  if (added > 0) deps.outbox.wake();
  return added;
}

type SweepDeps = Pick<Deps, 'db' | 'calendars' | 'references' | 'config' | 'outbox'>;

/**
 * Open dossiers whose clock runs and whose due instant lies in [from, to), with their unit's name
 * and whether the overdue sweep already told someone (so old overdue dossiers are not re-examined
 * every hour: the dedupe key would refuse them anyway).
 */
async function candidates(db: Kysely<Database>, from: Date | null, to: Date): Promise<Candidate[]> {
  let q = db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.handling_agency_id')
    .select(['d.id', 'd.code', 'd.agency_id', 'd.handling_agency_id', 'd.procedure_version_id', 'd.step_index', 'd.assignee_id', 'a.name as unit_name'])
    .select((eb) => [
      eb.ref('d.overdue_from').$notNull().as('overdue_from'),
      eb.exists(eb.selectFrom('notifications as n').select('n.id').whereRef('n.dossier_id', '=', 'd.id').where('n.kind', '=', 'overdue')).as('told_overdue'),
      eb.exists(eb.selectFrom('notifications as n').select('n.id').whereRef('n.dossier_id', '=', 'd.id').where('n.kind', '=', 'escalated')).as('escalated'),
    ])
    .where('d.closed_at', 'is', null)
    .where('d.overdue_from', '<', to);
  q = from ? q.where('d.overdue_from', '>=', from) : q.where('d.overdue_from', 'is not', null);
  return (await q.execute()).map((r) => ({ ...r, told_overdue: Boolean(r.told_overdue), escalated: Boolean(r.escalated) }));
}

/**
 * Who hears of each dossier: for a reminder or an overdue notice, its assignee, or when nobody is
 * assigned the unit's staff in the role of its current step; for an escalation, the unit's leaders.
 */
async function messagesFor(deps: SweepDeps, dossiers: Candidate[], kind: StaffNotificationKind, at: Date): Promise<NewNotification[]> {
  if (dossiers.length === 0) return [];
  const staff = await unitStaff(deps.db, [...new Set(dossiers.map((d) => d.handling_agency_id))], dossiers.flatMap((d) => (d.assignee_id ? [d.assignee_id] : [])));
  const today = localDateOf(at.getTime());
  const out: NewNotification[] = [];
  for (const d of dossiers) {
    const version = await deps.references.version(deps.db, d.procedure_version_id);
    const stepRole = (d.step_index === null ? undefined : version?.workflow[d.step_index]?.role) ?? 'officer';
    const assignee = d.assignee_id ? staff.people.get(d.assignee_id) : undefined;
    const unit = staff.byAgency.get(d.handling_agency_id) ?? [];
    const recipients = kind === 'escalated'
      ? unit.filter((r) => r.role === 'leader').map((r) => r.person)
      : assignee ? [assignee] : unit.filter((r) => r.role === stepRole).map((r) => r.person);
    const due = notificationTime(d.overdue_from.getTime());
    for (const person of uniqueById(recipients)) {
      const target = staffDestination(person);
      if (!target) continue;
      const variables: TemplateVariables = {
        code: d.code, link: consoleLink(deps.config.publicBaseUrl, d.id), procedureName: version?.name ?? '', agencyName: d.unit_name,
        recipientName: person.full_name, dueAt: due,
        ...(kind === 'due_tomorrow' ? {} : { overdueSince: due }),
        ...(kind === 'escalated' ? { handlerName: assignee?.full_name ?? { vi: `chưa phân công (${d.unit_name})`, en: `not assigned (${d.unit_name})` } } : {}),
      };
      out.push({
        kind, ...target, recipientKind: 'staff', userId: person.id, locale: 'vi', dossierId: d.id, agencyId: d.handling_agency_id, variables,
        dedupeKey: reminderKey(kind, d.id, person.id, kind === 'due_tomorrow' ? today : d.overdue_from.getTime()),
      });
    }
  }
  return out;
}

const uniqueById = (people: Person[]) => [...new Map(people.map((p) => [p.id, p])).values()];

/** The active staff of the units (by role) and the assignees named, in one read. */
async function unitStaff(db: Kysely<Database>, agencyIds: string[], assigneeIds: string[]) {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('role_assignments as r', (j) => j.onRef('r.user_id', '=', 'u.id').on('r.agency_id', 'in', agencyIds))
    .select(['u.id', 'u.full_name', 'u.email', 'u.phone', 'r.agency_id', 'r.role'])
    .where('u.disabled', '=', false)
    .where((eb) => eb.or([eb('r.agency_id', 'is not', null), ...(assigneeIds.length ? [eb('u.id', 'in', assigneeIds)] : [])]))
    .execute();
  const people = new Map<string, Person>();
  const byAgency = new Map<string, Array<{ role: string; person: Person }>>();
  for (const r of rows) {
    const person = people.get(r.id) ?? { id: r.id, full_name: r.full_name, email: r.email, phone: r.phone };
    people.set(r.id, person);
    if (r.agency_id && r.role) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), { role: r.role, person }]);
  }
  return { people, byAgency };
}
