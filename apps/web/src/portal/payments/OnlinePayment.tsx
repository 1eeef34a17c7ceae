import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { ApplicantProof, PublicDossier } from '../dossiers.api.ts';
import { FeeDueSection } from '../FeeDueSection.tsx';
import { PayOnlineForm } from './PayOnlineForm.tsx';
import { PaymentReturn } from './PaymentReturn.tsx';
import { paymentReturnParam, type PaymentOrder } from './payments.api.ts';

/** The order reference of `?thanh-toan=<reference>` in the page's address, if the payer is back from the gateway. */
export function usePaymentReturnReference(): string | undefined {
  const search = useLocation().search;
  return new URLSearchParams(search).get(paymentReturnParam)?.trim() || undefined;
}

interface Props {
  code: string;
  proof: ApplicantProof;
  feeDue: PublicDossier['feeDue'];
}

/** Back from the gateway: the payment's outcome, at the top of the dossier's page. Nothing otherwise. */
export function PaymentOutcome({ code, proof, feeDue, receipt }: Props & { receipt?: (order: PaymentOrder) => ReactNode }) {
  const reference = usePaymentReturnReference();
  if (!reference) return null;
  return <PaymentReturn key={reference} code={code} reference={reference} proof={proof} feeDue={feeDue} receipt={receipt} />;
}

/**
 * "Thanh toán trực tuyến" when the server says the fee can be paid online — not beside an outcome
 * of the gateway, which offers its own "Thanh toán lại" when there is something to retry.
 */
export function PayOnlineAction({ code, proof, feeDue }: Props) {
  const reference = usePaymentReturnReference();
  if (!feeDue?.payOnline || reference) return null;
  return <PayOnlineForm code={code} proof={proof} amountText={feeDue.outstandingText} />;
}

/** The public status page's "Phí, lệ phí": what is still owed, with the pay button. */
export function FeeDueWithPayment(props: Props) {
  return <FeeDueSection feeDue={props.feeDue} payAction={<PayOnlineAction {...props} />} />;
}
