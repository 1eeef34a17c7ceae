/**
 * Feedback and petitions (phản ánh, kiến nghị; docs/rules/service-quality.md, "Feedback and
 * petitions"): what a submission is, its legal clock, who takes which step, and when it was
 * answered late. Pure: the time is a parameter, the calendar is the addressed agency's.
 *
 * The clock. A feedback is answered within `feedbackAnswerWorkingDays` (10) working days counted
 * on the legal clock (docs/rules/time.md) of the agency the sender addressed (the root agency when
 * none was named), from the instant it was received: the due instant is the earliest instant at
 * which 10 standard working days of working time have elapsed since the receipt, the working time
 * inside pauses not counted. A pause is the time the unit waits for the sender's details
 * (`ask_sender` to `resume`); it pushes the due instant later by the working time it covers before
 * the due instant, so a pause asked for once the feedback is already overdue moves nothing.
 */
import { AppError } from '../errors.ts';
import type { StaffRole } from '../access/actor.ts';
import { computeDueAt, type Interval } from '../calendar/due.ts';
import { classifyResult } from '../calendar/classify.ts';
import type { Instant } from '../calendar/time.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { feedbackAnswerWorkingDays, type FeedbackStatus } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// What a submission is

/**
 * What the sender (or the officer who takes it in) says a submission is: a feedback (phản ánh) on
 * a regulation or on how it is applied, a petition (kiến nghị) to change one, or — not feedback —
 * a complaint (khiếu nại) or a denunciation (tố cáo), which have their own legal procedures and are
 * refused here with a pointer to them. Stored in `feedback.category`; null means `feedback`.
 */
export const feedbackCategories = ['feedback', 'petition', 'complaint', 'denunciation'] as const;
export type FeedbackCategory = (typeof feedbackCategories)[number];

/** The categories that are not feedback: refused, with the way to their own procedure. */
export const separateProcedureCategories = ['complaint', 'denunciation'] as const;
export type SeparateProcedureCategory = (typeof separateProcedureCategories)[number];

export const isSeparateProcedure = (category: FeedbackCategory | null | undefined): category is SeparateProcedureCategory =>
  category === 'complaint' || category === 'denunciation';

export const feedbackCategoryLabels: Readonly<Record<FeedbackCategory, { vi: string; en: string }>> = {
  feedback: { vi: 'Phản ánh', en: 'Feedback' },
  petition: { vi: 'Kiến nghị', en: 'Petition' },
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
};

/**
 * Where a complaint or a denunciation goes instead (the pointer a refusal carries, shown to the
 * sender on the portal and in the refusal).
 */
export const separateProcedures: Readonly<Record<SeparateProcedureCategory, { law: { vi: string; en: string }; guidance: { vi: string; en: string } }>> = {
  complaint: {
    law: { vi: 'Luật Khiếu nại năm 2011 (Luật số 02/2011/QH13) và Nghị định số 124/2020/NĐ-CP', en: 'Law on Complaints 2011 (No. 02/2011/QH13) and Decree 124/2020/NĐ-CP' },
    guidance: {
      vi: 'Khiếu nại không được giải quyết theo thủ tục phản ánh, kiến nghị. Đề nghị Ông/Bà gửi đơn khiếu nại đến người đứng đầu cơ quan đã ban hành quyết định hành chính hoặc có hành vi hành chính bị khiếu nại, theo Luật Khiếu nại năm 2011 (Luật số 02/2011/QH13) và Nghị định số 124/2020/NĐ-CP.',
      en: 'A complaint is not handled as feedback. Please send your complaint to the head of the agency that issued the administrative decision or took the administrative action complained of, under the Law on Complaints 2011 (No. 02/2011/QH13) and Decree 124/2020/NĐ-CP.',
    },
  },
  denunciation: {
    law: { vi: 'Luật Tố cáo năm 2018 (Luật số 25/2018/QH14) và Nghị định số 31/2019/NĐ-CP', en: 'Law on Denunciations 2018 (No. 25/2018/QH14) and Decree 31/2019/NĐ-CP' },
    guidance: {
      vi: 'Tố cáo không được giải quyết theo thủ tục phản ánh, kiến nghị. Đề nghị Ông/Bà gửi đơn tố cáo đến cơ quan, người có thẩm quyền quản lý người bị tố cáo, theo Luật Tố cáo năm 2018 (Luật số 25/2018/QH14) và Nghị định số 31/2019/NĐ-CP.',
      en: 'A denunciation is not handled as feedback. Please send your denunciation to the agency or person in charge of the person denounced, under the Law on Denunciations 2018 (No. 25/2018/QH14) and Decree 31/2019/NĐ-CP.',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Codes

/** The symbols of a code's random part: those of the security code (no 0/O, 1/I/L, U/V look-alikes). */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeRandomLength = 6;
const codePattern = new RegExp(`^PAKN-\\d{6}-[${codeAlphabet}]{${codeRandomLength}}$`);
export const feedbackCodeMaxLength = 40;

/**
 * A feedback's code: `PAKN-<yymmdd of the local receipt date>-<6 random symbols>`, e.g.
 * `PAKN-260207-K7QM3X`. Random rather than sequential, so that codes cannot be walked through
 * (the public lookup shows the status of any code). `randomBelow` is the server's `randomInt`.
 */
export function generateFeedbackCode(localDate: string, randomBelow: (max: number) => number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new RangeError('local date YYYY-MM-DD expected');
  let suffix = '';
  for (let i = 0; i < codeRandomLength; i += 1) {
    const n = randomBelow(codeAlphabet.length);
    if (!Number.isInteger(n) || n < 0 || n >= codeAlphabet.length) throw new RangeError('random integer out of range');
    suffix += codeAlphabet[n];
  }
  return `PAKN-${localDate.slice(2, 4)}${localDate.slice(5, 7)}${localDate.slice(8, 10)}-${suffix}`;
}

/** A code as people type it: any case, spaces dropped. */
export const normalizeFeedbackCode = (input: string): string => input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
export const isFeedbackCode = (code: string): boolean => codePattern.test(code);

// ---------------------------------------------------------------------------------------------
// The clock

/** A pause of the clock while the unit waits for the sender: `to` is null while it lasts. */
export interface FeedbackPause {
  from: Instant;
  to: Instant | null;
}

/**
 * The due instant: `receivedAt` + 10 working days on the addressed agency's calendar, the working
 * time of the pauses not counted. An open pause (`to` null) is counted up to `asOf` — the due
 * instant as it stands at that instant — and is an error without one.
 */
export function feedbackDueAt(calendar: WorkingCalendar, receivedAt: Instant, pauses: readonly FeedbackPause[] = [], asOf?: Instant): Instant {
  const closed: Interval[] = pauses.map((p) => {
    if (p.to !== null) return { from: p.from, to: p.to };
    if (asOf === undefined) throw new AppError('calendar.invalid_pause', { details: { from: p.from, to: null } });
    return { from: p.from, to: Math.max(p.from, asOf) };
  });
  return computeDueAt(calendar, { receivedAt, duration: { value: feedbackAnswerWorkingDays, unit: 'working_days' }, pauses: closed });
}

/**
 * The pauses of a feedback from its log, in order: each `ask_sender` opens one, the next `resume`
 * closes it. An `ask_sender` not yet resumed gives an open pause.
 */
export function pausesOfLog(log: readonly { action: string; at: Instant }[]): FeedbackPause[] {
  const pauses: FeedbackPause[] = [];
  for (const entry of [...log].sort((a, b) => a.at - b.at)) {
    const open = pauses[pauses.length - 1];
    if (entry.action === 'ask_sender' && (!open || open.to !== null)) pauses.push({ from: entry.at, to: null });
    else if (entry.action === 'resume' && open && open.to === null) open.to = entry.at;
  }
  return pauses;
}

/**
 * What the server keeps of a feedback's clock: `dueAt` is the due instant moved by the closed
 * pauses (the `due_at` column), `waitingSince` the start of the pause in progress (null when the
 * clock runs).
 */
export interface FeedbackClockState {
  status: FeedbackStatus;
  dueAt: Instant;
  waitingSince: Instant | null;
  answeredAt?: Instant | null;
  refusedAt?: Instant | null;
}

/**
 * Whether a feedback still open at `at` is overdue then: its due instant as it stood at `at` has
 * passed. While it waits for the sender its clock is stopped: it is overdue only if it already
 * was when the wait began (`dueAt` at or before `waitingSince`; a pause that starts when no
 * working time is left moves nothing). Answered and refused feedback is never overdue (an answer
 * after the due instant is `late`, see `feedbackTimeliness`).
 *
 * The same test holds for any past instant with the feedback's state of today (the figures use
 * it): pauses that began after `at` move the due instant only if it was still ahead at `at`.
 */
export function isFeedbackOverdue(state: Pick<FeedbackClockState, 'dueAt' | 'waitingSince'> & Partial<Pick<FeedbackClockState, 'status'>>, at: Instant): boolean {
  if (state.status === 'answered' || state.status === 'refused') return false;
  if (!(state.dueAt < at)) return false;
  const waiting = state.waitingSince !== null && state.waitingSince <= at;
  return !(waiting && state.dueAt > state.waitingSince!);
}

export type FeedbackTimeliness = 'on_time' | 'late';

/**
 * An answer given at `answeredAt` is on time when it is not after the due instant (moved by the
 * pauses), late otherwise — the classification of docs/rules/time.md (`ahead` and `on_time`
 * are both on time here). A feedback whose 10th working day is the last one before a holiday
 * and that is answered on the first working day after it is late.
 */
export function feedbackTimeliness(answeredAt: Instant, dueAt: Instant): FeedbackTimeliness {
  return classifyResult(answeredAt, dueAt) === 'overdue' ? 'late' : 'on_time';
}

// ---------------------------------------------------------------------------------------------
// Who takes which step

/** Staff who read the feedback of their agencies (and of the agencies below). */
export const feedbackReaderRoles: readonly StaffRole[] = ['officer', 'specialist', 'leader', 'manager'];
/** Staff who take in feedback at the counter, by phone, by letter or by e-mail. */
export const feedbackIntakeRoles: readonly StaffRole[] = ['officer', 'specialist', 'leader'];

export const feedbackActions = ['assign', 'ask_sender', 'resume', 'answer', 'refuse', 'publish'] as const;
export type FeedbackAction = (typeof feedbackActions)[number];
/** What a feedback's log records: its receipt and every step. */
export const feedbackLogActions = ['receive', ...feedbackActions] as const;
export type FeedbackLogAction = (typeof feedbackLogActions)[number];

interface FeedbackTransition {
  from: readonly FeedbackStatus[];
  to: FeedbackStatus | 'same';
  roles: readonly StaffRole[];
}

/**
 * The transition table: received → assigned (to the competent unit; again to forward it) →
 * waiting_sender ↔ assigned → answered; received, assigned or waiting_sender → refused (a complaint
 * or a denunciation). `publish` keeps the status: it puts the reviewed, redacted answer on the
 * portal, once, when the sender agreed.
 */
export const feedbackTransitions: Readonly<Record<FeedbackAction, FeedbackTransition>> = {
  assign: { from: ['received', 'assigned'], to: 'assigned', roles: ['officer', 'leader', 'manager'] },
  ask_sender: { from: ['assigned'], to: 'waiting_sender', roles: ['officer', 'specialist', 'leader'] },
  resume: { from: ['waiting_sender'], to: 'assigned', roles: ['officer', 'specialist', 'leader'] },
  answer: { from: ['assigned'], to: 'answered', roles: ['specialist', 'leader'] },
  refuse: { from: ['received', 'assigned', 'waiting_sender'], to: 'refused', roles: ['officer', 'specialist', 'leader'] },
  publish: { from: ['answered'], to: 'same', roles: ['officer', 'specialist', 'leader'] },
};

/** What the decision needs to know of a feedback besides its status. */
export interface FeedbackActionFacts {
  status: FeedbackStatus;
  /** The sender agreed to the publication of the answer. */
  publishConsent: boolean;
  /** Already on the portal. */
  published: boolean;
}

export interface FeedbackDecision {
  action: FeedbackAction;
  from: FeedbackStatus;
  to: FeedbackStatus;
}

function stateAllows(facts: FeedbackActionFacts, action: FeedbackAction): boolean {
  if (!feedbackTransitions[action].from.includes(facts.status)) return false;
  return action !== 'publish' || (facts.publishConsent && !facts.published);
}

/**
 * The step, or a refusal: `feedback.publish_not_allowed` (409) to publish without the sender's
 * consent or a second time, `feedback.transition_not_allowed` (409) when the status does not allow
 * it, `auth.forbidden` (403) when the state does but the actor's roles at the agency do not.
 */
export function decideFeedbackAction(facts: FeedbackActionFacts, action: FeedbackAction, roles: ReadonlySet<StaffRole>): FeedbackDecision {
  const t = feedbackTransitions[action];
  if (!t.from.includes(facts.status)) throw new AppError('feedback.transition_not_allowed', { details: { action, status: facts.status } });
  if (action === 'publish' && !stateAllows(facts, action)) {
    throw new AppError('feedback.publish_not_allowed', { details: { consent: facts.publishConsent, published: facts.published } });
  }
  if (!t.roles.some((r) => roles.has(r))) throw new AppError('auth.forbidden', { details: { action } });
  return { action, from: facts.status, to: t.to === 'same' ? facts.status : t.to };
}

/** The steps the actor may take now, in table order (the console shows them as buttons). */
export function allowedFeedbackActions(facts: FeedbackActionFacts, roles: ReadonlySet<StaffRole>): FeedbackAction[] {
  return feedbackActions.filter((a) => stateAllows(facts, a) && feedbackTransitions[a].roles.some((r) => roles.has(r)));
}

// ---------------------------------------------------------------------------------------------
// Links

/** The portal's page of one feedback (`/phan-anh/<code>`): its status and, once published, its answer. */
export function feedbackStatusLink(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/phan-anh/${encodeURIComponent(code)}`;
}

/** A feedback's page in the staff console. */
export function feedbackConsoleLink(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/console/phan-anh/${encodeURIComponent(id)}`;
}
