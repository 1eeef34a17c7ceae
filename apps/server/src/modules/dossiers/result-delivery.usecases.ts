/**
 * "Returned" means delivered (docs/rules/results.md): for an applicant who chose to receive the
 * result online, their first download of the signed result is its return. The download records
 * `return_result` with `delivery: download` in the log, as the applicant (signed in, or holding the
 * security code), in its own transaction: the file is sent whatever happens to the record.
 */
import { downloadReturnsResult, type Actor, type DossierStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { findByResultFile } from '../signed-documents/signed-documents.repository.ts';
import { actionDepsOf, applyAction } from './actions.usecases.ts';
import { contextOf, stateOf } from './dossier.context.ts';
import * as repo from './dossiers.repository.ts';

/**
 * Records the return of the result when `fileId` is a dossier's signed result, the applicant chose
 * online delivery and it was not returned yet. Only the applicant's downloads count: staff reading
 * the file return nothing. Returns true when it recorded the return.
 */
export async function returnOnDownload(
  context: AuditContext & { actor: Actor },
  fileId: string,
  proof: 'eid' | 'security_code',
  deps: Deps,
): Promise<boolean> {
  if (context.actor.kind !== 'citizen') return false;
  const document = await findByResultFile(deps.db, fileId);
  if (!document?.dossier_id || document.status !== 'signed') return false;
  const dossierId = document.dossier_id;
  const calendars = await deps.calendars.current();
  return inTransactionWaking(deps, async (tx) => {
    const dossier = await repo.lockDossier(tx, dossierId);
    if (!dossier) return false;
    const ctx = await contextOf(tx, deps.references, dossier);
    if (!downloadReturnsResult({ status: dossier.status as DossierStatus, resultDelivery: dossier.result_delivery }, stateOf(ctx).result)) return false;
    await applyAction(tx, context, ctx, {
      action: 'return_result', delivery: 'download', proof, data: { signedDocument: document.id },
    }, actionDepsOf(deps, calendars));
    return true;
  });
}
