/**
 * A fee due before processing holds the dossier (docs/rules/payments.md): while it is unpaid the
 * dossier reports national status 6 and is not handed to the processing unit.
 */
import type { DossierAction } from '../dossier/actions.ts';
import { AppError } from '../errors.ts';
import { formatAmount } from '../catalogue/labels.ts';
import type { FeeTerms } from './terms.ts';

/** What `nationalStatusOf` and the processing rule need to know of a dossier's fee. */
export interface FeeStanding {
  outstanding: number;
  payBeforeProcessing: boolean;
}

/** A dossier's standing from its columns: nothing outstanding once `fee_paid`, else the whole amount due. */
export function feeStandingOf(dossier: { feeAmount: number; feePaid: boolean; terms: Pick<FeeTerms, 'payBeforeProcessing'> | null | undefined }): FeeStanding {
  return { outstanding: dossier.feePaid ? 0 : dossier.feeAmount, payBeforeProcessing: dossier.terms?.payBeforeProcessing ?? false };
}

/** The action that hands a received dossier to processing (Decree 118/2025 art. 18). */
const startsProcessing: ReadonlySet<DossierAction> = new Set(['transfer']);

/** True when the fee must be paid before this action may be taken. */
export function feeHoldsAction(action: DossierAction, fee: FeeStanding): boolean {
  return startsProcessing.has(action) && fee.payBeforeProcessing && fee.outstanding > 0;
}

/** Refuses to start processing a dossier whose fee is due before processing and not paid (`dossier.fee_unpaid`). */
export function assertFeeAllowsAction(action: DossierAction, fee: FeeStanding): void {
  if (!feeHoldsAction(action, fee)) return;
  const amount = formatAmount(fee.outstanding);
  throw new AppError('dossier.fee_unpaid', {
    messages: {
      vi: `Hồ sơ chưa nộp phí, lệ phí (còn ${amount.vi}): thủ tục này yêu cầu nộp trước khi giải quyết`,
      en: `The fee is not paid (${amount.en} outstanding): this procedure requires it before processing`,
    },
    details: { outstanding: fee.outstanding },
  });
}
