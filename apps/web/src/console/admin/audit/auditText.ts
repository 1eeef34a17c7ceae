/**
 * How an audit row reads: the action in words (dossier actions take their label from the domain's
 * transition table), the target named rather than shown as an id, the time to the second in Vietnam.
 */
import { auditActionLabel } from '@motcua/domain';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { localized, type Language } from '../../../shared/i18n/index.ts';
import { vi } from '../../../shared/i18n/vi.ts';

type EntityKey = keyof typeof vi.console.admin.audit.entities;
type FamilyKey = keyof typeof vi.console.admin.audit.families;

/** Entity types the filter offers. */
export const entityTypes: EntityKey[] = ['agency', 'user', 'dossier', 'procedure', 'holiday_schedule'];

/**
 * Families of actions the filter offers, as the API takes them (`calendar.` reads every action
 * starting with it); the server records `dossier.*`, `agency.*`, `user.*`, `auth.*`,
 * `calendar.schedule_loaded`, `procedure.*` and `setup.bundle_loaded`.
 */
export const actionFamilies: FamilyKey[] = ['dossier', 'agency', 'user', 'auth', 'calendar', 'procedure', 'setup'];

/** The filter's choices: the families, and a single action when the address names one. */
export function actionOptions(t: TFunction, language: Language, current: string): Array<{ value: string; label: string }> {
  const options = actionFamilies.map((family) => ({ value: `${family}.`, label: t(`console.admin.audit.families.${family}`) }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: actionLabel(t, language, current) });
  return options;
}

/**
 * Whether a row belongs to the whole province rather than to no known agency: yearly holiday
 * schedules, the catalogue, bundle loads and the hourly sweep of expired sessions and uploads are
 * recorded without one (a failed sign-in of an unknown name also has none, and is not
 * "province-wide").
 */
export function isProvinceWide(event: { agencyId: string | null; action: string }): boolean {
  return event.agencyId === null && /^(calendar|procedure|setup|maintenance)\./.test(event.action);
}

/** `27/11/2026 13:55:56`: the audit trail needs the second; the offset of Vietnam is whole minutes. */
export function formatAuditTime(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return formatDateTime(at);
  return `${formatDateTime(date)}:${String(date.getUTCSeconds()).padStart(2, '0')}`;
}

/**
 * "Sửa thông tin cơ quan" for `agency.updated`, "Hồ sơ: Tiếp nhận hồ sơ" for `dossier.receive`: the
 * domain's label of every action the server records; the code itself only for a row of an action
 * this version no longer knows.
 */
export function actionLabel(_t: TFunction, language: Language, action: string): string {
  const label = auditActionLabel(action);
  return label ? localized(label, language) : action;
}

export function entityLabel(t: TFunction, entityType: string | null): string {
  if (!entityType) return '';
  return entityType in vi.console.admin.audit.entities ? t(`console.admin.audit.entities.${entityType as EntityKey}`) : entityType;
}

/** The details of a row as `key: value` lines (nested values as compact JSON). */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}
