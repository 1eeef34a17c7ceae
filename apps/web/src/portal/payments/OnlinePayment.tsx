import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ApplicantProof, PublicDossier } from '../dossiers.api.ts';
import { FeeDueSection } from '../FeeDueSection.tsx';
import { PayOnlineForm } from './PayOnlineForm.tsx';
import { PaymentReturn } from './PaymentReturn.tsx';
import { paymentReturnParam, unknownPaymentReturn, type PaymentOrder } from './payments.api.ts';

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
 * `/tra-cuu?thanh-toan=loi`: the server's return could not tell which order the gateway meant (a
 * callback that failed verification), so there is no dossier to show: only that.
 */
export function UnidentifiedPaymentNotice() {
  const { t } = useTranslation();
  if (usePaymentReturnReference() !== unknownPaymentReturn) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('payments.return.title')} data-payment-status="unknown">
      {t('payments.return.unknown')}
    </Alert>
  );
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
