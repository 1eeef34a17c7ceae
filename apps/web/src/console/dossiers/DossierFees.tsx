import { Button, Group, Paper, Title } from '@mantine/core';
import { IconArrowBackUp, IconCash, IconReceiptRefund, IconRosetteDiscount } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCurrency } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { FeeAccountView } from '../../shared/fees/FeeAccountView.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import type { DossierDetail } from './dossiers.api.ts';
import { FeeEntryDialog, type FeeDialogIntent } from './FeeEntryDialog.tsx';
import { useFeeAccount } from './fees.api.ts';

const icons = { payment: IconCash, refund: IconReceiptRefund, waiver: IconRosetteDiscount } as const;

/**
 * "Phí, lệ phí": the dossier's fee account, with the buttons the server says the user may use
 * (`may`): record a payment, a refund, a waiver; reverse an entry recorded by mistake.
 */
export function DossierFees({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const account = useFeeAccount(dossier.id);
  const [intent, setIntent] = useState<FeeDialogIntent>();

  let body;
  if (account.isPending) body = null;
  else if (account.isError) body = <ErrorState title={t('fees.loadFailed')} error={account.error} onRetry={() => void account.refetch()} />;
  else {
    const a = account.data;
    const buttons = (['payment', 'refund', 'waiver'] as const).filter((kind) => a.may.includes(kind)).map((kind) => {
      const Icon = icons[kind];
      // Nothing to take or waive once settled, nothing to give back before a payment.
      const disabled = kind === 'refund' ? a.refundable === 0 : a.balance.outstanding === 0;
      return (
        <Button key={kind} size="xs" variant={kind === 'payment' ? 'filled' : 'default'} leftSection={<Icon size={16} aria-hidden="true" />} disabled={disabled}
          onClick={() => setIntent({ kind })} data-testid={`fee-${kind}`}>
          {t(`fees.actions.${kind}`)}
        </Button>
      );
    });
    body = (
      <FeeAccountView
        account={a}
        actions={buttons.length ? <Group gap="xs">{buttons}</Group> : undefined}
        entryAction={a.may.includes('reversal') ? (entry) => entry.reversible ? (
          <Button size="compact-xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden="true" />}
            aria-label={t('fees.reverseEntry', { kind: localized(entry.kindLabel, language), amount: formatCurrency(entry.amount) })}
            onClick={() => setIntent({ kind: 'reversal', entry })}>
            {t('fees.actions.reversal')}
          </Button>
        ) : null : undefined}
      />
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fees-title" data-testid="dossier-fees">
      <Title order={2} fz="h4" id="fees-title" mb="xs">{t('fees.title')}</Title>
      {body}
      {intent && account.data && <FeeEntryDialog dossier={dossier} account={account.data} intent={intent} onClose={() => setIntent(undefined)} />}
    </Paper>
  );
}
