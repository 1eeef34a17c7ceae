import { isRootPath, scopePaths, type Actor } from '@motcua/domain';

/**
 * Administrators and managers (inspectors) read the audit trail of their subtree. Events of no
 * agency (the calendar's yearly schedules, the catalogue, bundle loads) belong to the whole
 * province: those of a root agency read them too.
 */
export function auditReadScope(actor: Actor): { scopePaths: string[]; includeProvinceWide: boolean } {
  const paths = scopePaths(actor, ['admin', 'manager']);
  return { scopePaths: paths, includeProvinceWide: paths.some(isRootPath) };
}
