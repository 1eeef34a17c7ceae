/**
 * The states of an official document and who takes each step (docs/rules/document-office.md).
 * Outgoing (văn bản đi): drafted → approved → signed → issued, sent back to the draft before it
 * is signed. Incoming (văn bản đến): registered → routed to a handling unit with a deadline →
 * handled. One table: the server checks every step with `decideOfficeAction`, and the console's
 * buttons come from `allowedOfficeActions`.
 */
import { AppError } from '../errors.ts';
import type { StaffRole } from '../access/actor.ts';

export const documentDirections = ['incoming', 'outgoing'] as const;
export type DocumentDirection = (typeof documentDirections)[number];

export const outgoingStatuses = ['drafted', 'approved', 'signed', 'issued'] as const;
export const incomingStatuses = ['registered', 'routed', 'handled'] as const;
export const officialDocumentStatuses = [...outgoingStatuses, ...incomingStatuses] as const;
export type OfficialDocumentStatus = (typeof officialDocumentStatuses)[number];

export const officeActions = ['approve', 'send_back', 'sign', 'issue', 'route', 'handle'] as const;
export type OfficeAction = (typeof officeActions)[number];
/** What a document's log records: its creation (drafted, registered) and every step. */
export const officeLogActions = ['draft', 'register', ...officeActions] as const;
export type OfficeLogAction = (typeof officeLogActions)[number];

/** Who drafts an outgoing document (chuyên viên, cán bộ) and who registers an incoming one (văn thư). */
export const drafterRoles: readonly StaffRole[] = ['specialist', 'officer'];
export const registrarRoles: readonly StaffRole[] = ['officer'];
/** Who reads the registers of an agency: its staff, community helpers excepted. */
export const registerReaderRoles: readonly StaffRole[] = ['officer', 'specialist', 'leader', 'manager', 'admin'];

interface Transition {
  direction: DocumentDirection;
  from: readonly OfficialDocumentStatus[];
  to: OfficialDocumentStatus;
  roles: readonly StaffRole[];
}

/**
 * The transition table. The leader approves and signs (the competent signer); the clerk's office
 * (văn thư — the one-stop officer here) issues, which takes the number (Decree 30/2020 art. 15),
 * registers incoming documents and routes them; the handling unit's staff close them.
 */
export const officeTransitions: Readonly<Record<OfficeAction, Transition>> = {
  approve: { direction: 'outgoing', from: ['drafted'], to: 'approved', roles: ['leader'] },
  send_back: { direction: 'outgoing', from: ['approved'], to: 'drafted', roles: ['leader'] },
  sign: { direction: 'outgoing', from: ['approved'], to: 'signed', roles: ['leader'] },
  issue: { direction: 'outgoing', from: ['signed'], to: 'issued', roles: ['officer'] },
  route: { direction: 'incoming', from: ['registered', 'routed'], to: 'routed', roles: ['officer', 'leader'] },
  handle: { direction: 'incoming', from: ['routed'], to: 'handled', roles: ['specialist', 'leader', 'officer'] },
};

export interface OfficeDecision {
  action: OfficeAction;
  from: OfficialDocumentStatus;
  to: OfficialDocumentStatus;
}

/** Whether `action` may be taken on a document in `status` by someone holding `roles` at its agency. */
export function canTakeOfficeAction(direction: DocumentDirection, status: OfficialDocumentStatus, action: OfficeAction, roles: ReadonlySet<StaffRole>): boolean {
  const t = officeTransitions[action];
  return t.direction === direction && t.from.includes(status) && t.roles.some((r) => roles.has(r));
}

/**
 * The step, or a refusal: `office.transition_not_allowed` (409) when the document's state does not
 * allow it, `auth.forbidden` (403) when the state does but the actor's roles at the agency do not.
 */
export function decideOfficeAction(direction: DocumentDirection, status: OfficialDocumentStatus, action: OfficeAction, roles: ReadonlySet<StaffRole>): OfficeDecision {
  const t = officeTransitions[action];
  if (t.direction !== direction || !t.from.includes(status)) {
    throw new AppError('office.transition_not_allowed', { details: { action, status, direction } });
  }
  if (!t.roles.some((r) => roles.has(r))) throw new AppError('auth.forbidden', { details: { action } });
  return { action, from: status, to: t.to };
}

/** The steps the actor may take now, in table order (the console shows them as buttons). */
export function allowedOfficeActions(direction: DocumentDirection, status: OfficialDocumentStatus, roles: ReadonlySet<StaffRole>): OfficeAction[] {
  return officeActions.filter((a) => canTakeOfficeAction(direction, status, a, roles));
}

/** The first status of a new document. */
export const initialStatus: Readonly<Record<DocumentDirection, OfficialDocumentStatus>> = { outgoing: 'drafted', incoming: 'registered' };
