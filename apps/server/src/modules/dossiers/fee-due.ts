/**
 * What the applicant still owes on a dossier, as the portal shows it beside the status (the public
 * page and "Hồ sơ của tôi"): the outstanding amount of the fee ledger (the domain's `feeBalance`),
 * written by the server, and whether it can be paid online here. Only when the domain asks the
 * applicant for a payment (`applicantAsks`); the amount is not personal data (the fee schedule is
 * public), the payment itself needs the security code or the e-ID.
 */
import { z } from 'zod';
import { applicantAsks, feeBalance, formatAmount, type DossierStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { feeEntriesOf } from '../payments/fee-ledger.repository.ts';
import type { DossierRow } from './dossiers.repository.ts';

export const FeeDueSchema = z.object({
  outstanding: z.number().describe('whole đồng still owed'),
  outstandingText: z.object({ vi: z.string(), en: z.string() }).describe('"50.000 đồng" / "50,000 VND"'),
  payOnline: z.boolean().describe('an online payment can be started from the portal (a gateway is configured)'),
}).nullable().describe('the fee still owed now; null when nothing is');

export type FeeDue = z.infer<typeof FeeDueSchema>;

export async function feeDueOf(dossier: DossierRow, deps: Pick<Deps, 'db' | 'config'>): Promise<FeeDue> {
  const asked = applicantAsks({ status: dossier.status as DossierStatus, supplementPending: false, feeAmount: dossier.fee_amount, feePaid: dossier.fee_paid, rated: true });
  if (!asked.includes('payment')) return null;
  const entries = await feeEntriesOf(deps.db, dossier.id);
  const { outstanding } = feeBalance(dossier.fee_amount, entries.map((e) => ({ id: e.id, kind: e.kind, amount: Number(e.amount), reverses: e.reverses })));
  if (outstanding <= 0) return null;
  return { outstanding, outstandingText: formatAmount(outstanding), payOnline: deps.config.payments !== undefined };
}
