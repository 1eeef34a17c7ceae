import { scopePaths, type Actor, type StaffRole } from '@motcua/domain';

/** Managers (and leaders, administrators) read the statistics of their subtree. */
export const reportScope = (actor: Actor): string[] => scopePaths(actor, ['manager', 'leader', 'admin']);

/**
 * Who reads the fee report: besides the report's readers, the counter officers who collect the
 * fees (accounting at the one-stop shop), each over the agencies they are assigned to.
 */
export const feeReportRoles: readonly StaffRole[] = ['officer', 'manager', 'leader', 'admin'];
export const feeReportScope = (actor: Actor): string[] => scopePaths(actor, feeReportRoles);
