/**
 * Who sees which messages (docs/notifications-console.md). Staff see the messages about the
 * dossiers of their agencies, scoped as the dossier lists are (the receiving or the handling agency,
 * or a dossier they prepared), and the messages addressed to themselves; administrators and
 * managers reach their whole subtree the same way. Only an administrator of the agency reads a
 * destination in full: others see it masked.
 */
import { dossierReaderRoles, hasRoleOver, isRootPath, isWithin, scopePaths, type Actor, type DeliveryStatus, type NotificationKind } from '@motcua/domain';

/** The subtree roots whose dossiers' messages the actor sees. */
export const notificationScope = (actor: Actor): string[] => scopePaths(actor, dossierReaderRoles);

export interface NotificationAccessFacts {
  userId: string | null;
  /** Paths of the dossier's receiving and handling agencies, or of the message's own agency when it has no dossier. */
  agencyPaths: readonly string[];
  preparedBy: string | null;
}

export function canReadNotification(actor: Actor, facts: NotificationAccessFacts): boolean {
  if (actor.kind !== 'staff') return false;
  if (facts.userId === actor.userId || (facts.preparedBy !== null && facts.preparedBy === actor.userId)) return true;
  const scope = notificationScope(actor);
  return facts.agencyPaths.some((p) => scope.some((s) => isWithin(p, s)));
}

/** Destinations are personal data: shown in full to an administrator of the agency only. */
export const seesDestination = (actor: Actor, agencyPath: string | null): boolean =>
  agencyPath !== null && hasRoleOver(actor, ['admin'], agencyPath);

const resendable: ReadonlySet<DeliveryStatus> = new Set(['sent', 'delivered', 'failed']);

/**
 * A message is sent again once it has left (sent, delivered) or been given up (failed); a queued
 * or sending one is still on its way. A message with a one-time secret is never repeated: a code
 * may have expired (the assisted-filing page sends a fresh one), a survey's token may have been
 * spent (the survey's printed list issues a fresh one).
 */
export const canResend = (message: { status: DeliveryStatus; kind: NotificationKind }): boolean =>
  resendable.has(message.status) && message.kind !== 'confirmation_code' && message.kind !== 'survey_invitation';

/**
 * Templates apply to every agency of the installation (they have no agency), so, as catalogue-wide
 * procedures, only an administrator of a root agency changes them; any administrator reads them.
 */
export const canEditTemplates = (actor: Actor): boolean =>
  actor.kind === 'staff' && actor.assignments.some((a) => a.role === 'admin' && isRootPath(a.agencyPath));
