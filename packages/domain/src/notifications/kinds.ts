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

/**
 * Messages to the applicant of a dossier (and to the citizen account that filed it), and to the
 * sender of a feedback (`feedback_answered`, by e-mail when they gave one).
 * `survey_invitation`: the dossier was drawn for a satisfaction survey; the link carries the
 * invitation's one-time token (docs/rules/service-quality.md).
 */
export const applicantNotificationKinds = [
  'dossier_received', 'supplement_requested', 'apology', 'result_ready', 'withdrawn', 'refused', 'payment_due', 'confirmation_code',
  'feedback_answered', 'survey_invitation',
] as const;
/**
 * Messages to staff: the assignee, the unit, and its leader when a dossier stays overdue; the
 * leaders of the unit a feedback is with once it passes its due instant (`feedback_overdue`).
 */
export const staffNotificationKinds = ['assigned', 'due_tomorrow', 'overdue', 'escalated', 'feedback_overdue', 'low_rating'] as const;
export const notificationKinds = [...applicantNotificationKinds, ...staffNotificationKinds] as const;
export type ApplicantNotificationKind = (typeof applicantNotificationKinds)[number];
export type StaffNotificationKind = (typeof staffNotificationKinds)[number];
export type NotificationKind = (typeof notificationKinds)[number];

export type RecipientKind = 'applicant' | 'citizen' | 'staff';
export const recipientKindOf = (kind: NotificationKind): 'applicant' | 'staff' =>
  (staffNotificationKinds as readonly string[]).includes(kind) ? 'staff' : 'applicant';

/**
 * Every message names the dossier (or the feedback: `code` is then the feedback's code,
 * `procedureName` empty) and links to it.
 */
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
  survey_invitation: ['surveyTitle'],
  assigned: ['stepName', 'stepDueAt', 'assignedBy'],
  due_tomorrow: ['dueAt'],
  overdue: ['dueAt', 'overdueSince'],
  escalated: ['dueAt', 'overdueSince', 'handlerName'],
  feedback_answered: ['title', 'answeredAt', 'answer'],
  feedback_overdue: ['title', 'receivedAt', 'dueAt'],
  low_rating: ['score', 'comment', 'ratedAt'],
};

export function variablesOf(kind: NotificationKind): readonly string[] {
  return [...commonVariables, ...kindVariables[kind]];
}

export const isNotificationKind = (v: string): v is NotificationKind => (notificationKinds as readonly string[]).includes(v);

/**
 * The one-time secret a message carries, which staff never see and which is masked once it is no
 * longer live: the code of a `confirmation_code`, the token in a `survey_invitation`'s link (after
 * `#t=`). Undefined for every other kind. Such messages are not sent again from the console: a
 * new secret is issued instead.
 */
export function messageSecret(kind: NotificationKind, variables: Readonly<Record<string, unknown>>): string | undefined {
  if (kind === 'confirmation_code') return typeof variables.otp === 'string' && variables.otp !== '' ? variables.otp : undefined;
  if (kind === 'survey_invitation') {
    const link = typeof variables.link === 'string' ? variables.link : '';
    const token = link.split('#t=')[1];
    return token ? token : undefined;
  }
  return undefined;
}
