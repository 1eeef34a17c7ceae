/**
 * A dossier's fee account for staff who see the dossier (the dossier's read rule) and for the
 * applicant in "Hồ sơ của tôi" (their own dossier, by code); anyone else is told "not found".
 */
import type { Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import type { DossierRow } from '../dossiers/dossiers.repository.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { myDossierContext } from '../dossiers/my-dossiers.queries.ts';
import { verificationUrl } from '../signed-documents/signed-documents.usecases.ts';
import { paymentOrdersOf, signedReceiptsOf } from './fee-account.repository.ts';
import { presentFeeAccount, type FeeAccount } from './fee-account.presenter.ts';
import { feeEntriesOf } from './fee-ledger.repository.ts';
import { recordableFeeEntries } from './payments.policies.ts';

type ReadDeps = Pick<Deps, 'db' | 'references' | 'config'>;

/** Where staff download a dossier's receipts; the applicant's are under their own routes. */
export const staffReceiptBase = (dossierId: number) => `/api/v1/dossiers/${dossierId}/fees/receipts`;
export const citizenReceiptBase = (code: string) => `/api/v1/citizen/dossiers/${encodeURIComponent(code)}/fees/receipts`;

async function accountOf(dossier: DossierRow, deps: ReadDeps, receiptBase: string, may: FeeAccount['may']): Promise<FeeAccount> {
  const entries = await feeEntriesOf(deps.db, dossier.id);
  const signed = await signedReceiptsOf(deps.db, entries.map((e) => e.id));
  const orders = await paymentOrdersOf(deps.db, dossier.id);
  const names = await deps.references.userNames(deps.db, entries.flatMap((e) => (e.recorded_by ? [e.recorded_by] : [])));
  return presentFeeAccount({
    dossier, entries, names, signed, orders, receiptBase, may, verificationUrl: (id) => verificationUrl(deps.config, id),
  });
}

export async function staffFeeAccount(actor: Actor, dossierId: number, deps: ReadDeps): Promise<FeeAccount> {
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId);
  return accountOf(ctx.dossier, deps, staffReceiptBase(ctx.dossier.id), recordableFeeEntries(actor, ctx.agencies.receivingPath));
}

export async function myFeeAccount(actor: Actor, code: string, deps: ReadDeps): Promise<FeeAccount> {
  const ctx = await myDossierContext(actor, code, deps);
  return accountOf(ctx.dossier, deps, citizenReceiptBase(ctx.dossier.code), []);
}
