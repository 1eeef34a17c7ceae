import { hasRoleOver, type Actor } from '@motcua/domain';

/**
 * Holiday schedules apply to the whole installation: only an administrator of a root agency
 * (the province, or the nation where one is configured) may load them.
 */
export const canManageHolidaySchedules = (actor: Actor, rootPaths: string[]): boolean =>
  rootPaths.some((path) => hasRoleOver(actor, ['admin'], path));

/** Working periods of an agency: its administrators (or those of an ancestor). */
export const canManageAgencyCalendar = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, ['admin'], agency.path);
