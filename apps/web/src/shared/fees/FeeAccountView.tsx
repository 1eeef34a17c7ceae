import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { feeItemKindLabels } from '@motcua/domain';
import { IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyValue, formatCurrency, formatDateTime } from '../format.ts';
import { localized, useLanguage } from '../i18n/index.ts';

/** The fee account as both the console and "Hồ sơ của tôi" receive it (the same server schema; the API types are checked against it where it is passed). */
export type FeeAccountData = {
  terms: { items: Array<{ kind: 'fee' | 'charge'; label: string; amount: number }>; exemption?: { label: string; waived: number }; payBeforeProcessing: boolean; legalBasis: string | null } | null;
  balance: { due: number; paid: number; refunded: number; waived: number; outstanding: number; settled: boolean };
  entries: Array<{
    id: string; kind: string; kindLabel: { vi: string; en: string }; methodLabel: { vi: string; en: string } | null; amount: number; recordedAt: string;
    recordedBy: { name: string } | null; reason: string | null; reversedBy: string | null;
    receipt: { text: string; pdf: string; signed: boolean } | null;
  }>;
};

interface Props<A extends FeeAccountData> {
  account: A;
  /** Buttons over the ledger (the console's Record payment, Refund, Waiver). */
  actions?: ReactNode;
  /** A per-entry action (the console's Reverse). */
  entryAction?: (entry: A['entries'][number]) => ReactNode;
  /** A slot under the balance, e.g. the portal's online payment button. */
  children?: ReactNode;
}

/**
 * A dossier's fees: what was fixed at reception, the balance, the entries with their receipts. The
 * figures are the server's (the balance is the domain's `feeBalance`): nothing is computed here.
 */
export function FeeAccountView<A extends FeeAccountData>({ account, actions, entryAction, children }: Props<A>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { terms, balance, entries } = account;
  if (!terms && balance.due === 0 && entries.length === 0) return <Text size="sm" c="gray.7">{t('fees.none')}</Text>;
  const figures: Array<[string, number, boolean?]> = [
    [t('fees.due'), balance.due],
    [t('fees.paid'), balance.paid],
    ...(balance.refunded ? [[t('fees.refunded'), balance.refunded] as [string, number]] : []),
    ...(balance.waived ? [[t('fees.waived'), balance.waived] as [string, number]] : []),
    [t('fees.outstanding'), balance.outstanding, true],
  ];
  return (
    <Stack gap="sm">
      {terms && (
        <Stack gap={2}>
          {terms.items.map((item, i) => (
            <Group key={i} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{localized(feeItemKindLabels[item.kind], language)}: {item.label}</Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatCurrency(item.amount)}</Text>
            </Group>
          ))}
          {terms.exemption && (
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{t('fees.exemption', { label: terms.exemption.label })}</Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>− {formatCurrency(terms.exemption.waived)}</Text>
            </Group>
          )}
          {terms.legalBasis && <Text size="xs" c="gray.7">{t('fees.legalBasis', { basis: terms.legalBasis })}</Text>}
        </Stack>
      )}
      <Group gap="xs">
        <Badge color={balance.settled ? 'green' : 'orange'} variant="light" leftSection={balance.settled ? <IconCircleCheck size={14} aria-hidden="true" /> : undefined} data-testid="fee-status">
          {balance.settled ? t('fees.settled') : t('fees.unsettled')}
        </Badge>
        {terms?.payBeforeProcessing && <Badge color="gray" variant="outline">{t('fees.payBefore')}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: figures.length }} spacing="xs">
        {figures.map(([label, amount, strong]) => (
          <div key={label}>
            <Text size="xs" c="gray.7">{label}</Text>
            <Text size="sm" fw={strong ? 700 : 500} data-testid={strong ? 'fee-outstanding' : undefined}>{formatCurrency(amount)}</Text>
          </div>
        ))}
      </SimpleGrid>
      {children}
      {actions}
      <Text size="sm" fw={600}>{t('fees.entries')}</Text>
      {/* The scroll box is positioned so that the visually hidden header text stays inside it instead of widening the page. */}
      {entries.length === 0 ? <Text size="sm" c="gray.7">{t('fees.noEntries')}</Text> : (
        <Table.ScrollContainer minWidth={entryAction ? 640 : 540} type="native" pos="relative">
          <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="fee-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fees.columns.date')}</Table.Th>
                <Table.Th>{t('fees.columns.kind')}</Table.Th>
                <Table.Th ta="right">{t('fees.columns.amount')}</Table.Th>
                <Table.Th>{t('fees.columns.receipt')}</Table.Th>
                {entryAction && <Table.Th><VisuallyHidden>{t('fees.columns.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(entries as A['entries']).map((e) => (
                <Table.Tr key={e.id} data-kind={e.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(e.recordedAt)}
                    <Text size="xs" c="gray.7">{e.recordedBy?.name || emptyValue}</Text>
                  </Table.Td>
                  <Table.Td miw={170}>
                    <Group gap={6}>
                      <Text size="sm" td={e.reversedBy ? 'line-through' : undefined}>{localized(e.kindLabel, language)}</Text>
                      {e.reversedBy && <Badge size="xs" color="gray" variant="light">{t('fees.reversed')}</Badge>}
                    </Group>
                    {e.methodLabel && <Text size="xs" c="gray.7">{t('fees.columns.method')}: {localized(e.methodLabel, language)}</Text>}
                    {e.reason && <Text size="xs" c="gray.7">{e.reason}</Text>}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatCurrency(e.amount)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.receipt ? (
                      <Anchor href={e.receipt.pdf} target="_blank" rel="noopener" size="sm" aria-label={t('fees.receiptLink', { number: e.receipt.text })}>
                        <Group gap={4} wrap="nowrap"><IconFileTypePdf size={16} aria-hidden="true" />{e.receipt.text}</Group>
                      </Anchor>
                    ) : emptyValue}
                    {e.receipt?.signed && <Text size="xs" c="green.9">{t('fees.signed')}</Text>}
                  </Table.Td>
                  {entryAction && <Table.Td style={{ whiteSpace: 'nowrap' }}>{entryAction(e)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
