/**
 * What Motcua tells people, on which channels, and what each message may say
 * (docs/rules/notifications.md). Templates are data (defaults in `default-templates.ts`, an
 * administrator's version in the database); the variables a template may use are fixed here, so an
 * edited template is checked before it is saved.
 */

/** E-mail over SMTP; SMS and chat (Zalo OA style) over HTTP webhooks with signed payloads. */
export const notificationChannels = ['email', 'sms', 'chat'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * A message's delivery status. `sending`: claimed by a worker (a lease; an expired lease is
 * claimed again); `sent`: accepted by the channel (the SMTP relay, the gateway); `delivered`: the
 * gateway's receipt says it reached the person; `failed`: given up, with the reason.
 */
export const deliveryStatuses = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Messages to the applicant of a dossier (and to the citizen account that filed it). */
export const applicantNotificationKinds = [
  'dossier_received', 'supplement_requested', 'apology', 'result_ready', 'withdrawn', 'refused', 'payment_due', 'confirmation_code',
] as const;
/** Messages to staff: the assignee, the unit, and its leader when a dossier stays overdue. */
export const staffNotificationKinds = ['assigned', 'due_tomorrow', 'overdue', 'escalated'] as const;
export const notificationKinds = [...applicantNotificationKinds, ...staffNotificationKinds] as const;
export type ApplicantNotificationKind = (typeof applicantNotificationKinds)[number];
export type StaffNotificationKind = (typeof staffNotificationKinds)[number];
export type NotificationKind = (typeof notificationKinds)[number];

export type RecipientKind = 'applicant' | 'citizen' | 'staff';
export const recipientKindOf = (kind: NotificationKind): 'applicant' | 'staff' =>
  (staffNotificationKinds as readonly string[]).includes(kind) ? 'staff' : 'applicant';

/** Every message names the dossier and links to it. */
export const commonVariables = ['code', 'link', 'procedureName', 'agencyName', 'recipientName'] as const;

/** The variables each kind may use besides the common ones. */
export const kindVariables: Record<NotificationKind, readonly string[]> = {
  dossier_received: ['appointment'],
  supplement_requested: ['reasons'],
  apology: ['reason', 'newAppointment'],
  result_ready: ['delivery'],
  withdrawn: [],
  refused: ['reasons'],
  payment_due: ['amount', 'payBy', 'payLink'],
  confirmation_code: ['otp', 'expiresAt'],
  assigned: ['stepName', 'stepDueAt', 'assignedBy'],
  due_tomorrow: ['dueAt'],
  overdue: ['dueAt', 'overdueSince'],
  escalated: ['dueAt', 'overdueSince', 'handlerName'],
};

export function variablesOf(kind: NotificationKind): readonly string[] {
  return [...commonVariables, ...kindVariables[kind]];
}

export const isNotificationKind = (v: string): v is NotificationKind => (notificationKinds as readonly string[]).includes(v);
