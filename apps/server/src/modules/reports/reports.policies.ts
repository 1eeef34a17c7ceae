import { scopePaths, type Actor } from '@motcua/domain';

/** Managers (and leaders, administrators) read the statistics of their subtree. */
export const reportScope = (actor: Actor): string[] => scopePaths(actor, ['manager', 'leader', 'admin']);
