/**
 * What a dossier owes, fixed when it is received (SPEC: "the fee due is fixed when the dossier is
 * received and shown on form 01"): a snapshot of the procedure version's fee schedule for the
 * dossier's channel and case, kept on the dossier (`dossiers.fee_terms`) so that a later change of
 * the catalogue changes nothing for it.
 */
export const feeItemKinds = ['fee', 'charge'] as const;
/** `fee`: phí (pays for a service); `charge`: lệ phí (a state levy). Reported apart by accounting. */
export type FeeItemKind = (typeof feeItemKinds)[number];

export interface FeeTermsItem {
  kind: FeeItemKind;
  label: string;
  /** Whole đồng, for the dossier's channel (online may be reduced). */
  amount: number;
}

export interface FeeTerms {
  currency: 'VND';
  /** The amount due in whole đồng (equals `dossiers.fee_amount`): the items less the exemption. */
  amount: number;
  items: FeeTermsItem[];
  /** For a schedule by case: the case (row) chosen at reception; the items' amounts are that case's. */
  case?: string | undefined;
  /** An exemption or reduction granted at reception, with the amount it took off (and its percentage). */
  exemption?: { label: string; waived: number; share?: number | undefined } | undefined;
  /**
   * The procedure requires the fee before processing: while it is unpaid the dossier reports
   * national status 6 (financial obligation requested).
   */
  payBeforeProcessing: boolean;
  legalBasis: string | null;
}

/** Terms of a dossier that owes nothing. */
export const noFeeTerms: FeeTerms = { currency: 'VND', amount: 0, items: [], payBeforeProcessing: false, legalBasis: null };
