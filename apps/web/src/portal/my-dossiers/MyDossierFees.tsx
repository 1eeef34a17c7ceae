import { Anchor, Group, Paper, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../shared/api.ts';
import { FeeAccountView } from '../../shared/fees/FeeAccountView.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { myDossierKey } from '../dossiers.api.ts';
import type { PaymentOrder } from '../payments/payments.api.ts';

/** The signed-in citizen's fee account of one dossier (`GET /citizen/dossiers/{code}/fees`). */
function useMyFeeAccount(code: string) {
  return useQuery({
    // Under the dossier's key: signing out drops it, a change of the dossier refreshes it.
    queryKey: [...myDossierKey(code), 'fees'],
    queryFn: ({ signal }) => client.get('/citizen/dossiers/{code}/fees', { params: { code }, signal }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

/**
 * The fees of the signed-in citizen's dossier, read-only: what is owed, what was paid, and the
 * electronic receipts to download. `payAction` is where the online payment button goes (shown
 * under the balance); without it, nothing is offered.
 */
export function MyDossierFees({ code, payAction }: { code: string; payAction?: ReactNode }) {
  const { t } = useTranslation();
  const account = useMyFeeAccount(code);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-fees" data-testid="my-dossier-fees">
      <Title order={2} fz="h4" id="my-fees" mb="xs">{t('fees.title')}</Title>
      {account.isError && <ErrorState title={t('fees.loadFailed')} error={account.error} onRetry={() => void account.refetch()} />}
      {account.data && <FeeAccountView account={account.data}>{account.data.balance.outstanding > 0 ? payAction : null}</FeeAccountView>}
    </Paper>
  );
}

/** The electronic receipt of a paid online order, as the fee account gives it: a link to its PDF. */
export function MyPaymentReceipt({ code, order }: { code: string; order: PaymentOrder }) {
  const { t } = useTranslation();
  const account = useMyFeeAccount(code);
  const issued = order.receipt;
  const receipt = issued && account.data?.entries
    .map((e) => e.receipt)
    .find((r) => r && r.symbol === issued.symbol && r.number === issued.number && r.year === issued.year);
  if (!receipt) return null;
  return (
    <Anchor href={receipt.pdf} target="_blank" rel="noopener" size="sm" data-testid="payment-receipt-link">
      <Group gap={4} wrap="nowrap" component="span"><IconFileTypePdf size={16} aria-hidden="true" />{t('payments.return.paid.download', { number: receipt.text })}</Group>
    </Anchor>
  );
}
