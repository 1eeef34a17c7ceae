/**
 * What a dossier asks of its applicant now ("Hồ sơ của tôi", docs/my-dossiers.md): the papers an
 * officer or a specialist asked for (Decree 118/2025 art. 19), a fee still to pay, a rating once
 * there is a result (Decision 766/QĐ-TTg: the applicant rates each dossier once), and the
 * confirmation of a dossier an officer or a community helper prepared for them (assisted filing:
 * nothing is submitted until they confirm, docs/rules/assisted-filing.md).
 */
import { resultStatuses, type DossierStatus } from './statuses.ts';

export const applicantAskKinds = ['confirmation', 'supplement', 'payment', 'rating'] as const;
export type ApplicantAskKind = (typeof applicantAskKinds)[number];

export interface ApplicantAskFacts {
  status: DossierStatus;
  /** A supplement request is open and the applicant has not yet sent it online. */
  supplementPending: boolean;
  feeAmount: number;
  feePaid: boolean;
  rated: boolean;
}

/** No fee is owed on a dossier that was not submitted or received, was withdrawn, or whose result was handed over. */
const noFeeOwed: ReadonlySet<DossierStatus> = new Set(['draft', 'awaiting_confirmation', 'refused', 'withdrawn', 'returned']);

/** Whether a dossier in `status` can owe its fee (the portal asks for it, an online payment may start). */
export const feeOwedIn = (status: DossierStatus): boolean => !noFeeOwed.has(status);

/** The things the applicant is expected to do now, in the order the portal lists them. */
export function applicantAsks(facts: ApplicantAskFacts): ApplicantAskKind[] {
  const asks: ApplicantAskKind[] = [];
  if (facts.status === 'awaiting_confirmation') asks.push('confirmation');
  if (facts.supplementPending && (facts.status === 'supplement_requested' || facts.status === 'draft')) asks.push('supplement');
  if (facts.feeAmount > 0 && !facts.feePaid && feeOwedIn(facts.status)) asks.push('payment');
  if (resultStatuses.has(facts.status) && !facts.rated) asks.push('rating');
  return asks;
}
