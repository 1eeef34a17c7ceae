import { scopePaths, type Actor } from '@motcua/domain';

/** Administrators and managers (inspectors) read the audit trail of their subtree. */
export const auditReadScope = (actor: Actor): string[] => scopePaths(actor, ['admin', 'manager']);
