import { Alert, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Fee } from '../catalogue.ts';
import { formatCurrency } from '../format.ts';
import { localized, useLanguage } from '../i18n/index.ts';

/**
 * A procedure's fee schedule as the server states it: each fee (phí) or charge (lệ phí) with its
 * counter and online amounts, by case when it depends on one, the exemptions, the legal basis and
 * whether it is paid before processing. Nothing here decides an amount.
 */
export function FeeSchedule({ fee, compact = false }: { fee: Fee; compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // On a phone three columns do not fit: each item is a block with its amounts under it.
  const narrow = useMediaQuery('(max-width: 36em)');
  if (fee.items.length === 0) return <Text size="sm">{t('portal.fees.free')}</Text>;
  const size = compact ? 'xs' : 'sm';
  const rows = fee.items.flatMap((item) => {
    const cases = item.table.length ? item.table : [{ label: null, amount: item.amount ?? 0, onlineAmount: item.onlineAmount ?? 0, reducedOnline: item.reducedOnline }];
    return cases.map((row, i) => ({ key: `${item.label}/${row.label ?? ''}`, item, row, first: i === 0, span: cases.length }));
  });
  return (
    <Stack gap="xs" data-testid="fee-schedule">
      {narrow ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {fee.items.map((item) => (
            <Stack key={item.label} gap={2} component="li" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Group gap={6} align="baseline" wrap="nowrap">
                <Badge size="xs" variant="light" color={item.kind === 'fee' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>{localized(item.kindText, language)}</Badge>
                <Text size={size} fw={600}>{item.label}</Text>
              </Group>
              {rows.filter((r) => r.item === item).map(({ key, row }) => (
                <Text key={key} size={size} className="motcua-figures">
                  {row.label && <Text span size={size} c="gray.7">{row.label}: </Text>}
                  {t('portal.fees.atCounter')} {formatCurrency(row.amount)} · {t('portal.fees.online')}{' '}
                  <Text span size={size} fw={row.reducedOnline ? 650 : undefined} c={row.reducedOnline ? 'green.9' : undefined}>{formatCurrency(row.onlineAmount)}</Text>
                </Text>
              ))}
            </Stack>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={compact ? 0 : 480} type="native">
          <Table withTableBorder withColumnBorders fz={size} verticalSpacing={compact ? 4 : 'xs'}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portal.fees.item')}</Table.Th>
                <Table.Th ta="right">{t('portal.fees.atCounter')}</Table.Th>
                <Table.Th ta="right">{t('portal.fees.online')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ key, item, row, first }) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    {first && (
                      <Group gap={6} wrap="nowrap" align="baseline">
                        <Badge size="xs" variant="light" color={item.kind === 'fee' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>{localized(item.kindText, language)}</Badge>
                        <Text span size={size} fw={600}>{item.label}</Text>
                      </Group>
                    )}
                    {row.label && <Text size={size} c="gray.7">{row.label}</Text>}
                  </Table.Td>
                  <Table.Td ta="right" className="motcua-figures">{formatCurrency(row.amount)}</Table.Td>
                  <Table.Td ta="right" className="motcua-figures" fw={row.reducedOnline ? 650 : undefined} c={row.reducedOnline ? 'green.9' : undefined}>
                    {formatCurrency(row.onlineAmount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {fee.exemptions.length > 0 && (
        <Stack gap={2}>
          <Text size={size} fw={600}>{t('portal.fees.exemptions')}</Text>
          <List size={size} spacing={2}>
            {fee.exemptions.map((e) => (
              <List.Item key={e.label}>{e.label}: <Text span size={size} fw={600}>{localized(e.text, language)}</Text></List.Item>
            ))}
          </List>
          {!compact && <Text size="xs" c="gray.7">{t('portal.fees.exemptionsHow')}</Text>}
        </Stack>
      )}
      {fee.payBeforeProcessing && (
        <Alert color="orange" variant="light" p="xs" icon={<IconCash size={16} aria-hidden="true" />}>
          <Text size={size}>{t('portal.fees.payBeforeProcessing')}</Text>
        </Alert>
      )}
      {fee.legalBasis && <Text size="xs" c="gray.7">{t('portal.fees.legalBasis', { basis: fee.legalBasis })}</Text>}
    </Stack>
  );
}
