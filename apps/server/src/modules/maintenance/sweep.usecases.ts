/**
 * Deletes what has expired: staff sessions past their expiry, files uploaded for an online
 * submission that no dossier claimed within a day (with their stored content), and the sign-in
 * throttle's forgotten rows; and discards the prepared dossiers (assisted filing) nobody confirmed
 * within `PREPARATION_DISCARD_DAYS` (docs/rules/assisted-filing.md). Run every hour on the job
 * queue (`sweep.jobs.ts`, once across all processes); a plain use case of `deps`, on `deps.clock`.
 */
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteExpiredSessions, deleteForgottenAddresses, deleteStaleThrottleBuckets } from '../auth/auth.repository.ts';
import { deleteUnclaimedPublicUploads } from '../files/files.repository.ts';
import { deleteExpiredCitizenSessions } from '../citizens/citizens.repository.ts';
import { discardUnconfirmedPreparations } from '../dossiers/assisted.usecases.ts';

/** How long an online applicant has between uploading a file and submitting the dossier that uses it. */
export const unclaimedUploadLifetimeMs = 24 * 3600_000;

export interface SweepSummary {
  sessions: number;
  citizenSessions: number;
  uploads: number;
  throttleRows: number;
  usualAddresses: number;
  /** Prepared dossiers discarded for want of the applicant's confirmation. */
  preparations: number;
}

export async function sweepExpired(deps: Pick<Deps, 'db' | 'storage' | 'clock' | 'config' | 'calendars' | 'references'>): Promise<SweepSummary> {
  const now = deps.clock();
  const { summary, keys } = await deps.db.transaction().execute(async (tx) => {
    const keys = await deleteUnclaimedPublicUploads(tx, new Date(now.getTime() - unclaimedUploadLifetimeMs));
    const summary: Omit<SweepSummary, 'preparations'> = {
      sessions: await deleteExpiredSessions(tx, now),
      citizenSessions: await deleteExpiredCitizenSessions(tx, now),
      uploads: keys.length,
      throttleRows: await deleteStaleThrottleBuckets(tx, new Date(now.getTime() - deps.config.login.lockMs), now),
      usualAddresses: await deleteForgottenAddresses(tx, new Date(now.getTime() - deps.config.login.knownAddressMs)),
    };
    if (Object.values(summary).some((n) => n > 0)) {
      await recordAudit(tx, { actor: { kind: 'anonymous' }, actorName: 'motcua sweep' }, { action: 'maintenance.expired_swept', at: now, details: { ...summary } });
    }
    return { summary, keys };
  });
  // After the commit: a file whose row is gone is never served; the reverse would be a broken link.
  for (const key of keys) await deps.storage.remove(key);
  // Each discard is a dossier action with its own log row and audit row, in its own transaction.
  return { ...summary, preparations: await discardUnconfirmedPreparations(deps) };
}
