/**
 * Who is told what when an action is taken on a dossier (docs/rules/notifications.md).
 * The applicant hears of what changes their plans: the receipt and its appointment, a request to
 * supplement, an apology with its new date, the result they can now collect, a withdrawal, a
 * refusal. Staff hear of work given to them by name: an assignment. Reminders and escalations are
 * not actions; they come from the legal clock (`reminders.ts`).
 */
import type { DossierAction } from '../dossier/actions.ts';
import type { ResultDelivery } from '../dossier/vocabulary.ts';
import type { DossierEvent, DossierState } from '../dossier/state.ts';
import { formatInstant, type Instant } from '../calendar/time.ts';
import type { ApplicantNotificationKind, StaffNotificationKind } from './kinds.ts';
import type { TemplateValue } from './render.ts';

export interface ActionNotices {
  /** What the applicant (and the citizen account that filed the dossier) is told, if anything. */
  applicant: ApplicantNotificationKind | null;
  /** What a member of staff is told, and who. */
  staff: { kind: StaffNotificationKind; userId: string } | null;
  /** The applicant is also asked to pay (`payment_due`): present only when they are. */
  paymentDue?: true;
}

/** What the applicant owes once the action is taken, and whether they can pay it online (a gateway is configured). */
export interface FeeNoticeFacts {
  outstanding: number;
  payableOnline: boolean;
}

const applicantKindOf: Partial<Record<DossierAction, ApplicantNotificationKind>> = {
  receive: 'dossier_received',
  // Incomplete at intake (form 02) or during processing: either way the applicant must bring papers.
  request_completion: 'supplement_requested',
  request_supplement: 'supplement_requested',
  apologize: 'apology',
  withdraw: 'withdrawn',
  // Refused at intake, or refused after processing with a written decision (form 03).
  refuse: 'refused',
  reject: 'refused',
};

/**
 * A result can be handed over once the dossier is resolved and no electronic result waits for its
 * signature (docs/rules/results.md): a paper result, or a signed electronic one. An unsigned
 * draft cannot be returned in any way.
 */
function resultReady(state: Pick<DossierState, 'status' | 'result'>): boolean {
  return state.status === 'resolved' && state.result !== 'attached';
}

/** The notices one accepted action causes; `before` and `after` are the dossier's states around it. */
export function noticesOf(
  event: Pick<DossierEvent, 'action' | 'actorId'>,
  before: Pick<DossierState, 'status' | 'result' | 'assigneeId'>,
  after: Pick<DossierState, 'status' | 'result' | 'assigneeId'>,
  fee?: FeeNoticeFacts,
): ActionNotices {
  let applicant = applicantKindOf[event.action] ?? null;
  // `resolve` with a signed or paper result, or `sign_result` on a resolved dossier's draft.
  if (!resultReady(before) && resultReady(after)) applicant = 'result_ready';
  // Someone assigning the dossier to themselves needs no message.
  const assignee = event.action === 'assign' ? after.assigneeId : null;
  const staff = assignee && assignee !== event.actorId ? { kind: 'assigned' as const, userId: assignee } : null;
  // Received with a fee to pay that can be paid online: the applicant gets the link (docs/rules/payments.md).
  const paymentDue = event.action === 'receive' && fee !== undefined && fee.payableOnline && fee.outstanding > 0;
  return { applicant, staff, ...(paymentDue ? { paymentDue: true as const } : {}) };
}

/** An instant as people read it in Vietnam: `dd/MM/yyyy HH:mm`, Asia/Ho_Chi_Minh (the same in English). */
export function notificationTime(instant: Instant): string {
  const iso = formatInstant(instant);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** How the result reaches the applicant, in words that complete "Cách nhận: …". */
export const deliveryWords: Record<ResultDelivery, { vi: string; en: string }> = {
  counter: { vi: 'nhận tại Bộ phận Một cửa', en: 'collect it at the one-stop counter' },
  post: { vi: 'gửi qua dịch vụ bưu chính đến địa chỉ đã đăng ký', en: 'sent by post to the address given' },
  online: { vi: 'tải kết quả điện tử tại trang tra cứu hồ sơ', en: 'download the electronic result from the tracking page' },
};

/** A list of reasons as the letter prints it: numbered, one to a line. */
export function reasonList(reasons: readonly string[] | null | undefined): TemplateValue {
  const list = (reasons ?? []).map((r) => r.trim()).filter(Boolean);
  return list.map((r, i) => `${i + 1}. ${r}`).join('\n');
}

/** The public tracking page of a dossier (the portal's `/tra-cuu/<code>`). */
export function trackingLink(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`;
}

/** A dossier's page in the staff console. */
export function consoleLink(publicBaseUrl: string, dossierId: number): string {
  return `${publicBaseUrl}/console/ho-so/${dossierId}`;
}
