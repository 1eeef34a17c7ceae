import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconCircleX } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { feeReceiptText, formatAmount, type Messages } from '@motcua/domain';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { ApplicantProof } from '../dossiers.api.ts';
import { SecurityCodeInput } from '../SecurityCodeInput.tsx';
import { PayOnlineForm } from './PayOnlineForm.tsx';
import {
  rememberedSecurityCode, rememberSecurityCode, unknownPaymentReturn, usePaymentOrder, useRefreshDossierAfterPayment, type PaymentOrder,
} from './payments.api.ts';

interface Props {
  code: string;
  reference: string;
  proof: ApplicantProof;
  /** What the dossier still owes now and whether it can be paid online (the page's `feeDue`): the "try again" button. */
  feeDue: { outstandingText: Messages; payOnline: boolean } | null;
  /** The receipt of a paid order as a link, where the page can give one (the signed-in fee account). */
  receipt?: (order: PaymentOrder) => ReactNode;
}

/**
 * Back from the gateway (`?thanh-toan=<reference>`): the payment's outcome as the server knows it —
 * paid (with the receipt), still waiting for the gateway's confirmation (asked again a few times,
 * then "come back later"), or failed, cancelled or expired (what happened, and the button to try
 * again). On the public page the security code typed before leaving proves the dossier; when this
 * tab no longer has it, it is asked for.
 */
export function PaymentReturn({ code, reference, proof, feeDue, receipt }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState(() => (proof === 'security_code' ? rememberedSecurityCode(code) : undefined));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="payment-return-title" data-testid="payment-return">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="payment-return-title">{t('payments.return.title')}</Title>
        {reference === unknownPaymentReturn ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-payment-status="unknown">
            {t('payments.return.unknown')}
          </Alert>
        ) : proof === 'security_code' && !secret ? (
          <AskSecurityCode onProof={setSecret} />
        ) : (
          <OrderOutcome code={code} reference={reference} proof={proof} secret={secret} feeDue={feeDue} receipt={receipt} onRefused={() => setSecret(undefined)} />
        )}
      </Stack>
    </Paper>
  );
}

function AskSecurityCode({ onProof }: { onProof: (secret: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [tried, setTried] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (value.trim()) onProof(value.trim());
  }
  return (
    <form onSubmit={submit} noValidate data-payment-status="proof">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('payments.return.proof')}</Text>
        <SecurityCodeInput value={value} onChange={setValue} error={tried && !value.trim() ? t('portal.lookup.secretRequired') : undefined} maw={420} w="100%" />
        <Button type="submit">{t('payments.return.show')}</Button>
      </Stack>
    </form>
  );
}

const finalStatuses = new Set<PaymentOrder['status']>(['paid', 'failed', 'cancelled', 'expired']);

function OrderOutcome({ code, reference, proof, secret, feeDue, receipt, onRefused }: Omit<Props, 'feeDue'> & Pick<Props, 'feeDue'> & { secret: string | undefined; onRefused: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const order = usePaymentOrder(reference, proof, secret);
  const refresh = useRefreshDossierAfterPayment();
  const status = order.data?.status;

  // A final outcome changes what the page shows about the dossier (its fee, maybe its status).
  useEffect(() => {
    if (status && finalStatuses.has(status)) refresh(code, proof);
    if (status === 'paid' && proof === 'security_code') rememberSecurityCode(code, undefined);
  }, [status, code, proof, refresh]);

  if (order.isPending) return <Group gap="xs"><Loader size="sm" /><Text size="sm">{t('payments.return.loading')}</Text></Group>;
  if (order.isError) {
    if (isApiError(order.error, 'dossier.access_denied')) {
      return (
        <Stack gap="sm" align="flex-start">
          <ProblemAlert title={t('payments.return.failedToLoad')} error={order.error} />
          <Button variant="default" onClick={onRefused}>{t('payments.return.otherCode')}</Button>
        </Stack>
      );
    }
    return (
      <Stack gap="sm" align="flex-start" data-payment-status="error">
        <ProblemAlert title={t('payments.return.failedToLoad')} error={order.error} />
        <Button variant="default" onClick={order.checkAgain}>{t('common.retry')}</Button>
      </Stack>
    );
  }
  const o = order.data;
  const amount = localized(formatAmount(o.amount), language);

  if (o.status === 'paid') {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} aria-hidden="true" />} role="status" data-payment-status="paid"
        title={t('payments.return.paid.title')}>
        <Stack gap={6}>
          <Text size="sm">{t('payments.return.paid.body', { amount, at: o.paidAt ? formatDateTime(o.paidAt) : '' })}</Text>
          {o.receipt && (
            <Text size="sm" data-testid="payment-receipt-number">
              {t('payments.return.paid.receipt', { number: feeReceiptText(o.receipt.symbol, o.receipt.number) })}
            </Text>
          )}
          {receipt?.(o)}
          <Text size="xs" c="gray.7" className="motcua-code">{t('payments.return.reference', { reference: o.reference })}</Text>
        </Stack>
      </Alert>
    );
  }

  if (o.status === 'pending') {
    return (
      <Alert color="blue" variant="light" icon={<IconClockHour4 size={20} aria-hidden="true" />} role="status" data-payment-status={order.gaveUp ? 'pending-later' : 'pending'}
        title={t('payments.return.pending.title')}>
        <Stack gap="xs" align="flex-start">
          {order.gaveUp ? (
            <>
              <Text size="sm">{t('payments.return.pending.later')}</Text>
              <Button size="compact-sm" variant="default" loading={order.isFetching} onClick={order.checkAgain}>{t('payments.return.pending.checkAgain')}</Button>
            </>
          ) : (
            <Group gap="xs" wrap="nowrap"><Loader size="xs" aria-hidden="true" /><Text size="sm">{t('payments.return.pending.waiting', { amount })}</Text></Group>
          )}
          <Text size="xs" c="gray.7" className="motcua-code">{t('payments.return.reference', { reference: o.reference })}</Text>
        </Stack>
      </Alert>
    );
  }

  // failed, cancelled, expired: nothing was taken; the dossier still owes what it owed.
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light" icon={<IconCircleX size={20} aria-hidden="true" />} role="status" data-payment-status={o.status}
        title={t(`payments.return.${o.status}.title`)}>
        <Stack gap={6}>
          <Text size="sm">{t(`payments.return.${o.status}.body`, { amount })}</Text>
          <Text size="xs" c="gray.7" className="motcua-code">{t('payments.return.reference', { reference: o.reference })}</Text>
        </Stack>
      </Alert>
      {feeDue?.payOnline && <PayOnlineForm code={code} proof={proof} amountText={feeDue.outstandingText} again />}
    </Stack>
  );
}
